"""Quotes, cues and their categories through the real pipeline, on texts written for these tests."""

from __future__ import annotations

import itertools

from conftest import quote_holding as find

from newsclaims.core.records import QuoteRecord


def speaker_name(q: QuoteRecord) -> str | None:
    return q.speaker.name if q.speaker else None


def test_every_span_gives_back_its_text(extract):
    text = (
        "“We have the money,” said board chair Lucia Ferrante. “What we need is weather.”\n\n"
        "The city manager told reporters that the work would take eight weeks."
    )
    ex = extract(text)
    assert ex.quotes
    for q in ex.quotes:
        assert all(text[p.span[0] : p.span[1]] == p.text for p in q.parts)
        assert q.text == " ".join(p.text for p in q.parts)
        assert q.span == (q.parts[0].span[0], q.parts[-1].span[1])
        if q.cue:
            assert text[q.cue.span[0] : q.cue.span[1]] == q.cue.text
        if q.speaker:
            assert text[q.speaker.span[0] : q.speaker.span[1]] == q.speaker.mention


def test_split_quote_is_one_quote_with_two_parts_and_one_speaker(extract):
    text = (
        "“We have the money, and we have the permits,” said board chair Lucia Ferrante. "
        "“What we need now is good weather.”"
    )
    ex = extract(text)
    q = find(ex, "permits")
    assert q.kind == "direct"
    assert [p.text for p in q.parts] == [
        "We have the money, and we have the permits",
        "What we need now is good weather.",
    ]
    assert q.text == "We have the money, and we have the permits What we need now is good weather."
    assert "Ferrante" not in q.text and "said" not in q.text
    assert speaker_name(q) == "Lucia Ferrante"
    assert len([x for x in ex.quotes if x.kind == "direct"]) == 1


def test_split_quote_skips_a_title_inside_its_attribution(extract):
    text = (
        "“I was out at sea for a week,” the captain told the “Morning Tide” show on Monday. "
        "“I could hardly hear the radio.”"
    )
    q = find(extract(text), "out at sea")
    assert len(q.parts) == 2 and "hardly hear" in q.parts[1].text


def test_split_quote_joins_over_a_left_out_full_stop(extract):
    text = (
        "“We are going to fix the bridge this year,” Ana Ruiz said “The money is already "
        "in the budget.”\n\n"
        "“I read it twice,” the mayor told “Morning Tide” on Monday."
    )
    ex = extract(text)
    q = find(ex, "fix the bridge")
    assert [p.text for p in q.parts] == [
        "We are going to fix the bridge this year",
        "The money is already in the budget.",
    ]
    assert not any("Morning Tide" in p.text for q in ex.quotes for p in q.parts)


def test_a_hyphenated_word_in_the_attribution_keeps_the_quote_direct(extract):
    text = (
        "“Ruiz is fading fast in the polls,” Texas-based pollster Mark Dell said. "
        "“Support was soft to begin with.”"
    )
    q = find(extract(text), "fading fast")
    assert q.kind == "direct"
    assert q.cue is not None and q.cue.text == "said"
    assert len(q.parts) == 2 and "Support was soft" in q.parts[1].text


def test_a_sentence_after_the_attribution_ends_the_split_quote(extract):
    text = (
        "“I have not decided yet,” says Dana Pike, a nurse from Albany. Pike backs the "
        "governor on taxes. “But the schools worry me.”\n\n"
        "“The ferry is late,” said Lt. Rosa Marin, who runs the dock. “It will dock at noon.”"
    )
    ex = extract(text)
    assert find(ex, "decided yet").text == "I have not decided yet"
    assert "schools" not in find(ex, "decided yet").text
    assert len(find(ex, "ferry is late").parts) == 2  # "Lt." is no sentence end


def test_quote_over_several_paragraphs_is_one_quote(extract):
    text = (
        "The harbor master said in a statement on Friday:\n\n"
        "“The channel will close for two days while the dredgers work.\n\n"
        "“Ships already at anchor will be guided in before the work starts.”\n\n"
        "She took no questions."
    )
    ex = extract(text)
    q = find(ex, "channel will close")
    assert q.kind == "direct" and len(q.parts) == 2
    assert q.cue is not None and q.cue.text == "said"
    assert q.speaker is not None and q.speaker.mention == "The harbor master"


def test_unattributed_quote_continues_the_previous_speakers_turn(extract):
    text = (
        "“The channel has silted up faster than anyone expected,” Lucia Ferrante said. "
        "She pointed at the map.\n\n"
        "“Every ship that waits outside the harbor costs us a day of fees.”"
    )
    ex = extract(text)
    follow = find(ex, "Every ship")
    assert follow.cue is None
    assert speaker_name(follow) == "Lucia Ferrante"


def test_name_and_colon_before_a_quote(extract):
    text = "Dock workers union leader Omar Sandoval: “We were never asked about the schedule.”"
    q = find(extract(text), "never asked")
    assert q.cue is not None and q.cue.text == ":" and q.cue.category == "punctuation"
    assert speaker_name(q) == "Omar Sandoval"


def test_dash_and_name_after_a_quote(extract):
    text = (
        "The dock workers met on Sunday.\n\n"
        "“Nobody on the board has worked a night shift on these docks.” — Omar Sandoval"
    )
    q = find(extract(text), "night shift")
    assert q.cue is not None and q.cue.category == "punctuation"
    assert speaker_name(q) == "Omar Sandoval"


def test_headline_name_and_colon(extract):
    text = (
        "Ferrante: Dredging Will Start in June\n\n"
        "Board chair Lucia Ferrante said on Monday that the harbor would reopen in August."
    )
    ex = extract(text)
    q = find(ex, "Dredging Will Start")
    assert q.kind == "indirect" and q.cue is not None and q.cue.text == ":"
    assert speaker_name(q) == "Lucia Ferrante"


def test_indirect_speech_said_that_told_reporters_and_warned(extract):
    text = (
        "The city manager said the work would take eight weeks. "
        "The mayor told reporters that the bridge would stay open. "
        "The coast guard warned that the channel could close for two days."
    )
    ex = extract(text)
    for words, cue, speaker in [
        ("the work would take eight weeks", "said", "The city manager"),
        ("that the bridge would stay open", "told", "The mayor"),
        ("that the channel could close", "warned", "The coast guard"),
    ]:
        q = find(ex, words)
        assert q.kind == "indirect"
        assert q.cue is not None and q.cue.text == cue and q.cue.category == "speech"
        assert q.speaker is not None and q.speaker.mention == speaker


def test_according_to_takes_its_own_sentence_only(extract):
    text = (
        "According to the port authority, traffic fell by a tenth last year. "
        "“We expect a better season,” the harbor master said."
    )
    ex = extract(text)
    q = find(ex, "traffic fell")
    assert q.text == "traffic fell by a tenth last year"
    assert q.speaker is not None and q.speaker.mention == "the port authority"
    assert find(ex, "better season").cue.text == "said"


def test_in_a_statement(extract):
    text = "In a statement, the shipping line said it would reroute two of its vessels."
    q = find(extract(text), "reroute")
    assert q.cue is not None and q.cue.text == "said"
    assert q.speaker is not None and q.speaker.mention == "the shipping line"


def test_statement_saying_is_spoken_by_whoever_issued_it(extract):
    text = "The union issued a statement saying the schedule was unsafe for night crews."
    [q] = [q for q in extract(text).quotes if q.cue is not None and q.cue.text == "saying"]
    assert q.text == "the schedule was unsafe for night crews"
    assert q.speaker is not None and q.speaker.mention == "The union"


def test_mixed_quote_is_one_claim(extract):
    text = (
        "Ferrante said the delay was “a problem we inherited, not one we created” "
        "and that the board would not wait."
    )
    ex = extract(text)
    q = find(ex, "a problem we inherited")
    assert q.kind == "mixed"
    assert q.text.startswith("the delay was")
    assert len(ex.quotes) == 1


def test_beliefs_intentions_and_evidence_carry_their_category(extract):
    text = (
        "The union believes the schedule is too tight. "
        "The company plans to hire forty temporary workers. "
        "A report by the state auditor shows that dredging costs doubled since 2015."
    )
    ex = extract(text)
    assert find(ex, "too tight").cue.category == "belief"
    assert find(ex, "forty temporary").cue.category == "intention"
    evidence = find(ex, "costs doubled")
    assert evidence.cue.category == "evidence"
    assert evidence.speaker is not None and evidence.speaker.label == "DOCUMENT"


def test_stance_cues_read_the_object_with_its_reason(extract):
    text = "The senator criticized the governor for closing the harbor without a vote."
    q = find(extract(text), "the governor for closing")
    assert q.cue.category == "stance"


def test_scare_quotes_titles_and_nicknames_stay_out(extract):
    text = (
        "The so-called “Big Dig” of the harbor was first proposed in the ’90s by the "
        "Joneses’ shipping firm. Ferrante, nicknamed “the Admiral,” watched a screening "
        "of “Tides of Change” with the board."
    )
    assert extract(text).quotes == []


def test_a_title_followed_by_its_author_is_not_speech(extract):
    text = (
        "Weekend reading.\n\n"
        '— "Old pier café to close at the end of the month," by the Gazette\'s Ana Ruiz: '
        '"The café served its very last coffee on Sunday morning."\n\n'
        '— "Museum opens a new wing for local painters," by Coastline\'s Mark Dell.\n\n'
        '"We will rebuild the pier before the summer comes," by all accounts, drew applause.'
    )
    texts = [q.text for q in extract(text).quotes]
    assert not any("pier café" in t or "new wing" in t for t in texts)
    assert any("coffee on Sunday" in t for t in texts)
    assert any("rebuild the pier" in t for t in texts)  # "by all accounts" names nobody


def test_a_stray_mark_never_loses_the_rest_of_the_article(extract):
    text = (
        "The chair opened with “a promise that never ends\n\n"
        "“We will finish the road,” the engineer said.\n\n"
        'A lone " mark sits here.\n\n'
        "“Then we pave it,” the engineer added."
    )
    directs = [q for q in extract(text).quotes if q.kind == "direct"]
    assert [q.text for q in directs] == ["We will finish the road", "Then we pave it"]
    assert all(q.cue is not None for q in directs)


def test_speaker_described_by_a_relative_clause_inside_the_attribution(extract):
    text = (
        "“The ferry is our only road to the mainland,” Marta Lindqvist, who runs the "
        "bakery on the pier, said at the meeting. “Without it we close.”"
    )
    ex = extract(text)
    q = find(ex, "only road")
    assert q.kind == "direct" and len(q.parts) == 2
    assert q.cue is not None and q.cue.text == "said"
    assert speaker_name(q) == "Marta Lindqvist"
    assert len(ex.quotes) == 1


def test_split_quote_around_a_long_show_title(extract):
    text = (
        "“The dredging has to start this spring,” the harbor master said on "
        "“Morning Watch with Dana Cole.” “Otherwise the big ships go elsewhere.”"
    )
    ex = extract(text)
    q = find(ex, "dredging has to start")
    assert len(q.parts) == 2 and "big ships" in q.parts[1].text
    assert len(ex.quotes) == 1  # the title is part of the attribution, not speech


def test_manner_of_speaking_verbs_attribute_a_direct_quote(extract):
    text = (
        "“Nobody asked the fishermen,” Ferrante fumed after the vote.\n\n"
        "“Save our harbor, save our town,” read the banner at the front of the march."
    )
    ex = extract(text)
    fumed = find(ex, "Nobody asked")
    assert fumed.cue is not None and fumed.cue.text == "fumed"
    assert speaker_name(fumed) == "Ferrante"
    banner = find(ex, "Save our harbor")
    assert banner.cue is not None and banner.cue.text == "read"


def test_a_poll_opening_its_sentence_is_the_source(extract):
    text = (
        "In a Harbor Gazette poll released Monday, 58 percent of residents backed the "
        "new ferry schedule. The mayor leads in the polls this spring."
    )
    ex = extract(text)
    q = find(ex, "58 percent")
    assert q.text == "58 percent of residents backed the new ferry schedule"
    assert q.cue is not None and q.cue.text == "In" and q.cue.category == "evidence"
    assert q.speaker is not None and "poll" in q.speaker.mention
    assert len(ex.quotes) == 1


def test_a_verb_in_the_cues_tense_ends_the_reported_clause(extract):
    text = (
        "The harbor master predicted that traffic would recover by summer and praised "
        "the pilots for their work during the storm."
    )
    ex = extract(text)
    predicted = find(ex, "traffic would recover")
    assert predicted.text == "that traffic would recover by summer"
    praised = find(ex, "the pilots")
    assert praised.cue is not None and praised.cue.text == "praised"
    assert praised.speaker is not None and praised.speaker.mention == "The harbor master"


def test_called_on_reads_the_one_called_on_with_the_infinitive(extract):
    q = find(extract("The union called on the city to reopen the talks."), "reopen")
    assert q.text == "the city to reopen the talks"


def test_a_cue_inside_a_reported_clause_is_not_a_claim_of_its_own(extract):
    text = "About forty captains have said that they plan to sail in protest on Monday."
    ex = extract(text)
    [q] = ex.quotes
    assert q.cue is not None and q.cue.text == "said"
    assert q.text == "that they plan to sail in protest on Monday"


def test_a_whole_sentence_after_a_comma_is_direct_even_in_lowercase(extract):
    text = (
        "Ferrante bristled at the question, saying, “the advice I give to the board stays there.”"
    )
    q = find(extract(text), "the advice I give")
    assert q.kind == "direct"
    assert q.cue is not None and q.cue.text == "saying"


def test_a_cue_noun_reports_its_that_clause(extract):
    text = (
        "The captain's claim that the channel was safe was never tested. "
        "There were complaints that the ferry ran late. "
        "The statement that he made was short."
    )
    ex = extract(text)
    claim = find(ex, "channel was safe")
    assert claim.text == "that the channel was safe"
    assert claim.cue is not None and claim.cue.text == "claim" and claim.cue.category == "speech"
    assert claim.speaker is not None and claim.speaker.mention == "The captain"
    assert find(ex, "ferry ran late").speaker is None
    assert not [q for q in ex.quotes if "he made" in q.text]


def test_accused_of_reads_the_object_with_its_preposition(extract):
    q = find(extract("The union accused the mayor of lying about the budget."), "lying")
    assert q.text == "the mayor of lying about the budget"
    assert q.cue is not None and q.cue.text == "accused"


def test_an_interrupting_attribution_is_cut_out_of_an_indirect_quote(extract):
    text = "The new schedule, aides said, will add two weeks to the repairs."
    q = find(extract(text), "two weeks")
    assert [p.text for p in q.parts] == ["The new schedule", "will add two weeks to the repairs"]
    assert q.cue is not None and q.cue.text == "said" and "said" not in q.text
    assert q.span == (q.parts[0].span[0], q.parts[1].span[1])


def test_closing_comma_belongs_to_the_attribution(extract):
    text = "“The people who cross that bridge deserve better,” said Mayor Elena Ruiz."
    q = find(extract(text), "deserve better")
    assert q.text == "The people who cross that bridge deserve better"


def test_a_nested_cue_folds_into_the_outer_claim(extract):
    text = "The councilman said he feared that costs would rise well beyond the estimate."
    ex = extract(text)
    assert len(ex.quotes) == 1
    q = ex.quotes[0]
    assert q.cue is not None and q.cue.text == "said"
    assert [c.text for c in q.inner_cues] == ["feared"]
    assert "costs would rise" in q.text


def test_a_statement_saying_keeps_the_statements_words(extract):
    text = "The dockworkers union issued a statement saying the strike would end on Monday."
    ex = extract(text)
    assert len(ex.quotes) == 1
    q = ex.quotes[0]
    assert q.text.startswith("the strike would end")
    assert q.speaker is not None and "union" in q.speaker.mention


def test_no_two_quotes_overlap(extract):
    text = (
        "Dale Fisher said voters believe the city plans to raise fares, and he warned that "
        "the council expects the plan to fail.\n\n"
        "“We were told,” Fisher said, “that the work would take eight weeks.”"
    )
    spans = sorted(p.span for q in extract(text).quotes for p in q.parts)
    assert spans
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))


def test_acts_without_a_proposition_are_not_quotes(extract):
    text = (
        "Councilman Dale Fisher, who voted against the plan, argued that the city should "
        "have sought more bids. The mayor dismissed that concern. Ruiz pushed the repairs "
        "through the council, mentioning the ferry operators. The plan offers more lanes."
    )
    ex = extract(text)
    assert [q.cue.text for q in ex.quotes if q.cue] == ["argued"]


def test_headlines_and_bylines_are_never_quotes(extract):
    text = (
        "Ministers Agree to Resume Water Talks Next Month\n\n"
        "The two ministers met on Thursday in Geneva.\n\n"
        "Phillip reported from Oakland, Calif.; Gearan, from Washington."
    )
    assert extract(text).quotes == []


def test_a_mixed_quote_in_a_complement_keeps_the_outer_cue(extract):
    ex = extract(
        "Mayor Ruiz said the flood was a “hard lesson” for the harbor, and the council agreed. "
        "Fishermen said the tide tables showed “a pattern of neglect” "
        "of a sort the port had never seen."
    )
    a = find(ex, "hard lesson")
    assert a.cue is not None and a.cue.text == "said"
    assert a.speaker is not None and a.speaker.mention == "Mayor Ruiz"
    b = find(ex, "pattern of neglect")
    assert b.cue is not None and b.cue.text == "said"
    assert b.speaker is not None and b.speaker.mention == "Fishermen"


def test_a_quote_after_its_own_clause_still_takes_the_cue_after_it(extract):
    ex = extract("The ferry fares are “plainly unfair to islanders,” said Councillor Brandt.")
    q = find(ex, "plainly unfair")
    assert q.cue is not None and q.cue.text == "said"
    assert q.speaker is not None and "Brandt" in q.speaker.mention


def test_split_quote_joins_across_a_long_attribution_with_a_title(extract):
    text = (
        "“The breakwater will not survive another winter,” said Harbor Capt. Ana Pardo, "
        "who has run the port for eleven years and who grew up on the island in a family of "
        "boat builders, fishermen and ferry pilots that has lived there since the war. "
        "“Every storm takes another block away.”"
    )
    ex = extract(text)
    q = find(ex, "breakwater")
    assert len(q.parts) == 2 and "Every storm" in q.parts[1].text
    assert q.speaker is not None and "Pardo" in q.speaker.mention


def test_split_quote_stops_at_another_quote_inside_the_attribution(extract):
    text = (
        "The old dock is “older than the town,” said Pardo, whose deputy told the council "
        "on Friday: “We have asked for money three times.” "
        "“Nobody in the capital listens to a small port.”"
    )
    ex = extract(text)
    q = find(ex, "older than the town")
    assert "capital" not in q.text and len(q.parts) == 1


def test_a_second_speaker_in_the_attribution_takes_the_next_piece(extract):
    ex = extract(
        "“We are tired of waiting for the bridge,” the farmer said, and her husband cut in. "
        "“The council has promised it for ten years.”\n\n"
        "“The road floods every spring,” the driver said and shrugged. "
        "“Nobody fixes the drains.”"
    )
    first = find(ex, "tired of waiting")
    assert "council" not in first.text
    assert first.speaker is not None and first.speaker.mention == "the farmer"
    second = find(ex, "promised it")
    assert second.speaker is not None and second.speaker.mention == "her husband"
    same = find(ex, "road floods")
    assert len(same.parts) == 2 and "drains" in same.parts[1].text


def test_a_quote_a_cue_introduces_is_not_attributed_by_the_next_speakers_cue(extract):
    text = (
        "The mayor answered the clerk with, “Why today? Was the vote not next week?” "
        "The clerk then wrote back, “It moved up.”"
    )
    ex = extract(text)
    first, second = find(ex, "Why today"), find(ex, "moved up")
    assert first is not second
    assert first.kind == second.kind == "direct"
    assert first.text == "Why today? Was the vote not next week?"
    assert first.cue is not None and first.cue.text == "answered"
    assert second.cue is not None and second.cue.text == "wrote"


def test_a_show_title_before_an_attribution_is_not_the_quote(extract):
    text = (
        "On Channel Four’s “Harbor Morning Hour” on Tuesday, she said, "
        "“We never promised to pay for the new docks.”"
    )
    ex = extract(text)
    q = find(ex, "never promised")
    assert q.kind == "direct"
    assert q.text == "We never promised to pay for the new docks."
    assert not any("Harbor Morning" in x.text for x in ex.quotes)


def test_a_split_quote_whose_last_piece_is_never_closed_keeps_both_pieces(extract):
    text = (
        "“Nobody expected a surplus this year,” said treasurer Hal Brody. “The budget holds "
        "up. We will fund every school on the list.\n\nThe council adjourned at nine."
    )
    q = find(extract(text), "surplus")
    assert [p.text for p in q.parts] == [
        "Nobody expected a surplus this year",
        "The budget holds up. We will fund every school on the list.",
    ]
    assert speaker_name(q) == "Hal Brody"


def test_a_quote_after_a_colon_in_the_attribution_is_not_the_split_quotes_next_piece(extract):
    text = (
        "“The new ferry schedule is working,” said Ines Varga, who has kept the crossing log "
        "of the port for a decade: “Not one boat has left late since May.”"
    )
    ex = extract(text)
    first, second = find(ex, "schedule is working"), find(ex, "left late")
    assert first is not second
    assert first.parts[-1].text == "The new ferry schedule is working"
    assert second.text == "Not one boat has left late since May."


def test_words_quoted_in_another_cues_clause_are_not_the_split_quotes_next_piece(extract):
    text = (
        "“The river is rising fast,” the warden wrote, warning that if the levee gave way, "
        "“whole streets will be under water by dawn.”"
    )
    ex = extract(text)
    first = find(ex, "rising fast")
    assert first.kind == "direct" and first.text == "The river is rising fast"
    assert "under water" not in first.text
    assert find(ex, "under water").cue.text == "warning"


def test_a_fragment_quoted_inside_the_attribution_is_skipped_by_the_split_quote(extract):
    text = (
        "“Sales are up a little,” said grocer Tomas Aldana, who noted that prices had "
        "“cratered” during the flood. “Things are moving the right way.”"
    )
    q = find(extract(text), "Sales are up")
    parts = [p.text for p in q.parts]
    assert parts == ["Sales are up a little", "Things are moving the right way."]


def test_a_capitalized_quote_set_apart_from_a_clause_before_it_is_direct(extract):
    text = (
        "The governor weighed in as well, telling a radio host in an interview aired on "
        "Monday, “But honestly, both of them are qualified,” she said."
    )
    q = find(extract(text), "both of them")
    assert q.kind == "direct"
    assert q.text == "But honestly, both of them are qualified"


def test_a_quote_after_a_lead_with_no_clause_of_its_own_stays_mixed(extract):
    text = (
        "After months of debate over the harbor budget, “The mayor's loyal base goes a "
        "long way here,” said pollster Ana Ruiz."
    )
    q = find(extract(text), "loyal base")
    assert q.kind == "mixed"
    assert q.text.startswith("After months of debate")


def test_a_split_quote_whose_second_mark_has_a_space_after_it_is_joined(extract):
    text = "“The tide is early,” said pilot Mia Kern. “ You know, the boats are already out.”"
    q = find(extract(text), "tide is early")
    parts = [p.text for p in q.parts]
    assert parts == ["The tide is early", "You know, the boats are already out."]


def test_a_clause_of_time_after_the_closing_mark_does_not_run_on_the_quote(extract):
    text = (
        "About forty dock workers gathered outside the port office, chanting "
        "“no contract, no work” after the talks failed on Friday."
    )
    q = find(extract(text), "no contract")
    assert "talks failed" not in q.text
