"""Finding temporal expressions in parsed text (real pipeline, texts written here).

The `extract` fixture's reference date is Friday 2021-11-12.
"""

from __future__ import annotations


def dates(ex) -> dict[str, str]:
    """Expression text -> value, over every date the extraction carries."""
    return {e.date.text: e.date.value for e in ex.events if e.date and e.date.text}


def test_direction_comes_from_the_verb(extract):
    past = dates(extract("The ministry reported Friday that exports fell."))
    assert past["Friday"] == "2021-11-12"
    future = dates(extract("The two leaders will meet Monday in the capital."))
    assert future["Monday"] == "2021-11-15"
    said = dates(extract("The mayor said Monday that the road was closed."))
    assert said["Monday"] == "2021-11-08"


def test_month_day_goes_where_the_tense_points(extract):
    assert dates(extract("The vote will take place on December 24th."))["December 24th"] == (
        "2021-12-24"
    )
    assert dates(extract("The bridge reopened on March 3."))["March 3"] == "2021-03-03"


def test_an_entity_with_two_dates_gives_both(extract):
    found = dates(extract("Exports grew between 2014 and 2019, the agency said."))
    assert found.get("2014") == "2014" and found.get("2019") == "2019"


def test_quarter_adjectives_and_year_ago_comparisons(extract):
    text = (
        "The brewer reported third-quarter profit of $40 million. "
        "A year earlier it earned $30 million."
    )
    found = dates(extract(text))
    assert found["third-quarter"] == "2021-Q3"
    assert found["A year earlier"] == "2020-Q3"


def test_the_same_day_points_back(extract):
    text = "The plant closed on Oct. 4. Workers protested outside the gates the same day."
    found = dates(extract(text))
    assert found["Oct. 4"] == "2021-10-04"
    assert any(v == "2021-10-04" for t, v in found.items() if "same day" in t)


def test_now_and_recent_are_found_without_spacy(extract):
    found = dates(extract("Prices are now falling after recent gains, traders said."))
    assert found["now"] == "PRESENT_REF"
    assert found["recent"] == "PAST_REF"


def test_time_with_its_day(extract):
    found = dates(extract("The talks will resume at 3 p.m. Friday in Geneva."))
    assert any(v == "2021-11-12T15:00" for v in found.values())


def test_set(extract):
    found = dates(extract("The ferry sails every Monday from the old harbor."))
    assert found.get("every Monday") == "XXXX-WXX-1"


def test_non_dates_are_not_dates(extract):
    text = (
        "The 1990 Act was cited by the judge. The clinic is open 24/7. "
        "The home team won 5-3, and the winger, in his 30s, scored twice. 5+5 is ten."
    )
    found = dates(extract(text))
    assert not any(t in found for t in ("1990", "24/7", "30s", "5+5", "5-3"))


def test_may_the_modal_is_not_may_the_month(extract):
    found = dates(extract("Officials may extend the curfew. Elections are due in May."))
    assert list(found.values()).count("2022-05") + list(found.values()).count("2021-05") == 1
