"""Speakers and the roster through the real pipeline, on texts written for these tests."""

from __future__ import annotations

import re

import orjson
from conftest import GOLDEN, ROOT, records
from conftest import quote_holding as quote

from newsclaims.core.records import Extraction, SpeakerRecord


def person(ex: Extraction, name: str) -> SpeakerRecord:
    hits = [s for s in ex.speakers if s.name == name]
    assert len(hits) == 1, [s.name for s in ex.speakers]
    return hits[0]


def test_apposition_gives_the_full_name(extract):
    text = (
        "Portvale Mayor Wants Bridge Fixed\n\n"
        "Jane Doe, the city's mayor, said on Monday that the bridge would reopen in May."
    )
    q = quote(extract(text), "reopen in May")
    assert q.speaker is not None and q.speaker.name == "Jane Doe"
    assert q.speaker.label == "PERSON"


def test_title_before_the_name_is_kept_as_a_title(extract):
    ex = extract("Finance Minister Tom Reyes said the budget was balanced.")
    assert quote(ex, "budget was balanced").speaker.name == "Tom Reyes"
    assert person(ex, "Tom Reyes").titles == ["Finance Minister"]


def test_pronoun_resolves_to_the_person_of_its_gender(extract):
    text = (
        "Mayor Elena Ruiz spoke first. Councilman Dale Fisher voted against the plan.\n\n"
        "The mayor dismissed his concern. “Every month we wait, the price goes up,” she said."
    )
    q = quote(extract(text), "price goes up")
    assert q.speaker is not None and q.speaker.mention == "she"
    assert q.speaker.name == "Elena Ruiz"


def test_role_nouns_resolve_to_the_person_holding_the_title(extract):
    text = (
        "Acme Corp's chief executive, Mara Quist, said profits would fall. "
        "“We are cautious,” the company's chief executive said.\n\n"
        "Finance Minister Tom Reyes said the budget was balanced. "
        "The minister added that taxes would not rise."
    )
    ex = extract(text)
    assert quote(ex, "cautious").speaker.name == "Mara Quist"
    assert quote(ex, "taxes would not rise").speaker.name == "Tom Reyes"


def test_place_modifier_is_not_the_speaker_and_roles_resolve_forward(extract):
    text = (
        "The Russia FM said talks would go on.\n\n"
        "Sergey Lavrov, Russia's Minister of Foreign Affairs, spoke in Paris. "
        "“Withdrawal must be gradual,” the Russia diplomat said."
    )
    ex = extract(text)
    for words in ("talks would go on", "Withdrawal must be gradual"):
        q = quote(ex, words)
        assert q.speaker is not None and q.speaker.name == "Sergey Lavrov"
    assert [s.name for s in ex.speakers if s.label == "GPE"] == []


def test_role_of_another_country_does_not_resolve(extract):
    text = (
        "Veloria’s Foreign Minister, Adrian Koval, said the talks had gone well.\n\n"
        "The Castani diplomat said she expected the next round to last three days."
    )
    q = quote(extract(text), "three days")
    assert q.speaker is not None and q.speaker.name != "Adrian Koval"


def test_surname_joins_the_full_name_even_when_untagged(extract):
    text = (
        "Ferrante: Dredging Will Start in June\n\n"
        "Board chair Lucia Ferrante said on Monday that dredging would start in June. "
        "“We have the permits,” Ferrante told reporters."
    )
    ex = extract(text)
    ferrante = person(ex, "Lucia Ferrante")
    assert ferrante.quotes == 3
    assert {m.text for m in ferrante.mentions} >= {"Ferrante", "Lucia Ferrante"}
    assert len([s for s in ex.speakers if "Ferrante" in s.name]) == 1


def test_organisation_and_its_acronym_are_one_speaker(extract):
    text = (
        "Libya's Joint Military Commission (JMC) met in Geneva on Monday. "
        "On Friday, the 5+5 JMC reported that 300 fighters would leave."
    )
    ex = extract(text)
    q = quote(ex, "300 fighters")
    assert q.speaker is not None and q.speaker.mention == "the 5+5 JMC"
    assert q.speaker.name == "Joint Military Commission" and q.speaker.label == "ORG"
    [jmc] = [s for s in ex.speakers if s.label == "ORG"]
    assert jmc.quotes == 1 and len(jmc.mentions) >= 2


def test_documents_speak_and_are_merged_by_their_noun(extract):
    text = (
        "A report by the state auditor shows that dredging costs doubled since 2015. "
        "The report found that contractors were paid twice."
    )
    ex = extract(text)
    [doc] = [s for s in ex.speakers if s.label == "DOCUMENT"]
    assert doc.name == "report by the state auditor"
    assert doc.quotes == 2
    assert quote(ex, "paid twice").speaker.id == doc.id


def test_relative_pronoun_speaker_keeps_its_mention_and_finds_its_person(extract):
    text = "Councilman Dale Fisher, who argued that the plan was too costly, left early."
    q = quote(extract(text), "too costly")
    assert q.speaker is not None and q.speaker.mention == "who"
    assert q.speaker.name == "Dale Fisher"


def test_unresolved_speaker_is_kept_without_a_name(extract):
    q = quote(extract("Someone in the crowd shouted that the plan was a disaster."), "disaster")
    assert q.speaker is not None
    assert q.speaker.mention == "Someone" and q.speaker.id is None and q.speaker.name is None


def test_roster_holds_names_labels_titles_mentions_and_quote_counts(extract):
    text = (
        "Jane Doe, the city's mayor, said on Monday that the bridge would reopen in May. "
        "“We are nearly there,” Doe told reporters. She added that tolls would not rise."
    )
    ex = extract(text)
    doe = person(ex, "Jane Doe")
    assert doe.label == "PERSON"
    assert doe.quotes == 3
    for m in doe.mentions:
        assert text[m.span[0] : m.span[1]] == m.text
    assert {"Doe", "She"} <= {m.text for m in doe.mentions}
    assert all(q.speaker is not None and q.speaker.id == doe.id for q in ex.quotes)


def test_readme_speaker_example_is_real_output():
    """The roster example in the README is what the harbor-bridge sample gives."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```json\n(.*?)```", readme, flags=re.S)
    example = next(orjson.loads(" ".join(b.split("\n"))) for b in blocks if '"type":"speaker"' in b)
    golden = records((GOLDEN / "harbor-bridge.txt.out.jsonl").read_bytes())
    real = next(r for r in golden if r["type"] == "speaker" and r["id"] == example["id"])
    assert {k: real[k] for k in example} == example


def test_a_council_title_lets_the_role_noun_find_the_councillor(extract):
    ex = extract(
        "Councilwoman Mara Quill voted against the budget on Tuesday. "
        "The mayor praised the plan. "
        "The councilwoman said the city could not afford new debt."
    )
    q = quote(ex, "afford new debt")
    assert q.speaker is not None and q.speaker.name == "Mara Quill"
    assert person(ex, "Mara Quill").titles == ["Councilwoman"]


def test_a_pronoun_never_stands_for_a_name_inside_the_quote(extract):
    text = (
        "Mayor Elena Ruiz opened the meeting on Monday.\n\n"
        "“Tomas Brandt told us the steel is failing,” she said."
    )
    q = quote(extract(text), "steel is failing")
    assert q.speaker is not None and q.speaker.name == "Elena Ruiz"


def test_a_pronoun_prefers_the_last_speaker_of_its_gender(extract):
    text = (
        "Senator Maria Lopez said she would vote for the bridge bill. "
        "The bill, which Tom Hale signed last year, paid for a study of the bridge.\n\n"
        "“Its failure was heartbreaking,” she said."
    )
    q = quote(extract(text), "heartbreaking")
    assert q.speaker is not None and q.speaker.name == "Maria Lopez"


def test_an_organisation_that_speaks_resolves_and_enters_the_roster(extract):
    text = (
        "Orvel Semiconductor will not open its new chip plant near Columbus until 2027, "
        "the company said on Monday."
    )
    ex = extract(text)
    q = quote(ex, "chip plant")
    assert q.speaker is not None and q.speaker.name == "Orvel Semiconductor"
    assert person(ex, "Orvel Semiconductor").quotes == 1


def test_a_dateline_never_names_the_speaker(extract):
    text = (
        "PORTVALE, Ore. — The Portvale City Council said on Tuesday that the bridge work "
        "would start in May."
    )
    ex = extract(text)
    q = quote(ex, "bridge work")
    assert q.speaker is not None and q.speaker.name == "Portvale City Council"
    assert [s.name for s in ex.speakers] == ["Portvale City Council"]


def test_a_quote_with_no_attribution_takes_the_speaker_next_to_it(extract):
    text = (
        "“We have the money for the repairs right now.” “What we need is good weather,” "
        "said board chair Lucia Ferrante."
    )
    q = quote(extract(text), "money for the repairs")
    assert q.cue is None
    assert q.speaker is not None and q.speaker.name == "Lucia Ferrante"


def test_a_plural_pronoun_never_stands_for_one_person(extract):
    text = (
        "Mayor Elena Ruiz met the Portvale Harbor Authority on Monday. "
        "They said the cranes would be replaced by June."
    )
    q = quote(extract(text), "cranes would be replaced")
    assert q.speaker is not None and q.speaker.mention == "They"
    assert q.speaker.name != "Elena Ruiz"


def test_a_lone_word_tagged_as_a_person_stays_out_of_the_roster_unless_it_speaks(extract):
    text = (
        "Finance Minister Tom Reyes said on Monday that exports to Veloria and Castani "
        "would rise. Schools will close for the holiday."
    )
    names = {s.name for s in extract(text).speakers}
    assert "Tom Reyes" in names
    assert not names & {"Veloria", "Castani", "Schools"}
