"""Sets carry TIMEX3 freq and quant; extents of timestamps, zones and whole units.

The normalizer on texts alone, and the real pipeline on sentences written
here. The reference date is Friday 2021-11-12.
"""

from __future__ import annotations

import datetime as dt
import re

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


# -- extents and forms --------------------------------------------------------------------


def test_a_timestamp_ending_a_sentence_leaves_the_full_stop_out(extract):
    text = "The sensor logged the fault at 2010-02-19T14:00:00Z. Crews came an hour later."
    found = by_text(extract(text))
    assert found["2010-02-19T14:00:00Z"].value == "2010-02-19T14:00:00"
    s, e = found["2010-02-19T14:00:00Z"].span
    assert text[s:e] == "2010-02-19T14:00:00Z"
    assert not any(t.endswith(".") for t in found)
    found = by_text(extract("The file was stamped 2010-02-19T14:00Z."))
    assert found["2010-02-19T14:00Z"].value == "2010-02-19T14:00"
    found = by_text(extract("The census closed on 19.02.2010."))
    assert found["19.02.2010"].value == "2010-02-19"


def test_abbreviations_keep_their_full_stop(extract):
    found = by_text(extract("The lights went out at 6 p.m."))
    assert found["6 p.m."].value == "2021-11-12T18:00"


def test_a_full_or_whole_unit_is_a_duration(extract):
    for sentence, text, want in [
        ("It took a full year to rebuild the old bridge.", "a full year", "P1Y"),
        ("The dock strike went on for an entire week.", "an entire week", "P1W"),
        ("The two sides argued for two whole days.", "two whole days", "P2D"),
        ("She waited a whole month for the permit.", "a whole month", "P1M"),
    ]:
        found = by_text(extract(sentence))
        assert (found[text].value, found[text].type) == (want, "DURATION"), sentence


def test_the_full_year_of_an_earnings_report_stays_the_year(extract):
    found = by_text(extract("Acme expects a loss for the full year, it said."))
    assert (found["the full year"].value, found["the full year"].type) == ("2021", "DATE")


def test_a_day_of_the_month_in_words(extract):
    found = by_text(extract("The rent is due on the twentieth, the landlord said."))
    assert found["the twentieth"].value == "2021-11-20"
    found = by_text(extract("The last fee was paid on the twenty-first."))
    assert found["the twenty-first"].value == "2021-10-21"  # past tense: last month's
    found = by_text(extract("Nothing will change until the thirtieth of next month."))
    assert found["the thirtieth of next month"].value == "2021-12-30"


def test_ordinals_that_are_not_days(extract):
    for sentence in (
        "It was the third straight month of gains.",
        "The crew arrived on the fifth floor.",
        "She finished on the second of three tries.",
        "Today is the eighth day of the strike.",
        "The team lost for the third time.",
    ):
        found = by_text(extract(sentence))
        assert not any(re.search(r"third|fifth|second|eighth", t) for t in found), found


def test_a_time_zone_is_inside_the_expression(extract):
    for sentence, text, want in [
        ("The briefing begins at noon ET, the agency said.", "noon ET", "2021-11-12T12:00"),
        ("The shop opens at 9 a.m. EST for the sale.", "9 a.m. EST", "2021-11-12T09:00"),
        ("The final kicks off at 14:00 GMT in the capital.", "14:00 GMT", "2021-11-12T14:00"),
        ("Polls close at 6:30 p.m. Eastern, the board said.", "6:30 p.m. Eastern", None),
        ("The call is at 10 a.m. PT.", "10 a.m. PT", "2021-11-12T10:00"),
    ]:
        found = by_text(extract(sentence))
        assert text in found, (sentence, found)
        assert want is None or found[text].value == want
        assert found[text].type == "TIME"


def test_a_zone_word_that_begins_a_name_is_left_out(extract):
    found = by_text(extract("We met at noon Central Park."))
    assert "noon" in found and not any("Central" in t for t in found)


def test_a_clock_time_with_a_zulu_zone(extract):
    found = by_text(extract("The alarm went off at 14:00Z."))
    assert found["14:00Z"].value == "2021-11-12T14:00"


def test_a_day_of_the_month_alone_takes_the_month_its_sentence_named(extract):
    found = by_text(extract("In March, the council met twice: on the 3rd and on the 20th."))
    assert (found["the 3rd"].value, found["the 20th"].value) == ("2021-03-03", "2021-03-20")
    found = by_text(extract("The council met in March, and again on the twentieth."))
    assert found["the twentieth"].value == "2021-03-20"
    found = by_text(extract("The council met in March. It meets again on the 20th."))
    assert found["the 20th"].value == "2021-11-20"  # another sentence: the reference's month


# -- probe forms (dprobe) -------------------------------------------------------------------


def test_local_time_is_inside_the_expression_and_no_zone_is_given(extract):
    for sentence, text, want in [
        ("The truce starts at 0600 local time, officials said.", "0600 local time", "T06:00"),
        ("The polls open at 9 a.m. local time in the capital.", "9 a.m. local time", "T09:00"),
        ("The rocket lifted off at 14:30 local time.", "14:30 local time", "T14:30"),
    ]:
        found = by_text(extract(sentence))
        assert text in found, (sentence, found)
        assert (found[text].value, found[text].type) == (f"2021-11-12{want}", "TIME")


def test_local_before_another_word_is_no_zone(extract):
    found = by_text(extract("The shop opens at 9 a.m. local shops said."))
    assert "9 a.m." in found and not any("local" in t for t in found)


def test_parts_of_the_day_the_sun_names(extract):
    for sentence, text, want in [
        ("Troops entered the town at dawn.", "dawn", "2021-11-12TMO"),
        ("The march ended at dusk near the river.", "dusk", "2021-11-12TEV"),
        ("The boats left at daybreak.", "daybreak", "2021-11-12TMO"),
        ("Shelling resumed after nightfall.", "nightfall", "2021-11-12TNI"),
        ("Police raided the camp at dawn Friday.", "dawn Friday", "2021-11-12TMO"),
        ("Police will raid the camp at dawn Saturday.", "dawn Saturday", "2021-11-13TMO"),
    ]:
        found = by_text(extract(sentence))
        assert text in found, (sentence, found)
        assert (found[text].value, found[text].type) == (want, "TIME"), sentence


def test_the_sun_s_words_that_are_no_time(extract):
    for sentence in (
        "Officials spoke as dawn broke over the city.",
        "Agents staged a pre-dawn raid on the house.",
        "The firm was born at the dawn of the internet age.",
        "They watched the sunset from the pier.",
    ):
        found = by_text(extract(sentence))
        assert not any(re.search(r"dawn|sunset", t) for t in found), (sentence, found)


def test_nightly_and_hourly_are_sets(extract):
    for sentence, text, want in [
        ("Guards walk the fence nightly.", "nightly", "XXXX-XX-XXTNI"),
        ("The sensor is read hourly by the staff.", "hourly", "PT1H"),
        ("The band plays twice nightly.", "twice nightly", "XXXX-XX-XXTNI"),
    ]:
        found = by_text(extract(sentence))
        assert text in found, (sentence, found)
        assert (found[text].value, found[text].type) == (want, "SET"), sentence
    assert by_text(extract("The band plays twice nightly."))["twice nightly"].freq == "2X"


def test_per_a_calendar_unit_is_a_set_but_not_a_rate_of_speed(extract):
    found = by_text(extract("The rent is paid per month to the owner."))
    assert (found["per month"].value, found["per month"].type) == ("P1M", "SET")
    assert by_text(extract("He earns $500 per week."))["per week"].value == "P1W"
    for sentence in ("The chip runs 15 million instructions per second.",):
        assert not any("per" in t for t in by_text(extract(sentence))), sentence


def test_quarterly_is_a_set_as_an_adverb_only(extract):
    for sentence in ("The price list is updated quarterly.", "The firm pays dividends quarterly."):
        found = by_text(extract(sentence))
        assert (found["quarterly"].value, found["quarterly"].type) == ("P3M", "SET"), sentence
    for sentence in (
        "The quarterly results also reflected gains.",
        "The firm raised its quarterly dividend.",
    ):
        assert "quarterly" not in by_text(extract(sentence)), sentence


def test_the_turn_of_a_century_is_that_century(extract):
    found = by_text(extract("The hall was built at the turn of the century."))
    assert (found["the turn of the century"].value, found["the turn of the century"].type) == (
        "20",
        "DATE",
    )
    found = by_text(extract("Life at the turn of the 20th century was hard."))
    assert found["the turn of the 20th century"].value == "19"
    found = by_text(extract("The mill opened at the turn of the century.", dt.date(1998, 5, 4)))
    assert found["the turn of the century"].value == "20"  # the turn nearest: 2000


def test_a_stretch_back_to_a_decade_is_a_duration(extract):
    for sentence, text, want in [
        ("The mill has run at a loss for the last decade.", "the last decade", "P10Y"),
        ("Prices have tripled over the past decade.", "the past decade", "P10Y"),
        ("The town grew over the past century.", "the past century", "P100Y"),
    ]:
        found = by_text(extract(sentence))
        assert (found[text].value, found[text].type) == (want, "DURATION"), sentence
    found = by_text(extract("Wages fell in the last decade."))
    assert (found["the last decade"].value, found["the last decade"].type) == ("201", "DATE")
    found = by_text(extract("Sales rose over the past year."))
    assert found["the past year"].type == "DATE"  # a year stays the calendar year


def test_weeks_from_today_is_a_day(extract):
    found = by_text(extract("The board will vote three weeks from today."))
    assert found["three weeks from today"].value == "2021-12-03"
    found = by_text(extract("The board will vote three weeks from now."))
    assert found["three weeks from now"].value == "2021-W48"  # from no named day: the week
    found = by_text(extract("The plant will close 3 years from today."))
    assert found["3 years from today"].value == "2024"  # years from today: the year


def test_days_within_every_period_are_a_set(extract):
    found = by_text(extract("The crew works three days every month."))
    d = found["three days every month"]
    assert (d.value, d.type, d.freq, d.quant) == ("P1M", "SET", "3D", "EVERY")
    d = by_text(extract("Staff work 10 hours each day at the site."))["10 hours each day"]
    assert (d.value, d.freq, d.quant) == ("P1D", "10H", "EACH")
