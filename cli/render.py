"""Rich tables for people reading at a terminal.

Every cell is a `Text`, never markup, so "[sic]" and other bracketed text in
articles is printed as written. The tables fit the terminal without cutting
what a reader needs: short fixed columns (ids, cues, dates, event words)
get the width of their longest entry, so a date never wraps or loses a
character; the long columns share the rest and wrap between words (a word
longer than its column is folded, never cut); a column that is empty for
the whole article is left out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from newsclaims.core.records import (
    DateValue,
    DocumentRecord,
    EventRecord,
    Extraction,
    QuoteRecord,
    SpeakerRecord,
)

from .escape import printable

# The events a table lists by default: those whose date the syntax ties to
# them, or the publication day itself; --all-events lists the rest too.
PLAIN_ANCHORS = frozenset({"explicit", "publication"})
ANCHOR_LABELS = {
    "explicit": "explicit",
    "publication": "publication day",
    "sentence": "same sentence",
    "inherited": "inherited",
    "none": "no predicate",
}
MIN_FLEX_WIDTH = 8  # a long column is never narrower than this (when the terminal allows)


def cell(text: str) -> Text:
    """A table cell: the text as written, its control characters escaped, never obeyed."""
    return Text(printable(text, lines=True))


class PipeConsole(Console):
    """A console that lets a closed pipe reach the command (exit 0), as JSON Lines do.

    Rich's own answer to a broken pipe is to exit with status 1.
    """

    def on_broken_pipe(self) -> None:
        self.quiet = True
        raise BrokenPipeError


@dataclass(frozen=True, slots=True)
class Col:
    """A column: fixed (as wide as its longest line, never cut) or flexible (shares the rest)."""

    header: str
    kind: Literal["fixed", "flex"] = "flex"
    ratio: int = 1
    justify: Literal["left", "right"] = "left"


class TableWriter:
    def __init__(
        self, console: Console, only: frozenset[str] | None, *, all_events: bool = False
    ) -> None:
        self.console = console
        self.only = only
        self.all_events = all_events

    def _wants(self, part: str) -> bool:
        return self.only is None or part in self.only

    def write(self, ex: Extraction) -> None:
        self.console.rule(style="dim")
        self.console.print(_heading(ex.document))
        if self._wants("quotes") and ex.quotes:
            self._print(quotes_table(ex.quotes))
        if self._wants("speakers") and ex.speakers:
            self._print(speakers_table(ex.speakers))
        if self._wants("events") and ex.events:
            table = events_table(ex.events, all_events=self.all_events)
            if table is not None:
                self._print(table)
        self.console.line()

    def _print(self, table: Table) -> None:
        self.console.print(table)

    def close(self) -> None:
        pass


def _heading(doc: DocumentRecord) -> Text:
    """The title (else the document id), then where it came from and what it holds."""
    head = Text(printable(doc.title or doc.doc), style="bold")
    meta = [printable(doc.doc)] if doc.title else []
    if doc.published:
        meta.append(f"published {doc.published} ({doc.published_from})")
    meta.append(f"{doc.quotes} quotes, {doc.speakers} speakers, {doc.events} events")
    head.append("\n" + " · ".join(meta), style="dim")
    return head


def quotes_table(quotes: Sequence[QuoteRecord]) -> Table:
    rows = []
    for n, q in enumerate(quotes, 1):  # ids are hashes (for data); a reader counts
        who = Text()
        if q.speaker is not None:
            who.append(printable(q.speaker.name or q.speaker.mention, lines=True))
            if q.speaker.name is None:
                who.append(" (unresolved)", style="dim")
        cue = cell(q.cue.text if q.cue else "")
        cue.append(("\n" if q.cue else "") + q.kind, style="dim")
        rows.append([Text(str(n)), who, cue, cell(q.text)])
    cols = [Col("#", "fixed"), Col("speaker", ratio=2), Col("cue", "fixed"), Col("quote", ratio=5)]
    return _table("Quotes", cols, rows, lines=True)


def speakers_table(speakers: Sequence[SpeakerRecord]) -> Table:
    """The roster, most quoted first (then in order of first mention)."""
    ranked = sorted(enumerate(speakers), key=lambda p: (-p[1].quotes, p[0]))
    rows = [
        [
            cell(s.name),
            cell(s.label),
            cell("; ".join(s.titles)),
            Text(str(len(s.mentions))),
            Text(str(s.quotes)),
        ]
        for _, s in ranked
    ]
    cols = [
        Col("name", ratio=2),
        Col("label", "fixed"),
        Col("titles", ratio=3),
        Col("mentions", "fixed", justify="right"),
        Col("quotes", "fixed", justify="right"),
    ]
    return _table("Speakers (by quotes)", cols, rows)


def events_table(events: Sequence[EventRecord], *, all_events: bool = False) -> Table | None:
    """Events in date order, each date with how it is tied to the event.

    By default only events dated explicitly or on the publication day;
    the title says how many others there are.
    """
    shown = [e for e in events if all_events or _is_plain(e)]
    if not shown:
        return None
    rows = []
    for e in sorted(shown, key=_event_order):
        word = cell(e.trigger.text)
        if e.modality != "asserted":
            word.append(f"\n{e.modality}", style="dim")
        who = "\n".join(f"{p.role}: {p.text}" for p in e.participants)
        where = "\n".join(p.text for p in e.places)
        rows.append([_date_cell(e.date), word, cell(who), cell(where), cell(e.text)])
    cols = [
        Col("date", "fixed"),
        Col("event", "fixed"),
        Col("who", ratio=2),
        Col("where", ratio=1),
        Col("clause", ratio=4),
    ]
    if len(shown) == len(events):
        title = f"Events ({len(events)}, by date)"
    else:
        title = (
            f"Events ({len(shown)} of {len(events)}, by date: dated explicitly or on the "
            f"publication day; --all-events lists all)"
        )
    return _table(title, cols, rows, lines=True, date_column=0)


def _is_plain(e: EventRecord) -> bool:
    return e.date is not None and e.date.anchor in PLAIN_ANCHORS


def date_line(d: DateValue) -> str:
    """The value with its relation to the event: "on 2025-03-06", "since 2022"."""
    return f"{d.relation} {d.value}"


def _date_cell(d: DateValue | None) -> Text:
    if d is None:
        return Text("undated", style="dim")
    out = Text(date_line(d), style="bold")
    if d.text is not None:
        out.append(f"\n“{printable(d.text, lines=True)}”", style="dim")
    out.append(f"\n{ANCHOR_LABELS.get(d.anchor, d.anchor)}", style="dim")
    return out


def _event_order(e: EventRecord) -> tuple[int, str, str, int]:
    """Calendar order; events whose date has no calendar bounds go last, in text order."""
    if e.date is None or e.date.start is None:
        return (1, "", "", e.span[0])
    return (0, e.date.start, e.date.end or "", e.span[0])


def _longest_line(cells: Sequence[Text], *, words: bool) -> int:
    """The width a fixed column needs: its longest line (or word, for wrapping text)."""
    best = 0
    for cell in cells:
        for line in cell.plain.splitlines() or [""]:
            parts = line.split() if words else [line]
            best = max(best, *(len(p) for p in parts), 0)
    return best


def _table(
    title: str,
    cols: Sequence[Col],
    rows: Sequence[Sequence[Text]],
    *,
    lines: bool = False,
    date_column: int | None = None,
) -> Table:
    """A table of the columns that hold something, sized so nothing is cut."""
    keep = [i for i in range(len(cols)) if any(row[i].plain.strip() for row in rows)]
    table = Table(title=title, show_lines=lines, expand=True, box=box.SQUARE, title_justify="left")
    for i in keep:
        col = cols[i]
        cells = [row[i] for row in rows]
        if col.kind == "fixed":
            # a date's first line (value and relation) never wraps; the other fixed
            # columns wrap only between words
            width = max(
                len(col.header),
                _longest_line(cells, words=True),
                _first_lines(cells) if i == date_column else 0,
            )
            table.add_column(col.header, width=width, justify=col.justify, overflow="fold")
        else:
            table.add_column(
                col.header,
                ratio=col.ratio,
                min_width=min(MIN_FLEX_WIDTH, max(len(col.header), 1)),
                justify=col.justify,
                overflow="fold",
            )
    for row in rows:
        table.add_row(*(row[i] for i in keep))
    return table


def _first_lines(cells: Sequence[Text]) -> int:
    return max((len(c.plain.split("\n", 1)[0]) for c in cells), default=0)
