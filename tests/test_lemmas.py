"""Lemmas on demand agree with spaCy's own rule lemmatizer, word for word."""

from __future__ import annotations

from conftest import ROOT

from newsclaims.core.lemmas import Lemmas


def test_the_set_index_gives_spacys_lemmas(extractor):
    nlp = extractor.nlp
    assert "lemmatizer" in nlp.disabled  # so the rules look lemmas up themselves
    pipe, lemmas = nlp.get_pipe("lemmatizer"), Lemmas(nlp)
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob("*.txt"))]
    texts.append(
        "The ministers were meeting; she had argued, they'd feared the worst, "
        "and the geese flew over the Joneses' houses while prices rose and fell."
    )
    compared = ruled = 0
    for doc in nlp.pipe(texts):
        for tok in doc:
            # the attribute ruler's exceptions (are -> be) come first, as in spaCy's pipeline
            expected = tok.lemma_ or pipe.rule_lemmatize(tok)[0].lower()
            assert lemmas(tok) == expected, (tok.text, tok.pos_)
            compared += 1
            ruled += not tok.lemma_
    assert compared > 500
    assert ruled > 100  # many came from the rules, not from the ruler's exceptions
