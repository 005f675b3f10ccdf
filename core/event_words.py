"""Which words are events, and which words say how a date stands to one.

The lexicon side of `events`: verbs are events; nouns only when they name
an occurrence (``core/data/event_nouns.tsv``, with the nominalization
endings its header names); a speech verb is a report (the speech cues of
``core/data/cue_verbs.tsv``); the words before a date give its relation
(``core/data/relation_words.tsv``).
"""

from __future__ import annotations

from functools import cache
from typing import cast, get_args

from spacy.tokens import Doc, Token

from .lexicon import cue_verbs, event_nouns, read_mapping, read_table
from .records import Relation
from .syntax import NOUN_MODIFIER_DEPS
from .timexes import Timex

EVENT_SUFFIXES = ("tion", "sion", "ment", "ance", "ence", "ure", "ing")
# A main verb that spaCy tags AUX ("was" in "it was a great day") is an event
# when it heads a clause.
AUX_CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "conj", "advcl", "relcl", "xcomp"})
RELATIONS: frozenset[str] = frozenset(get_args(Relation))


@cache
def relation_words() -> dict[str, Relation]:
    """Words before a date that say how it stands to its event (core/data/relation_words.tsv)."""
    table = read_mapping("relation_words.tsv")
    bad = sorted(v for v in table.values() if v not in RELATIONS)
    if bad:
        raise ValueError(f"core/data/relation_words.tsv: unknown relations {bad}")
    return {k: cast(Relation, v) for k, v in table.items()}


# The only parts of speech `is_eventish` can accept: checked before a lemma
# is looked up, since looking one up costs more than the rest of the test.
EVENTISH_POS = frozenset({"VERB", "NOUN", "ADJ"})


def is_event_noun(tok: Token, lemma: str) -> bool:
    """A noun that names an occurrence ("vote", "talks", "the bombing"), not a thing."""
    if tok.pos_ != "NOUN":
        return False
    cls = event_nouns().get(lemma)
    if cls is not None:
        return cls != "thing"
    return len(lemma) > 5 and lemma.endswith(EVENT_SUFFIXES)


def is_predicate(tok: Token, lemma: str) -> bool:
    """A verb, a clause-heading AUX, or an event noun: something that can happen."""
    if tok.pos_ == "VERB":
        return True
    if tok.pos_ == "AUX":
        return tok.dep_ in AUX_CLAUSE_DEPS
    return is_event_noun(tok, lemma)


def is_eventish(tok: Token, lemma: str) -> bool:
    """A predicate that can take a date it does not govern itself.

    Left out: a copula or auxiliary heading a clause ("it was a great day":
    TimeML marks the predicate, not "was"), and predicates that only modify
    a noun ("the so-called plan", "a protest leader", "based in Lyon"): in
    the training gold they are linked to a date of their sentence 1 time in
    20, against 1 in 7 for the rest.
    """
    if tok.pos_ == "ADJ" and tok.dep_ == "acomp":
        return True  # a state: "was weak during the quarter", "is eligible now"
    if tok.pos_ == "AUX" or tok.dep_ in NOUN_MODIFIER_DEPS:
        return False
    return is_predicate(tok, lemma)


def is_report(lemma: str) -> bool:
    """A speech verb ("say", "report", "warn", "vow": the speech cues of cue_verbs.tsv)."""
    sense = cue_verbs().get(lemma)
    return sense is not None and sense.category == "speech"


# Cue verbs other than speech whose past tense, with a clause or infinitive,
# states what was said or shown on the story's day ("declined to discuss",
# "the figures showed ...", "hailed ... and"); belief verbs ("thought",
# "seemed") tell a state, not a report.
STATED_CATEGORIES = frozenset({"intention", "evidence", "stance"})


def is_stated(lemma: str) -> bool:
    """A verb of intention, evidence or stance ("declined", "showed", "rejected")."""
    sense = cue_verbs().get(lemma)
    return sense is not None and sense.category in STATED_CATEGORIES


@cache
def present_reports() -> frozenset[str]:
    """Speech verbs whose present tense reports the story's day (core/data/present_reports.tsv)."""
    return frozenset(row[0].lower() for row in read_table("present_reports.tsv"))


def is_present_report(lemma: str) -> bool:
    """ "officials say", "the agency reports": a report in the present, of the story's day."""
    return lemma in present_reports()


@cache
def report_nouns() -> frozenset[str]:
    """Nouns naming an occasion of speaking (core/data/report_nouns.tsv)."""
    return frozenset(row[0].lower() for row in read_table("report_nouns.tsv"))


def is_report_noun(lemma: str) -> bool:
    """ "interview", "statement", "news conference": where or how a report was made."""
    return lemma in report_nouns()


def relation_of(doc: Doc, tx: Timex) -> Relation:
    """How the date stands to its event, from the word just before it (or its own first word).

    "had worsened since an inspection last October" is ``since``; with no
    such word the event happened within the time (``on``).
    """
    first = doc[tx.root].left_edge.i
    while first < len(doc) and doc[first].idx < tx.start:
        first += 1
    words = [doc[first].lower_] if first < len(doc) else []
    if first > 0:
        words.append(doc[first - 1].lower_)
        if first > 1 and doc[first - 1].lower_ in ("to", "than", "of"):
            words.append(f"{doc[first - 2].lower_} {doc[first - 1].lower_}")
    for word in reversed(words):
        rel = relation_words().get(word)
        if rel == "for" and tx.norm.type != "DURATION":
            return "on"  # "set for December 24th": the day it is set for
        if rel is not None:
            return rel
    return "on"
