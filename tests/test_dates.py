"""The normalizer, form by form (pure text -> TIMEX3; no pipeline needed).

The reference date is Friday 2021-11-12 unless a test says otherwise.
"""

from __future__ import annotations

import datetime as dt

import pytest

from newsclaims.core.dates import Focus, bounds, dateline_date, normalize
from newsclaims.core.timewords import words

REF = dt.date(2021, 11, 12)  # a Friday


def value(text: str, direction=None, ref=REF, focus=None) -> str | None:
    norm = normalize(text, ref, direction, focus)
    return None if norm is None else norm.value


def test_weekday_follows_the_tense():
    assert value("Friday", "past") == "2021-11-12"  # reported Friday, in a Friday paper
    assert value("Friday", "future") == "2021-11-12"
    assert value("Monday", "past") == "2021-11-08"
    assert value("Monday", "future") == "2021-11-15"
    assert value("Tuesday", None) == "2021-11-09"  # no clue: news looks back


def test_month_day_and_bare_month_follow_the_tense():
    assert value("December 24th", "future") == "2021-12-24"
    assert value("October 24th", "past") == "2021-10-24"
    assert value("February 24th", "past") == "2021-02-24"
    # more than half a year back when the same day is weeks ahead: news would
    # have given the year, so it is the one ahead ("payable Dec. 24")
    assert value("December 24th", "past") == "2021-12-24"
    assert value("July", "past") == "2021-07"
    assert value("March", "future") == "2022-03"


def test_this_last_next():
    assert value("this July") == "2021-07"
    assert value("last week") == "2021-W44"
    assert value("next month") == "2021-12"
    assert value("earlier this year") == "2021"
    assert value("this coming Sunday") == "2021-11-14"


def test_ago_counts_and_vague_counts():
    assert value("three weeks ago") == "2021-W42"
    assert value("a couple of weeks ago") == "PAST_REF"
    assert value("for a couple of years") == "P2Y"  # a couple is two, as a length
    assert value("over the next couple of years") == "P2Y"
    assert value("at least 20 more years") == "P20Y"
    assert normalize("at least 20 more years", REF).mod == "EQUAL_OR_MORE"
    assert normalize("the second", REF) is None  # an ordinal, not a second


def test_years_decades_and_modifiers():
    assert value("in 2011") == "2011"
    assert value("fiscal 1998") == "1998"
    assert value("the 1990s") == "199"
    late = normalize("late 2011", REF)
    assert late is not None and (late.value, late.mod) == ("2011", "END")
    end = normalize("the end of the year", REF)
    assert end is not None and (end.value, end.mod) == ("2021", "END")
    assert value("nineteen ninety-six") == "1996"


def test_quarters():
    assert value("the third quarter") == "2021-Q3"
    assert value("fourth-quarter", "past", ref=dt.date(2022, 2, 1)) == "2021-Q4"
    assert value("next year's first quarter") == "2022-Q1"
    assert value("Q2 2019") == "2019-Q2"


def test_earnings_periods_point_back_to_the_quarter_in_view():
    focus = Focus(quarter="2021-Q3")
    assert value("the latest quarter", focus=focus) == "2021-Q3"
    assert value("the year-ago quarter", focus=focus) == "2020-Q3"
    assert value("a year earlier", focus=focus) == "2020-Q3"
    assert value("a year earlier") == "2020"  # no quarter in view: just last year


def test_deictic_and_present():
    assert value("today") == "2021-11-12"
    assert value("yesterday") == "2021-11-11"
    assert value("tomorrow") == "2021-11-13"
    assert value("now") == "PRESENT_REF"
    assert value("currently") == "PRESENT_REF"
    assert value("the future") == "FUTURE_REF"


def test_the_same_day_takes_the_last_date():
    assert value("the same day", focus=Focus(date="2021-10-05")) == "2021-10-05"
    assert value("that year", focus=Focus(date="2019-03-02")) == "2019"
    assert value("the same day") == "XXXX-XX-XX"  # nothing named before: unknown


def test_times():
    assert value("3 p.m. Friday") == "2021-11-12T15:00"
    assert value("9:30 a.m. EST Monday", "future") == "2021-11-15T09:30"
    assert value("noon Thursday") == "2021-11-11T12:00"
    assert value("Friday night") == "2021-11-12TNI"


def test_durations():
    over = normalize("for over a year", REF)
    assert over is not None and (over.value, over.type, over.mod) == (
        "P1Y",
        "DURATION",
        "MORE_THAN",
    )
    assert value("48 hours") == "PT48H"
    assert value("weeks") == "PXW"
    assert value("two decades") == "P20Y"
    assert value("the next three quarters") == "P9M"


def test_sets():
    monday = normalize("every Monday", REF)
    assert monday is not None and (monday.value, monday.type) == ("XXXX-WXX-1", "SET")
    assert value("daily") == "P1D"


def test_never_invent_precision_or_a_year():
    assert value("July") == "2021-07"
    assert value("December 24th", ref=None) == "XXXX-12-24"
    assert value("Friday", ref=None) == "XXXX-WXX-5"


def test_non_dates_are_rejected():
    for text in ("5+5", "24/7", "a 12-year-old", "3-1", "May 32"):
        assert normalize(text, REF) is None, text


def test_bounds_cover_the_calendar_days():
    assert bounds("2021-07") == ("2021-07-01", "2021-07-31")
    assert bounds("2021-Q3") == ("2021-07-01", "2021-09-30")
    assert bounds("199") == ("1990-01-01", "1999-12-31")
    assert bounds("P1Y") == (None, None)


def test_dateline_gives_the_publication_date():
    assert dateline_date("WASHINGTON, Nov. 12 (Reuters) - Talks went on.", REF) == REF
    text = "OSLO, March 3, 2020 (Wire) — The fjord froze."
    assert dateline_date(text) == dt.date(2020, 3, 3)
    assert dateline_date("WASHINGTON, Nov. 12 (Reuters) - Talks went on.") is None


@pytest.mark.parametrize("kind", ["month", "weekday", "unit", "relative", "lone", "ref", "set"])
def test_rules_are_data(kind):
    assert words(kind), f"core/data/time_words.tsv has no {kind} entries"
