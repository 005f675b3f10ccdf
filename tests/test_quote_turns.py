"""Turns of direct quotes over paragraphs, and who speaks them, through the real
pipeline on texts written for these tests."""

from __future__ import annotations

from conftest import quote_holding as quote


def test_a_quoted_paragraph_after_an_attributed_quote_joins_it(extract):
    text = (
        "The harbor board met on Tuesday to review the repairs.\n\n"
        "“The pier is safe for now,” said board member Tom Alder.\n\n"
        "“We checked every beam twice and found no cracks.”\n\n"
        "The board will meet again in May."
    )
    ex = extract(text)
    q = quote(ex, "safe for now")
    assert [p.text for p in q.parts] == [
        "The pier is safe for now",
        "We checked every beam twice and found no cracks.",
    ]
    assert q.speaker is not None and q.speaker.name == "Tom Alder"
    assert len([x for x in ex.quotes if x.kind == "direct"]) == 1
    for p in q.parts:
        assert text[p.span[0] : p.span[1]] == p.text


def test_a_narrative_sentence_keeps_the_next_turn_apart(extract):
    text = (
        "“We are going to fix the pier,” Tom Alder said. He then turned to the crowd.\n\n"
        "“Who is going to pay for the new beams?”"
    )
    ex = extract(text)
    first, second = quote(ex, "fix the pier"), quote(ex, "new beams")
    assert first is not second
    assert second.speaker is not None and second.speaker.name == "Tom Alder"


def test_a_quoted_paragraph_with_its_own_speaker_is_not_a_continued_turn(extract):
    text = (
        "“Look at all these tourists on the pier,” Dana Price said with a grin.\n\n"
        "“They only came for the free concert,” Omar Haddad shot back."
    )
    ex = extract(text)
    q = quote(ex, "free concert")
    assert q.speaker is not None and q.speaker.name == "Omar Haddad"
    assert "tourists" not in q.text


def test_the_speaker_of_a_split_quote_stands_for_a_later_pronoun(extract):
    text = (
        "The harbor board met on Tuesday to review the repairs.\n\n"
        "“The pier is safe for now,” said board member Tom Alder. “We checked every beam.”\n\n"
        "Later he said that the work would be finished by June."
    )
    q = quote(extract(text), "finished by June")
    assert q.speaker is not None and q.speaker.mention == "he"
    assert q.speaker.name == "Tom Alder"


def test_a_plural_possessive_in_the_attribution_keeps_the_split_quote_whole(extract):
    text = (
        "On Sunday the campaign said it had raised more than ever. “The figures we have "
        "seen since March put us on pace to beat the goal,” Jeff Reed, the Harrises’ "
        "campaign manager, said in a statement. “Families chipping in a few dollars are "
        "beating the biggest machine in the state.”"
    )
    ex = extract(text)
    q = quote(ex, "figures we have seen")
    assert q.kind == "direct" and len(q.parts) == 2 and "chipping in" in q.parts[1].text
    assert q.speaker is not None and q.speaker.name == "Jeff Reed"


def test_lowercase_quoted_words_go_on_with_the_paraphrase_before_them(extract):
    text = (
        "Mayor Elena Ruiz says the harbor fund took about $200,000 from shipping firms "
        "and “there is nothing wrong with that.”"
    )
    ex = extract(text)
    q = quote(ex, "shipping firms")
    assert q.kind == "mixed" and "nothing wrong with that" in q.text
    assert q.speaker is not None and q.speaker.name == "Elena Ruiz"
    assert len(ex.quotes) == 1


def test_a_capitalized_quote_after_a_paraphrase_stays_its_own_claim(extract):
    text = (
        "Mayor Elena Ruiz says the harbor fund took money from shipping firms, "
        "adding: “There is nothing wrong with that.”"
    )
    ex = extract(text)
    assert "nothing wrong" not in quote(ex, "shipping firms").text


def test_a_participle_after_a_reported_clause_is_the_reporters(extract):
    text = (
        "Councilman Tom Hale said last week that Mayor Ruiz represents “harbor values,” "
        "stating at the debate that those values are “soft on costs.”"
    )
    q = quote(extract(text), "soft on costs")
    assert q.speaker is not None and q.speaker.name == "Tom Hale"


def test_a_participle_that_goes_on_with_its_own_clause_keeps_its_subject(extract):
    text = (
        "Councilman Tom Hale told reporters that Mayor Ruiz, saying the pier was safe, "
        "had misled them."
    )
    q = quote(extract(text), "pier was safe")
    assert q.speaker is not None and q.speaker.name == "Ruiz"


def test_a_quote_after_a_colon_is_direct_with_the_cue_after_it(extract):
    text = (
        "At the dinner, Mayor Elena Ruiz stressed the need for patience: "
        "“Build the pier and when you have done that, build it again,” she said."
    )
    ex = extract(text)
    q = quote(ex, "Build the pier")
    assert q.kind == "direct" and q.text.startswith("Build the pier")
    assert q.cue is not None and q.cue.text == "said"
    assert q.speaker is not None and q.speaker.name == "Elena Ruiz"


def test_words_before_an_interrupting_attribution_are_the_quotes_first_part(extract):
    text = (
        "Mayor Elena Ruiz spoke about the harbor budget. "
        "A second dredging season, she said, “would cost more than the bridge itself.”"
    )
    ex = extract(text)
    q = quote(ex, "would cost more")
    lead = "A second dredging season"
    assert q.kind == "mixed"
    assert q.text == f"{lead} would cost more than the bridge itself."
    assert [p.text for p in q.parts] == [lead, "would cost more than the bridge itself."]
    assert all(text[p.span[0] : p.span[1]] == p.text for p in q.parts)
    assert q.span[0] == text.index(lead)
    assert q.cue is not None and q.cue.text == "said"
    assert q.speaker is not None and q.speaker.name == "Elena Ruiz"


def test_a_sentence_of_its_own_after_an_attribution_keeps_the_words_before_out(extract):
    text = (
        "Mayor Elena Ruiz spoke about the harbor budget. "
        "Later, she added, “The bridge comes first.” "
        "The crews worked all winter, and, she said, “they earned the raise.”"
    )
    ex = extract(text)
    for words in ("The bridge comes first", "they earned the raise"):
        q = quote(ex, words)
        assert q.kind == "direct" and q.text.startswith(words)
        assert len(q.parts) == 1


def test_a_quote_after_a_cue_inside_a_reported_clause_is_the_outer_claim(extract):
    text = "Councilman Tom Hale said he wants “a full review of the pier contract.”"
    q = quote(extract(text), "full review")
    assert q.kind == "mixed"
    assert q.text.startswith("he wants “a full review")
    assert q.span[0] == text.index("he wants")
    assert q.cue is not None and q.cue.text == "said"
    assert [c.text for c in q.inner_cues] == ["wants"]
    assert q.speaker is not None and q.speaker.name == "Tom Hale"
