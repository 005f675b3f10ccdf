"""Corrections from the date review (issue 14): counts back over a month's end,
counts in words, the quarter a day falls in, and the classes of TimeML
differences fixed after it. Sentences written here; the real pipeline.
"""

from __future__ import annotations

import datetime as dt

from newsclaims.core.dateparts import quarter_of
from newsclaims.core.dates import normalize


def value(text: str, ref: dt.date, direction=None) -> str | None:
    found = normalize(text, ref, direction, None)
    return None if found is None else found.value


def dates(ex) -> dict[str, str]:
    """Expression text -> value, over every date written (on events or as date records)."""
    found = [e.date for e in ex.events if e.date] + [d.date for d in ex.dates]
    return {d.text: d.value for d in found if d.text}


def test_counts_of_several_units_keep_the_day_of_a_long_month():
    # The 31st a year back is the 31st; it used to be cut to the 30th.
    assert value("1 year 1 day ago", dt.date(2021, 1, 31)) == "2020-01-30"
    assert value("2 years 3 days ago", dt.date(2021, 7, 31)) == "2019-07-28"
    # A leap February keeps its 29th; it used to be cut to the 28th.
    assert value("1 month 1 day ago", dt.date(2020, 3, 30)) == "2020-02-28"
    assert value("1 month 2 days from now", dt.date(2020, 1, 29)) == "2020-03-02"
    # A month landing on a shorter one ends at its last day.
    assert value("1 month 1 day ago", dt.date(2021, 3, 31)) == "2021-02-27"
    assert value("1 year 2 months ago", dt.date(2021, 12, 31)) == "2020-10"


def test_counts_in_words_come_from_the_shared_number_words(extract):
    ref = dt.date(2021, 11, 12)
    assert value("a week and 2 days from now", ref) == "2021-11-21"
    assert value("an hour, 30 minutes ago", ref) == "2021-11-12"
    assert value("one year ago today", ref) == "2020-11-12"
    # a vague count names no day
    assert value("a few days, 2 hours ago", ref) is None
    found = dates(extract("The bridge reopened an hour, 30 minutes ago.", published=ref))
    assert found.get("an hour, 30 minutes ago") == "2021-11-12"


def test_the_quarter_of_a_day():
    assert quarter_of(dt.date(2021, 1, 1)) == "2021-Q1"
    assert quarter_of(dt.date(2021, 3, 31)) == "2021-Q1"
    assert quarter_of(dt.date(2021, 4, 1)) == "2021-Q2"
    assert quarter_of(dt.date(2021, 11, 12)) == "2021-Q4"
