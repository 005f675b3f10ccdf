"""Tables at 80 columns: nothing a reader needs is cut, compared with a golden rendering.

The golden file changes only on purpose (a change to the rules or to the
layout): regenerate it with

    NEWSCLAIMS_REGEN_GOLDEN=1 uv run pytest tests/test_table.py

and review the diff before committing it.
"""

from __future__ import annotations

import os
import re
from types import SimpleNamespace

import pytest
from conftest import GOLDEN, ROOT, records

from newsclaims.cli.render import PLAIN_ANCHORS, date_line

WIDTH = "80"
BORDERS = "│┃┌┐└┘├┤┬┴┼─━┏┓┗┛┡┩╇┳┻╋"


def table(invoke, *args: str) -> str:
    result = invoke(*args, "--format", "table", "-q", env={"COLUMNS": WIDTH})
    assert result.exit_code == 0, result.stderr
    return result.stdout


def jsonl(invoke, *args: str) -> list[dict]:
    result = invoke(*args, "--format", "jsonl", "-q")
    assert result.exit_code == 0, result.stderr
    return records(result.stdout)


def cells(text: str) -> list[str]:
    """Every line of the tables with the borders taken out, its cells' text run together."""
    return [" ".join(re.split(f"[{BORDERS}]+", line)).strip() for line in text.splitlines()]


@pytest.fixture
def at_root(monkeypatch):
    monkeypatch.chdir(ROOT)


def test_table_at_80_columns_matches_golden(invoke, at_root):
    produced = table(invoke, "extract", "samples/harbor-bridge.txt")
    golden = GOLDEN / "harbor-bridge.txt.table80.txt"
    if os.environ.get("NEWSCLAIMS_REGEN_GOLDEN"):
        golden.write_text(produced, encoding="utf-8")
    assert produced == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["harbor-bridge.txt", "chip-plant.txt", "talks.jsonl"])
def test_nothing_is_cut_at_80_columns(invoke, at_root, name):
    text = table(invoke, "extract", f"samples/{name}", "--all-events")
    recs = jsonl(invoke, "extract", f"samples/{name}")
    assert "…" not in text
    assert max(len(line) for line in text.splitlines()) <= 80
    lines = cells(text)
    flat = " ".join(lines)
    for event in (r for r in recs if r["type"] == "event"):
        if event["date"] is not None:  # the date's value is whole, on one line
            assert any(date_line(SimpleNamespace(**event["date"])) in ln for ln in lines), event
        for word in event["trigger"]["text"].split():
            assert word in flat
    for quote in (r for r in recs if r["type"] == "quote"):
        for word in quote["text"].split()[:3]:
            assert word in flat


def test_the_title_heads_each_article(invoke, at_root):
    text = table(invoke, "extract", "samples/talks.jsonl")
    docs = [r for r in jsonl(invoke, "extract", "samples/talks.jsonl") if r["type"] == "document"]
    lines = text.splitlines()
    for doc in docs:
        assert doc["title"]
        at = lines.index(doc["title"])  # a line of its own, whole
        assert set(lines[at - 1]) == {"─"}  # right under the rule that opens the article
        assert lines[at + 1].startswith(doc["doc"])


def test_speakers_by_number_of_quotes(invoke, at_root):
    text = table(invoke, "extract", "samples/harbor-bridge.txt", "--only", "speakers")
    speakers = [r for r in jsonl(invoke, "extract", "samples/harbor-bridge.txt")]
    speakers = [r for r in speakers if r["type"] == "speaker"]
    lines = cells(text)

    def row_of(name: str) -> int:  # a long name wraps: its first word opens the row
        return next(i for i, ln in enumerate(lines) if ln.startswith(name.split()[0] + " "))

    in_table = sorted(speakers, key=lambda s: row_of(s["name"]))
    # most quoted first; ties in the order of first mention (the records' order)
    assert in_table == sorted(speakers, key=lambda s: -s["quotes"])


def test_speakers_table_puts_the_most_quoted_first_ties_in_mention_order():
    import io

    from rich.console import Console

    from newsclaims.cli.render import speakers_table
    from newsclaims.core.records import SpeakerRecord

    def speaker(n: int, quotes: int) -> SpeakerRecord:
        return SpeakerRecord(
            doc="d",
            id=f"s{n}",
            name=f"Person {n}",
            label="PERSON",
            titles=[],
            mentions=[],
            quotes=quotes,
        )

    out = io.StringIO()
    Console(file=out, width=80).print(
        speakers_table([speaker(1, 0), speaker(2, 3), speaker(3, 1), speaker(4, 3)])
    )
    rows = [ln.split()[1] for ln in cells(out.getvalue()) if re.match(r"Person \d ", ln)]
    assert rows == ["2", "4", "3", "1"]
    assert "titles" not in out.getvalue()  # empty for every speaker: left out


# a sample with events dated through their sentence as well as explicitly
MIXED = ("samples/river-festival.txt", "--published", "2024-06-14")


def test_events_default_to_plainly_dated_ones_in_date_order(invoke, at_root):
    recs = jsonl(invoke, "extract", *MIXED)
    events = [r for r in recs if r["type"] == "event"]
    plain = [e for e in events if e["date"] and e["date"]["anchor"] in PLAIN_ANCHORS]
    assert 0 < len(plain) < len(events)
    text = table(invoke, "extract", *MIXED, "--only", "event")
    assert f"Events ({len(plain)} of {len(events)}" in text and "--all-events" in text
    anchors = [ln.split()[0] for ln in cells(text) if ln.split()[:1] in (["explicit"], ["same"])]
    assert set(anchors) == {"explicit"}
    every = table(invoke, "extract", *MIXED, "--only", "event", "--all-events")
    assert f"Events ({len(events)}, by date)" in every
    assert "same sentence" in every or "inherited" in every  # how each date is tied
    # date order: calendar dates rise down the table
    relation = r"(?:(?:on|before|after|since|until|by|for|during) )?"
    found = (re.match(rf"{relation}(\d{{4}}(?:-\d\d){{0,2}})(?:\s|T|$)", ln) for ln in cells(every))
    starts = [m[1] for m in found if m]
    assert len(starts) >= 5
    assert starts == sorted(starts)


def test_an_empty_column_drops_out(invoke, at_root):
    recs = jsonl(invoke, "extract", "samples/harbor-bridge.txt")
    assert not any(e["places"] for e in recs if e["type"] == "event")
    text = table(invoke, "extract", "samples/harbor-bridge.txt", "--all-events")
    header = next(ln for ln in cells(text) if ln.startswith("date "))
    assert header.split() == ["date", "event", "who", "clause"]


def test_date_line_shows_the_relation_the_text_states():
    assert date_line(SimpleNamespace(value="2022", relation="since")) == "since 2022"
    assert date_line(SimpleNamespace(value="2025-03-05", relation="on")) == "on 2025-03-05"
