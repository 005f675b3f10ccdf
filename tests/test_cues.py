"""Cue families for indirect speech, through the real pipeline, on texts written for these tests."""

from __future__ import annotations

from conftest import quote_holding as find


def test_a_poll_closing_its_clause_is_the_source(extract):
    text = (
        "The ferry levy has little support on the island. "
        "Councillor Brandt trails the mayor by nine points in the latest Harbor Gazette poll."
    )
    ex = extract(text)
    q = find(ex, "Brandt")
    assert q.text == "Councillor Brandt trails the mayor by nine points"
    assert q.cue is not None and q.cue.text == "in" and q.cue.category == "evidence"
    assert q.speaker is not None and "poll" in q.speaker.mention


def test_a_poll_after_a_noun_is_not_a_source(extract):
    ex = extract("Her steady lead in the polls worried the council.")
    assert not ex.quotes, [q.text for q in ex.quotes]


def test_a_markup_tag_named_like_a_verb_is_no_cue(extract):
    text = (
        'Reaction came quickly online.\n\n<tweet pic="" author="HarborMayor">'
        "We will rebuild the pier by spring.</tweet>\n"
    )
    ex = extract(text)
    assert all(q.cue is None or q.cue.text != "tweet" for q in ex.quotes), [
        (q.text, q.cue) for q in ex.quotes
    ]


def test_defend_reports_a_claim_not_an_act(extract):
    ex = extract(
        "The guards stayed to defend the compound. "
        "Mayor Ruiz defended her plan to cut ferry fares by half."
    )
    texts = [q.text for q in ex.quotes]
    assert not any("compound" in t for t in texts), texts
    q = find(ex, "ferry fares")
    assert q.cue is not None and q.cue.lemma == "defend"


def test_each_speaker_in_a_contrast_keeps_their_own_claim(extract):
    ex = extract(
        "After the town meeting, several ferry riders said the mayor had made a good case "
        "for the levy, while other riders said they had not heard anything to change their minds."
    )
    a = find(ex, "levy")
    b = find(ex, "their minds")
    assert a.text == "the mayor had made a good case for the levy"
    assert b.text == "they had not heard anything to change their minds"
    assert a.speaker is not None and a.speaker.mention == "several ferry riders"
    assert b.speaker is not None and b.speaker.mention == "other riders"


def test_a_participle_that_names_a_noun_is_no_cue(extract):
    ex = extract(
        "A new group called Harbor Voices Matter held its first meeting on Tuesday. "
        "Its chair said the ferry fares had doubled."
    )
    texts = [q.text for q in ex.quotes]
    assert not any("Harbor Voices" in t for t in texts), texts
    assert find(ex, "fares").cue is not None


def test_an_owned_decision_reports_its_infinitive(extract):
    ex = extract(
        "The council met on Tuesday. Mayor Ruiz defended the budget, and her decision to "
        "close the old pier drew a crowd. A decision to sell the ferry was never made."
    )
    q = find(ex, "old pier")
    assert q.text == "to close the old pier"
    assert q.cue is not None and q.cue.text == "decision" and q.cue.category == "intention"
    assert q.speaker is not None and q.speaker.mention == "her"
    assert not any("ferry" in q.text for q in ex.quotes)


def test_told_to_and_described_report_what_was_said(extract):
    ex = extract(
        "The harbor master told the crew to stay in port until the storm passed. "
        "In her report, the inspector described a pier that was rotting from below."
    )
    q = find(ex, "stay in port")
    assert q.text.startswith("the crew to stay in port")
    assert q.cue is not None and q.cue.lemma == "tell"
    d = find(ex, "rotting")
    assert d.text == "a pier that was rotting from below"
    assert d.cue is not None and d.cue.lemma == "describe"
    assert d.speaker is not None and d.speaker.mention == "the inspector"


def test_want_reports_an_intention_with_an_infinitive_or_an_object(extract):
    ex = extract(
        "Councillor Brandt wants to reopen the old ferry line before winter. "
        "The harbor board wants a full audit of the pier repairs."
    )
    a = find(ex, "ferry line")
    assert a.text == "to reopen the old ferry line before winter"
    assert a.cue is not None and a.cue.category == "intention"
    assert a.speaker is not None and a.speaker.mention == "Councillor Brandt"
    b = find(ex, "audit")
    assert b.text == "a full audit of the pier repairs"
    assert b.speaker is not None and b.speaker.mention == "The harbor board"


def test_a_belief_adjective_reports_its_that_clause(extract):
    ex = extract("Harbor officials remain confident that the new pier will open by June.")
    q = find(ex, "pier")
    assert q.text == "that the new pier will open by June"
    assert q.cue is not None and q.cue.text == "confident" and q.cue.category == "belief"
    assert q.speaker is not None and q.speaker.mention == "Harbor officials"


def test_a_result_clause_after_so_is_no_belief(extract):
    ex = extract("The crews were so worried that the storm would return that they stayed in port.")
    assert all(q.cue is None or q.cue.text != "worried" for q in ex.quotes), [
        (q.text, q.cue) for q in ex.quotes
    ]


def test_reportedly_marks_its_clause_as_reported_by_nobody_named(extract):
    ex = extract("The harbor agency reportedly paid the fine in full last week.")
    q = find(ex, "fine")
    assert q.text == "The harbor agency paid the fine in full last week"
    assert q.cue is not None and q.cue.text == "reportedly"
    assert q.speaker is None


def test_allegedly_in_a_relative_clause_describes_someone(extract):
    ex = extract("The sailor who allegedly stole the ferry was arrested on Friday.")
    assert not ex.quotes, [q.text for q in ex.quotes]


def test_a_ruling_reports_its_that_clause(extract):
    ex = extract("A county judge ruled that the ferry fares were set unlawfully.")
    q = find(ex, "fares")
    assert q.text == "that the ferry fares were set unlawfully"
    assert q.cue is not None and q.cue.text == "ruled"
    assert q.speaker is not None and q.speaker.mention == "A county judge"


def test_a_ruling_without_a_clause_is_no_quote(extract):
    ex = extract("The old king ruled the island for forty years.")
    assert not ex.quotes, [q.text for q in ex.quotes]


def test_a_cue_set_off_after_the_first_word_reports_the_whole_clause(extract):
    ex = extract("That, the ferry captains say, will be easier once the new pier opens.")
    q = find(ex, "pier")
    assert [p.text for p in q.parts] == ["That", "will be easier once the new pier opens"]
    assert q.cue is not None and q.cue.text == "say"
    assert q.speaker is not None and q.speaker.mention == "the ferry captains"
    assert "captains" not in q.text  # the attribution is cut out of the claim


def test_an_opening_as_clause_attributes_the_clause_it_opens(extract):
    ex = extract("But as one fisherman told me, the new pier did not even fill half its berths.")
    q = find(ex, "berths")
    assert q.text == "the new pier did not even fill half its berths"
    assert q.cue is not None and q.cue.text == "told"
    assert q.speaker is not None and q.speaker.mention == "one fisherman"


def test_an_as_clause_with_its_own_clause_reports_only_that(extract):
    ex = extract("Ferry fares rose in June, as the council had said they would.")
    assert all("fares" not in q.text for q in ex.quotes), [q.text for q in ex.quotes]


def test_a_stance_adjective_reports_its_object(extract):
    ex = extract("The mayor has long been critical of the plan to widen the channel.")
    q = find(ex, "channel")
    assert q.text == "the plan to widen the channel"
    assert q.cue is not None and q.cue.text == "critical" and q.cue.category == "stance"
    assert q.speaker is not None and q.speaker.mention == "The mayor"


def test_an_adjective_of_a_thing_holds_no_stance(extract):
    ex = extract("The old lighthouse is open to visitors on Sundays.")
    assert not ex.quotes, [q.text for q in ex.quotes]


def test_a_poll_after_the_verbs_object_is_the_source(extract):
    ex = extract("The ferry levy is unpopular. Councillor Brandt has a wide lead in the polls.")
    q = find(ex, "Brandt")
    assert q.text == "Councillor Brandt has a wide lead"
    assert q.cue is not None and q.cue.text == "in" and q.cue.category == "evidence"


def test_an_owned_noun_of_stance_reports_its_object(extract):
    ex = extract(
        "Mayor Ruiz spoke at the harbor on Monday. Her attacks on the ferry board grew sharper."
    )
    q = find(ex, "board")
    assert q.text == "the ferry board"
    assert q.cue is not None and q.cue.text == "attacks" and q.cue.category == "stance"
    assert q.speaker is not None and q.speaker.mention == "Her"


def test_a_noun_of_stance_without_an_owner_names_nobody(extract):
    ex = extract("Attacks on the ferry board grew sharper all week.")
    assert not ex.quotes, [q.text for q in ex.quotes]


def test_vowed_that_reports_its_clause_and_vowed_alone_does_not(extract):
    ex = extract(
        "Mayor Ruiz vowed that the night ferry would sail again before the spring fair. "
        "The dock workers vowed loudly at the gate."
    )
    q = find(ex, "night ferry")
    assert q.text == "that the night ferry would sail again before the spring fair"
    assert q.cue is not None and q.cue.lemma == "vow"
    assert q.speaker is not None and q.speaker.mention == "Mayor Ruiz"
    assert not any("gate" in t for t in (x.text for x in ex.quotes))


def test_beamed_cried_out_and_chimed_in_attribute_a_direct_quote_only(extract):
    ex = extract(
        "“We finally have a ferry again,” Maria Lopes beamed. "
        "“Close the old bridge!” a woman in the crowd cried out. "
        "“And fix the schools,” her neighbor chimed in. "
        "The baby cried all night, and the captain beamed at the crowd."
    )
    for words, cue in [("finally have", "beamed"), ("old bridge", "cried"), ("fix the", "chimed")]:
        q = find(ex, words)
        assert q.kind == "direct" and q.cue is not None and q.cue.text == cue
        assert q.speaker is not None
    assert not any("night" in x.text or "crowd" in x.text for x in ex.quotes)


def test_according_to_after_a_report_vouches_for_the_closing_relative_clause(extract):
    ex = extract(
        "Ruiz says the ferry is safe, which has been the view of the harbor board "
        "for years, according to the minutes."
    )
    said = find(ex, "ferry is safe")
    assert said.text == "the ferry is safe" and said.cue.text == "says"
    minutes = find(ex, "harbor board")
    assert minutes.text == "which has been the view of the harbor board for years"
    assert minutes.speaker is not None and minutes.speaker.mention == "the minutes"


def test_according_to_after_a_plain_clause_keeps_the_whole_clause(extract):
    ex = extract(
        "The council hired a new engineer, who had worked on the old bridge, "
        "according to the minutes."
    )
    q = find(ex, "old bridge")
    assert q.text == "The council hired a new engineer, who had worked on the old bridge"


def test_what_a_poll_shows_is_its_finding(extract):
    ex = extract("A new survey of island voters shows a tight race for the harbor seat.")
    q = find(ex, "tight race")
    assert q.text == "a tight race for the harbor seat"
    assert q.cue.text == "shows" and q.cue.category == "evidence"
    assert q.speaker is not None and q.speaker.mention == "A new survey of island voters"


def test_what_a_person_shows_is_no_finding(extract):
    ex = extract("The mayor showed great patience during the long meeting on Tuesday.")
    assert not any("patience" in q.text for q in ex.quotes)


def test_a_poll_that_shows_a_bare_name_reports_nothing_of_it(extract):
    ex = extract("The latest poll shows Ruiz, and the council is worried.")
    assert not any(q.text == "Ruiz" for q in ex.quotes)


def test_what_someone_tweeted_is_reported(extract):
    ex = extract("The mayor tweeted a photo of the flooded pier on Sunday night.")
    q = find(ex, "flooded pier")
    assert q.text.startswith("a photo of the flooded pier")
    assert q.speaker is not None and q.speaker.mention == "The mayor"


def test_a_reported_subject_the_parser_hangs_on_the_cue_stays_in_the_claim(extract):
    ex = extract("The budget office said about half of the deficit reflected lower revenue.")
    q = find(ex, "lower revenue")
    assert q.text == "about half of the deficit reflected lower revenue"
    ex = extract(
        "Bundlers in both parties said their donors, almost all men until recently, "
        "were now mostly women."
    )
    q = find(ex, "mostly women")
    assert q.text == "their donors, almost all men until recently, were now mostly women"
    assert q.speaker is not None and q.speaker.mention.startswith("Bundlers")


def test_a_phrase_between_the_cue_and_its_that_clause_is_left_out(extract):
    ex = extract("The mayor said in a statement that the pier would reopen in May.")
    q = find(ex, "pier would reopen")
    assert q.text == "that the pier would reopen in May"


def test_asked_reports_an_if_clause_the_parser_hangs_as_an_adverbial(extract):
    ex = extract("Then the harbor master asked the crews if they were ready to sail.")
    q = find(ex, "ready to sail")
    assert q.text == "if they were ready to sail"
    assert q.cue.text == "asked"
    assert q.speaker is not None and q.speaker.mention == "the harbor master"


def test_an_if_clause_of_condition_after_a_statement_is_not_asked(extract):
    ex = extract("The mayor said the ferry would run if the weather held.")
    q = find(ex, "ferry would run")
    assert q.cue.text == "said"


def test_what_a_thing_is_taken_as_and_an_order_are_claims(extract):
    ex = extract(
        "The harbor board views the new levy as a lifeline for the ferry. "
        "On Friday the judge ordered the council to reopen the pier before the summer. "
        "The board listed the old pier as a hazard."
    )
    view = find(ex, "lifeline")
    assert view.text == "the new levy as a lifeline for the ferry"
    assert view.cue is not None and view.cue.lemma == "view"
    order = find(ex, "reopen")
    assert order.text == "the council to reopen the pier before the summer"
    assert order.speaker is not None and order.speaker.mention == "the judge"
    listed = find(ex, "hazard")
    assert listed.cue is not None and listed.cue.lemma == "list"


def test_would_like_reports_an_intention(extract):
    ex = extract("The harbor master would like to retire next year.")
    q = find(ex, "retire")
    assert q.text == "to retire next year"
    assert q.cue is not None and q.cue.lemma == "like" and q.cue.category == "intention"
