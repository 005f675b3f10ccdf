"""Lemmas on demand.

The pipeline runs without its lemmatizer (it costs about a tenth of the
parse time and the rules need lemmas for a handful of words per sentence);
this asks the disabled component's rules for just the tokens the rules look
up.
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
                self._tables(pipe)
        self._cache: dict[tuple[int, int, int], str] = {}

    def _tables(self, pipe: Any) -> None:
        """The lemmatizer's tables; each part of speech's word index becomes a set on first use.

        spaCy keeps the index as lists and tests every candidate form against
        one, which made a first lookup of a word cost a quarter of a
        millisecond. (Tables are keyed by string hashes: ask them with `get`.)
        """
        lookups = pipe.lookups
        self._index_table = lookups.get_table("lemma_index", {})
        self._exc_table = lookups.get_table("lemma_exc", {})
        self._rules_table = lookups.get_table("lemma_rules", {})
        self._index: dict[str, frozenset[str]] = {}

    def _index_of(self, univ_pos: str) -> frozenset[str]:
        index = self._index.get(univ_pos)
        if index is None:
            index = self._index[univ_pos] = frozenset(self._index_table.get(univ_pos) or ())
        return index

    def __call__(self, token: Token) -> str:
        """The token's lemma: spaCy's if it ran, else the rule lemmatizer's, else lowercase."""
        if token.lemma_:
            return token.lemma_
        if self._rule is None:
            return token.lower_
        # spaCy's own key: the same word can take another lemma with other features
        key = (token.orth, token.pos, token.morph.key)  # type: ignore[attr-defined]
        lemma = self._cache.get(key)
        if lemma is None:
            lemma = self._rule_lemma(token)
            if len(self._cache) < 100_000:
                self._cache[key] = lemma
        return lemma

    def _rule_lemma(self, token: Token) -> str:
        """spaCy's `Lemmatizer.rule_lemmatize`, first form, lowercased (tests/test_lemmas.py)."""
        string = token.text
        univ_pos = token.pos_.lower()
        if univ_pos in ("", "eol", "space") or self._rule.is_base_form(token):
            return string.lower()
        index = self._index_of(univ_pos)
        exceptions = self._exc_table.get(univ_pos) or {}
        rules = self._rules_table.get(univ_pos) or []
        if not (index or exceptions or rules):
            return string.lower()
        low = string.lower()
        forms: list[str] = []
        oov_forms: list[str] = []
        for old, new in rules:
            if low.endswith(old):
                form = low[: len(low) - len(old)] + new
                if not form:
                    pass
                elif form in index:
                    forms.insert(0, form)
                elif not form.isalpha():
                    forms.append(form)
                else:
                    oov_forms.append(form)
        for form in exceptions.get(low, []):
            if form not in forms:
                forms.insert(0, form)
        if forms:
            return forms[0].lower()
        if oov_forms:
            return oov_forms[0].lower()
        return low
