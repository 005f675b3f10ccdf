"""Rich tables for people reading at a terminal.

Every cell is a `Text`, never markup, so "[sic]" and other bracketed text in
articles is printed as written.
"""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from newsclaims.core.records import DateValue, EventRecord, Extraction

from .escape import printable


def cell(text: str) -> Text:
    """A table cell: the text as written, its control characters escaped, never obeyed."""
    return Text(printable(text, lines=True))


def _date(d: DateValue | None) -> str:
    if d is None:
        return ""
    return d.value if d.text is None else f"{d.value} ({d.text})"


class TableWriter:
    def __init__(self, console: Console, only: frozenset[str] | None) -> None:
        self.console = console
        self.only = only

    def _wants(self, part: str) -> bool:
        return self.only is None or part in self.only

    def write(self, ex: Extraction) -> None:
        doc = ex.document
        head = Text(printable(doc.doc), style="bold")
        if doc.published:
            head.append(f"  published {doc.published} ({doc.published_from})", style="dim")
        head.append(
            f"  {doc.quotes} quotes, {doc.speakers} speakers, {doc.events} events", style="dim"
        )
        self.console.rule(head)
        if self._wants("quotes") and ex.quotes:
            table = Table(title="Quotes", show_lines=True, expand=True)
            table.add_column("#", no_wrap=True)
            table.add_column("speaker", ratio=2)
            table.add_column("kind", no_wrap=True)
            table.add_column("cue", ratio=1)
            table.add_column("quote", ratio=6)
            for q in ex.quotes:
                who = ""
                if q.speaker is not None:
                    who = q.speaker.name or f"{q.speaker.mention} (unresolved)"
                table.add_row(
                    cell(q.id),
                    cell(who),
                    cell(q.kind),
                    cell(q.cue.text if q.cue else ""),
                    cell(q.text),
                )
            self.console.print(table)
        if self._wants("speakers") and ex.speakers:
            table = Table(title="Speakers", expand=True)
            table.add_column("id", no_wrap=True)
            table.add_column("name", ratio=2)
            table.add_column("label", no_wrap=True)
            table.add_column("titles", ratio=3)
            table.add_column("mentions", justify="right")
            table.add_column("quotes", justify="right")
            for s in ex.speakers:
                table.add_row(
                    cell(s.id),
                    cell(s.name),
                    cell(s.label),
                    cell("; ".join(s.titles)),
                    cell(str(len(s.mentions))),
                    cell(str(s.quotes)),
                )
            self.console.print(table)
        if self._wants("events") and ex.events:
            table = Table(title="Events (by date)", show_lines=True, expand=True)
            table.add_column("date", ratio=2)
            table.add_column("event", ratio=1)
            table.add_column("who", ratio=2)
            table.add_column("where", ratio=1)
            table.add_column("modality", no_wrap=True)
            table.add_column("clause", ratio=5)
            for e in sorted(ex.events, key=_event_order):
                who = "; ".join(f"{p.role}: {p.text}" for p in e.participants)
                where = "; ".join(p.text for p in e.places)
                table.add_row(
                    cell(_date(e.date)),
                    cell(e.trigger.text),
                    cell(who),
                    cell(where),
                    cell(e.modality),
                    cell(e.text),
                )
            self.console.print(table)

    def close(self) -> None:
        pass


def _event_order(e: EventRecord) -> tuple[int, str, int]:
    """Calendar order; events whose date has no calendar bounds go last, in text order."""
    if e.date is None or e.date.start is None:
        return (1, "", e.span[0])
    return (0, e.date.start, e.span[0])
