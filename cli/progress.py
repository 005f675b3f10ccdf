"""The progress bar on stderr, for a person watching a terminal.

Imported only when a run starts (rich is not needed for --help). It shows
documents done out of the total when the total can be known
(files: one per text file, one per non-blank line of a JSON Lines file),
the rate and the time left, and moves once per document. The total is
counted in a thread, so a big corpus starts at once. When tables go to the
same terminal, the bar steps aside while each table is printed.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterable, Iterator

from rich.console import Console
from rich.progress import (
    BarColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TaskID,
    TaskProgressColumn,
    TimeElapsedColumn,
)
from rich.text import Text

from newsclaims.core.records import Failure

from .inputs import GZIP_MAGIC
from .sources import STDIN, ReadReport, expand, kind_of

UNIT = "documents"


def count_documents(paths: Iterable[str], input_format: str, limit: int | None) -> int | None:
    """How many documents (and failing inputs) the paths hold; None when stdin is read."""
    total = 0
    for item in expand(paths, ReadReport(silent=True)):
        if isinstance(item, Failure):
            total += 1
        elif item == STDIN:
            return None
        elif kind_of(item) == "warc":
            return None  # a crawl's documents are known only once it is read
        elif input_format == "jsonl" or (input_format == "auto" and kind_of(item) == "jsonl"):
            total += _jsonl_lines(item)
        else:
            total += 1
        if limit is not None and total >= limit:
            return limit
    return total


def _jsonl_lines(path: str) -> int:
    """Non-blank lines (the reader skips blank ones); an unreadable file is one failure."""
    import gzip

    try:
        with open(path, "rb") as raw:
            fh = gzip.GzipFile(fileobj=raw) if raw.read(2) == GZIP_MAGIC else raw
            raw.seek(0)
            return sum(1 for line in fh if line.strip())
    except (OSError, EOFError):
        return 1


class Bar:
    """One progress task; `tick()` after each document, `aside()` around terminal output."""

    def __init__(self, progress: Progress | None) -> None:
        self.progress = progress
        self.task: TaskID | None = None
        self.done = 0
        self.total: int | None = None
        self.started = False
        self.lock = threading.Lock()
        if progress is not None:
            self.task = progress.add_task("extract", total=None)

    def set_total(self, total: int | None) -> None:
        with self.lock:
            self.total = total
            if self.progress is not None and self.task is not None and total is not None:
                self.progress.update(self.task, total=max(total, self.done))

    def tick(self) -> None:
        """One more document done (written or failed)."""
        if self.progress is None or self.task is None:
            return
        with self.lock:
            self.done += 1
            self.progress.update(self.task, completed=self.done)
            # a single article needs no bar: it appears once a second one is known to come
            if not self.started and (self.done >= 2 or (self.total or 0) > 1):
                self.started = True
                self.progress.start()

    @contextlib.contextmanager
    def aside(self) -> Iterator[None]:
        """Take the bar off the terminal while something else is printed there."""
        if self.progress is None or not self.started:
            yield
            return
        self.progress.stop()
        try:
            yield
        finally:
            self.progress.start()

    def stop(self) -> None:
        if self.progress is not None and self.started:
            self.progress.stop()


@contextlib.contextmanager
def progress_bar(enabled: bool, count: Iterator[int | None] | None = None) -> Iterator[Bar]:
    """A `Bar` on stderr when ``enabled``, else one that does nothing.

    ``count`` yields the total once (or None when it cannot be known); it
    is run in a daemon thread so that counting a big file never delays
    the first record.
    """
    if not enabled:
        yield Bar(None)
        return
    progress = Progress(
        SpinnerColumn(),
        _CountColumn(),
        BarColumn(bar_width=24),
        TaskProgressColumn(),
        _RateColumn(),
        TimeElapsedColumn(),
        _EtaColumn(),
        console=Console(stderr=True),
        transient=True,
        redirect_stdout=False,
        redirect_stderr=False,
    )
    bar = Bar(progress)
    if count is not None:
        counter = count

        def run() -> None:
            with contextlib.suppress(Exception):  # no total is no harm
                bar.set_total(next(counter, None))

        threading.Thread(target=run, name="newsclaims-count", daemon=True).start()
    try:
        yield bar
    finally:
        bar.stop()


class _CountColumn(ProgressColumn):
    """12/40 documents, or 12 documents while the total is unknown."""

    def render(self, task: Task) -> Text:
        if task.total is None:
            return Text(f"{task.completed:,.0f} {UNIT}")
        return Text(f"{task.completed:,.0f}/{task.total:,.0f} {UNIT}")


class _RateColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        shown = "-" if speed is None else f"{speed:.1f}"
        return Text(f"{shown} {UNIT}/s", style="progress.data.speed")


class _EtaColumn(ProgressColumn):
    """The time left at the current rate (nothing while the total is unknown)."""

    def render(self, task: Task) -> Text:
        if task.total is None:
            return Text("")
        remaining = task.time_remaining
        if remaining is None:
            return Text("ETA -:--", style="progress.remaining")
        minutes, seconds = divmod(int(remaining), 60)
        hours, minutes = divmod(minutes, 60)
        clock = f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"
        return Text(f"ETA {clock}", style="progress.remaining")
