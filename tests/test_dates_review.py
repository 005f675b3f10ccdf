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


def test_an_adjective_of_reference_leaves_its_nouns_determiner_out(extract):
    found = dates(extract("Investors fled after the recent drop in ore prices."))
    assert found.get("recent") == "PAST_REF" and "the recent" not in found
    found = dates(extract("The board will replace its current auditor next year."))
    assert found.get("current") == "PRESENT_REF" and "its current" not in found
    # nouns keep their article
    found = dates(extract("Nobody on the board can say what the future holds."))
    assert found.get("the future") == "FUTURE_REF"


def test_a_fiscal_year_is_one_expression(extract):
    ref = dt.date(2021, 11, 12)
    assert value("the fiscal year", ref) == "P1Y"
    assert value("three fiscal years", ref) == "P3Y"
    assert value("the current fiscal year", ref) == "2021"  # still the report's year
    found = dates(extract("In the fiscal year ended March 31, the brewer sold more beer."))
    assert found.get("the fiscal year") == "P1Y" and "year" not in found


def test_counts_of_hundreds_and_thousands_of_units_are_durations(extract):
    ref = dt.date(2021, 11, 12)
    assert value("two thousand years", ref) == "P2000Y"
    assert value("three hundred days", ref) == "P300D"
    assert value("two thousand", ref) == "2000"  # alone, a spelled year
    found = dates(extract("The monks have kept the recipe for more than two thousand years."))
    assert found.get("more than two thousand years") == "P2000Y"


def test_a_year_earlier_than_a_run_of_months_is_the_year_before(extract):
    text = (
        "Third-quarter profit at the mill rose to $20 million from $15 million a year "
        "earlier. For the first nine months, profit was $80 million, compared with "
        "$60 million a year earlier."
    )
    found = [(d.text, d.value) for d in _all_dates(extract(text, published=dt.date(2021, 10, 26)))]
    assert found.count(("a year earlier", "2020-Q3")) == 1  # the quarter's sentence
    assert found.count(("a year earlier", "2020")) == 1  # the nine months' sentence
    text = (
        "Third-quarter profit at the mill rose. For the nine months, profit was $80 "
        "million, compared with $60 million in the 2020 period."
    )
    found = dates(extract(text, published=dt.date(2021, 10, 26)))
    assert found.get("the 2020 period") == "2020"


def test_a_thing_set_for_later_looks_ahead_whatever_the_tense(extract):
    ref = dt.date(2021, 3, 12)
    found = dates(extract("The row overshadowed a summit set for Oslo in April.", published=ref))
    assert found.get("April") == "2021-04"
    found = dates(extract("Officials discussed a planned trip to Asia in May.", published=ref))
    assert found.get("May") == "2021-05"
    # a thing set on a day is behind: "set" looks ahead only with "for"
    found = dates(extract("Shares closed near the record high set on Aug. 6.", published=ref))
    assert found.get("Aug. 6") == "2020-08-06"
    # without the word of schedule, a month under a past verb is behind
    found = dates(extract("Officials discussed the trip to Asia in May.", published=ref))
    assert found.get("May") == "2020-05"


def _all_dates(ex):
    return [e.date for e in ex.events if e.date] + [d.date for d in ex.dates]


def test_an_expression_starts_at_its_own_words(extract):
    ref = dt.date(2021, 10, 29)
    text = "Sales slipped through the first nine months of the year."
    found = dates(extract(text, published=ref))
    assert found.get("the year") == "2021" and "of the year" not in found
    text = "Third-quarter net at the bakery rose 5%. The year-ago results were restated."
    found = dates(extract(text, published=ref))
    assert found.get("year-ago") == "2020-Q3" and "The year-ago" not in found
    # a year-ago expression that holds its noun keeps its article
    text = "Third-quarter net at the bakery rose 5%. In the year-ago quarter it lost money."
    found = dates(extract(text, published=ref))
    assert found.get("the year-ago quarter") == "2020-Q3"
