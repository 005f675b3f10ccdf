"""Dated events: which predicate a date dates, how (anchor, relation), who and where.

Real pipeline on texts written here; reference date Friday 2021-11-12.
"""

from __future__ import annotations

from newsclaims.core.events import CONFIDENCE


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


def test_every_expression_is_kept(extract):
    ex = extract("Tuesday, Nov. 9.\n\nThe festival drew large crowds in 2019.")
    on_events = {e.date.text for e in ex.events if e.date}
    alone = {d.date.text for d in ex.dates}
    assert "2019" in on_events
    assert "Tuesday, Nov. 9" in alone and "Tuesday, Nov. 9" not in on_events
    assert all(d.date.anchor == "none" for d in ex.dates)


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


def test_a_verb_joined_to_a_dated_verb_shares_its_date(extract):
    ex = extract("On Monday the union met the owners and rejected their offer.")
    assert event(ex, "met").date.anchor == "explicit"
    rejected = event(ex, "rejected")
    assert rejected.date.text == "Monday" and rejected.date.anchor == "sentence"


def test_a_date_is_not_handed_on_to_the_next_sentence(extract):
    ex = extract("The storm hit the coast on Sunday. Thousands of homes lost power.")
    assert event(ex, "hit").date.text == "Sunday"
    assert not dated(ex, "lost")


def test_a_relative_clause_keeps_its_time_from_the_verb_above(extract):
    # the year dates the founding, not the closing the noun is the subject of
    ex = extract("The bakery, which opened in 1987, was closed by its owners.")
    assert event(ex, "opened").date.value == "1987"
    assert "1987" not in dated(ex, "closed")


def test_durations_date_only_their_own_predicate(extract):
    ex = extract("The mayor said the strike lasted for three weeks.")
    assert event(ex, "lasted").date.value == "P3W"
    assert "three weeks" not in dated(ex, "said")


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
    assert event(ex, "set").date.relation == "on"


def test_without_a_reference_a_part_of_a_day_keeps_its_event(extract):
    ex = extract("Little changed in last night's debate, and the governor speaks tonight.", None)
    assert event(ex, "debate").date.value == "XXXX-XX-XXTNI"
    assert event(ex, "speaks").date.value == "XXXX-XX-XXTNI"


def dated(ex, trigger: str) -> set[str]:
    """The texts of the dates events with this trigger carry."""
    return {e.date.text for e in ex.events if e.trigger.text == trigger and e.date}


def test_a_date_qualifying_a_noun_dates_that_noun(extract):
    ex = extract("Officials recalled the 1996 campaign and today's briefing.")
    assert event(ex, "campaign").date.anchor == "explicit"
    assert "today" in dated(ex, "briefing")


def test_a_word_qualifying_an_event_noun_passes_its_date_to_the_noun(extract):
    ex = extract("The general election due this September worried the markets.")
    ev = event(ex, "election")
    assert ev.date.text == "this September" and ev.date.anchor == "explicit"
    # a thing qualified the same way takes no date, nor does the adjective
    ex = extract("Her shares, worth a million dollars in October, are worth half that now.")
    assert not dated(ex, "shares") and not dated(ex, "worth")


def test_a_day_the_parse_hangs_on_a_later_noun_dates_the_verb_of_its_preposition(extract):
    ex = extract("Tankers sailed from the port on Tuesday and Iraqi-bound cargo was stranded.")
    ev = event(ex, "sailed")
    assert ev.date.text == "Tuesday" and ev.date.anchor == "explicit"
    # the time of a thing, the object of its own preposition, still dates no verb above it
    ex = extract("Analysts expected revenue in the first quarter to fall.")
    assert not dated(ex, "expected")


def test_a_past_verb_takes_the_day_of_the_thing_it_is_about(extract):
    ex = extract("Monday's trading volume totaled 90 million shares.")
    ev = event(ex, "totaled")
    assert ev.date.text == "Monday" and ev.date.anchor == "explicit"
    # not a present state, nor a stretch of time
    assert not dated(extract("The 1998 statute requires a permit."), "requires")
    assert not dated(extract("Shares traded far below their 52-week high."), "traded")


def test_a_when_clause_after_a_time_happened_at_that_time(extract):
    ex = extract("The ferry service has run since early May, when the bridge closed.")
    ev = event(ex, "closed")
    assert ev.date.text == "early May" and ev.date.anchor == "sentence"
    assert ev.date.relation == "on"  # the service runs since May; the closing was in May
    # a question of "when" is no clause about the time before it
    ex = extract("The mayor spoke on Friday and asked when the bridge would reopen.")
    assert not dated(ex, "reopen")


def test_a_state_adjective_takes_a_date_only_with_a_word_of_time(extract):
    ex = extract("The board declared a dividend, payable Dec. 15 to holders of record.")
    assert not dated(ex, "payable")
    assert "Dec. 15" in {d.date.text for d in ex.dates}
    ex = extract("The company said its European business was weak during the quarter.")
    assert event(ex, "weak").date.relation == "during"


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


def test_a_copula_dates_the_state_it_holds(extract):
    ex = extract("The company said its European business was weak during the quarter.")
    weak = event(ex, "weak")
    assert weak.date.anchor == "explicit" and weak.date.relation == "during"
    assert not dated(ex, "was")
    ex = extract("Her father was a trustee of the bank until 1974.")
    trustee = event(ex, "trustee")
    assert trustee.date.text == "1974" and trustee.date.relation == "until"


def test_results_of_a_period_are_events(extract):
    ex = extract("The brewer said its net income for the third quarter rose 5%.")
    assert dated(ex, "income") == {"the third quarter"}
    assert "the third quarter" not in dated(ex, "said") | dated(ex, "rose")
    ex = extract("Its third-quarter profit fell 5%.")
    assert event(ex, "profit").date.anchor == "explicit"


def test_one_record_per_trigger_with_at_most_one_date(extract):
    text = (
        "Ruiz told reporters on Friday that the depot had closed in March and "
        "would reopen in 2023. Prices fell between 2014 and 2019."
    )
    ex = extract(text)
    triggers = [e.trigger.span for e in ex.events]
    assert len(triggers) == len(set(triggers))
    assert dated(ex, "told") == {"Friday"}
    shown = {e.date.text for e in ex.events if e.date} | {d.date.text for d in ex.dates}
    assert {"Friday", "March", "2023", "2014", "2019"} <= shown


def test_the_relation_is_read_from_the_words_before_the_date(extract):
    ex = extract(
        "The engineer said the crack had worsened since an inspection in October. "
        "Forecasters extended the flood watch through Sunday. "
        "The talks lasted for three weeks. The plant closed after Easter."
    )
    worsened = event(ex, "worsened")
    assert worsened.date.text == "October" and worsened.date.relation == "since"
    assert {e.date.relation for e in ex.events if e.date and e.date.text == "Sunday"} == {"until"}
    assert event(ex, "lasted").date.relation == "for"
    assert event(ex, "closed").date.relation == "after"
    assert event(ex, "inspection").date.relation == "on"


def test_a_speech_verb_does_not_take_the_date_of_what_was_said(extract):
    text = (
        "The chief engineer, Tomas Brandt, said the crack had worsened since an "
        "inspection last October. Clinton spoke in Denver, recalling a 2007 bill."
    )
    ex = extract(text)
    said = event(ex, "said")
    assert said.date.anchor == "publication" and said.date.value == "2021-11-12"
    assert said.date.span is None and said.date.text is None
    assert "2007" not in dated(ex, "spoke") | dated(ex, "recalling")
    assert "2007" in {d.date.text for d in ex.dates}


def test_a_relative_clause_does_not_date_the_main_verb(extract):
    text = (
        "Councilman Dale Fisher, who voted against the plan in 2022, argued that it cost "
        "too much. He left the hall."
    )
    ex = extract(text)
    assert dated(ex, "voted") == {"2022"}
    assert "2022" not in dated(ex, "argued") | dated(ex, "left")
    assert event(ex, "argued").date.anchor == "publication"


def test_a_report_in_the_main_clause_is_dated_the_publication_day(extract):
    ex = extract("Exports fell sharply, the ministry said.")
    said = event(ex, "said")
    assert said.date.anchor == "publication" and said.date.start == said.date.end == "2021-11-12"
    assert said.confidence == CONFIDENCE["publication"]
    assert not dated(ex, "fell")  # only the report: what it says has a time of its own
    ex = extract("Exports fell sharply, the ministry said.", published=None)
    assert not ex.events  # no publication day to give


def test_a_verb_that_is_no_report_takes_no_publication_day(extract):
    ex = extract("The candidates continued a fierce contest.")
    assert not dated(ex, "continued")


def test_the_time_between_an_expectation_and_its_infinitive_is_the_infinitive_s(extract):
    ex = extract("The chipmaker said it expected revenue in the first quarter to fall.")
    assert event(ex, "fall").date.text == "the first quarter"
    assert not dated(ex, "expected") and not dated(ex, "revenue")


def test_a_dateline_dates_no_event_and_is_no_participant(extractor):
    text = (
        "COLUMBUS, Ohio, Feb. 3, 2026 (Newsclaims Wire) — Orvel Semiconductor said "
        "its new plant opened on Monday."
    )
    ex = extractor.extract_text(text)
    said = event(ex, "said")
    assert said.date.anchor == "publication" and said.date.value == "2026-02-03"
    assert [p.text for p in said.participants] == ["Orvel Semiconductor"]
    assert "Feb. 3, 2026" in {d.date.text for d in ex.dates}
    assert event(ex, "opened").date.value == "2026-02-02"


def test_nouns_are_events_only_when_they_name_an_occurrence(extract):
    ex = extract("The minister spoke on Friday at a rally, and the bids arrived in 2020.")
    assert event(ex, "rally").date.text == "Friday"
    assert not any(e.trigger.text == "bids" for e in ex.events)


def test_confidence_is_the_measured_share_per_anchor(extract):
    ex = extract("On Monday the union met the owners and rejected their offer, it said.")
    for ev in ex.events:
        assert ev.confidence == CONFIDENCE[ev.date.anchor]
