"""The extractor: documents in, `Extraction`s (or `Failure`s) out, in input order.

Drives spaCy's `nlp.pipe` in batches over a stream, so memory stays flat
however many documents pass. A document longer than the chunk size is parsed
in pieces cut at paragraph breaks; offsets are moved back into the original
text, and the speaker roster spans the whole document. A failure in one
document (bad input or a bug the rules hit) becomes a `Failure` naming it;
the stream goes on.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any, cast

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc

from .dates import bounds, dateline_date
from .documents import Document
from .events import RawEvent, find_events
from .lemmas import Lemmas
from .numeric_dates import document_order
from .pipeline import DEFAULT_BATCH_CHARS, DEFAULT_BATCH_SIZE, DEFAULT_WORKERS, load_pipeline
from .quotes import find_quotes
from .records import (
    Cue,
    DateValue,
    DocumentRecord,
    EventRecord,
    Extraction,
    Failure,
    Participant,
    Place,
    PublishedFrom,
    QuoteRecord,
    Span,
    Trigger,
)
from .speakers import Resolved, Roster, count_quote
from .timexes import Timex, find_timexes

log = logging.getLogger("newsclaims")

DEFAULT_CHUNK_CHARS = 100_000
FAILURE_FLUSH = 1_000  # failures in a row before an empty text releases them
FLUSH = -1  # the document number of those empty texts
DEFAULT_MAX_CHARS = 5_000_000
# Characters parsed inside one spaCy memory zone: the strings the text adds to
# the vocabulary are dropped at its end, so a stream of any length holds at
# most this much text's vocabulary (re-adding common words costs well under 1%).
ZONE_CHARS = 5_000_000

_Piece = tuple[int, int, int]  # (document number, piece number, offset of the piece)
_Batch = list[tuple[str, _Piece]]
PARAGRAPH_COMPONENT = "newsclaims_paragraphs"


@Language.component(PARAGRAPH_COMPONENT)
def paragraph_boundaries(doc: Doc) -> Doc:
    """A line break starts a sentence: headlines and datelines have no full stop.

    The token after a line's first word is marked as not starting a sentence:
    told only where a sentence starts, the parser cut one-word sentences off
    the front of lines ("Jane | Doe, the mayor, said ..."). Line breaks are
    whitespace tokens (a token's trailing whitespace is at most one space),
    so only those are looked at.
    """
    spaces = doc.to_array("IS_SPACE")
    n = len(doc)
    starts = doc.to_array("SENT_START").astype(np.int64)  # -1: not a start
    changed = False
    for i in np.flatnonzero(spaces[:-1]).tolist():
        if "\n" in doc[i].text:
            starts[i + 1] = 1
            changed = True
            if i + 2 < n and not spaces[i + 2]:
                starts[i + 2] = -1
    if changed:
        # One write for the whole Doc: setting `Token.is_sent_start` scans
        # the Doc for a parse each time, quadratic in a long article.
        doc.from_array(["SENT_START"], cast(Any, starts.astype(np.uint64).reshape(-1, 1)))
    return doc


def add_paragraph_boundaries(nlp: Language) -> Language:
    if PARAGRAPH_COMPONENT not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
    return nlp


def chunk_text(text: str, size: int) -> list[tuple[int, int]]:
    """Cut text into pieces of at most ``size`` characters at paragraph breaks.

    A paragraph longer than ``size`` is cut at a sentence end, else at a
    space, else hard; the pieces cover the text exactly, in order.
    """
    if len(text) <= size:
        return [(0, len(text))]
    pieces: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > size:
        window = text[start : start + size]
        cut = -1
        for pattern in (r"\n\s*\n", r"\n", r"[.!?][\"”’)]?\s", r"\s"):
            matches = list(re.finditer(pattern, window))
            if matches and matches[-1].end() > size // 4:
                cut = matches[-1].end()
                break
        if cut <= 0:
            cut = size
        pieces.append((start, start + cut))
        start += cut
    pieces.append((start, len(text)))
    return pieces


@dataclass(slots=True)
class _PendingQuote:
    """A quote in document offsets, waiting for the roster's speaker ids."""

    span: Span
    parts: list[Span]
    kind: Any
    cue: Cue | None
    speaker: Resolved | None
    date: DateValue | None
    confidence: float


@dataclass(slots=True)
class _State:
    """What is known of one document while its chunks come back from spaCy.

    Holds only plain values (no spaCy objects), so a long document's chunks
    are freed as soon as they are analysed.
    """

    doc: Document
    ref: dt.date | None
    published_from: PublishedFrom | None
    chunks: int
    roster: Roster = field(default_factory=Roster)
    quotes: list[_PendingQuote] = field(default_factory=list)
    events: list[EventRecord] = field(default_factory=list)
    seen: int = 0
    error: str | None = None
    day_first: bool | None = None  # the document's order of numeric dates, when known


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
        states: dict[int, _State] = {}
        pending: deque[Failure | int] = deque()  # failures and document numbers, in order
        pieces = self._pieces(items, states, pending)
        if self.n_process > 1:
            parsed = self.nlp.pipe(
                pieces, as_tuples=True, batch_size=self.batch_size, n_process=self.n_process
            )
            yield from self._collect(parsed, states, pending)
        else:
            for batch in self._zoned(self._batches(pieces)):
                parsed = self.nlp.pipe(batch, as_tuples=True, batch_size=len(batch))
                # the whole batch is analysed before anything is handed out, so no
                # spaCy object is alive while the caller holds this generator
                yield from list(self._collect(parsed, states, pending))
        yield from (f for f in pending if isinstance(f, Failure))

    def _pieces(
        self,
        items: Iterable[Document | Failure],
        states: dict[int, _State],
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
            states[n] = _State(item, ref, origin, len(cuts), day_first=order)
            pending.append(n)
            for k, (s, e) in enumerate(cuts):
                yield item.text[s:e], (n, k, s)

    def _batches(self, pieces: Iterable[tuple[str, _Piece]]) -> Iterator[_Batch]:
        """Consecutive batches of at most ``batch_size`` pieces and ``batch_chars`` characters.

        A piece longer than ``batch_chars`` (up to ``chunk_chars``) is a batch of its own.
        """
        batch: _Batch = []
        chars = 0
        for piece in pieces:
            size = len(piece[0])
            if batch and (len(batch) >= self.batch_size or chars + size > self.batch_chars):
                yield batch
                batch, chars = [], 0
            batch.append(piece)
            chars += size
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
        states: dict[int, _State],
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
                    self._analyze(state, spacy_doc, base)
                except Exception as exc:  # a rule bug must cost one document, not the run
                    log.debug("extraction failed for %s", state.doc.source, exc_info=True)
                    state.error = f"internal error while extracting: {type(exc).__name__}: {exc}"
            state.seen += 1
            if state.seen < state.chunks:
                continue
            del states[n]
            yield self._result(state)

    def _result(self, state: _State) -> Extraction | Failure:
        if state.error is not None:
            return Failure(state.doc.source, state.error)
        try:
            return self._finish(state)
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

    def _analyze(self, state: _State, sdoc: Doc, base: int) -> None:
        """Run the rules over one parsed chunk and keep the results in document offsets."""
        text = state.doc.text
        timexes = find_timexes(sdoc, state.ref, state.day_first)
        raw_quotes = find_quotes(sdoc, self.lemmas)
        by_start = state.roster.add_doc(
            sdoc, base, [(q.start + base, q.end + base) for q in raw_quotes]
        )
        resolved: list[Resolved | None] = []
        by_quote: dict[int, Resolved | None] = {}
        for q in raw_quotes:
            if q.follows is not None:
                res = by_quote.get(id(q.follows))
            elif q.speaker is not None:
                res = state.roster.resolve(sdoc, base, q.speaker, by_start, q.referent)
            else:
                res = None
            if res is not None:
                count_quote(res)
            resolved.append(res)
            by_quote[id(q)] = res
        cue_heads = {q.cue.head: i for i, q in enumerate(raw_quotes) if q.cue is not None}
        events = find_events(
            sdoc, timexes, [(q.start, q.end) for q in raw_quotes], cue_heads, self.lemmas
        )
        said_when: dict[int, Timex] = {}
        for ev in events:
            if ev.trigger in cue_heads and ev.anchor == "explicit" and ev.timex is not None:
                said_when.setdefault(cue_heads[ev.trigger], ev.timex)
        first = len(state.quotes)
        for i, (q, res) in enumerate(zip(raw_quotes, resolved, strict=True)):
            cue = None
            if q.cue is not None:
                cs, ce = q.cue.chars[0] + base, q.cue.chars[1] + base
                cue = Cue(
                    text=text[cs:ce], lemma=q.cue.lemma, span=(cs, ce), category=q.cue.category
                )
            tx = said_when.get(i)
            state.quotes.append(
                _PendingQuote(
                    span=(q.start + base, q.end + base),
                    parts=[(s + base, e + base) for s, e in q.parts],
                    kind=q.kind,
                    cue=cue,
                    speaker=res,
                    date=_date(tx, base, text, "explicit") if tx else None,
                    confidence=q.confidence,
                )
            )
        for ev in events:
            reported = None if ev.reported_by is None else first + ev.reported_by
            state.events.append(_event_record(state.doc.id, ev, reported, base, sdoc, text))

    def _finish(self, state: _State) -> Extraction:
        """Number everything and attach roster ids, now that the whole document is read."""
        doc = state.doc
        text = doc.text
        speakers, ids = state.roster.records(doc.id)
        quotes = [
            QuoteRecord(
                doc=doc.id,
                id=f"q{n}",
                text=text[q.span[0] : q.span[1]],
                span=q.span,
                parts=q.parts,
                kind=q.kind,
                cue=q.cue,
                speaker=state.roster.ref(q.speaker, ids) if q.speaker is not None else None,
                date=q.date,
                confidence=round(q.confidence, 2),
            )
            for n, q in enumerate(state.quotes, 1)
        ]
        events = [replace(ev, id=f"e{n}") for n, ev in enumerate(state.events, 1)]
        record = DocumentRecord(
            doc=doc.id,
            source=doc.source,
            title=doc.title,
            url=doc.url,
            published=state.ref.isoformat() if state.ref else None,
            published_from=state.published_from,
            chars=len(text),
            quotes=len(quotes),
            speakers=len(speakers),
            events=len(events),
        )
        return Extraction(record, speakers, quotes, events)


def _date(tx: Timex, base: int, text: str, anchor: Any) -> DateValue:
    start, end = bounds(tx.norm.value)
    s, e = tx.start + base, tx.end + base
    return DateValue(
        text=text[s:e],
        span=(s, e),
        value=tx.norm.value,
        type=tx.norm.type,
        granularity=tx.norm.granularity,
        mod=tx.norm.mod,
        start=start,
        end=end,
        anchor=anchor,
    )


def _chars(sdoc: Doc, rng: tuple[int, int], base: int) -> Span:
    first, last = sdoc[rng[0]], sdoc[rng[1] - 1]
    return base + first.idx, base + last.idx + len(last.text)


def _event_record(
    doc_id: str, ev: RawEvent, reported: int | None, base: int, sdoc: Doc, text: str
) -> EventRecord:
    """An event record in document offsets; its id is set when the document is done."""
    tok = sdoc[ev.trigger]
    t_span = (base + tok.idx, base + tok.idx + len(tok.text))
    c_span = _chars(sdoc, ev.clause, base)
    participants = []
    for role, rng in ev.participants:
        span = _chars(sdoc, rng, base)
        label = sdoc[rng[0] : rng[1]].root.ent_type_ or None
        participants.append(
            Participant(role=role, text=text[span[0] : span[1]], span=span, label=label)
        )
    places = []
    for rng in ev.places:
        span = _chars(sdoc, rng, base)
        places.append(Place(text=text[span[0] : span[1]], span=span, label=sdoc[rng[0]].ent_type_))
    return EventRecord(
        doc=doc_id,
        id="",
        text=text[c_span[0] : c_span[1]],
        span=c_span,
        trigger=Trigger(
            text=text[t_span[0] : t_span[1]], lemma=ev.lemma, span=t_span, pos=tok.pos_
        ),
        participants=participants,
        places=places,
        date=_date(ev.timex, base, text, ev.anchor) if ev.timex else None,
        modality=ev.modality,
        reported_by=f"q{reported + 1}" if reported is not None else None,
        confidence=round(ev.confidence, 2),
    )
