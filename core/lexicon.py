"""Word lists the rules read: loaded once from the TSV files in ``core/data``.

Rules are data: adding a cue verb or a role noun is an edit to a data file,
not to code. Each file says in its header where its entries came from.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import cast, get_args

from .records import CueCategory

CUE_CATEGORIES: frozenset[str] = frozenset(get_args(CueCategory))


def read_table(name: str) -> list[list[str]]:
    """Rows of a tab-separated data file, without comments and blank lines."""
    text = resources.files("newsclaims.core").joinpath("data", name).read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        rows.append([cell.strip() for cell in line.split("\t")])
    return rows


def read_mapping(name: str) -> dict[str, str]:
    """A two-column data file as a dict; a repeated key is a bug in the data."""
    out: dict[str, str] = {}
    for row in read_table(name):
        key, value = row[0].lower(), row[1]
        if key in out:
            raise ValueError(f"core/data/{name}: {key!r} is listed twice")
        out[key] = value
    return out


@dataclass(frozen=True, slots=True)
class CueSense:
    """What a cue verb means and which of its complements carry the claim.

    ``frames`` names the dependents that hold the content: ``ccomp`` (said
    that ...), ``xcomp`` (vowed to ...), ``dobj`` (endorsed Trump),
    ``prep:for`` (called for ...). A verb with no frames still attributes a
    direct quote written next to it (“...,” he continued).
    """

    category: CueCategory
    frames: frozenset[str]


def cue_category(value: str, source: str) -> CueCategory:
    """A category named in a data file; an unknown one is a bug in the data."""
    if value not in CUE_CATEGORIES:
        raise ValueError(f"core/data/{source}: unknown cue category {value!r}")
    return cast(CueCategory, value)


@cache
def cue_verbs() -> dict[str, CueSense]:
    """Cue verb lemma -> its category and content frames."""
    out: dict[str, CueSense] = {}
    for row in read_table("cue_verbs.tsv"):
        lemma = row[0].lower()
        if lemma in out:
            raise ValueError(f"core/data/cue_verbs.tsv: {lemma!r} is listed twice")
        frames = frozenset(f for f in (row[2].split() if len(row) > 2 else ["ccomp"]) if f != "-")
        out[lemma] = CueSense(cue_category(row[1], "cue_verbs.tsv"), frames)
    return out


@cache
def cue_phrases() -> dict[tuple[str, ...], CueCategory]:
    """Multi-word cue that names its source (as lowercase tokens) -> category."""
    return {
        tuple(k.split()): cue_category(v, "cue_phrases.tsv")
        for k, v in read_mapping("cue_phrases.tsv").items()
    }


@cache
def cue_nouns() -> dict[str, CueCategory]:
    """Noun that reports the "that" clause after it ("the claim that ...") -> category."""
    return {k: cue_category(v, "cue_nouns.tsv") for k, v in read_mapping("cue_nouns.tsv").items()}


@cache
def cue_adjectives() -> dict[str, CueCategory]:
    """Adjective that reports the "that" clause after it ("confident that ...") -> category."""
    rows = read_mapping("cue_adjectives.tsv")
    return {k: cue_category(v, "cue_adjectives.tsv") for k, v in rows.items()}


@cache
def cue_adjective_preps() -> dict[tuple[str, str], CueCategory]:
    """(adjective, preposition) of a stance on the preposition's object
    ("critical of ...") -> category."""
    return _word_prep_categories("cue_adjective_preps.tsv")


@cache
def cue_noun_preps() -> dict[tuple[str, str], CueCategory]:
    """(noun, preposition) whose object an owner said or opposed ("her
    criticism of ...") -> category."""
    return _word_prep_categories("cue_noun_preps.tsv")


def _word_prep_categories(name: str) -> dict[tuple[str, str], CueCategory]:
    """A table keyed by "word preposition" -> category, keyed by the pair."""
    out: dict[tuple[str, str], CueCategory] = {}
    for key, value in read_mapping(name).items():
        word, prep = key.split()
        out[(word, prep)] = cue_category(value, name)
    return out


@cache
def cue_adverbs() -> dict[str, CueCategory]:
    """Adverb that marks its clause as reported ("reportedly", "allegedly") -> category."""
    rows = read_mapping("cue_adverbs.tsv")
    return {k: cue_category(v, "cue_adverbs.tsv") for k, v in rows.items()}


@cache
def cue_noun_infinitives() -> dict[str, CueCategory]:
    """Noun that reports the infinitive after it when its owner is named ("her
    plan to cut fares") -> category."""
    return {
        k: cue_category(v, "cue_noun_infinitives.tsv")
        for k, v in read_mapping("cue_noun_infinitives.tsv").items()
    }


@cache
def any_cue_nouns() -> dict[str, CueCategory]:
    """Noun that reports a "that" clause or an owned infinitive -> category; a
    noun in both tables takes its cue_nouns.tsv category."""
    return cue_noun_infinitives() | cue_nouns()


@cache
def source_preps() -> dict[str, tuple[CueCategory, frozenset[str]]]:
    """Preposition opening a sentence with its source ("In a new poll, ...") ->
    its category and the nouns its object may have."""
    out: dict[str, tuple[CueCategory, frozenset[str]]] = {}
    for row in read_table("source_preps.tsv"):
        prep = row[0].lower()
        if prep in out:
            raise ValueError(f"core/data/source_preps.tsv: {prep!r} is listed twice")
        category = cue_category(row[1], "source_preps.tsv")
        out[prep] = (category, frozenset(w.lower() for w in row[2].split()))
    return out


@cache
def document_nouns() -> frozenset[str]:
    """Nouns for texts that speak for someone: "a statement saying ...", "the report"."""
    return frozenset(row[0].lower() for row in read_table("document_nouns.tsv"))


@cache
def honorifics() -> frozenset[str]:
    """Courtesy and official titles written before a name ("Mr.", "Sen.", "President")."""
    return frozenset(row[0].lower() for row in read_table("honorifics.tsv"))


@cache
def gender_words() -> dict[str, str]:
    """Words that say a person's gender (honorifics, gendered titles, pronouns) -> f|m."""
    return read_mapping("gender_words.tsv")


@cache
def label_stopwords() -> frozenset[str]:
    """Words that open a "Label: text" line without naming a speaker (Update:, Photo:)."""
    return frozenset(row[0].lower() for row in read_table("label_stopwords.tsv"))


@cache
def role_nouns() -> dict[str, str]:
    """Role or title word -> role family."""
    return read_mapping("role_nouns.tsv")


@cache
def role_phrases() -> dict[tuple[str, ...], str]:
    """Multi-word title (as lowercase words) -> role family."""
    return {tuple(k.split()): v for k, v in read_mapping("role_phrases.tsv").items()}


def role_families(words: list[str]) -> frozenset[str]:
    """The role families a title or role mention belongs to ("Foreign Minister" ->
    {minister, foreign-minister}), so differently worded titles can be matched."""
    lowered = [w.lower().strip(".") for w in words]
    nouns = role_nouns()
    fams = {nouns[w] for w in lowered if w in nouns}
    for phrase, family in role_phrases().items():
        n = len(phrase)
        if any(tuple(lowered[i : i + n]) == phrase for i in range(len(lowered) - n + 1)):
            fams.add(family)
    return frozenset(fams)


@cache
def event_nouns() -> dict[str, str]:
    """Nouns that name events -> TimeML event class."""
    return read_mapping("event_nouns.tsv")
