"""What the text says about a named person or a speaker mention: the titles
written next to a name ("Finance Minister Tom Reyes", "Jane Doe, the city's
mayor") and their role families, the places in a title or a role mention
("the Russia FM"), the gender a pronoun gives ("Obama said he ..."), and
datelines ("PORTVALE, Ore. —"), which never name a speaker, and whether a
word can speak at all (a person, a group, an organisation: not "a chance").
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Span, Token

from .lexicon import gender_words, read_table, role_families, role_nouns
from .syntax import AFFILIATION_LABELS, NAME_MODIFIER_DEPS

TITLE_SKIP_DEPS = frozenset({"det", "poss", "case", "punct", "predet"})


PRONOUN_WINDOW = 30  # tokens after a name searched for the pronoun that says its gender
PLACE_WINDOW = 8  # tokens on each side of a name searched for the places in its titles
TITLE_WINDOW = 6  # tokens before a name searched for a title written in front of it


def place_key(word: str) -> str:
    """Russia, Russian and Russia's share a key; so do Castan and Castani."""
    return word.lower().strip(".’'")[:5]


def _is_place_word(tok: Token) -> bool:
    return tok.ent_type_ in AFFILIATION_LABELS or (
        tok.is_title and tok.pos_ in ("PROPN", "ADJ") and tok.dep_ in NAME_MODIFIER_DEPS
    )


def mention_places(mention: Span) -> frozenset[str]:
    """The places a role mention names: "the Russia FM" -> russi."""
    head = mention.root
    return frozenset(
        place_key(t.text)
        for t in mention
        if t.i != head.i and _is_place_word(t) and not role_families([t.text])
    )


def places_near(ent: Span) -> set[str]:
    """Places written in a person's titles: "Russia's Minister of Foreign Affairs"."""
    doc = ent.doc
    near = [
        *doc[max(0, ent.start - PLACE_WINDOW) : ent.start],
        *doc[ent.end : min(len(doc), ent.end + PLACE_WINDOW)],
    ]
    return {
        place_key(t.text) for t in near if t.ent_type_ in AFFILIATION_LABELS or _is_place_word(t)
    } - {place_key(w) for w in ent.text.split()}


DATELINE_NEXT = frozenset({",", "—", "–", "-", "--", "("})


def is_dateline(ent: Span) -> bool:
    """A place in capitals opening a paragraph: the dateline ("PORTVALE, Ore. —"),
    never a speaker."""
    doc = ent.doc
    if not ent.text.isupper() or ent.end >= len(doc) or doc[ent.end].text not in DATELINE_NEXT:
        return False
    return ent.start == 0 or "\n" in doc[ent.start - 1].text or doc[ent.start - 1].is_space


def dateline_word(tok: Token) -> bool:
    """A word in capitals opening a paragraph and followed by the dateline's
    punctuation ("PORTVALE, Ore. —", "WASHINGTON (AP) —", "DES MOINES -"): the
    parser sometimes takes it for the subject of the sentence after it."""
    doc = tok.doc
    start = tok.i
    while start > 0 and doc[start - 1].text.isupper() and not doc[start - 1].is_punct:
        start -= 1
    if start > 0 and not (doc[start - 1].is_space and "\n" in doc[start - 1].text):
        return False
    end = tok.i + 1
    while end < len(doc) and doc[end].text.isupper() and doc[end].is_alpha:
        end += 1
    words = doc[start:end]
    return (
        all(t.is_alpha and t.text.isupper() and len(t.text) > 1 for t in words)
        and end < len(doc)
        and doc[end].text in DATELINE_NEXT
    )


def pronoun_gender(ent: Span, ent_at: dict[int, Span]) -> str | None:
    """The gender a person's own sentence gives: "Obama said he would ..." -
    a subject pronoun under the verb the name is the subject of, with no
    other person named in between."""
    root = ent.root
    if root.dep_ != "nsubj":
        return None
    verb = root.head
    words = gender_words()
    for tok in ent.doc[ent.end : min(verb.sent.end, ent.end + PRONOUN_WINDOW)]:
        other = ent_at.get(tok.i)
        if other is not None and other.label_ == "PERSON":
            return None
        if tok.dep_ == "nsubj" and tok.lower_ in ("he", "she") and verb in tok.ancestors:
            return words.get(tok.lower_)
    return None


def role_families_of(mention: Span) -> frozenset[str]:
    """Role families of a mention's own words, leaving out possessors and places:
    "the company's chief executive" -> executive, "the Russia FM" -> foreign minister."""
    words = [
        t.text
        for t in mention
        if t.dep_ not in TITLE_SKIP_DEPS
        and (t.ent_type_ not in AFFILIATION_LABELS or role_families([t.text]))
    ]
    return role_families(words)


def _title_text(tokens: list[Token]) -> str | None:
    """A title from its tokens: drop determiners, possessors and place names."""
    keep = [
        t
        for t in tokens
        if t.dep_ not in TITLE_SKIP_DEPS
        and not t.is_punct
        # the tagger takes some titles for nationalities ("Councilwoman" as NORP)
        and (t.ent_type_ not in ("GPE", "NORP") or role_families([t.text]))
    ]
    while keep and keep[0].pos_ in ("ADP", "CCONJ"):
        keep = keep[1:]
    while keep and keep[-1].pos_ in ("ADP", "CCONJ", "DET"):
        keep = keep[:-1]
    if not keep:
        return None
    doc = keep[0].doc
    text = doc[keep[0].i : keep[-1].i + 1].text
    if not role_families(text.split()):
        return None
    return text


def titles_of(ent: Span) -> list[str]:
    """Titles written next to a person's name: before it, or in apposition."""
    out: list[str] = []
    root = ent.root
    doc = ent.doc
    before = [
        t
        for t in doc[max(0, ent.start - TITLE_WINDOW) : ent.start]
        if t.head.i in range(ent.start, ent.end) or t.head.head.i in range(ent.start, ent.end)
    ]
    if before:
        title = _title_text(sorted(before, key=lambda t: t.i))
        if title:
            out.append(title)
    if root.dep_ == "appos" and root.head.i < ent.start:
        head = root.head
        toks = [t for t in head.subtree if t.i < ent.start and not (ent.start <= t.i < ent.end)]
        toks = [t for t in toks if t.i >= head.left_edge.i]
        title = _title_text(toks)
        if title:
            out.append(title)
    for child in root.children:
        if child.dep_ == "appos" and child.i >= ent.end:
            title = _title_text(list(child.subtree))
            if title:
                out.append(title)
    return out


# Entity labels of names that can speak or hold a view.
SPEAKING_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


@cache
def org_nouns() -> dict[str, bool]:
    """Nouns naming an organisation by its kind ("the company") -> whether they
    stand for any organisation (else the name must hold the noun): role_orgs.tsv."""
    return {row[0].lower(): row[1] == "any" for row in read_table("role_orgs.tsv")}


@cache
def people_nouns() -> frozenset[str]:
    """Nouns for people and groups who can speak ("voters", "critics", "many")."""
    return frozenset(row[0].lower() for row in read_table("people_nouns.tsv"))


def can_speak(tok: Token) -> bool:
    """Whether a noun phrase's head can be someone who speaks or holds a view:
    a pronoun, a name, a person, group, role or organisation noun. "A chance
    to say", "a rally blasting ..." are occasions of speech, not speakers."""
    if tok.pos_ in ("PRON", "PROPN") or tok.ent_type_ in SPEAKING_LABELS:
        return True
    word = tok.lower_
    return (
        word in people_nouns()
        or word in org_nouns()
        or word.rstrip("s") in org_nouns()
        # one word: its role family is a lookup (role_families would also scan
        # every multi-word title for it)
        or word.strip(".") in role_nouns()
    )
