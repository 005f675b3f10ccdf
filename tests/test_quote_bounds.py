"""Where a quote's content starts and ends, through the real pipeline, on texts
written for these tests: the words a reader would print as the claim."""

from __future__ import annotations

from conftest import quote_holding as find


def test_an_object_that_names_the_claim_goes_with_the_cue(extract):
    ex = extract(
        "The transit agency announced plans to extend the night bus service to the airport. "
        "Several council members expressed concern that the new fees would drive shoppers away."
    )
    assert find(ex, "night bus").text == "to extend the night bus service to the airport"
    assert find(ex, "new fees").text == "that the new fees would drive shoppers away"


def test_an_apposition_describing_who_was_named_is_not_the_claim(extract):
    ex = extract(
        "The harbor master said the ferry would resume service on Monday with Tomas Brandt, "
        "the captain who steered it through the storm."
    )
    q = find(ex, "resume service")
    assert q.text == "the ferry would resume service on Monday with Tomas Brandt"


def test_a_name_after_a_comma_stays_in_the_claim(extract):
    ex = extract("Marisol Vega said the grant would go to her brother, Tomas Vega.")
    assert find(ex, "grant").text == "the grant would go to her brother, Tomas Vega"


def test_a_quote_that_stops_mid_clause_runs_on_to_the_end_of_its_phrase(extract):
    ex = extract(
        "Okafor said at the hearing, “I have not seen a single budget line” from the "
        "county office. The vote is on Tuesday."
    )
    q = find(ex, "budget line")
    assert q.kind == "mixed"
    assert q.text == "“I have not seen a single budget line” from the county office"
    assert q.speaker is not None and q.speaker.mention == "Okafor"


def test_a_quote_that_ends_its_clause_does_not_run_on(extract):
    ex = extract("The mayor said, “The bridge stays open” on Friday.")
    assert find(ex, "bridge").text == "The bridge stays open"


def test_a_lowercase_quote_after_a_complement_makes_one_mixed_quote(extract):
    ex = extract(
        "Lindqvist told the radio host that the council “had a reckless plan for the harbor,” "
        "adding, “They never asked the fishermen.”"
    )
    q = find(ex, "reckless plan")
    assert q.kind == "mixed"
    assert q.text.startswith("that the council “had a reckless plan")
    assert "adding" not in q.text
    assert find(ex, "fishermen").cue.text == "adding"


def test_a_linking_word_before_the_claim_is_left_out(extract):
    ex = extract("But the levee will hold through the spring, the engineer said.")
    assert find(ex, "levee").text == "the levee will hold through the spring"


def test_no_claim_ends_with_a_dangling_conjunction(extract):
    ex = extract(
        "Half of the farmers said they were worried about the price of seed, and more than "
        "3 in 10 said the cooperative would handle the problem best."
    )
    assert find(ex, "price of seed").text == "they were worried about the price of seed"
    assert find(ex, "cooperative").text == "the cooperative would handle the problem best"


def test_a_paraphrase_ending_in_a_quoted_phrase_runs_on_past_the_mark(extract):
    ex = extract(
        "The governor mocked his rival for “having a rough morning” because he won no county."
    )
    q = find(ex, "rough morning")
    assert q.kind == "mixed"
    assert q.text == "his rival for “having a rough morning” because he won no county"


def test_a_second_predicate_after_the_closing_mark_is_not_run_on(extract):
    ex = extract("The mayor called the audit “a witch hunt” and left the meeting early.")
    q = find(ex, "witch hunt")
    assert q.text.endswith("“a witch hunt”")
    assert "left" not in q.text


def test_a_hyphenated_number_opening_the_claim_stays_whole(extract):
    ex = extract("Officials said twenty-three of the 40 workers were still in hospital.")
    assert find(ex, "workers").text == "twenty-three of the 40 workers were still in hospital"


def test_a_percent_sign_and_a_closed_bracket_end_the_claim(extract):
    ex = extract(
        "The survey found that the mayor had only 22%. "
        "She said the bill came from the Office of Budget Review (OBR)."
    )
    assert find(ex, "mayor had").text == "that the mayor had only 22%"
    assert find(ex, "bill came").text == "the bill came from the Office of Budget Review (OBR)"


def test_a_quote_opened_by_that_is_a_mixed_quote_from_that(extract):
    ex = extract(
        "Critics seized on her remark that “there is no room left for renters” in the city."
    )
    q = find(ex, "no room left")
    assert q.kind == "mixed"
    assert q.text == "that “there is no room left for renters” in the city"


def test_the_time_of_the_report_is_not_the_claim(extract):
    ex = extract(
        "Dana Ortiz said on Friday she met the builders twice. "
        "The senator announced his support for the governor on Thursday night. "
        "The mayor praised the harbor crew on Tuesday. "
        "The mayor promised Monday to reopen the pier. "
        "The council endorsed Maria Lopez on Thursday."
    )
    assert find(ex, "builders").text == "she met the builders twice"
    assert find(ex, "governor").text == "his support for the governor"
    assert find(ex, "harbor crew").text == "the harbor crew"
    assert find(ex, "reopen").text == "to reopen the pier"
    assert find(ex, "Lopez").text == "Maria Lopez"


def test_a_time_inside_the_reported_clause_stays(extract):
    ex = extract("The harbor master said that on Friday the ferry would resume service on Monday.")
    assert find(ex, "ferry").text == "that on Friday the ferry would resume service on Monday"


def test_a_time_after_a_noun_that_names_an_event_dates_the_event(extract):
    ex = extract("The senator praised the mayor's speech on Thursday.")
    assert find(ex, "speech").text == "the mayor's speech on Thursday"


def test_a_voiced_attitude_reports_what_it_is_about(extract):
    ex = extract(
        "Several shop owners expressed concern about the new parking fees. "
        "The dock workers voiced support for the ferry plan. "
        "The mayor expressed her doubts about the audit."
    )
    assert find(ex, "parking fees").text == "the new parking fees"
    assert find(ex, "ferry plan").text == "the ferry plan"
    assert find(ex, "audit").text == "her doubts about the audit"


def test_a_copula_tying_the_claim_to_its_source_is_left_out(extract):
    ex = extract(
        "The ferry carried 4,000 riders in March. That’s according to figures from the port office."
    )
    q = next(q for q in ex.quotes if q.cue is not None and q.cue.text == "according to")
    assert q.text == "That"


def test_what_describes_the_source_after_according_to_is_not_the_claim(extract):
    ex = extract(
        "The ferry line lost money last year, according to the harbor board, "
        "which audits its books every spring."
    )
    q = find(ex, "ferry line")
    assert q.text == "The ferry line lost money last year"


def test_a_claim_around_according_to_is_read_whole(extract):
    ex = extract(
        "Mayor Ruiz, according to her aides, will run again next year. "
        "The council closed the old pier and, according to two members, "
        "adopted a plan to rebuild it by May."
    )
    assert find(ex, "run again").text == "Mayor Ruiz will run again next year"
    q = find(ex, "rebuild")
    assert q.text == "The council closed the old pier and adopted a plan to rebuild it by May"


def test_a_purpose_infinitive_after_the_object_goes_with_it(extract):
    ex = extract("The governor proposed new funds to help the island towns repair their piers.")
    q = find(ex, "new funds")
    assert q.text == "new funds to help the island towns repair their piers"


def test_an_in_phrase_after_the_object_goes_with_it_unless_it_says_when(extract):
    ex = extract("Critics questioned his role in the deal. The union praised the crew in June.")
    assert find(ex, "role").text == "his role in the deal"
    assert find(ex, "crew").text == "the crew"
