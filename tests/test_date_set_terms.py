"""Sets carry TIMEX3 freq and quant; extents of timestamps, zones and whole units.

The normalizer on texts alone, and the real pipeline on sentences written
here. The reference date is Friday 2021-11-12.
"""

from __future__ import annotations

import datetime as dt

import orjson

from newsclaims.core.dates import normalize
from newsclaims.core.records import DateValue
from newsclaims.core.timex3 import is_freq

REF = dt.date(2021, 11, 12)  # a Friday


def terms(text: str) -> tuple[str, str, str | None, str | None] | None:
    found = normalize(text, REF)
    return None if found is None else (found.value, found.type, found.freq, found.quant)


def written(ex) -> list[DateValue]:
    """Every date object written, on events or as date records."""
    return [e.date for e in ex.events if e.date] + [d.date for d in ex.dates]


def by_text(ex) -> dict[str, DateValue]:
    return {d.text: d for d in written(ex) if d.text}


# -- freq and quant ---------------------------------------------------------------------


def test_how_often_is_the_freq():
    assert terms("twice a year") == ("P1Y", "SET", "2X", None)
    assert terms("three times a week") == ("P1W", "SET", "3X", None)
    assert terms("once a month") == ("P1M", "SET", "1X", None)
    assert terms("twice weekly") == ("P1W", "SET", "2X", None)
    assert terms("5 days a week") == ("P1W", "SET", "5D", None)
    assert terms("24 hours a day") == ("P1D", "SET", "24H", None)


def test_every_and_each_are_the_quant():
    assert terms("every week") == ("P1W", "SET", None, "EVERY")
    assert terms("each quarter") == ("P1Q", "SET", None, "EACH")
    assert terms("every Monday") == ("XXXX-WXX-1", "SET", None, "EVERY")
    assert terms("once every three years") == ("P3Y", "SET", "1X", "EVERY")
    assert terms("Each July") == ("XXXX-07", "SET", None, "EACH")


def test_adverbs_of_frequency_have_neither():
    for text, want in [("weekly", "P1W"), ("biweekly", "P2W"), ("annually", "P1Y")]:
        assert terms(text) == (want, "SET", None, None), text


def test_only_sets_carry_freq_or_quant():
    for text in ("three weeks", "last week", "every", "each of the years", "twice"):
        found = normalize(text, REF)
        assert found is None or found.type == "SET" or (found.freq, found.quant) == (None, None)


def test_freq_and_quant_are_written_on_the_records(extract):
    ex = extract(
        "The board meets twice a year, files a report each quarter and posts minutes weekly. "
        "Inspectors visit every week."
    )
    found = by_text(ex)
    assert (found["twice a year"].value, found["twice a year"].freq) == ("P1Y", "2X")
    assert found["twice a year"].quant is None
    assert (found["each quarter"].value, found["each quarter"].quant) == ("P1Q", "EACH")
    assert (found["every week"].value, found["every week"].quant) == ("P1W", "EVERY")
    assert (found["weekly"].freq, found["weekly"].quant) == (None, None)
    for d in written(ex):
        assert d.freq is None or is_freq(d.freq)
        obj = orjson.loads(orjson.dumps(d))
        assert list(obj)[5:8] == ["mod", "freq", "quant"]  # written after mod, null or not
