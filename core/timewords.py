"""The vocabulary of temporal expressions, from ``core/data/time_words.tsv``."""

from __future__ import annotations

from functools import cache

from .lexicon import read_table


@cache
def time_words() -> dict[str, dict[str, str]]:
    """kind -> {word: value}; a word may have several kinds ("second", "night")."""
    out: dict[str, dict[str, str]] = {}
    for word, kind, value in read_table("time_words.tsv"):
        table = out.setdefault(kind, {})
        if word in table:
            raise ValueError(f"core/data/time_words.tsv: {word!r} listed twice as {kind}")
        table[word] = value
    return out


def words(kind: str) -> dict[str, str]:
    return time_words().get(kind, {})


def alternation(kind: str) -> str:
    """A regex alternation of the words of one kind, longest first."""
    return "|".join(sorted(words(kind), key=len, reverse=True))
