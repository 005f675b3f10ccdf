"""The publication day named in the text, and reports attributing a split quote.

Real pipeline on texts written here; reference date Friday 2021-11-12.
"""

from __future__ import annotations

import datetime as dt


def event(ex, trigger: str):
    found = [e for e in ex.events if e.trigger.text == trigger]
    assert found, f"no event {trigger!r} in {[e.trigger.text for e in ex.events]}"
    return found[0]


def test_a_report_takes_the_expression_naming_the_publication_day(extract):
    ex = extract(
        "The ferry company suspended its crossings today. It cited the storm, a spokesman said."
    )
    said = event(ex, "said")
    assert said.date is not None
    assert said.date.text == "today" and said.date.anchor == "sentence"
    assert said.date.value == "2021-11-12" and said.date.relation == "on"


def test_a_report_with_no_such_expression_keeps_the_publication_day(extract):
    ex = extract("The ferry company cited the storm, a spokesman said.")
    said = event(ex, "said")
    assert said.date is not None and said.date.anchor == "publication"
    assert said.date.span is None and said.date.value == "2021-11-12"


def test_another_day_is_not_taken_for_the_publication_day(extract):
    ex = extract(
        "The ferry company suspended its crossings on Monday. It cited the storm, a spokesman said."
    )
    said = event(ex, "said")
    assert said.date is not None and said.date.anchor == "publication"
    assert said.date.text != "Monday"


def test_the_named_day_needs_a_reference_date(extract):
    ex = extract(
        "The mill closed its gates today. The owners blamed costs, a manager said.", published=None
    )
    assert all(e.date is None or e.date.anchor != "publication" for e in ex.events)
    assert not any(e.trigger.text == "said" for e in ex.events)


def test_the_verb_attributing_a_split_quote_is_a_report_of_the_day(extract):
    ex = extract(
        "\u201cThe bridge is safe,\u201d the engineer said. \u201cWe checked every cable.\u201d"
    )
    said = event(ex, "said")
    assert said.date is not None and said.date.anchor == "publication"
    assert said.date.value == dt.date(2021, 11, 12).isoformat()


def test_a_clock_time_or_a_quoted_day_is_not_the_report_s(extract):
    ex = extract(
        "Shelters will open at 6 p.m. Friday. The county cited the flood, an official said."
    )
    said = event(ex, "said")
    assert said.date is not None and said.date.anchor == "publication" and said.date.span is None
    ex = extract("\u201cWe decided it today,\u201d the mayor said of the curfew.")
    said = event(ex, "said")
    assert said.date is not None and said.date.text != "today"


def test_a_day_in_reported_speech_is_the_reporter_s(extract):
    # read on Friday 2021-11-12: "today" in what the minister reported names the day
    # of the report, so the report takes it (a day in quotation marks stays the speaker's)
    ex = extract("The minister said the convoy was leaving the capital today.")
    said = event(ex, "said")
    assert said.date is not None and said.date.text == "today"
    assert said.date.anchor == "sentence" and said.date.value == "2021-11-12"
