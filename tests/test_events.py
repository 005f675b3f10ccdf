"""Dated events: which predicate a date dates, who and where, modality, anchor.

Real pipeline on texts written here; reference date Friday 2021-11-12.
"""

from __future__ import annotations


def event(ex, trigger: str):
    found = [e for e in ex.events if e.trigger.text == trigger]
    assert found, f"no event {trigger!r} in {[e.trigger.text for e in ex.events]}"
    return found[0]


def test_verbal_governor_is_dated_explicitly(extract):
    ev = event(extract("The council voted on Wednesday to repair the bridge."), "voted")
    assert ev.date is not None and ev.date.text == "Wednesday" and ev.date.anchor == "explicit"
    assert ev.date.value == "2021-11-10"


def test_nominal_governors(extract):
    ex = extract("Lawmakers argued over the vote on December 24th and the 2011 uprising.")
    assert event(ex, "vote").date.text == "December 24th"
    assert event(ex, "uprising").date.value == "2011"


def test_withdraw_by_march(extract):
    ev = event(extract("The army will withdraw its troops from the border by March."), "withdraw")
    assert ev.date is not None and ev.date.value == "2022-03"
    assert ev.modality == "future"


def test_every_expression_dates_an_event(extract):
    ex = extract("Tuesday, Nov. 9.\n\nThe festival drew large crowds in 2019.")
    dated = {e.date.text for e in ex.events if e.date}
    assert "Tuesday, Nov. 9" in dated and "2019" in dated


def test_participants_and_places(extract):
    ev = event(extract("Police arrested two suspects in Lisbon on Monday."), "arrested")
    roles = {(p.role, p.text) for p in ev.participants}
    assert ("agent", "Police") in roles and ("patient", "two suspects") in roles
    assert [p.text for p in ev.places] == ["Lisbon"]
    assert not any(p.text == "Monday" for p in ev.participants)


def test_modality_future_negated_hypothetical(extract):
    assert event(extract("The plant would close in June."), "close").modality == "future"
    assert event(extract("The ship did not sail on Monday."), "sail").modality == "negated"
    ex = extract("If the talks fail on Monday, the strike could begin.")
    assert event(ex, "fail").modality == "hypothetical"


def test_events_in_a_said_that_clause_are_reported(extract):
    ex = extract("The minister said that the embassy reopened on Tuesday.")
    ev = event(ex, "reopened")
    assert ev.modality == "reported"
    assert ev.reported_by is not None
    assert ev.reported_by in {q.id for q in ex.quotes}


def test_events_inside_a_quote_are_reported_by_it(extract):
    ex = extract("“We signed the contract on Monday,” the director said.")
    ev = event(ex, "signed")
    assert ev.modality == "reported" and ev.reported_by == ex.quotes[0].id


def test_other_predicates_share_the_sentence_date(extract):
    ex = extract("On Monday the union met the owners and rejected their offer.")
    assert event(ex, "met").date.anchor == "explicit"
    rejected = event(ex, "rejected")
    assert rejected.date.text == "Monday" and rejected.date.anchor in ("sentence", "explicit")


def test_the_next_sentence_inherits_the_date(extract):
    ex = extract("The storm hit the coast on Sunday. Thousands of homes lost power.")
    lost = event(ex, "lost")
    assert lost.date is not None and lost.date.text == "Sunday"
    assert lost.date.anchor == "inherited"


def test_durations_date_only_their_own_predicate(extract):
    ex = extract("The mayor said the strike lasted for three weeks.")
    assert event(ex, "lasted").date.value == "P3W"
    assert not any(e.trigger.text == "said" for e in ex.events)


def test_quote_date_is_when_it_was_said(extract):
    ex = extract("On Friday, the minister said: “The border stays closed.”")
    assert ex.quotes and ex.quotes[0].date is not None
    assert ex.quotes[0].date.value == "2021-11-12"


def test_date_bounds_allow_range_filters(extract):
    ev = event(extract("Exports collapsed in July."), "collapsed")
    assert (ev.date.start, ev.date.end) == ("2021-07-01", "2021-07-31")


def test_dateline_is_the_reference_when_none_is_given(extractor):
    text = "OSLO, Nov. 12, 2021 (Wire) — The fjord froze on Tuesday, officials said."
    ex = extractor.extract_text(text)
    assert ex.document.published == "2021-11-12" and ex.document.published_from == "dateline"
    assert event(ex, "froze").date.value == "2021-11-09"


def test_without_a_reference_unknown_parts_stay_unknown(extract):
    ex = extract("The vote is set for December 24th.", published=None)
    assert event(ex, "set").date.value == "XXXX-12-24"


def dated(ex, trigger: str) -> set[str]:
    """The texts of the dates events with this trigger carry."""
    return {e.date.text for e in ex.events if e.trigger.text == trigger and e.date}


def test_a_date_qualifying_a_noun_dates_that_noun(extract):
    ex = extract("Officials recalled the 1996 campaign and today's briefing.")
    assert event(ex, "campaign").date.anchor == "explicit"
    assert "today" in dated(ex, "briefing")


def test_a_state_adjective_holds_its_date(extract):
    ex = extract("The board declared a dividend, payable Dec. 15 to holders of record.")
    assert event(ex, "payable").date.value == "2021-12-15"


def test_a_relative_clause_keeps_its_date(extract):
    text = (
        "“We have waited long enough,” said Mayor Lena Ortiz, "
        "who has pushed for the repairs since 2019."
    )
    ex = extract(text)
    assert "2019" in dated(ex, "pushed")
    assert "2019" not in dated(ex, "said") | dated(ex, "waited")


def test_a_duration_measures_only_its_own_clause(extract):
    ex = extract("The council voted to end a dispute that had stalled the work for two years.")
    assert "two years" in dated(ex, "stalled")
    assert "two years" not in dated(ex, "voted")


def test_a_frequency_dates_only_its_own_predicate(extract):
    ex = extract("Every Monday the market opens and traders arrive early.")
    assert not dated(ex, "arrive")


def test_a_day_carries_over_further_than_a_year(extract):
    ex = extract(
        "The plant closed in 2019. Workers protested outside the gates. The owners sold the land."
    )
    assert dated(ex, "protested") == {"2019"}
    assert not dated(ex, "sold")
    ex = extract("The plant closed now. Workers protested outside the gates.")
    assert not dated(ex, "protested")
    ex = extract("The plant closed on Monday. Workers protested outside the gates.")
    assert dated(ex, "protested") == {"Monday"}
    assert event(ex, "protested").date.anchor == "inherited"


def test_a_speech_verb_takes_the_date_of_the_last_dated_report(extract):
    text = (
        "The ministry said Monday that the talks had stalled. "
        "Negotiators left the capital. The envoys went home. Trade fell. "
        "Prices rose in 2020. Exporters complained, the ministry said."
    )
    ex = extract(text)
    assert {e.date.text for e in ex.events if e.trigger.text == "said" and e.date} == {"Monday"}


def test_a_copula_dates_the_state_it_holds(extract):
    ex = extract("The company said its European business was weak during the quarter.")
    assert event(ex, "weak").date.anchor == "explicit"
    assert not dated(ex, "was")
    ex = extract("Her father was a trustee of the bank until 1974.")
    assert "1974" in dated(ex, "trustee")


def test_a_predicative_adjective_shares_the_sentence_date(extract):
    ex = extract("On Tuesday the minister said the roads were unsafe.")
    assert "Tuesday" in dated(ex, "unsafe")
    ex = extract("The minister spoke on Tuesday. The roads were unsafe.")
    assert not dated(ex, "unsafe")


def test_results_of_a_period_are_events(extract):
    ex = extract("The brewer reported net income of $5 million for the third quarter.")
    assert "the third quarter" in dated(ex, "income")
    ex = extract("Its third-quarter profit fell 5%.")
    assert event(ex, "profit").date.anchor == "explicit"


def test_later_reports_take_the_story_day(extract):
    text = (
        "The council voted on Friday to close the old bridge. "
        "The mayor said traffic on it had doubled since 2015."
    )
    assert dated(extract(text), "said") == {"Friday", "2015"}
    text = (
        "OSLO, Nov. 10, 2021 (Wire) — The council voted on Tuesday to close the old bridge. "
        "The mayor said traffic on it had doubled since 2015."
    )
    assert dated(extract(text), "said") == {"Tuesday", "2015"}


def test_one_record_per_trigger_and_date(extract):
    text = (
        "The council voted on Tuesday to close the old bridge. "
        "Drivers protested. Commuters complained, officials said."
    )
    ex = extract(text)
    pairs = [(e.trigger.span, e.date.span) for e in ex.events if e.date]
    assert len(pairs) == len(set(pairs))
