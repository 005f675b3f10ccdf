"""The extractor: documents in, `Extraction`s (or `Failure`s) out, in input order.

This module does the streaming: it drives spaCy's `nlp.pipe` in batches over
a stream, so memory stays flat however many documents pass, and keeps
results and failures in input order. A document longer than the chunk size
is parsed in pieces cut at paragraph breaks (`pipeline.chunk_text`). What
the rules make of each parsed piece, and how records are built from it, is
`assembly`. A failure in one document (bad input or a bug the rules hit)
becomes a `Failure` naming it; the stream goes on.
"""

from __future__ import annotations

import datetime as dt
import logging
import multiprocessing
import os
import queue
import signal
import sys
import threading
import warnings
from collections import deque
from collections.abc import Iterable, Iterator
from typing import TypeVar, cast

from spacy.language import Language
from spacy.tokens import Doc

from . import assembly
from .assembly import DocumentState
from .dates import dateline_date
from .documents import Document
from .lemmas import Lemmas
from .numeric_dates import document_order
from .pipeline import (
    DEFAULT_CHUNK_CHARS,
    add_paragraph_boundaries,
    chunk_text,
    load_pipeline,
    tokenizer_safe,
)
from .records import Extraction, Failure, PublishedFrom
from .settings import (
    DEFAULT_BATCH_CHARS,
    DEFAULT_BATCH_SIZE,
    DEFAULT_MAX_CHARS,
    DEFAULT_WORKERS,
    Settings,
)

log = logging.getLogger("newsclaims")

FAILURE_FLUSH = 1_000  # failures in a row before an empty text releases them
FLUSH = -1  # the document number of those empty texts
# Characters parsed inside one spaCy memory zone: the strings the text adds to
# the vocabulary are dropped at its end, so a stream of any length holds at
# most this much text's vocabulary (re-adding common words costs well under 1%).
ZONE_CHARS = 5_000_000

# Seconds without a new piece from the input after which a partial batch is parsed.
IDLE_WAIT = 0.1

_Piece = tuple[int, int, int]  # (document number, piece number, offset of the piece)
_Batch = list[tuple[str, _Piece]]


class Extractor:
    """Extracts quotes, speakers and dated events from documents.

    ``published`` is the reference date for documents that carry none of
    their own (neither a JSON field nor a dateline); ``day_first`` the order
    of all-numeric dates in documents that do not settle it themselves
    (`core.numeric_dates`). ``batch_size`` and
    ``n_process`` go to spaCy's `nlp.pipe`.
    """

    def __init__(
        self,
        nlp: Language | None = None,
        *,
        model: str | None = None,
        published: dt.date | None = None,
        day_first: bool | None = None,
        batch_size: int = DEFAULT_BATCH_SIZE,
        batch_chars: int = DEFAULT_BATCH_CHARS,
        n_process: int = DEFAULT_WORKERS,
        chunk_chars: int = DEFAULT_CHUNK_CHARS,
        max_chars: int = DEFAULT_MAX_CHARS,
    ) -> None:
        self.nlp = add_paragraph_boundaries(nlp if nlp is not None else load_pipeline(model))
        self.lemmas = Lemmas(self.nlp)
        self.published = published
        self.day_first = day_first
        self.batch_size = batch_size
        self.batch_chars = batch_chars
        self.n_process = n_process
        self.chunk_chars = min(chunk_chars, self.nlp.max_length)
        self.max_chars = max_chars
        self.pipeline = assembly.pipeline_label(self.nlp)

    @classmethod
    def from_settings(cls, settings: Settings, nlp: Language | None = None) -> Extractor:
        """The extractor a run's `Settings` describe (loads the pipeline unless given)."""
        return cls(
            nlp,
            model=settings.model,
            published=settings.published,
            day_first=settings.day_first,
            batch_size=settings.batch_size,
            n_process=settings.workers,
            max_chars=settings.max_chars,
        )

    # -- public API -------------------------------------------------------
    def extract(self, doc: Document) -> Extraction:
        """Extract from one document; raises ValueError if it cannot be processed."""
        for result in self.stream([doc]):
            if isinstance(result, Failure):
                raise ValueError(f"{result.source}: {result.message}")
            return result
        raise AssertionError("stream yielded nothing")

    def extract_text(
        self, text: str, *, doc_id: str = "-", published: dt.date | None = None
    ) -> Extraction:
        return self.extract(Document(id=doc_id, text=text, source=doc_id, published=published))

    def stream(self, items: Iterable[Document | Failure]) -> Iterator[Extraction | Failure]:
        """Extract from a stream of documents, passing failures through in order.

        One process: pieces are parsed in batches bounded by count and by
        characters (the parse's memory grows with the characters in a batch,
        not with the number of documents), inside spaCy memory zones that
        drop the vocabulary a stretch of text added. Several processes: one
        `nlp.pipe` over the stream, batched by count.

        Failures never go through spaCy: they wait in ``pending`` (in input
        order, between the documents in flight) and are released as soon as
        the document before them is done. Every ``FAILURE_FLUSH`` failures in
        a row, an empty text is sent through the pipe to release them, so a
        long run of bad lines cannot pile up in memory.
        """
        states: dict[int, DocumentState] = {}
        pending: deque[Failure | int] = deque()  # failures and document numbers, in order
        pieces = self._pieces(items, states, pending)
        if self.n_process > 1:
            yield from self._in_processes(pieces, states, pending)
        else:
            for batch in self._zoned(self.batches(pieces)):
                parsed = self.nlp.pipe(batch, as_tuples=True, batch_size=len(batch))
                # the whole batch is analysed before anything is handed out, so no
                # spaCy object is alive while the caller holds this generator
                yield from list(self._collect(parsed, states, pending))
        yield from (f for f in pending if isinstance(f, Failure))

    def _in_processes(
        self,
        pieces: Iterator[tuple[str, _Piece]],
        states: dict[int, DocumentState],
        pending: deque[Failure | int],
    ) -> Iterator[Extraction | Failure]:
        """The pieces parsed by ``n_process`` spaCy worker processes.

        The workers die with this process and ignore Ctrl-C (see
        `_worker_after_fork`); if the stream stops early (an exception, the
        caller closing it) they are killed before spaCy waits for them, so
        nothing hangs on a worker that is busy with a long batch.
        """
        before = set(multiprocessing.active_children())
        # spaCy warns when workers it waits for were stopped: here that is on purpose
        warnings.filterwarnings("ignore", message=r".*\[W127\]")
        _FORKS.parent = os.getpid()
        _FORKS.open += 1
        parsed = self.nlp.pipe(
            pieces, as_tuples=True, batch_size=self.batch_size, n_process=self.n_process
        )
        watchdog = _Watchdog(before, self.n_process)
        try:
            yield from self._collect(parsed, states, pending)
        except BaseException as exc:
            died = watchdog.death()
            stop_worker_processes(keep=before)
            if isinstance(exc, EOFError | OSError) and died is not None:
                raise WorkerLost(died or None) from exc  # its channel closed under the parent
            raise
        finally:
            watchdog.stop()
            _FORKS.open -= 1

    def _pieces(
        self,
        items: Iterable[Document | Failure],
        states: dict[int, DocumentState],
        pending: deque[Failure | int],
    ) -> Iterator[tuple[str, _Piece]]:
        """The texts to parse: each document's pieces; failures are queued in ``pending``."""
        in_a_row = 0
        for n, item in enumerate(items):
            failure = item if isinstance(item, Failure) else None
            if isinstance(item, Document):
                problem = self._check(item)
                failure = Failure(item.source, problem) if problem else None
            if failure is not None:
                pending.append(failure)
                in_a_row += 1
                if in_a_row >= FAILURE_FLUSH:
                    in_a_row = 0
                    pending.append(FLUSH)
                    yield "", (FLUSH, 0, 0)
                continue
            assert isinstance(item, Document)
            in_a_row = 0
            ref, origin = self._reference(item)
            cuts = chunk_text(item.text, self.chunk_chars)
            order = document_order(item.text, self.day_first)
            states[n] = DocumentState(item, ref, origin, len(cuts), day_first=order)
            pending.append(n)
            for k, (s, e) in enumerate(cuts):
                # spaCy parses a same-length copy that tokenizes in linear time
                yield tokenizer_safe(item.text[s:e]), (n, k, s)

    def batches(self, pieces: Iterable[tuple[str, _Piece]]) -> Iterator[_Batch]:
        """Consecutive batches of at most ``batch_size`` pieces and ``batch_chars`` characters.

        A piece longer than ``batch_chars`` (up to ``chunk_chars``) is a batch of its own.
        A batch is handed out as soon as it is full, and also when the input
        has had nothing new for ``IDLE_WAIT`` seconds: a slow producer (one
        article every few seconds on a pipe) gets each article's records
        when it is processed, not when a batch fills or the input ends.
        """
        batch: _Batch = []
        chars = 0
        for piece in prefetched(pieces, max(self.batch_size, 1), IDLE_WAIT):
            if piece is None:  # the input is waiting: parse what there is
                if batch:
                    yield batch
                    batch, chars = [], 0
                continue
            size = len(piece[0])
            if batch and chars + size > self.batch_chars:
                yield batch
                batch, chars = [], 0
            batch.append(piece)
            chars += size
            if len(batch) >= self.batch_size:
                yield batch
                batch, chars = [], 0
        if batch:
            yield batch

    def _zoned(self, batches: Iterable[_Batch]) -> Iterator[_Batch]:
        """The batches, each handed out inside a memory zone renewed every ZONE_CHARS.

        The caller parses and analyses a batch while this generator waits
        inside the zone, so no spaCy object outlives the zone it was made in.
        Another stream already in a zone (an `extract` inside a loop over a
        stream) works inside that zone instead of nesting one.
        """
        if getattr(self.nlp.vocab, "in_memory_zone", False):  # zones never nest
            yield from batches
            return
        it = iter(batches)
        batch = next(it, None)
        while batch is not None:
            chars = 0
            with self.nlp.memory_zone():
                while batch is not None and chars < ZONE_CHARS:
                    yield batch
                    chars += sum(len(text) for text, _ in batch)
                    batch = next(it, None)

    def _collect(
        self,
        parsed: Iterable[tuple[Doc, _Piece]],
        states: dict[int, DocumentState],
        pending: deque[Failure | int],
    ) -> Iterator[Extraction | Failure]:
        """Analyse each parsed piece; yield a document's result once its last piece is in.

        A document's first piece releases the failures queued before it.
        """

        def release(upto: int) -> Iterator[Failure]:
            while pending:
                head = pending.popleft()
                if head == upto:
                    return
                if isinstance(head, Failure):
                    yield head

        for spacy_doc, (n, k, base) in parsed:
            if n == FLUSH or k == 0:
                yield from release(n)
            if n == FLUSH:
                continue
            state = states[n]
            if state.error is None:
                try:
                    assembly.analyze(state, spacy_doc, base, self.lemmas)
                except Exception as exc:  # a rule bug must cost one document, not the run
                    log.debug("extraction failed for %s", state.doc.source, exc_info=True)
                    state.error = f"internal error while extracting: {type(exc).__name__}: {exc}"
            state.seen += 1
            if state.seen < state.chunks:
                continue
            del states[n]
            yield self._result(state)

    def _result(self, state: DocumentState) -> Extraction | Failure:
        if state.error is not None:
            return Failure(state.doc.source, state.error)
        try:
            return assembly.finish(state, self.pipeline)
        except Exception as exc:  # as above: one document, not the run
            log.debug("assembly failed for %s", state.doc.source, exc_info=True)
            return Failure(state.doc.source, f"internal error while extracting: {exc}")

    # -- steps --------------------------------------------------------------
    def _check(self, doc: Document) -> str | None:
        if not doc.text.strip():
            return "empty document (no text)"
        if len(doc.text) > self.max_chars:
            return (
                f"document too large: {len(doc.text):,} characters "
                f"(limit {self.max_chars:,}; raise it with --max-chars)"
            )
        return None

    def _reference(self, doc: Document) -> tuple[dt.date | None, PublishedFrom | None]:
        """The date relative expressions resolve against: input, dateline, then default."""
        if doc.published is not None:
            return doc.published, "input"
        found = dateline_date(doc.text, self.published)
        if found is not None:
            return found, "dateline"
        if self.published is not None:
            return self.published, "option"
        return None, None


_T = TypeVar("_T")
_END = object()


def prefetched(items: Iterable[_T], ahead: int, idle: float) -> Iterator[_T | None]:
    """``items``, read by a thread at most ``ahead`` items in advance; None when idle.

    None is yielded each time ``idle`` seconds pass with no item ready (the
    reader is waiting for its input), so the consumer can act on what it
    holds. An exception raised while reading is raised here, in order.
    Closing the generator stops the reader after its current item.
    """
    box: queue.Queue[object] = queue.Queue(maxsize=ahead)
    stop = threading.Event()

    def put(value: object) -> bool:
        while not stop.is_set():
            try:
                box.put(value, timeout=idle)
                return True
            except queue.Full:
                continue
        return False

    def read() -> None:
        try:
            for item in items:
                if not put((item,)):
                    return
        except BaseException as exc:  # handed to the consumer
            put(exc)
            return
        put(_END)

    reader = threading.Thread(target=read, name="newsclaims-read", daemon=True)
    reader.start()
    try:
        while True:
            try:
                got = box.get(timeout=idle)
            except queue.Empty:
                yield None
                continue
            if got is _END:
                return
            if isinstance(got, BaseException):
                raise got
            yield cast(tuple[_T], got)[0]
    finally:
        stop.set()


class WorkerLost(RuntimeError):
    """A spaCy worker process (``n_process`` > 1) died: the stream cannot go on.

    ``signum`` is the signal that killed it, when one did.
    """

    def __init__(self, signum: int | None) -> None:
        how = f"was killed by {signal.Signals(signum).name}" if signum else "ended"
        super().__init__(f"a spaCy worker process {how} before its work was done")
        self.signum = signum


class _Watchdog:
    """Watches spaCy's workers; when one dies, stops the others.

    Each worker holds the other workers' channels too, so the parent would
    wait forever on a dead worker's channel while any other lives. With
    every worker gone, the parent's read fails at once (`EOFError`).
    """

    POLL_SECONDS = 0.2

    def __init__(self, before: set[multiprocessing.process.BaseProcess], expected: int) -> None:
        self.before = before
        self.expected = expected
        self.signum: int | None = None
        self.workers: list[multiprocessing.process.BaseProcess] = []
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._watch, name="newsclaims-watchdog", daemon=True)
        self.thread.start()

    def _started(self) -> list[multiprocessing.process.BaseProcess]:
        """This process's children started since the pipe opened, dead ones included.

        `multiprocessing.active_children` reaps the dead and lists only the
        living: a worker killed before it was first seen would never be
        known. The set it reaps from keeps them until then.
        """
        children = getattr(multiprocessing.process, "_children", None)
        if children is None:  # not CPython's layout: the living are what can be known
            return [p for p in multiprocessing.active_children() if p not in self.before]
        return [p for p in list(children) if p not in self.before]

    def _watch(self) -> None:
        while not self.done.wait(self.POLL_SECONDS):
            if len(self.workers) < self.expected:  # spaCy starts them one by one
                self.workers += [p for p in self._started() if p not in self.workers]
            if self.death() is not None:
                for proc in self.workers:
                    if proc.exitcode is None:
                        proc.kill()
                return

    def death(self) -> int | None:
        """None while every worker lives; else the signal that killed the first dead one, or 0."""
        if self.signum is not None:
            return self.signum
        for proc in self.workers:
            code = proc.exitcode
            if code is not None and code != 0:
                self.signum = -code if code < 0 else 0
                return self.signum
        return None

    def stop(self) -> None:
        self.done.set()
        self.thread.join(timeout=5)


class _Forks:
    """Whether a fork now starts a spaCy worker, and of which process."""

    open = 0  # multi-process pipes being started or running
    parent = 0


_FORKS = _Forks()
PR_SET_PDEATHSIG = 1  # linux/prctl.h


def _worker_after_fork() -> None:
    """In a freshly forked spaCy worker: die with the parent, leave signals and output to it.

    Ctrl-C reaches every process of a terminal's group: the parent alone
    stops the run, so workers ignore SIGINT; SIGTERM and SIGHUP end them
    quietly. The kernel kills them when the parent dies, however it dies,
    so no worker is ever orphaned holding the caller's pipe. They write no
    records: stdout goes to /dev/null, and stderr too unless debugging.
    """
    if _FORKS.open <= 0:
        return
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, signal.SIG_DFL)
    if sys.platform == "linux":
        import ctypes

        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if os.getppid() != _FORKS.parent:  # the parent died before prctl took effect
        os._exit(1)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    if not log.isEnabledFor(logging.DEBUG):
        os.dup2(devnull, 2)
    os.close(devnull)


os.register_at_fork(after_in_child=_worker_after_fork)


def stop_worker_processes(keep: set[multiprocessing.process.BaseProcess] | None = None) -> None:
    """Kill this process's multiprocessing children (spaCy's workers), except ``keep``.

    For an interruption: spaCy would otherwise wait for each worker to
    finish its batch. Waits a few seconds for them to go, so none is left
    a zombie.
    """
    doomed = [p for p in multiprocessing.active_children() if p not in (keep or set())]
    for proc in doomed:
        proc.kill()
    for proc in doomed:
        proc.join(timeout=5)
