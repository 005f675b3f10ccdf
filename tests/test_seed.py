"""The mission's seed article (shared gold, read at test time, never copied here)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from conftest import eval_dir

EVAL = eval_dir()
pytestmark = pytest.mark.skipif(EVAL is None, reason="../shared/eval is not beside this checkout")


@pytest.fixture(scope="module")
def seed(extractor):
    assert EVAL is not None
    gold = json.loads((EVAL / "seed-quotes.jsonl").read_text(encoding="utf-8").splitlines()[0])
    text = gold["text"]
    return (
        text,
        gold,
        extractor.extract_text(text, doc_id=gold["id"], published=dt.date(2021, 11, 12)),
    )


def test_two_direct_quotes_with_cues_and_speaker_mentions(seed):
    text, gold, ex = seed
    directs = [q for q in ex.quotes if q.kind == "direct"]
    gold_directs = [g for g in gold["quotes"] if g["kind"] == "direct"]
    assert len(directs) == len(gold_directs) == 2
    for q, g in zip(directs, gold_directs, strict=True):
        gs, ge = g["content"]
        assert text[gs:ge].strip("“”").startswith(q.text[:40])
        assert q.cue is not None and q.cue.span == tuple(g["cue"])
        assert q.speaker is not None and q.speaker.span == tuple(g["speaker"])
        assert q.speaker.name == "Sergey Lavrov"


def test_dates_and_values(seed):
    _, _, ex = seed
    dates = {(e.date.text, e.date.value) for e in ex.events if e.date}
    dates |= {(d.date.text, d.date.value) for d in ex.dates}  # dates of no event
    for expected in [
        ("Friday", "2021-11-12"),
        ("December 24th", "2021-12-24"),
        ("this July", "2021-07"),
        ("2011", "2011"),
    ]:
        assert expected in dates
    assert any(v.startswith("P1Y") for t, v in dates if t and "year" in t)
    assert not any(t and "5+5" in t for t, _ in dates)


def test_all_six_attributions_have_the_right_speaker(seed):
    """Every annotated quote: found with its cue, its speaker mention and the named entity."""
    text, gold, ex = seed
    assert len(gold["quotes"]) == 6
    by_cue = {q.cue.span: q for q in ex.quotes if q.cue is not None}
    for g in gold["quotes"]:
        q = by_cue.get(tuple(g["cue"]))
        assert q is not None, text[g["cue"][0] : g["cue"][1]]
        gs, ge = g["content"]
        assert q.span[0] < ge and gs < q.span[1]  # the content overlaps the annotation
        assert q.speaker is not None
        ss, se = g["speaker"]
        assert q.speaker.span[0] <= ss and se <= q.speaker.span[1]  # the mention holds it
        assert q.speaker.name == g["speaker_entity"]
        assert q.speaker.id is not None


def test_one_roster_entry_holds_every_mention_and_the_title_of_the_minister(seed):
    text, gold, ex = seed
    entity = "Sergey Lavrov"
    entries = [s for s in ex.speakers if s.name == entity]
    assert len(entries) == 1
    lavrov = entries[0]
    spans = {m.span for m in lavrov.mentions}
    his = [g for g in gold["quotes"] if g["speaker_entity"] == entity]
    assert len(his) == 5
    assert {tuple(g["speaker"]) for g in his} <= spans
    assert lavrov.quotes >= 5
    assert any("Foreign" in t for t in lavrov.titles)
    for m in lavrov.mentions:
        assert text[m.span[0] : m.span[1]] == m.text
    others = [s for s in ex.speakers if s.id != lavrov.id]
    assert not any(s.name in ("Russia", "FM") for s in others)


@pytest.fixture(scope="module")
def seed_timeml(extractor):
    assert EVAL is not None
    gold = json.loads((EVAL / "seed-timeml.jsonl").read_text(encoding="utf-8").splitlines()[0])
    ex = extractor.extract_text(gold["text"], doc_id=gold["id"], published=dt.date(2021, 11, 12))
    return gold, ex


def test_every_gold_expression_is_found_with_its_value(seed_timeml):
    """Each annotated expression overlaps a predicted date of the same value."""
    gold, ex = seed_timeml
    predicted = {
        d.span: d.value
        for d in [
            *(e.date for e in ex.events),
            *(q.date for q in ex.quotes),
            *(r.date for r in ex.dates),
        ]
        if d is not None and d.span is not None
    }
    for g in gold["timexes"]:
        gs, ge = g["span"]
        hits = [v for (s, e), v in predicted.items() if s < ge and gs < e]
        assert g["value"] in hits, (gold["text"][gs:ge], hits)


def test_nothing_but_the_gold_expressions_is_a_date(seed_timeml):
    gold, ex = seed_timeml
    spans = [tuple(g["span"]) for g in gold["timexes"]]
    dates = [*(e.date for e in ex.events), *(r.date for r in ex.dates)]
    for d in dates:
        assert d is not None
        if d.span is None:  # the publication day, no expression behind it
            assert d.anchor == "publication"
            continue
        s, t = d.span
        assert any(s < ge and gs < t for gs, ge in spans), d.text


def test_a_quote_is_dated_when_the_text_says_when(seed_timeml):
    _, ex = seed_timeml
    assert any(q.date is not None and q.date.value == "2021-11-12" for q in ex.quotes)
