"""Rule 3: the events of the story's day, dated the publication day.

Real pipeline on texts written here; reference date Friday 2021-11-12.
One test per kind of report the rule reads, each with a case it must leave.
"""

from __future__ import annotations

PUBLISHED = "2021-11-12"


def dated(ex, trigger: str):
    """The date of the event whose trigger is ``trigger``, None when it has none."""
    found = [e for e in ex.events if e.trigger.text == trigger]
    return found[0].date if found else None


def on_publication_day(ex, trigger: str) -> bool:
    date = dated(ex, trigger)
    return (
        date is not None
        and date.anchor == "publication"
        and date.value == PUBLISHED
        and date.span is None
        and date.relation == "on"
    )


def test_a_present_report_takes_the_publication_day(extract):
    assert on_publication_day(
        extract("Forecasters say the river will crest near the old bridge."), "say"
    )
    assert on_publication_day(
        extract("The coast guard reports that two boats are missing."), "reports"
    )


def test_a_present_stance_is_not_a_report_of_the_day(extract):
    assert dated(extract("The mayor insists the plan is sound."), "insists") is None


def test_a_report_joined_to_the_main_clause_takes_the_publication_day(extract):
    ex = extract(
        "Nobody was injured, but crews closed the road and said they would inspect the slope."
    )
    assert on_publication_day(ex, "said")
    assert dated(ex, "closed") is None  # not a report: the rule leaves it


def test_a_report_set_inside_the_sentence_takes_the_publication_day(extract):
    ex = extract("The bridge, the engineer said, would stay shut for a week.")
    assert on_publication_day(ex, "said")


def test_a_stated_intention_or_finding_takes_the_publication_day(extract):
    assert on_publication_day(extract("The minister declined to comment on the talks."), "declined")
    assert on_publication_day(
        extract("The latest survey showed that prices fell in the north."), "showed"
    )


def test_a_finding_of_a_dated_source_is_not_of_the_day(extract):
    ex = extract("A report published in May found that the river was dirty.")
    assert dated(ex, "found") is None or dated(ex, "found").anchor != "publication"


def test_a_belief_is_not_a_report_of_the_day(extract):
    assert dated(extract("The minister thought the talks had failed."), "thought") is None


def test_according_to_takes_the_publication_day(extract):
    ex = extract("The harbour was closed to ships, according to the port authority.")
    assert on_publication_day(ex, "according")
    assert dated(ex, "closed") is None


def test_the_occasion_of_a_report_takes_the_publication_day(extract):
    ex = extract("The minister said in an interview that the talks would resume.")
    assert on_publication_day(ex, "interview") and on_publication_day(ex, "said")
    ex = extract("At a news conference, the chief of police said the suspect had fled.")
    assert on_publication_day(ex, "conference")


def test_a_speech_noun_that_is_no_occasion_of_a_report_keeps_no_date(extract):
    ex = extract("She told her neighbour about the statement.")
    assert dated(ex, "statement") is None


def test_no_publication_day_without_a_reference_date(extract):
    ex = extract("Forecasters say the river will crest near the old bridge.", published=None)
    assert dated(ex, "say") is None


def test_a_past_passive_report_takes_the_publication_day(extract):
    assert on_publication_day(extract("The price of the deal was not disclosed."), "disclosed")


def test_a_past_passive_that_is_no_report_keeps_no_date(extract):
    assert dated(extract("The ferry was repaired."), "repaired") is None
