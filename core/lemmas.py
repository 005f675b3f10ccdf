"""Lemmas on demand.

The pipeline runs without its lemmatizer (it costs about a tenth of the
parse time and the rules need lemmas for a handful of words per sentence);
this asks the disabled component for just the tokens the rules look up.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Token


class Lemmas:
    def __init__(self, nlp: Language | None) -> None:
        self._rule: Any = None
        if nlp is not None and "lemmatizer" in nlp.component_names:
            pipe = nlp.get_pipe("lemmatizer")
            if getattr(pipe, "mode", None) == "rule" and "lemmatizer" in nlp.disabled:
                self._rule = pipe
        self._cache: dict[tuple[int, str], str] = {}

    def __call__(self, token: Token) -> str:
        """The token's lemma: spaCy's if it ran, else the rule lemmatizer's, else lowercase."""
        if token.lemma_:
            return token.lemma_
        if self._rule is None:
            return token.lower_
        key = (token.orth, token.pos_)
        lemma = self._cache.get(key)
        if lemma is None:
            lemmas = self._rule.rule_lemmatize(token)
            lemma = lemmas[0].lower() if lemmas else token.lower_
            if len(self._cache) < 100_000:
                self._cache[key] = lemma
        return lemma
