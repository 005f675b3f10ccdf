"""Entries of the speaker roster and what their names say.

An `Entry` is one person, organisation or document across a whole article
(its name, titles, mentions, quote count, gender when the text says it); a
`Resolved` is one speaker mention as resolved to an entry. The helpers read
names: the words that identify a person (`name_tokens`), a name without
honorifics or possessive (`clean_name`), an entity without its article or
punctuation (`trim_entity`), the gender an honorific or title gives
(`learn_gender`), and whether a PERSON entity is a person on the evidence
(`is_person`). `core.speakers` builds the roster and resolves mentions.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span

from .lexicon import gender_words, honorifics, role_families
from .records import Span as CharSpan


@dataclass(slots=True)
class Entry:
    """One person, organisation or document in the roster, across the whole article."""

    name: str
    label: str
    tokens: frozenset[str]
    titles: list[str] = field(default_factory=list)
    families: set[str] = field(default_factory=set)
    mentions: dict[CharSpan, str] = field(default_factory=dict)
    quotes: int = 0
    first: int = 0
    gender: str | None = None  # "f" or "m" when honorifics, titles or pronouns say
    places: set[str] = field(default_factory=set)  # places in the titles ("Russia's minister")

    def add_title(self, title: str) -> None:
        if title and title.lower() not in {t.lower() for t in self.titles}:
            self.titles.append(title)
            self.families.update(role_families(title.split()))
            learn_gender(self, title)


@dataclass(slots=True)
class Resolved:
    """A quote's speaker as resolved: the entry (None when unresolved) and the mention."""

    entry: Entry | None
    mention: str
    span: CharSpan
    label: str | None
    quotes: int = 0  # quotes attributed through this mention


def name_tokens(text: str) -> frozenset[str]:
    """The words of a name that identify the person (no honorifics, no possessive)."""
    words = [w.strip(".,’'-–—").lower() for w in text.replace("’s", "").replace("'s", "").split()]
    return frozenset(
        w for w in words if w and w not in honorifics() and any(c.isalpha() for c in w)
    )


def is_person(entry: Entry) -> bool:
    """Whether a PERSON entry is a person on the evidence: a full name, a title,
    an honorific or a pronoun. A lone word the recogniser called a person
    ("Veloria", "Latinos", "Schools") that never speaks stays out of the roster."""
    if entry.label != "PERSON":
        return False
    if len(entry.tokens) >= 2 or entry.titles or entry.gender is not None:
        return True
    titled = honorifics()
    return any(
        len(words) > 1 and words[0].lower() in titled
        for words in (text.split() for text in entry.mentions.values())
    )


def learn_gender(entry: Entry, text: str) -> None:
    """Mr./Mrs./Ms., spokeswoman, chairman: words that say a person's gender."""
    if entry.gender is not None or entry.label != "PERSON":
        return
    words = gender_words()
    for word in text.lower().replace(".", " ").split():
        if word in words:
            entry.gender = words[word]
            return


def same_last_word(name: str, other: str) -> bool:
    """ "Donald J. Trump" may rename "Donald Trump"; "Donald Trump Leads" may not."""
    return name.split()[-1].lower() == other.split()[-1].lower()


def clean_name(text: str) -> str:
    words = text.split()
    while len(words) > 1 and words[0].lower() in honorifics():
        words = words[1:]
    name = " ".join(words).lstrip("-–— ")
    for suffix in ("’s", "'s"):
        name = name.removesuffix(suffix)
    return name


def trim_entity(ent: Span) -> Span | None:
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and (doc[start].is_punct or doc[start].lower_ in ("the",)):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].tag_ == "POS"):
        end -= 1
    return doc[start:end] if start < end else None


def count_quote(resolved: Resolved) -> None:
    """One more quote attributed through this mention (and to its entry, if any)."""
    resolved.quotes += 1
    if resolved.entry is not None:
        resolved.entry.quotes += 1
