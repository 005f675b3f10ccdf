"""Events of the publication day: rules 3 and 5 of `events`.

News tells what was said on the day it is published ("..., officials said.",
"officials say", "according to ...", "said in an interview"): rule 3 puts
such a report, and the occasion it was made at, on the publication day. Rule
5 ties an event of that day to the words of the text that name it ("today",
"Friday" in a Friday paper), when its own or a neighbouring sentence has
them. The figures beside each are in the docstring of `events`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from spacy.tokens import Doc, Token

from .cues import QUOTE_MARK_TEXTS
from .event_words import (
    is_present_report,
    is_report,
    is_report_noun,
    is_stated,
    relation_of,
)
from .lemmas import Lemmas
from .records import Span
from .timex3 import bounds
from .timexes import Timex

# Rule 3: a report in the past ("said") or a participle clause of one
# ("..., saying"), in the main clause or joined to it.
PAST_REPORT_TAGS = frozenset({"VBD", "VBG"})
MAIN_REPORT_DEPS = frozenset({"conj", "advcl"})
# Rule 3: a report in the present ("officials say"): the verbs of
# core/data/present_reports.tsv only.
PRESENT_REPORT_TAGS = frozenset({"VBZ", "VBP"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Rule 3: the attribution "according to ...".
ACCORDING = "according"
# Rule 3: the prepositions that give a report its occasion ("in an interview").
OCCASION_PREPS = frozenset({"in", "at", "during"})
# What a report reports: a clause ("said (that) ..."), an infinitive, a quote.
REPORT_CONTENT_DEPS = frozenset({"ccomp", "parataxis", "xcomp", "dative"})
# Rule 5: the sentences, by offset from an event's, whose expression naming
# the publication day the event takes, in order of preference.
NAMED_DAY_REACH = (0, -1, 1)


def published_reports(
    doc: Doc, taken: set[int], quotes: list[Span], cues: set[int], lemmas: Lemmas
) -> Iterator[Token]:
    """Rule 3: a report of the story's day with no time of its own (``publication``).

    ``taken`` holds the triggers already dated, ``quotes`` the quotes'
    content spans, ``cues`` the tokens of the verbs attributing them. In the
    training gold such a report happened on the publication day far more
    often than before it. A report inside a quote is not one (the verb
    attributing a quote split around it, "... ,” she said. “...", is not
    inside it).
    """
    reports: set[int] = set()
    for tok in doc:
        if tok.i in taken or tok.pos_ != "VERB":
            continue
        if _quoted(tok.idx, quotes) and tok.i not in cues:
            continue
        if (
            _past_report(tok, cues, lemmas, taken)
            or _present_report(tok, lemmas)
            or _past_passive_report(tok, lemmas)
            or _according(tok)
        ):
            reports.add(tok.i)
            yield tok
    for tok in doc:
        if tok.i not in taken and _occasion_of(tok, reports, lemmas):
            yield tok


def _occasion_of(tok: Token, reports: set[int], lemmas: Lemmas) -> bool:
    """ "said in an interview", "At a news conference, ... said": the occasion of a report.

    A noun of core/data/report_nouns.tsv after "in", "at" or "during" that
    hangs on a report this rule dated.
    """
    if tok.pos_ != "NOUN" or tok.dep_ != "pobj" or not is_report_noun(lemmas(tok)):
        return False
    prep = tok.head
    return prep.lower_ in OCCASION_PREPS and prep.head.i in reports


def _past_report(tok: Token, cues: set[int], lemmas: Lemmas, taken: set[int]) -> bool:
    """ "..., officials said.", "..., saying ...": a past report in the main clause.

    A verb of intention, evidence or stance needs a clause or infinitive
    ("declined to comment", "the survey showed that ..."), and a subject
    with no dated event in it: "a report published in May found ..." found
    it when it was published.
    """
    if tok.tag_ not in PAST_REPORT_TAGS:
        return False
    if tok.tag_ == "VBG" and tok.dep_ != "advcl":
        return False
    if not _in_main_clause(tok):
        return False
    if is_stated(lemmas(tok)) and tok.tag_ == "VBD":
        subjects = [c for c in tok.children if c.dep_ in SUBJECT_DEPS]
        if any(t.i in taken for c in subjects for t in c.subtree):
            return False
        return any(c.dep_ in REPORT_CONTENT_DEPS for c in tok.children)
    if not is_report(lemmas(tok)):
        return False
    return tok.i in cues or not _only_an_object(tok)  # "continued a fierce contest"


def _past_passive_report(tok: Token, lemmas: Lemmas) -> bool:
    """ "The price was not disclosed.", "The body was found ...": a past passive report."""
    return (
        tok.tag_ == "VBN"
        and any(c.dep_ == "auxpass" and c.tag_ == "VBD" for c in tok.children)
        and _in_main_clause(tok)
        and (is_report(lemmas(tok)) or is_stated(lemmas(tok)))
    )


def _present_report(tok: Token, lemmas: Lemmas) -> bool:
    """ "officials say ...", "X reports": a present report in the main clause."""
    return (
        tok.tag_ in PRESENT_REPORT_TAGS
        and _in_main_clause(tok)
        and is_present_report(lemmas(tok))
        and not _only_an_object(tok)
    )


def _according(tok: Token) -> bool:
    """ "..., according to a U.S. official": the attribution of a report of the day."""
    return tok.lower_ == ACCORDING and any(c.lower_ == "to" for c in tok.children)


def _in_main_clause(tok: Token) -> bool:
    """The root, a verb joined to it ("... and said", "..., but ... and said"), or a
    clause of it (", saying"), or a report set inside it ("..., he said, ...")."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ == "ROOT":
        return True
    return tok.dep_ in MAIN_REPORT_DEPS | {"parataxis"} and tok.head.dep_ == "ROOT"


def _only_an_object(verb: Token) -> bool:
    """A verb with a direct object and no clause: "continued the contest", not "said ..."."""
    deps = {c.dep_ for c in verb.children}
    return "dobj" in deps and not deps & REPORT_CONTENT_DEPS


def _quoted(offset: int, quotes: list[Span]) -> bool:
    """Whether a character offset sits inside one of the quotes' content spans."""
    return any(qs <= offset < qe for qs, qe in quotes)


def _own_words(text: str, quotes: list[Span]) -> list[Span]:
    """The quotes given in their speaker's own words: content that opens after a
    quotation mark ("“We decided it today,” the mayor said"), not reported
    speech ("said the group was leaving today")."""
    return [(qs, qe) for qs, qe in quotes if qs > 0 and text[qs - 1] in QUOTE_MARK_TEXTS]


def names_day(tx: Timex, day: dt.date) -> bool:
    """Whether an expression's value is that one day ("today", "Friday" in a Friday paper)."""
    start, end = bounds(tx.norm.value)
    return bool(start and end and start[:10] == end[:10] == day.isoformat())


def named_days(
    doc: Doc, timexes: list[Timex], quotes: list[Span], triggers: list[int], ref: dt.date
) -> dict[int, Timex]:
    """Rule 5: for events of the publication day, the expression that names that day.

    When a trigger's own sentence, else the one before, else the one after,
    names the publication day ("today", "Friday" in a Friday paper), its
    date is that expression (the nearest one): the same day, tied to the
    words that say it. Only a day ("today", "Friday"), not a clock time
    ("6 p.m. Friday" is when something else happens), and not one in a
    quote's own words (it is the speaker's); a day in reported speech is the
    reporter's.
    """
    sents = {s.start: n for n, s in enumerate(doc.sents)}
    own = _own_words(doc.text, quotes)
    named: dict[int, list[Timex]] = {}
    for tx in timexes:
        if tx.norm.type != "DATE" or _quoted(tx.start, own):
            continue
        if relation_of(doc, tx) != "on":
            continue
        if names_day(tx, ref):
            named.setdefault(sents[doc[tx.root].sent.start], []).append(tx)
    found: dict[int, Timex] = {}
    if not named:
        return found
    for i in triggers:
        n = sents[doc[i].sent.start]
        near = next((named[n + k] for k in NAMED_DAY_REACH if named.get(n + k)), None)
        if near is not None:
            found[i] = min(near, key=lambda t: abs(t.root - i))
    return found
