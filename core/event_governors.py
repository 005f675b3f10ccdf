"""Which predicate a temporal expression is tied to by the parse (rule 1 of `events`).

The dependency parse usually hangs an expression on the predicate it
dates ("voted on Wednesday"); this module follows it up, stops at a thing
("revenue in the first quarter" dates nothing), lets a copula pass the
date to the state it holds, and repairs two parse habits measured on the
training gold (a day hung on a later noun, the time of a thing a past verb
is about). `events` decides which of these predicates keeps the date.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .event_words import is_event_noun, is_predicate, relation_of
from .lemmas import Lemmas
from .records import Anchor
from .syntax import TIME_POINT_PREPS
from .timexes import Timex

# A date attached this way qualifies its head noun ("the 2011 uprising").
NOUN_DATE_DEPS = frozenset({"compound", "poss", "nummod"})
# Expressions that name a point or a stretch of the calendar, which a
# neighbouring predicate can share; a duration or a frequency cannot.
POINT_TYPES = frozenset({"DATE", "TIME"})
# Prepositions that compare a verb's figure with one of another time ("rose
# from $9 million in the year-earlier quarter"): that time is not the verb's.
COMPARING_PREPOSITIONS = frozenset({"from", "than", "with", "against", "over", "versus"})
# Prepositions of a point in time whose object the parse may hang elsewhere
# ("on Tuesday and ..."): `_orphan_preposition`; those that place a verb at a
# thing of a time ("shot in the back on Friday night", `_subject_change`) are
# `syntax.TIME_POINT_PREPS`.
ORPHAN_PREPOSITIONS = frozenset({"on", "in", "at"})
# Heads climbed from an expression to the predicate it dates, and how close
# (in heads climbed) an adjective must stand to take the date as a state.
GOVERNOR_STEPS = 6
ADJECTIVE_STEPS = 2


def inside(tx: Timex, tok: Token) -> bool:
    """Whether a token is part of the expression."""
    return tx.start <= tok.idx < tx.end


def governor(doc: Doc, tx: Timex, lemmas: Lemmas) -> tuple[Token | None, Anchor]:
    """The predicate a temporal expression dates, and whether the parse says so directly.

    A date that qualifies an event noun ("the 1996 campaign", "today's
    briefing") dates that noun; one that qualifies a thing ("a 2007 bill",
    "revenue in the first quarter") dates nothing, not even the verb above
    the thing (a noun argument has its own time), unless the thing is the
    subject of a past verb or the place a verb happened at
    (`_subject_change`); an adjective close above it is a state the date
    holds for ("payable Dec. 15", "due Friday").
    """
    tok = doc[tx.root]
    orphan = _orphan_preposition(doc, tx)
    if orphan is not None:
        return _predicate_of(orphan.head, tx), "explicit"
    if tok.dep_ in NOUN_DATE_DEPS and tok.head.pos_ == "NOUN" and not inside(tx, tok.head):
        if is_event_noun(tok.head, lemmas(tok.head)):
            return tok.head, "explicit"
        return _subject_change(doc, tok.head, tx)
    for step in range(GOVERNOR_STEPS):
        head = tok.head
        if head.i == tok.i:
            break
        if head.pos_ == "NOUN" and not inside(tx, head) and not is_event_noun(head, lemmas(head)):
            # "revenue in the first quarter": the time of a thing, not of "expected"
            return _subject_change(doc, head, tx)
        if not inside(tx, head) and (
            head.pos_ in ("VERB", "AUX")
            or is_event_noun(head, lemmas(head))
            or (head.pos_ == "ADJ" and step < ADJECTIVE_STEPS)
        ):
            return _predicate_of(head, tx), "explicit"
        tok = head
    return _nearest_predicate(doc, tx, lemmas)


def _subject_change(doc: Doc, thing: Token, tx: Timex) -> tuple[Token | None, Anchor]:
    """The past verb a thing of a point in time is the subject or the place of.

    "sales in the quarter rose", "was shot in the back on Friday night": the
    time qualifies a thing the verb is about, and the verb happened then.
    Not a stretch of time ("below their 52-week high"), nor a thing of
    another time the verb compares with ("fell to $9 million from $10
    million in the year-ago period").
    """
    if tx.norm.type not in POINT_TYPES or relation_of(doc, tx) != "on":
        return None, "none"
    verb = thing.head
    if thing.dep_ == "nsubj" and verb.pos_ == "VERB" and verb.tag_ == "VBD":
        return verb, "explicit"
    prep = thing.head
    verb = prep.head
    if thing.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in TIME_POINT_PREPS:
        return None, "none"
    if verb.pos_ != "VERB" or any(
        c.lower_ in COMPARING_PREPOSITIONS and c.i < prep.i for c in verb.children
    ):
        return None, "none"
    return verb, "explicit"


def _orphan_preposition(doc: Doc, tx: Timex) -> Token | None:
    """The preposition just before an expression that the parse does not take it as object.

    "rolled into Iraq on Tuesday and Iraqi-bound cargo was unloaded": the
    parse reads "on [Tuesday and Iraqi-bound cargo]" and hangs the day on
    the cargo; the day is what "on" says, so it dates what "on" hangs on
    (a verb).
    """
    first = doc[tx.root].left_edge.i
    while first < len(doc) and doc[first].idx < tx.start:
        first += 1
    if first == 0 or first >= len(doc):
        return None
    prep = doc[first - 1]
    if prep.pos_ != "ADP" or prep.dep_ != "prep" or prep.lower_ not in ORPHAN_PREPOSITIONS:
        return None
    root = doc[tx.root]
    if root.head.i == prep.i or root.head.i == root.i or prep.head.pos_ != "VERB":
        return None
    after = root.i
    while after < len(doc) and doc[after].idx < tx.end:
        after += 1
    if after == len(doc) or after == root.head.i:
        return None  # "in the year-ago period": the expression qualifies the noun after it
    return prep


def _predicate_of(head: Token, tx: Timex) -> Token:
    """The predicate a copula holds: "was weak during the quarter" dates "weak".

    TimeML marks the state, not the copula ("has been independent since
    1901", "was a trustee until 1974"); in the training gold explicit links
    to a copula were right 5 times in 113.
    """
    if head.pos_ != "AUX":
        return head
    for child in head.children:
        if inside(tx, child):
            continue
        if child.dep_ == "acomp" and child.pos_ == "ADJ":
            return child
        if child.dep_ == "attr" and child.pos_ == "NOUN" and not child.like_num:
            return child
    return head


def _nearest_predicate(doc: Doc, tx: Timex, lemmas: Lemmas) -> tuple[Token | None, Anchor]:
    """The predicate of the expression's sentence closest to it, else its own head."""
    root = doc[tx.root]
    best: Token | None = None
    for tok in root.sent:
        if inside(tx, tok) or not is_predicate(tok, lemmas(tok)):
            continue
        if best is None or abs(tok.i - root.i) < abs(best.i - root.i):
            best = tok
    if best is not None:
        return best, "sentence"
    return root, "none"
