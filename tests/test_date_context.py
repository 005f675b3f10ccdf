"""Date values that depend on the words around an expression, through the real pipeline:
the definite "the year"/"the week" of a report, and the past perfect reached through an
adjective ("had been due to expire Friday")."""

from __future__ import annotations

import datetime as dt

from newsclaims.core.dates import normalize


def dates(ex) -> dict[str, str]:
    """Expression text -> value, over every date the extraction carries."""
    found = [e.date for e in ex.events if e.date] + [d.date for d in ex.dates]
    return {d.text: d.value for d in found if d.text}


MONDAY = dt.date(1995, 3, 13)


def test_the_year_of_a_report_is_its_year(extract):
    found = dates(extract("For the year, the bakery's bread sales were flat.", MONDAY))
    assert found["the year"] == "1995"
    found = dates(extract("The shares touched a low for the year in February.", MONDAY))
    assert found["the year"] == "1995"


def test_a_fiscal_year_ended_on_a_day_is_a_stretch(extract):
    found = dates(extract("The grocer earned $4 million in the year ended Jan. 31.", MONDAY))
    assert found["the year"] == "P1Y"
    found = dates(extract("It expects a loss for the year ending June 30, 1996.", MONDAY))
    assert found["the year"] == "P1Y"


def test_the_week_of_a_report_names_no_week_number(extract):
    found = dates(extract("For the week, the bond index slipped 2%.", MONDAY))
    assert found["the week"] == "1995-WXX"


def test_had_been_due_reaches_the_past_through_the_adjective(extract):
    found = dates(extract("The tender offer had been due to expire Friday evening.", MONDAY))
    assert found["Friday evening"] == "1995-03-10TEV"


def test_a_fraction_of_a_unit_is_counted_in_the_next_smaller_one(extract):
    found = dates(extract("The ferry crossing took 2 1/2 hours in the storm.", MONDAY))
    assert found["2 1/2 hours"] == "PT2H30M"
    found = dates(extract("The refugees stayed in the camp for a year and a half.", MONDAY))
    assert found["a year and a half"] == "P1Y6M"
    found = dates(extract("The pilot called back a minute and a half later.", MONDAY))
    assert "PT1M30S" in found.values()


def test_spelled_compound_numbers_count(extract):
    found = dates(extract("The power was out for twenty-four hours after the storm.", MONDAY))
    assert found["twenty-four hours"] == "PT24H"
    found = dates(extract("The band first played here in nineteen ninety-four.", MONDAY))
    assert found["nineteen ninety-four"] == "1994"


def test_later_in_the_day_is_the_reports_day(extract):
    found = dates(extract("He arrived in Boston later in the day.", MONDAY))
    assert found["later in the day"] == "1995-03-13"


def test_a_count_later_than_a_told_time_is_a_stretch(extract):
    text = "The plane landed safely. Three days later, the airline sold it."
    found = dates(extract(text, MONDAY))
    assert found["Three days later"] == "P3D"
    found = dates(extract("The shares fell 5% three days ago.", MONDAY))
    assert found["three days ago"] == "1995-03-10"


def test_the_near_term_is_ahead_but_short_term_debt_is_not_a_date(extract):
    found = dates(extract("Analysts expect weak sales in the near term.", MONDAY))
    assert found["the near term"] == "FUTURE_REF"
    found = dates(extract("The bank sold short-term notes to investors.", MONDAY))
    assert "FUTURE_REF" not in found.values()


def test_a_spelled_year_after_a_month_or_a_season(extract):
    found = dates(extract("The flood came in March nineteen eighty-one.", MONDAY))
    assert "1981-03" in found.values()
    found = dates(extract("Prices fell hard in the summer of nineteen ninety-two.", MONDAY))
    assert "1992-SU" in found.values()


def test_over_before_a_determiner_is_during_not_more_than(extract):
    ex = extract("Talks between the unions went on over the weekend.", MONDAY)
    found = [e.date for e in ex.events if e.date] + [d.date for d in ex.dates]
    weekend = [d for d in found if d.text == "the weekend"]
    assert weekend and weekend[0].mod is None
    assert normalize("over a year", MONDAY).mod == "MORE_THAN"


def test_a_length_of_time_spacy_calls_a_quantity(extract):
    text = "The minister will spend about 5 1/2 hours in the capital."
    ex = extract(text, MONDAY)
    found = [e.date for e in ex.events if e.date] + [d.date for d in ex.dates]
    assert "PT5H30M" in {d.value for d in found}


def test_the_week_following_an_event_is_a_week_of_the_year(extract):
    found = dates(extract("Withdrawals doubled in the week following the crash.", MONDAY))
    assert found["the week"] == "1995-WXX"


THURSDAY = dt.date(1995, 11, 2)


def test_a_quarter_still_to_come_does_not_become_the_reported_one(extract):
    text = (
        "Acme Mills said third-quarter net rose 8% to $40 million. "
        "The flood last month will bring a fourth-quarter charge of $5 million. "
        "Its textile profit fell 20% in the latest quarter, against $9 million a year ago."
    )
    found = dates(extract(text, THURSDAY))
    assert found["fourth-quarter"] == "1995-Q4"
    assert found["the latest quarter"] == "1995-Q3"
    assert found["a year ago"] == "1994-Q3"


def test_a_running_quarter_is_in_view_in_its_own_sentence(extract):
    text = (
        "The finance chief said the maker expected revenue in the fourth quarter "
        "to fall 8 percent from a year earlier."
    )
    found = dates(extract(text, THURSDAY))
    assert found["the fourth quarter"] == "1995-Q4"
    assert found["a year earlier"] == "1994-Q4"


def test_a_fiscal_quarter_a_past_verb_reports_stays_in_view(extract):
    text = (
        "Birch Foods reported a 30% rise in fourth-quarter earnings. "
        "Sales in the latest period were $2 billion."
    )
    found = dates(extract(text, THURSDAY))
    assert found["the latest period"] == "1995-Q4"


def test_this_quarter_in_a_report_is_the_quarter_reported(extract):
    text = (
        "Pine Press posted a loss of $3 million for the third quarter ended Sept. 30. "
        "This quarter's loss includes a charge for closing a plant."
    )
    found = dates(extract(text, THURSDAY))
    assert found["This quarter"] == "1995-Q3"


def test_a_month_modifying_a_noun_is_the_nearest_one(extract):
    found = dates(extract("The bank is still trying to sell itself under a June accord.", THURSDAY))
    assert found["June"] == "1995-06"
    january = dt.date(1996, 1, 20)
    found = dates(extract("She hoped to repeat the late-November journey.", january))
    assert found["late-November"] == "1995-11"


def test_a_frequency_after_an_amount_is_a_rate_not_a_set(extract):
    found = dates(extract("The chain expects revenue to grow 12% annually.", THURSDAY))
    assert "annually" not in found
    found = dates(extract("The new kiln will fire about 5,000 pots annually.", THURSDAY))
    assert "annually" not in found
    found = dates(extract("The town holds the fair annually in its main square.", THURSDAY))
    assert found["annually"] == "P1Y"


def test_a_unit_inside_a_hyphened_compound_is_no_time(extract):
    text = "The quarter-to-quarter comparison was hurt by a strike at a mill."
    assert dates(extract(text, THURSDAY)) == {}
    text = "Unemployment stood just above its quarter-century low last month."
    assert set(dates(extract(text, THURSDAY))) == {"last month"}


def test_a_period_that_ended_on_a_day_ended_before_the_report(extract):
    text = "In the fiscal year ended Jan. 31, the toy maker earned $3 million."
    found = dates(extract(text, THURSDAY))
    assert found["Jan. 31"] == "1995-01-31"
    text = "For the quarter ended Nov. 30, 1995, the chain expects a small loss."
    found = dates(extract(text, THURSDAY))
    assert found["Nov. 30, 1995"] == "1995-11-30"


def test_the_previous_weekday_is_before_the_day_the_text_is_on(extract):
    monday = dt.date(1995, 11, 6)
    text = (
        "The index fell 30 points on Friday. "
        "It closed down 4% from the previous Friday, its worst week in a year."
    )
    found = dates(extract(text, monday))
    assert found["Friday"] == "1995-11-03"
    assert found["the previous Friday"] == "1995-10-27"


def test_a_quarter_that_ended_last_year_is_last_years_quarter(extract):
    friday = dt.date(1995, 10, 27)
    text = (
        "The funeral chain changed its fiscal year in December. In the comparable "
        "quarter, the second quarter ended Oct. 31, it lost $12 million. "
        "Results for that quarter included a write-down."
    )
    found = dates(extract(text, friday))
    assert found["Oct. 31"] == "1994-10-31"
    assert found["the second quarter"] == "1994-Q2"
    assert found["that quarter"] == "1994-Q2"


def test_the_week_that_owns_a_noun_is_the_reports_week(extract):
    monday = dt.date(1995, 11, 6)
    text = "Turnover rose to 900 million shares, the week's busiest session."
    found = dates(extract(text, monday))
    assert found["the week"] == "1995-WXX"
    found = dates(extract("The shares closed near the year's low.", monday))
    assert found["the year"] == "1995"


def test_quarters_without_a_count_stay_quarters(extract):
    text = "The maker turned a profit after several quarters of losses."
    assert dates(extract(text, THURSDAY))["several quarters"] == "PXQ"
    text = "The steel analyst said the orders do not bode well for coming quarters."
    assert dates(extract(text, THURSDAY))["coming quarters"] == "FUTURE_REF"
    text = "The unit lost money in the past two quarters."
    assert dates(extract(text, THURSDAY))["the past two quarters"] == "P6M"


def test_then_current_is_a_past_reference(extract):
    text = "Holders could buy shares at half the then-current market price."
    found = dates(extract(text, THURSDAY))
    assert list(found.values()) == ["PAST_REF"]
    found = dates(extract("Current market prices are high.", THURSDAY))
    assert list(found.values()) == ["PRESENT_REF"]


def test_a_count_of_trading_or_business_days_is_a_duration(extract):
    found = dates(extract("Eight trading days after the crash, the index was down.", THURSDAY))
    assert found["Eight trading days"] == "P8D"
    found = dates(extract("The bank must answer within five business days.", THURSDAY))
    assert found["five business days"] == "P5D"


def test_a_unit_word_something_owns_is_no_time(extract):
    for text in (
        "This has not been the brewer's year.",
        "Hiring was strong for the third consecutive month.",
        "She remembers her year in kindergarten fondly.",
        "All week, the council argued about the budget.",
    ):
        assert dates(extract(text, THURSDAY)) == {}, text
    assert dates(extract("For the year, sales were flat.", THURSDAY))["the year"] == "1995"


def test_a_count_of_more_units_is_found_where_spacy_sees_a_number(extract):
    text = "The navy may keep using the harbor for at least 20 more years."
    found = dates(extract(text, THURSDAY))
    assert found["at least 20 more years"] == "P20Y"
    text = "The girl will stay with her aunt for at least two more weeks."
    assert "P2W" in dates(extract(text, THURSDAY)).values()


def test_a_past_day_without_a_year_is_this_years_unless_a_deadline_is_days_ahead(extract):
    # read on Friday 2021-11-12: January is ten months back, not two months ahead
    found = dates(extract("The pipe burst on Jan. 21, flooding the basement."))
    assert found["Jan. 21"] == "2021-01-21"
    # a deadline a few days ahead is that one, even after a past-tense verb
    found = dates(extract("The board said the offer had been set to expire Nov. 19."))
    assert found["Nov. 19"] == "2021-11-19"


def test_a_day_something_is_set_for_is_ahead(extract):
    # read on Friday 2021-11-12; "set" alone is no plan ("set a record on Tuesday")
    found = dates(extract("The appeal is set for Tuesday at 9 a.m. in the county court."))
    assert found["Tuesday at 9 a.m."] == "2021-11-16T09:00"
    found = dates(extract("The sprinter set a record on Tuesday."))
    assert found["Tuesday"] == "2021-11-09"
