"""The table twin of spaCy's attribute ruler gives exactly the attribute ruler's annotations."""

from __future__ import annotations

import numpy as np
import spacy
from conftest import SAMPLES
from spacy.tokens import Doc

from newsclaims.core.ruler import TABLE_COMPONENT, table_ruler, use_table_ruler

SETTABLE = ["POS", "TAG", "MORPH", "LEMMA", "DEP"]

# Sentences written for this test, full of the ruler's exceptions: contractions
# ("ain't", "gonna", "let's"), existential "there", pronoun case, "but" as an
# adverb, determiners used as pronouns, odd whitespace.
EXCEPTIONS = (
    "It ain't over, and y'all know we're gonna win. Let's go, c'mon!\n\n"
    "There is nothin' left and there were doin' fine. I told you it was them.\n"
    "She gave it to me, but I kept it. That is what we wanted; those were the days.\n"
    "They gotta see 'em all.   He'll come    back, ol' friend, if you want 'nuff.\n"
    "Did he do it? He did. We have had enough, and they do have a point."
)


def annotate_both(nlp, text: str) -> tuple[Doc, Doc]:
    """The same parse, annotated once by spaCy's ruler and once by the table."""
    with nlp.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        parsed = nlp(text)
    ruler = nlp.get_pipe("attribute_ruler")
    return ruler(parsed.copy()), nlp.get_pipe(TABLE_COMPONENT)(parsed.copy())


def test_table_equals_attribute_ruler_on_exceptions_and_samples(extractor):
    nlp = extractor.nlp
    texts = [EXCEPTIONS] + [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    for text in texts:
        spacy_doc, table_doc = annotate_both(nlp, text)
        assert np.array_equal(spacy_doc.to_array(SETTABLE), table_doc.to_array(SETTABLE)), [
            (t.text, t.pos_, u.pos_, str(t.morph), str(u.morph), t.lemma_, u.lemma_)
            for t, u in zip(spacy_doc, table_doc, strict=True)
            if (t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_)
            != (u.pos_, u.tag_, str(u.morph), u.lemma_, u.dep_)
        ]


def test_pipeline_runs_the_table_instead_of_the_ruler(extractor):
    nlp = extractor.nlp
    assert TABLE_COMPONENT in nlp.pipe_names
    assert "attribute_ruler" not in nlp.pipe_names and "attribute_ruler" in nlp.disabled
    doc = nlp("There is a new bridge.")
    assert [t.pos_ for t in doc][:2] == ["PRON", "VERB"]  # the "expl" + "is" exception


def _doc(nlp, words, tags, deps, heads) -> Doc:
    return Doc(nlp.vocab, words=words, tags=tags, deps=deps, heads=heads)


def test_operators_regex_and_negative_index_on_a_hand_made_ruler():
    """Patterns of every kind the table handles, plus one it hands to a Matcher (OP)."""
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"TAG": "NN"}]], {"POS": "NOUN"})
    ruler.add([[{"LOWER": {"IN": ["big", "small"]}, "TAG": "JJ"}]], {"POS": "ADJ"})
    ruler.add([[{"TAG": {"NOT_IN": ["NN", ""]}, "DEP": "amod"}]], {"MORPH": "Degree=Pos"})
    ruler.add([[{"LOWER": {"REGEX": "^bri"}}]], {"LEMMA": "BRIDGE"})
    ruler.add([[{"LOWER": "the"}, {"TAG": "JJ"}, {"TAG": "NN"}]], {"LEMMA": "THING"}, index=-1)
    ruler.add([[{"TAG": "JJ", "OP": "+"}, {"TAG": "NN"}]], {"DEP": "compound"}, index=0)
    ruler.add([[{"IS_SPACE": True}]], {"POS": "SPACE"})
    table = table_ruler(ruler)
    assert table is not None and len(table.rest) == 1  # only the OP pattern needs a Matcher
    words = ["the", "big", "small", "bridge", "fell", "\n", "The", "bright", "bridges"]
    tags = ["DT", "JJ", "JJ", "NN", "VBD", "_SP", "DT", "JJ", "NNS"]
    deps = ["det", "amod", "amod", "nsubj", "ROOT", "dep", "det", "amod", "dep"]
    heads = [3, 3, 3, 4, 4, 4, 8, 8, 4]
    expected = ruler(_doc(nlp, words, tags, deps, heads))
    got = table(_doc(nlp, words, tags, deps, heads))
    assert np.array_equal(expected.to_array(SETTABLE), got.to_array(SETTABLE))
    assert got[3].lemma_ == "BRIDGE"  # the regex rule
    assert got[1].dep_ == "compound"  # set by the OP pattern through the Matcher


def test_a_ruler_setting_other_attributes_is_kept():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "gov."}]], {"NORM": "governor"})
    assert table_ruler(ruler) is None
    assert use_table_ruler(nlp) is False
    assert nlp.pipe_names == ["attribute_ruler"]
