"""Date forms family by family: clock times, numeric dates, sets, centuries, relative words.

Pure text -> TIMEX3 for the normalizer; the real pipeline for what it finds
in sentences written here. The reference date is Friday 2021-11-12.
"""

from __future__ import annotations

import datetime as dt

import pytest

from newsclaims.core.dates import ORDER, Focus, forms, normalize
from newsclaims.core.numeric_dates import document_order
from newsclaims.core.timex3 import is_value

REF = dt.date(2021, 11, 12)  # a Friday


def norm(text: str, direction=None, ref=REF, focus=None):
    found = normalize(text, ref, direction, focus)
    return None if found is None else (found.value, found.type, found.mod)


def value(text: str, direction=None, ref=REF, focus=None) -> str | None:
    found = normalize(text, ref, direction, focus)
    return None if found is None else found.value


def dates(ex) -> dict[str, str]:
    """Expression text -> value, over every date written (on events or as date records)."""
    found = [e.date for e in ex.events if e.date] + [d.date for d in ex.dates]
    return {d.text: d.value for d in found if d.text}


@pytest.mark.parametrize(
    ("name", "text", "want"),
    [(f.name, text, want) for f in forms() for text, want in f.examples],
)
def test_every_form_reads_its_own_examples(name, text, want):
    assert value(text) == want, (name, text)
    if want is not None:
        assert is_value(want), want


def test_every_form_is_tried_once_and_has_examples():
    assert len(ORDER) == len(set(ORDER)) == len(forms())
    assert all(f.examples for f in forms())


# -- weekday with a full date ---------------------------------------------------------


def test_a_weekday_before_a_full_date_keeps_the_dates_own_year():
    assert norm("Friday, October 1, 1999") == ("1999-10-01", "DATE", None)
    assert value("on Monday, 7 March 2016") == "2016-03-07"
    assert value("Wednesday, Nov. 3") == "2021-11-03"


def test_a_weekday_and_a_full_date_are_one_expression(extract):
    found = dates(extract("The accord was initialled on Friday, October 1, 1999, in Oslo."))
    assert found.get("Friday, October 1, 1999") == "1999-10-01"
    assert "1999" not in found


# -- clock times ----------------------------------------------------------------------


def test_clock_times_in_words():
    assert value("a quarter past 6") == "2021-11-12T06:15"
    assert value("half past ten") == "2021-11-12T10:30"
    assert value("a quarter to noon") == "2021-11-12T11:45"
    assert value("ten minutes to 8") == "2021-11-12T07:50"
    assert value("seven o'clock") == "2021-11-12T07:00"
    assert value("five p.m.") == "2021-11-12T17:00"


def test_military_and_twenty_four_hour_clocks():
    assert norm("1800 hours") == ("2021-11-12T18:00", "TIME", None)
    assert value("0630 hrs") == "2021-11-12T06:30"
    assert value("21:15") == "2021-11-12T21:15"
    assert value("2500 hours") != "2021-11-12T25:00"


def test_noon_and_midnight():
    assert value("noon") == "2021-11-12T12:00"
    assert value("12 noon") == "2021-11-12T12:00"
    assert value("midnight Thursday") == "2021-11-11T24:00"
    assert value("noon on Nov. 20", "future") == "2021-11-20T12:00"


def test_time_zones_are_read_and_dropped():
    assert value("6:30 p.m. Eastern") == "2021-11-12T18:30"
    assert value("9 a.m. EST Monday", "future") == "2021-11-15T09:00"
    assert value("11 a.m. Pacific time") == "2021-11-12T11:00"
    assert value("2010-02-19T14:00:00Z") == "2010-02-19T14:00:00"


def test_a_time_on_a_day_written_before_it():
    assert value("Tuesday at 9 a.m.", "future") == "2021-11-16T09:00"
    assert value("Tuesday at 9 a.m.", "past") == "2021-11-09T09:00"
    assert value("tomorrow at noon") == "2021-11-13T12:00"
    assert value("Dec. 2 at 4:45 p.m.", "future") == "2021-12-02T16:45"


def test_hours_with_a_part_of_the_day():
    assert value("4 in the morning") == "2021-11-12T04:00"
    assert value("3 in the afternoon") == "2021-11-12T15:00"
    assert value("11 at night") == "2021-11-12T23:00"


def test_times_in_sentences(extract):
    found = dates(extract("The ferry leaves at a quarter past 6 each day, the harbor office said."))
    assert found.get("a quarter past 6") == "2021-11-12T06:15"
    found = dates(extract("The convoy rolled out at 1800 hours, an officer said."))
    assert found.get("1800 hours") == "2021-11-12T18:00"
    found = dates(extract("Polls close at 7:30 p.m. Eastern, the board said."))
    assert found.get("7:30 p.m. Eastern") == "2021-11-12T19:30"
    found = dates(extract("The panel will convene Tuesday at 9 a.m. in the annex."))
    assert found.get("Tuesday at 9 a.m.") == "2021-11-16T09:00"


# -- numeric and machine forms -----------------------------------------------------------


def test_year_first_forms_are_unambiguous():
    assert value("2007/03/12") == "2007-03-12"
    assert value("2007-03-12") == "2007-03-12"
    assert value("2007.3.12") == "2007-03-12"


def test_day_or_month_first_when_one_number_exceeds_twelve():
    assert value("19.02.2010") == "2010-02-19"
    assert value("02/19/2010") == "2010-02-19"
    assert value("31-12-1999") == "1999-12-31"


def test_ambiguous_numeric_dates_say_so():
    found = normalize("12-03-2007", REF)
    assert found is not None
    assert (found.value, found.granularity) == ("2007-12-03", "ambiguous-day")
    day_first = normalize("12-03-2007", REF, focus=Focus(day_first=True))
    assert day_first is not None
    assert (day_first.value, day_first.granularity) == ("2007-03-12", "day")
    month_first = normalize("12-03-2007", REF, focus=Focus(day_first=False))
    assert month_first is not None and month_first.granularity == "day"
    same = normalize("05/05/2020", REF)
    assert same is not None and same.granularity == "day"  # both orders agree


def test_the_document_settles_the_order():
    assert document_order("Filed 25/03/2019, amended 04/05/2019.") is True
    assert document_order("Filed 03/25/2019, amended 04/05/2019.") is False
    assert document_order("Filed 04/05/2019.") is None
    assert document_order("Filed 04/05/2019.", default=True) is True
    assert document_order("LONDON (Wire) - Filed 04/05/2019.") is True
    assert document_order("HOUSTON, Tex. - Filed 04/05/2019.") is False
    # an unambiguous date outweighs the dateline
    assert document_order("LONDON (Wire) - Filed 04/25/2019 and 04/05/2019.") is False


def test_numeric_dates_in_documents(extract):
    found = dates(extract("The lease began on 04/05/2020 and was renewed on 17/06/2021."))
    assert found["04/05/2020"] == "2020-05-04"
    found = dates(extract("The shipment cleared customs on 19.02.2010, the port said."))
    assert found["19.02.2010"] == "2010-02-19"
    found = dates(extract("The archive lists the deed under 1907/04/30, the clerk said."))
    assert found["1907/04/30"] == "1907-04-30"


def test_the_day_first_option(extractor):
    from newsclaims.core.extract import Extractor

    text = "The lease began on 04/05/2020, the landlord said."
    default = extractor.extract_text(text, published=REF)
    assert set(dates(default).values()) == {"2020-04-05"}
    day_first = Extractor(extractor.nlp, day_first=True).extract_text(text, published=REF)
    assert set(dates(day_first).values()) == {"2020-05-04"}


def test_upper_case_months_and_two_digit_years():
    assert value("JAN 1999") == "1999-01"
    assert value("3 January 99") == "1999-01-03"
    assert value("March 4, '08") == "2008-03-04"
    assert value("12 DECEMBER 2003") == "2003-12-12"


# -- sets -------------------------------------------------------------------------------


def test_sets_are_sets_with_timex3_values():
    for text, want in [
        ("every weekend", "XXXX-WXX-WE"),
        ("every fortnight", "P2W"),
        ("biweekly", "P2W"),
        ("bi-annually", "P6M"),
        ("semi-annually", "P6M"),
        ("twice a year", "P1Y"),
        ("three times a week", "P1W"),
        ("each quarter", "P1Q"),
        ("every other month", "P2M"),
        ("every Sunday night", "XXXX-WXX-7TNI"),
        ("each spring", "XXXX-SP"),
    ]:
        found = normalize(text, REF)
        assert found is not None and (found.value, found.type) == (want, "SET"), text


def test_sets_in_sentences(extract):
    found = dates(extract("The council meets twice a year and publishes a bulletin biweekly."))
    assert found.get("twice a year") == "P1Y"
    assert found.get("biweekly") == "P2W"
    found = dates(extract("The market opens every weekend in the old square."))
    assert found.get("every weekend") == "XXXX-WXX-WE"


# -- centuries and decades ----------------------------------------------------------------


def test_centuries_and_decades():
    assert norm("last century") == ("19", "DATE", None)
    assert value("this century") == "20"
    assert value("the 1990s") == "199"
    assert norm("the early 2000s") == ("200", "DATE", "START")
    assert norm("the mid-'80s") == ("198", "DATE", "MID")
    assert norm("the late 1970s") == ("197", "DATE", "END")
    assert value("the 19th century") == "18"


# -- relative words before days, months and seasons -----------------------------------------


def test_past_and_this_past_are_last():
    for text in ("past Friday", "this past Friday", "last Friday"):
        assert value(text) == "2021-11-05", text
    assert value("this past Wednesday") == "2021-11-10"


def test_coming_and_this_coming_are_next():
    assert value("this coming summer") == "2022-SU"
    assert value("this coming thursday night") == "2021-11-18TNI"
    assert value("coming Monday") == "2021-11-15"


def test_lower_case_weekdays_are_found(extract):
    found = dates(extract("The vote is set for this coming thursday night, officials said."))
    assert found.get("this coming thursday night") == "2021-11-18TNI"


# -- modifiers ---------------------------------------------------------------------------


def test_modifiers_are_timex3_mods():
    assert norm("early 2011") == ("2011", "DATE", "START")
    assert norm("the end of 2011") == ("2011", "DATE", "END")
    assert norm("mid-2019") == ("2019", "DATE", "MID")
    assert norm("about three years") == ("P3Y", "DURATION", "APPROX")
    assert norm("more than a decade") == ("P10Y", "DURATION", "MORE_THAN")
    assert norm("less than two weeks") == ("P2W", "DURATION", "LESS_THAN")


# -- direction -----------------------------------------------------------------------------


def test_words_that_point_ahead_of_a_past_tense_verb(extract):
    found = dates(extract("Crowds gathered ahead of voting Tuesday, officials said."))
    assert found["Tuesday"] == "2021-11-16"
    found = dates(extract("The governor extended the curfew through Sunday night."))
    assert found["Sunday night"] == "2021-11-14TNI"
    found = dates(extract("The agency said the audit would be ready by Wednesday."))
    assert found["Wednesday"] == "2021-11-17"
    # "through" with a month-day keeps the tense: a year to date
    found = dates(extract("Shares fell 12% this year through Oct. 19, the exchange said."))
    assert found["Oct. 19"] == "2021-10-19"


# -- durations and time units ---------------------------------------------------------------


def test_durations_of_two_units_and_minutes_are_not_months():
    assert norm("2 hours and 30 minutes") == ("PT2H30M", "DURATION", None)
    assert value("one year and six months") == "P1Y6M"
    assert value("half an hour") == "PT30M"
    assert value("ten minutes ago") == "2021-11-12"  # the day it was on, not ten months back
    assert value("the last minute") is None
    assert value("a fortnight") == "P2W"


def test_days_in_words_and_spelled_decades():
    assert value("the twelfth of November") == "2021-11-12"
    assert value("the day after tomorrow") == "2021-11-14"
    assert value("Tuesday next week") == "2021-11-16"
    assert value("the nineties") == "199"
    assert value("31-Dec-1999") == "1999-12-31"


def test_the_following_unit_counts_from_the_date_the_text_told():
    told = Focus(date="1995-03-14")
    assert value("the following year", focus=told) == "1996"
    assert value("the following month", focus=told) == "1995-04"
    assert value("the following day", focus=told) == "1995-03-15"
    assert value("the following year") == "2022"  # nothing told: after the reference


def test_the_day_first_option_on_the_command_line(invoke):
    import json

    text = "The lease began on 04/05/2020, the landlord said."
    values = {}
    for flag in ("--day-first", "--month-first", None):
        args = ["extract", "-", "--format", "jsonl", "--published", "2021-11-12", "-q"]
        result = invoke(*args, *([flag] if flag else []), input=text)
        assert result.exit_code == 0, result.stderr
        found = [
            json.loads(line)["date"]
            for line in result.stdout.splitlines()
            if json.loads(line)["type"] in ("event", "date") and json.loads(line)["date"]
        ]
        # the expression's own value (a date with no text is the publication day)
        values[flag] = {(d["value"], d["granularity"]) for d in found if d["text"]}
    assert values["--day-first"] == {("2020-05-04", "day")}
    assert values["--month-first"] == {("2020-04-05", "day")}
    assert values[None] == {("2020-04-05", "ambiguous-day")}


# -- counts from a day, days and weeks inside a month ----------------------------------


def test_in_a_count_of_units_is_a_day_ahead_unless_read_in_the_past():
    assert norm("in three days", "future") == ("2021-11-15", "DATE", None)
    assert value("in two weeks", "future") == "2021-W47"
    assert value("in six months", "present") == "2022-05"
    assert norm("in three years", "past") == ("P3Y", "DURATION", None)  # "the first in three years"


def test_counts_from_a_named_day():
    assert value("a week from Friday", ref=dt.date(2021, 11, 10)) == "2021-11-19"
    assert value("three days from now") == "2021-11-15"
    assert value("two days after Christmas") == "2021-12-27"
    assert value("Friday week", ref=dt.date(2021, 11, 10)) == "2021-11-19"
    assert value("Friday after next", ref=dt.date(2021, 11, 10)) == "2021-11-19"
    assert value("the week after next") == "2021-W47"
    assert value("the year before last") == "2019"


def test_days_and_weeks_inside_a_month():
    assert value("the second Tuesday of March", ref=dt.date(2021, 2, 10)) == "2021-03-09"
    assert value("the last Friday of the month") == "2021-11-26"
    assert value("the fifth Monday of November") == "2021-11-29"
    assert value("the fifth Friday of November") is None  # November 2021 has four
    assert value("the first week of October 2014") == "2014-W40"
    assert value("the third week of January") == "2021-W03"
    assert value("the last day of February 2024") == "2024-02-29"
    assert value("the first day of next month") == "2021-12-01"


def test_a_day_of_the_month_alone_follows_the_tense():
    assert value("the 3rd", "past") == "2021-11-03"
    assert value("the 20th", "past") == "2021-10-20"
    assert value("the 3rd", "future") == "2021-12-03"
    assert value("the 15th of next month") == "2021-12-15"


def test_machine_forms_of_months_weeks_and_days():
    assert norm("2021-11") == ("2021-11", "DATE", None)
    assert value("05/2024") == "2024-05"
    assert value("2010-13") is None
    assert value("2021-W05") == "2021-W05"
    assert value("2020-W53") == "2020-W53"
    assert value("2021-W53") is None  # 2021 has 52 ISO weeks
    assert value("20210315") == "2021-03-15"
    assert value("20210230") is None


def test_plural_weekdays_and_counts_per_period_are_sets():
    assert norm("Mondays") == ("XXXX-WXX-1", "SET", None)
    assert norm("Tuesday evenings") == ("XXXX-WXX-2TEV", "SET", None)
    assert norm("once every three years") == ("P3Y", "SET", None)
    assert norm("twice weekly") == ("P1W", "SET", None)
    assert norm("every third day") == ("P3D", "SET", None)


def test_clock_times_to_and_past_an_hour_with_its_meridiem():
    assert value("a quarter to noon") == "2021-11-12T11:45"
    assert value("ten to eight") == "2021-11-12T07:50"
    assert value("two to six") is None  # a range of counts, not a time
    assert value("half past 3 p.m.") == "2021-11-12T15:30"
    assert value("a quarter to 1 p.m.") == "2021-11-12T12:45"
    assert value("twenty past seven") == "2021-11-12T07:20"


def test_hundreds_are_centuries_and_quarters_of_a_named_year():
    assert norm("the 1800s") == ("18", "DATE", None)
    assert value("the late 1800s") == "18"
    assert value("the 2000s") == "200"
    assert value("the first quarter of next year") == "2022-Q1"


def test_new_forms_in_sentences(extract):
    found = dates(extract("The talks will resume in three days, the envoy said."))
    assert found.get("three days") == "2021-11-15"
    found = dates(extract("It was the first rise in three years, the bank said."))
    assert found.get("three years") == "P3Y"
    found = dates(extract("The second round is two weeks from now."))
    assert found.get("two weeks from now") == "2021-W47"
    found = dates(extract("The show will start tonight at 8, the promoter said."))
    assert found.get("tonight at 8") == "2021-11-12T20:00"
    found = dates(extract("The rocket lifted off at 0630 GMT from the coast."))
    assert found.get("0630 GMT") == "2021-11-12T06:30"
    found = dates(extract("The budget will be unveiled on the second Tuesday of March."))
    assert found.get("the second Tuesday of March") == "2022-03-08"
    found = dates(extract("The team will travel the week after next."))
    assert found.get("the week after next") == "2021-W47"


def test_sets_and_days_that_spacy_leaves_out(extract):
    found = dates(extract("Inspectors visit the mine once a month, the agency said."))
    assert found.get("once a month") == "P1M"
    found = dates(extract("The choir rehearses on Tuesday evenings in the hall."))
    assert found.get("Tuesday evenings") == "XXXX-WXX-2TEV"
    found = dates(extract("Shipments resumed on the 3rd, the port said."))
    assert found.get("the 3rd") == "2021-11-03"
    assert not dates(extract("The office on the 3rd floor was closed."))
    found = dates(extract("He ran the company from 1990 to 1995."))
    assert found.get("1990") == "1990"
    assert found.get("1995") == "1995"
    found = dates(extract("The agreement of 4th April 1949 created the alliance."))
    assert found.get("4th April 1949") == "1949-04-04"


def test_month_day_numbers_and_this_time_last_year():
    found = normalize("7/17", REF)
    assert found is not None and (found.value, found.granularity) == ("2021-07-17", "day")
    found = normalize("11/02", REF)  # either order is a date: the guess stays visible
    assert found is not None and (found.value, found.granularity) == ("2021-11-02", "ambiguous-day")
    assert value("11/02", focus=Focus(day_first=True)) == "2022-02-11"
    assert value("this time last year") == "2020-11-12"
    assert value("this time next week") == "2021-11-19"


# -- issue 14: ranges, holidays, clock times with a day, compound forms ------------------


def test_a_range_is_two_expressions_each_end_complete(extract):
    found = dates(extract("The trade fair was held June 3-5 in the old hall."))
    assert found.get("June 3") == "2021-06-03"
    assert found.get("5") == "2021-06-05"
    found = dates(extract("The help desk answers calls 3-4 pm."))
    assert found.get("3") == "2021-11-12T15:00"
    assert found.get("4 pm") == "2021-11-12T16:00"
    found = dates(extract("Sales slumped between March and June 2020."))
    assert found.get("March") == "2020-03"
    found = dates(extract("The square was closed from Monday through Wednesday."))
    assert (found.get("Monday"), found.get("Wednesday")) == ("2021-11-08", "2021-11-10")
    found = dates(extract("The club's records for 1998-99 were lost."))
    assert (found.get("1998"), found.get("99")) == ("1998", "1999")
    found = dates(extract("Output rose each year from 1995 to 2000."))
    assert found.get("2000") == "2000"
    found = dates(extract("They lost 3-1 on Sunday."))  # a score, not a range
    assert "3" not in found and "1" not in found and "Sunday" in found


def test_more_holidays_and_their_rules(extract):
    assert value("Black Friday 2019") == "2019-11-29"  # Nov. 1, 2019 was a Friday
    assert value("Election Day 2022") == "2022-11-08"  # the Tuesday after the first Monday
    assert value("Pentecost 2020") == "2020-05-31"
    assert value("Juneteenth", "past") == "2021-06-19"
    found = dates(extract("The shops shut on Good Friday 2022, the council said."))
    assert found.get("Good Friday 2022") == "2022-04-15"
    found = dates(extract("The bishop preached on Ash Wednesday."))
    assert found.get("Ash Wednesday") == "2021-02-17"


def test_clock_times_take_the_half_of_the_day_and_the_day_beside_them(extract):
    assert value("11:40 last night") == "2021-11-11T23:40"
    assert value("10 tomorrow morning") == "2021-11-13T10:00"
    found = dates(extract("The ferry docks at 7:30 PM on Fri, Nov 19."))
    assert found.get("7:30 PM on Fri, Nov 19") == "2021-11-19T19:30"
    found = dates(extract("The vote count ended at 23:59 GMT, and the hall opens at 9.30am."))
    assert found.get("23:59 GMT") == "2021-11-12T23:59"
    assert found.get("9.30am") == "2021-11-12T09:30"


def test_durations_with_short_units_and_parts_of_an_hour(extract):
    assert norm("45 mins") == ("PT45M", "DURATION", None)
    assert value("2 hrs") == "PT2H"
    assert value("three-quarters of an hour") == "PT45M"
    assert value("half a century") == "P50Y"
    found = dates(extract("The crossing takes 45 mins in calm seas."))
    assert found.get("45 mins") == "PT45M"


def test_compound_forms_in_sentences(extract):
    assert value("the second half of last year") == "2020-H2"
    assert value("the last day of the year") == "2021-12-31"
    found = dates(extract("The mill closed a year ago today."))
    assert found.get("a year ago today") == "2020-11-12"
    found = dates(extract("The parade is held every Christmas."))
    assert found.get("every Christmas") == "XXXX-12-25"
    found = dates(extract("The council meets every other Monday."))
    assert found.get("every other Monday") == "XXXX-WXX-1"
    found = dates(extract("The shop reopens the day after Christmas."))
    assert found.get("the day after Christmas") == "2021-12-26"
    found = dates(extract("The levee broke on the night of 14 October 1987."))
    assert found.get("the night of 14 October 1987") == "1987-10-14TNI"


def test_an_entity_completed_by_the_words_after_it_and_sets_of_units(extract):
    found = dates(extract("The fire began around 4 in the afternoon."))  # spaCy: "around 4"
    assert found.get("around 4 in the afternoon") == "2021-11-12T16:00"
    found = dates(extract("The clinic now runs 5 days a week."))
    assert found.get("5 days a week") == "P1W"
    assert value("2Q 2011") == "2011-Q2"
    assert value("Christmas morning", "past") == "2020-12-25TMO"


def test_counts_of_several_units_back_and_a_clock_with_its_part_of_day_and_day(extract):
    found = dates(extract("The first post went up 1 day 2 hours ago."))
    assert found.get("1 day 2 hours ago") == "2021-11-11"
    assert value("1 year 2 months ago") == "2020-09"
    assert value("5 mins ago") == "2021-11-12"  # minutes, not months
    found = dates(extract("The jet touched down at 5:45 in the morning on Sunday."))
    assert found.get("5:45 in the morning on Sunday") == "2021-11-07T05:45"


def test_the_other_day_and_no_hour_before_a_percentage(extract):
    found = dates(extract("She saw the minister at the market the other day."))
    assert found.get("the other day") == "PAST_REF"
    found = dates(extract("Banks lent tonight at 3 percent."))
    assert found.get("tonight") == "2021-11-12TNI"
    assert not any(text.endswith("at 3") for text in found)
    assert value("Saturday night at 2") == "2021-11-06T02:00"  # "2 at night" is 02:00
