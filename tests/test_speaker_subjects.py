"""Who speaks a cue, read from the parse: passives, objects, infinitives and the
nouns a cue clause hangs off. Real pipeline, texts written for these tests."""

from __future__ import annotations

import pytest
from conftest import quote_holding as quote

from newsclaims.core.records import Extraction


def mention(ex: Extraction, words: str) -> str | None:
    q = quote(ex, words)
    return q.speaker.mention if q.speaker is not None else None


def test_a_passive_cue_is_spoken_by_its_agent(extract):
    ex = extract("The engineer was warned by the city's inspectors that the old bridge would fail.")
    assert mention(ex, "old bridge would fail") == "the city's inspectors"


def test_asked_by_someone_is_the_asker_and_the_answer_is_the_answerer(extract):
    ex = extract(
        "Asked by a reporter whether the tolls would rise, Mayor Tom Hale said they would not."
    )
    assert mention(ex, "tolls would rise") == "a reporter"
    assert quote(ex, "would not").speaker.name == "Tom Hale"


def test_an_infinitive_after_an_object_is_spoken_by_the_object(extract):
    ex = extract("The poor turnout led Senator Maria Lopez to declare that the primary was over.")
    q = quote(ex, "primary was over")
    assert q.speaker is not None and q.speaker.name == "Maria Lopez"


def test_for_someone_to_say_is_spoken_by_them(extract):
    ex = extract(
        "The hearing created an opening for Senator Maria Lopez to argue that the tolls "
        "were unfair."
    )
    q = quote(ex, "tolls were unfair")
    assert q.speaker is not None and q.speaker.name == "Maria Lopez"


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "Dock workers have launched petitions calling on the port to rehire the crews.",
            "rehire the crews",
            "Dock workers",
        ),
        (
            "Mayor Elena Ruiz passed up a chance to argue that the council had wasted money.",
            "wasted money",
            "Mayor Elena Ruiz",
        ),
        (
            "On Monday the harbor board issued a statement saying that the cranes were safe.",
            "cranes were safe",
            "the harbor board",
        ),
    ],
)
def test_a_clause_off_a_thing_is_spoken_by_whoever_the_sentence_is_about(
    extract, text, words, speaker
):
    assert mention(extract(text), words) == speaker


def test_a_clause_off_a_person_is_spoken_by_that_person(extract):
    ex = extract("The paper quoted a dock worker saying that the crews had not been paid.")
    assert mention(ex, "had not been paid") == "a dock worker"


def test_a_possessor_speaks_the_infinitive_of_its_noun(extract):
    ex = extract("Mayor Tom Hale's refusal to say whether the bridge was safe angered residents.")
    q = quote(ex, "whether the bridge was safe")
    assert q.speaker is not None and q.speaker.name == "Tom Hale"


def test_a_colon_gives_the_quote_to_the_subject_before_it(extract):
    text = (
        "The council met on Tuesday.\n\n"
        "Senator Maria Lopez delivered a blunt message to the board: "
        "“It is time to stop blaming the weather and fix the bridge.”"
    )
    q = quote(extract(text), "stop blaming the weather")
    assert q.cue is None
    assert q.speaker is not None and q.speaker.name == "Maria Lopez"


def test_a_statement_announced_at_the_end_of_a_paragraph_is_its_announcers(extract):
    text = (
        "The old governor died on Sunday. Mayor Tom Hale released the following statement:\n\n"
        "“Our city has lost a friend who fought for every family in the valley.”"
    )
    q = quote(extract(text), "lost a friend")
    assert q.speaker is not None and q.speaker.name == "Tom Hale"


def test_any_verb_after_a_quote_ending_in_a_comma_gives_its_subject(extract):
    text = (
        "The debate grew loud.\n\n"
        "“You have never built a bridge in your life,” Senator Maria Lopez shot back."
    )
    q = quote(extract(text), "never built a bridge")
    assert q.speaker is not None and q.speaker.name == "Maria Lopez"


def test_a_dash_and_a_name_on_the_line_after_a_quote_name_its_speaker(extract):
    text = (
        "We checked three claims from the debate.\n\n"
        "“The harbor fund has doubled since I took office, and every cent is accounted for.”\n\n"
        "— Mayor Tom Hale.\n\n"
        "The fund grew by a third, not by half."
    )
    q = quote(extract(text), "harbor fund has doubled")
    assert q.speaker is not None and q.speaker.name == "Tom Hale"


def test_a_quote_ending_a_sentence_with_no_cue_takes_the_sentence_subject(extract):
    text = (
        "Mayor Tom Hale spoke on Monday about the tolls.\n\n"
        "The Portvale Herald characterized the plan as “a slow walk toward a bridge "
        "nobody can afford to cross.”"
    )
    q = quote(extract(text), "slow walk toward a bridge")
    assert q.cue is None
    assert q.speaker is not None and q.speaker.mention == "The Portvale Herald"


def test_more_likely_to_say_is_said_by_the_subject(extract):
    ex = extract("Older voters were slightly more likely to say they preferred the mayor.")
    assert mention(ex, "preferred the mayor") == "Older voters"


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "Mayor Elena Ruiz paused, then revealed why the vote had been delayed.",
            "vote had been delayed",
            "Mayor Elena Ruiz",
        ),
        (
            "Senator Maria Lopez had every reason to believe that the tolls would fall.",
            "tolls would fall",
            "Senator Maria Lopez",
        ),
        (
            "The ferry captain spent much of the meeting railing against the new fees.",
            "the new fees",
            "The ferry captain",
        ),
        (
            "Anyone questioning the new budget can read the report online.",
            "the new budget",
            "Anyone",
        ),
    ],
)
def test_a_cue_the_parse_left_without_a_subject_takes_its_clauses(extract, text, words, speaker):
    assert mention(extract(text), words) == speaker


@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        (
            "Councillor Ana Ruiz bristled at the suggestion that she had hidden the report.",
            "hidden the report",
            "Ana Ruiz",
        ),
        (
            "Mayor Tom Hale made the suggestion that the city should sell the old bridge.",
            "sell the old bridge",
            "Tom Hale",
        ),
        (
            "Mayor Tom Hale played down the idea that the docks would close.",
            "docks would close",
            "Tom Hale",
        ),
    ],
)
def test_a_cue_noun_with_no_possessor_is_held_by_the_subject_of_its_verb(
    extract, text, words, name
):
    q = quote(extract(text), words)
    assert q.speaker is not None and q.speaker.name is not None and name in q.speaker.name


def test_complaints_that_a_sentence_concedes_are_not_its_subjects(extract):
    text = "Despite complaints that the ferry was always late, the captain kept the old schedule."
    assert mention(extract(text), "ferry was always late") is None


def test_seeming_to_make_a_claim_is_the_subjects_claim(extract):
    ex = extract("Councillor Omar Haddad appeared to suggest that the tolls would rise again.")
    assert len(ex.quotes) == 1
    q = ex.quotes[0]
    assert q.text == "that the tolls would rise again"
    assert q.cue is not None and q.cue.text == "suggest"
    assert [c.text for c in q.inner_cues] == ["appeared"]
    assert q.speaker is not None and q.speaker.name == "Omar Haddad"


def test_seeming_to_be_something_names_no_speaker(extract):
    ex = extract("After the storm, the old harbor bridge appears to be sound again.")
    assert ex.quotes and all(q.speaker is None for q in ex.quotes)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "The race tightened.\n\nPORTVALE, Ore. - Sen. Ana Ruiz continued her attacks on "
            "the mayor on Saturday, questioning his plan for the bridge.",
            "his plan for the bridge",
        ),
        (
            "The race tightened.\n\nDES MOINES - Despite the storm, Ana Ruiz has been "
            "confident that the bridge will open.",
            "the bridge will open",
        ),
    ],
)
def test_a_dateline_the_parser_took_for_a_subject_never_speaks(extract, text, words):
    q = quote(extract(text), words)
    assert q.speaker is not None and q.speaker.name == "Ana Ruiz"
    assert q.speaker.mention.endswith("Ana Ruiz") and "-" not in q.speaker.mention


def test_a_participle_the_parser_hung_inside_its_quote_is_the_main_subjects(extract):
    # the parse makes "writing" the subject of "Feels", inside the quote
    ex = extract(
        "Band leader Mara Lind shared the news on social media on Friday, writing "
        "“Feels great to give back to the town that raised me.”"
    )
    q = quote(ex, "give back to the town")
    assert q.speaker is not None and q.speaker.name == "Mara Lind"


def test_a_capitalised_modal_before_a_past_tense_cue_is_a_name(extract):
    # no modal takes a past tense: "Will wrote" is someone called Will
    ex = extract(
        "“The budget is a mess,” Will wrote in his column. Will urged the council to resign."
    )
    assert mention(ex, "budget is a mess") == "Will"
    assert mention(ex, "council to resign") == "Will"


def test_a_participle_is_not_spoken_by_a_thing_the_parse_climbed_to(extract):
    # the parse hangs "declaring" off "a show of hands": the chairwoman declares
    ex = extract(
        "Rita Vale called for a voice vote, and then a show of hands, declaring after "
        "both that the motion had failed."
    )
    q = quote(ex, "motion had failed")
    assert q.speaker is not None and q.speaker.name == "Rita Vale"
