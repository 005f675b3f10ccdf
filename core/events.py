"""Dated events: when each event happened, by rules applied in order, with who and where.

An event is a verb, or a noun that names an occurrence (``core/data/
event_nouns.tsv``), or a state adjective said to hold over a time ("weak
during the quarter"). Each event mention gives one record with at most one
date: the first of these rules that dates its trigger wins. Figures are the
training gold's (TB-Dense, 27 documents, ``score_events.py``): right/wrong
claims, VAGUE pairs apart.

1. ``explicit`` (100 right / 8 wrong, 0.93): the predicate the parse ties the
   expression to ("voted on Wednesday", "the 2011 uprising", "was weak
   during the quarter": `governor`). Several expressions on one predicate:
   the nearest point of the calendar wins. Not "now", "recently", "current"
   (a state goes on around them: 0 right / 7 wrong), not a bare copula, not a
   state adjective said to hold "on" a day (1 / 3), nor a frequency ("every
   month", 0 / 5). An event noun after "since", "after", "until" ... also
   dates the verb the word hangs on, with that relation ("had worsened since
   an inspection last October"); a time that sits between the object of a
   verb of belief or intention and its infinitive is the infinitive's
   ("expected revenue in the first quarter to fall"). A word of schedule
   passes its date to the event noun it qualifies ("the election due this
   September", "a summit set for April": 1 / 0), and a day the parse hangs
   on a later noun dates the verb of the preposition before it ("rolled in
   on Tuesday and Iraqi-bound cargo ...": 2 / 0 with rule 2). A point of
   time of a thing dates a past verb the thing is the subject of ("Friday's
   trading volume totaled ...") or a verb placed at the thing ("was shot in
   the back on Friday night"): none on TB-Dense train; on TimeML train 22
   of the 29 new links on gold events are gold links (explicit: 0.81).
2. ``sentence``, same clause (17 / 2): a verb joined to a dated verb ("met
   Friday and agreed"; a speech verb only to a speech verb), a clause of
   manner or time under it ("left Monday, ending ..."), the verb whose
   infinitive is dated ("began to withdraw Friday"; not a plan or an
   expectation: "plans to vote Friday"), a clause of "when" right after
   a time ("in 1979, when the army invaded": 1 / 0, VAGUE 1; on TimeML
   train 12 of its 18 links on gold events are gold links).
3. ``publication`` (45 / 4, 0.92, after rule 5 took some of its dates;
   72 / 5 before): a report of the story's day with no time of its own
   happened on the publication day: a report in the past tense in the main
   clause or joined to it ("..., officials said.", "... and said", "..., he
   said, ...": the last two 2 / 0), or a "saying" clause of it; a report
   in the present ("officials say", ``core/data/present_reports.tsv``:
   5 / 0, vague 9); a past verb of intention, evidence or stance with a
   clause ("declined to discuss", "the figures showed ...": 4 / 0); a past
   passive report ("was not disclosed": 2 / 0); "according to ..." (2 / 0,
   vague 3); the occasion of such a report ("said in an interview", "At a
   news conference": ``core/data/report_nouns.tsv``: 4 / 0). A past-tense
   main verb that is not a report does not (13 / 22), nor a belief
   ("thought": 0 / 2), a present stance ("insists") or a present perfect
   ("has said": 0 / 4), nor a report inside a quote (the verb attributing
   a quote split around it is not inside: 4 / 0), nor a speech verb with
   only an object ("continued the contest").
4. ``sentence``, neighbours (12 / 4): the nearest calendar expression of the
   sentence dates an event noun or verb that hangs on its predicate in one of
   the ways of `NEIGHBOUR_PATHS` ("spoke on Friday at a rally": the rally).
5. ``sentence``, the day named (20 / 1; VAGUE 11): an event rule 3 put on
   the publication day takes the expression of its own sentence, else of
   the one before or after, that names that day ("today", "Friday" in a
   Friday paper; not a clock time, not in a quote's own words, though in
   reported speech: "said the convoy was leaving today", 2 / 0): the same
   day, now tied to the words that say it. Gold pairs of an event and a
   body expression found: 118 -> 136 of 293 (the publication-day claims it
   replaces were right 25 / 1), 142 with reported speech.

What is not done, because it was measured wrong: a date is not spread to
every predicate of its sentence (0.27 right), nor handed on to later
sentences (0.33), and a speech verb never takes the time of what was said
(its content clause, a relative clause, a noun argument have their own).
Nor does a scored model decide the pairs these rules leave: logistic
regressions over the path, tense, clause and time features of every
remaining (event, expression) and (event, publication day) claim, fitted on
the training gold and scored by document-held-out folds
(``benchmarks/event_link_study.py``), were right at most a third of the
time at every threshold (0.78 only on the documents they were fitted on).

The date carries its ``relation`` to the event: the word in or just before
the expression ("since", "until", "through", "before", "after", "by",
"for", "during": ``core/data/relation_words.tsv``), else ``on``. An
expression no rule gives to an event is returned apart (a `DateRecord`), so
no date is lost. The predicate the parse ties an expression to (rule 1)
comes from `event_governors`; rules 3 and 5 live in `event_days`; who
took part, where, the modality and the reporting quote come from
`event_roles`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from .dates import dateline_span
from .event_days import named_days, published_reports
from .event_governors import POINT_TYPES, governor, inside
from .event_roles import clause_of, modality_of, participants_of, reporter_of
from .event_words import (
    is_event_noun,
    is_eventish,
    is_report,
    relation_of,
    relation_words,
)
from .lemmas import Lemmas
from .lexicon import cue_verbs
from .records import Anchor, Modality, ParticipantRole, Relation, Span
from .syntax import EVENT_PLACE_LABELS, TokenRange
from .timexes import Timex

# How sure a date is the event's, by how it was tied: the share of right
# claims among those judged on the training gold (TB-Dense, 27 documents,
# `score_events.py`, VAGUE pairs apart; README "Dated events" has the table).
# Rules give no other anchor to an event.
CONFIDENCE: dict[Anchor, float] = {
    "explicit": 0.93,  # 100 right, 8 wrong
    "sentence": 0.88,  # 49 right, 7 wrong (rules 2, 4, 5)
    "publication": 0.92,  # 45 right, 4 wrong
}


@dataclass(slots=True)
class RawEvent:
    trigger: int  # token index
    lemma: str
    clause: TokenRange
    timex: Timex | None  # None: the publication day (anchor ``publication``)
    anchor: Anchor
    relation: Relation
    modality: Modality
    reported_by: int | None  # index of the raw quote that reports it
    participants: list[tuple[ParticipantRole, TokenRange]] = field(default_factory=list)
    places: list[TokenRange] = field(default_factory=list)
    confidence: float = 0.7


@dataclass(frozen=True, slots=True)
class Choice:
    """The date a rule gives a trigger: an expression (None: the publication day)."""

    timex: Timex | None
    anchor: Anchor
    relation: Relation
    rule: str


# A word of schedule qualifying an event noun ("the election due this
# September", "a summit set for April") passes its date on to the noun; other
# participles do not ("the arrest announced today": the announcement's day).
QUALIFIER_DEPS = frozenset({"amod", "acl"})
QUALIFIER_LEMMAS = frozenset({"due", "set", "schedule", "slate", "plan"})
# Verbs whose object's time, said before their infinitive, is the infinitive's.
CONTENT_TIME_CATEGORIES = frozenset({"belief", "intention"})
# Values that place nothing on the calendar: "now", "recently", "soon".
REFERENCE_VALUES = frozenset({"PRESENT_REF", "PAST_REF", "FUTURE_REF"})
# Rule 2: the verbs next to a dated verb that share its time, by how they are
# joined: its dependents ("met Friday and agreed", "left Monday, ending ...")
# and the verb whose infinitive is dated ("began to withdraw Friday"), unless
# it is one of belief or intention ("plans to vote Friday").
SHARING_CHILD_DEPS = frozenset({"conj", "advcl"})
SHARING_HEAD_DEPS = frozenset({"xcomp"})
# Words that may stand between a time and the "when" of a clause about it
# ("last fall, just when ..."): `_when_clauses`.
WHEN_GAP = frozenset({"just", "back"})
# Rule 4: how a predicate hangs on the predicate an expression of its
# sentence dates, (part of speech, "below"/"above" it, the dependency next to
# the predicate), for the ways it shares that time, as (TimeML training links
# found; TB-Dense right/wrong): an event noun in a phrase of it (79; 6/2,
# "killed Friday in an attack"), a verb in a clause under it (12; 6/2), an
# event noun whose relative clause is dated (8; 0/0). Left out, as wrong
# more often than right on TB-Dense: an event noun as its object (39; 0/2)
# or subject (17; 0/1), a verb in a phrase of it (41; 1/2) or above it
# through a phrase (26; 0/4), its subject's head (15; 0/2), a conjoined head
# (5; 0/1), content clauses (38; 1/8).
NEIGHBOUR_POS = frozenset({"NOUN", "VERB"})
# a clause that describes a noun: what it dates stays inside it
CLAUSE_OF_A_NOUN = frozenset({"relcl", "acl"})
NEIGHBOUR_PATHS = frozenset(
    {
        ("NOUN", "below", "prep"),
        ("NOUN", "below", "nsubjpass"),
        ("NOUN", "above", "relcl"),
        ("NOUN", "above", "prep"),
        ("VERB", "below", "npadvmod"),
        ("VERB", "below", "advcl"),
        ("VERB", "above", "nsubjpass"),
    }
)


def _explicit(doc: Doc, timexes: list[Timex], lemmas: Lemmas) -> dict[int, Choice]:
    """Rule 1: the predicate the parse ties each expression to (anchor ``explicit``).

    A predicate several expressions hang on keeps the one nearest to it that
    names a point of the calendar ("on Friday" over "for two weeks"); the
    others date no event. An expression the parse ties to no predicate is
    left for the next rules, and dates no event if none takes it.
    """
    chosen: dict[int, Choice] = {}
    for tx in timexes:
        relation = relation_of(doc, tx)
        trigger = _dated_predicate(doc, tx, lemmas)
        if trigger is None:
            continue
        choices = []
        if _dates(trigger, tx, relation):
            choices.append((trigger, Choice(tx, "explicit", relation, "explicit")))
        noun = _qualified_event(trigger, tx, lemmas)
        if noun is not None and _dates(noun, tx, relation):
            choices.append((noun, Choice(tx, "explicit", relation, "qualified noun")))
        if not choices:
            continue
        linked = _linked_by_event(trigger, lemmas)
        if linked is not None:
            choices.append((linked[0], Choice(tx, "explicit", linked[1], "through an event")))
        for tok, choice in choices:
            old = chosen.get(tok.i)
            if old is None or _closer(tok.i, choice, old):
                chosen[tok.i] = choice
    return chosen


def _qualified_event(word: Token, tx: Timex, lemmas: Lemmas) -> Token | None:
    """The event noun a dated word of schedule qualifies: "the election due this
    September" (the election is in September), "a summit set for April"."""
    head = word.head
    if word.dep_ not in QUALIFIER_DEPS or head.i == word.i or inside(tx, head):
        return None
    if lemmas(word) not in QUALIFIER_LEMMAS and word.lower_ not in QUALIFIER_LEMMAS:
        return None
    return head if is_event_noun(head, lemmas(head)) else None


def _linked_by_event(noun: Token, lemmas: Lemmas) -> tuple[Token, Relation] | None:
    """The verb a dated event noun is tied to by a word of time, and that relation.

    "had worsened since an inspection last October": the inspection is
    dated October, and the worsening goes on since that time.
    """
    prep = noun.head
    if noun.pos_ != "NOUN" or noun.dep_ != "pobj" or prep.dep_ != "prep":
        return None
    relation = relation_words().get(prep.lower_)
    if relation is None or relation in ("for", "during") or prep.head.pos_ != "VERB":
        return None
    return prep.head, relation


def _dated_predicate(doc: Doc, tx: Timex, lemmas: Lemmas) -> Token | None:
    """The predicate the parse ties an expression to, if it ties it to one."""
    trigger, anchor = governor(doc, tx, lemmas)
    if trigger is None or anchor != "explicit":
        return None
    return _content_of(trigger, tx, lemmas)


def _content_of(verb: Token, tx: Timex, lemmas: Lemmas) -> Token:
    """The predicate expected or intended, when the time sits inside what is expected.

    "expected revenue in the first quarter to fall": the parse hangs the
    quarter on "expected", but it is when revenue falls; the time between a
    verb of belief or intention's object and its infinitive is the
    infinitive's.
    """
    if not _expects(verb, lemmas):
        return verb
    objects = [c.i for c in verb.children if c.dep_ == "dobj"]
    if not objects or min(objects) > tx.root:
        return verb
    later = [c for c in verb.children if c.dep_ == "xcomp" and c.i > tx.root and c.pos_ == "VERB"]
    return later[0] if later else verb


def _expects(verb: Token, lemmas: Lemmas) -> bool:
    """A verb of belief or intention ("expect", "plan"): its content has a time of its own."""
    sense = cue_verbs().get(lemmas(verb))
    return sense is not None and sense.category in CONTENT_TIME_CATEGORIES


def _dates(trigger: Token, tx: Timex, relation: Relation) -> bool:
    """Whether an expression the parse ties to ``trigger`` says when it happened.

    Not "now", "recently", "the current ...": a state goes on around them
    (right 0 times in 13 on the training gold, wrong 7); not a frequency
    ("every month": 0 right, 5 wrong, says how often); not a copula with
    nothing to hold (no event), nor a state adjective said to be so "on" a
    time (right 1 time in 4; "weak during the quarter" keeps its date).
    """
    if tx.norm.value in REFERENCE_VALUES or tx.norm.type == "SET" or trigger.pos_ == "AUX":
        return False
    return trigger.pos_ != "ADJ" or relation != "on"


def _closer(trigger: int, new: Choice, old: Choice) -> bool:
    """Whether ``new`` dates ``trigger`` better than ``old``: "on" first, a point, then nearer."""
    return _rank(trigger, new) < _rank(trigger, old)


def _rank(trigger: int, choice: Choice) -> tuple[bool, bool, int]:
    tx = choice.timex
    if tx is None:
        return (True, True, 0)
    return (choice.relation != "on", tx.norm.type not in POINT_TYPES, abs(tx.root - trigger))


def _same_clause(
    doc: Doc, chosen: dict[int, Choice], lemmas: Lemmas
) -> Iterator[tuple[Token, Choice]]:
    """Rule 2: predicates that share their clause's time with an explicitly dated one.

    Only where the training gold shows the time holds for both (anchor
    ``sentence``): a speech verb joined to a dated one ("said Friday and
    added"), a verb joined to a dated verb, the verb a dated clause of
    purpose or time hangs on ("left Monday after meeting"), and the verb
    whose complement is dated ("plans to vote Friday"). The content of a
    speech verb, relative clauses and the nouns that are arguments keep
    their own times.
    """
    for i, choice in list(chosen.items()):
        tx = choice.timex
        if tx is None or choice.relation != "on" or tx.norm.type not in POINT_TYPES:
            continue
        dated = doc[i]
        if dated.pos_ != "VERB":
            continue
        near = [(c, c.dep_) for c in dated.children if c.dep_ in SHARING_CHILD_DEPS]
        if dated.dep_ in SHARING_HEAD_DEPS and dated.head.pos_ == "VERB":
            near.append((dated.head, f"head of {dated.dep_}"))
        for tok, how in near:
            if tok.i in chosen or tok.pos_ != "VERB":
                continue
            if tok.dep_ == "conj" and is_report(lemmas(tok)) != is_report(lemmas(dated)):
                continue
            if how.startswith("head") and _expects(tok, lemmas):
                continue  # "plans to vote Friday": the plan was made before
            yield tok, Choice(tx, "sentence", "on", how)


def _when_clauses(doc: Doc, timexes: list[Timex]) -> Iterator[tuple[Token, Choice]]:
    """Rule 2, a clause of "when" right after a time: it happened then.

    "in 1979, when the army invaded", "since early December, when crowds
    rallied": whatever the time is to the verb it hangs on, the clause
    names what happened at it.
    """
    for tx in timexes:
        if tx.norm.type not in POINT_TYPES or tx.norm.value in REFERENCE_VALUES:
            continue
        after = doc[tx.root].i
        while after < len(doc) and doc[after].idx < tx.end:
            after += 1
        while after < len(doc) and (doc[after].is_punct or doc[after].lower_ in WHEN_GAP):
            after += 1
        if after == len(doc) or doc[after].lower_ != "when" or doc[after].dep_ != "advmod":
            continue
        verb = doc[after].head
        if verb.pos_ == "VERB" and verb.i > after:
            yield verb, Choice(tx, "sentence", "on", "when clause")


def _path(tok: Token, pred: Token) -> tuple[str, str] | None:
    """How ``tok`` hangs on ``pred``: "below" or "above" it, and the dependency between."""
    node = tok
    while node.i != node.head.i:
        if node.head.i == pred.i:
            return "below", node.dep_
        node = node.head
    node = pred
    while node.i != node.head.i:
        if node.head.i == tok.i:
            return "above", node.dep_
        if node.dep_ in CLAUSE_OF_A_NOUN:
            # "The festival, which began in 1998, has been canceled": the
            # relative clause's time is not the time of the verb above it
            return None
        node = node.head
    return None


def _neighbours(
    doc: Doc, timexes: list[Timex], chosen: dict[int, Choice], lemmas: Lemmas
) -> Iterator[tuple[Token, Choice]]:
    """Rule 4: a predicate next to one an expression of its sentence dates (``sentence``).

    The nearest expression of the sentence that places something on the
    calendar dates a predicate that hangs on its predicate in one of the
    ways of ``NEIGHBOUR_PATHS`` ("spoke on Friday at a rally": the rally; "was
    arrested Friday after a chase": the chase), measured on both training
    golds (see the table).
    """
    usable: dict[int, list[tuple[Timex, Token]]] = {}
    for tx, pred in placing_times(doc, timexes, lemmas):
        if pred is not None:
            usable.setdefault(doc[tx.root].sent.start, []).append((tx, pred))
    for start, pairs in usable.items():
        for tok in doc[start].sent:
            if tok.i in chosen or tok.pos_ not in NEIGHBOUR_POS:
                continue
            if not is_eventish(tok, lemmas(tok)):
                continue
            near = [(tx, pred) for tx, pred in pairs if not inside(tx, tok) and pred.i != tok.i]
            if not near:
                continue
            tx, pred = min(near, key=lambda p: abs(p[0].root - tok.i))
            path = _path(tok, pred)
            if path is not None and (tok.pos_, *path) in NEIGHBOUR_PATHS:
                yield tok, Choice(tx, "sentence", "on", f"{tok.pos_} {path[0]} {path[1]}")


def dated_by_rules(
    doc: Doc,
    timexes: list[Timex],
    quotes: list[Span],
    cues: set[int],
    lemmas: Lemmas,
    published: bool,
) -> dict[int, Choice]:
    """Trigger token -> its one date, by the hand rules 1-4 in order."""
    chosen = _explicit(doc, timexes, lemmas)
    for tok, choice in list(_same_clause(doc, chosen, lemmas)):
        chosen.setdefault(tok.i, choice)
    for tok, choice in _when_clauses(doc, timexes):
        chosen.setdefault(tok.i, choice)
    if published:
        for tok in list(published_reports(doc, set(chosen), quotes, cues, lemmas)):
            chosen[tok.i] = Choice(None, "publication", "on", "publication")
    for tok, choice in list(_neighbours(doc, timexes, chosen, lemmas)):
        chosen.setdefault(tok.i, choice)
    return chosen


def placing_times(
    doc: Doc, timexes: list[Timex], lemmas: Lemmas
) -> list[tuple[Timex, Token | None]]:
    """The expressions that can place an event within a time, with the predicate each dates.

    Relation ``on``, not "now", not a frequency; the predicate is the one
    the parse ties the expression to, None if none (``benchmarks/
    event_link_study.py`` weighs the other predicates' claims to them).
    """
    return [
        (tx, _dated_predicate(doc, tx, lemmas))
        for tx in timexes
        if tx.norm.value not in REFERENCE_VALUES
        and tx.norm.type != "SET"
        and relation_of(doc, tx) == "on"
    ]


def rule_dates(
    doc: Doc,
    timexes: list[Timex],
    quote_spans: list[Span],
    cue_heads: dict[int, int],
    lemmas: Lemmas,
    ref: dt.date | None,
) -> tuple[int, list[Timex], dict[int, Choice]]:
    """The first token of the body, its expressions, and the dates rules 1-4 and 5 give.

    A wire dateline's date is the publication day, not an event's: only the
    expressions after it date events.
    """
    body = _body_start(doc)
    top = doc[body].idx if body < len(doc) else 0
    in_body = [tx for tx in timexes if tx.start >= top]
    chosen = dated_by_rules(doc, in_body, quote_spans, set(cue_heads), lemmas, ref is not None)
    if ref is not None:
        undated = [i for i, c in chosen.items() if c.timex is None and c.anchor == "publication"]
        for i, tx in named_days(doc, in_body, quote_spans, undated, ref).items():
            chosen[i] = Choice(tx, "sentence", "on", "named day")
    return body, in_body, chosen


DATELINE_CHARS = 600  # a dateline stands within the first lines (see `dateline_span`)
DATELINE_ENDS = frozenset({"—", "--", "–", "-"})


def _body_start(doc: Doc) -> int:
    """The first token after a wire dateline ("OSLO, Nov. 12, 2021 (Wire) — "), else 0.

    A dateline's date is the publication day, not an event's, and its words
    are never an event's participants.
    """
    end = 0
    for tok in doc:
        if tok.idx >= DATELINE_CHARS:
            break
        end = tok.i + 1
    found = dateline_span(doc[:end].text)
    if found is None:
        return 0
    for tok in doc[:end]:
        if tok.idx < found[1]:
            continue
        if tok.text in DATELINE_ENDS or "\n" in tok.text:
            return tok.i + 1
    return 0


def find_events(
    doc: Doc,
    timexes: list[Timex],
    quote_spans: list[Span],
    cue_heads: dict[int, int],
    lemmas: Lemmas,
    ref: dt.date | None = None,
) -> tuple[list[RawEvent], list[Timex]]:
    """The dated events of a Doc in text order of their triggers, and the dates none took.

    ``quote_spans`` are the content spans of the Doc's quotes (index = quote
    index) and ``cue_heads`` maps a cue verb's token to its quote index, so an
    event inside a quote or a reported clause can say who reports it.
    ``ref`` is the document's publication day, if it has one (rules 3 and 5).
    """
    events: list[RawEvent] = []
    dates = {doc[tx.root].i for tx in timexes}
    # `Span.ents` rebuilds every entity of the Doc on each call: asked once
    # per event it made the events quadratic in the length of an article.
    place_ents = [
        (p.start_char, p.end_char, p.start, p.end)
        for p in doc.ents
        if p.label_ in EVENT_PLACE_LABELS
    ]
    body, _, chosen = rule_dates(doc, timexes, quote_spans, cue_heads, lemmas, ref)
    used = {c.timex.start for c in chosen.values() if c.timex is not None}
    unused = [tx for tx in timexes if tx.start not in used]
    for i in sorted(chosen):
        choice = chosen[i]
        trigger = doc[i]
        clause = clause_of(trigger)
        if clause[0] < body <= trigger.i:
            clause = (body, clause[1])  # the dateline is not part of the clause
        modality = modality_of(trigger)
        reported_by = reporter_of(trigger, quote_spans, cue_heads)
        if reported_by is not None and modality == "asserted":
            modality = "reported"
        c_start, c_end = doc[clause[0]].idx, doc[clause[1] - 1].idx + len(doc[clause[1] - 1].text)
        places = [(s, e) for cs, ce, s, e in place_ents if c_start <= cs and ce <= c_end]
        events.append(
            RawEvent(
                trigger=i,
                lemma=lemmas(trigger),
                clause=clause,
                timex=choice.timex,
                anchor=choice.anchor,
                relation=choice.relation,
                modality=modality,
                reported_by=reported_by,
                participants=participants_of(trigger, dates, body),
                places=places,
                confidence=CONFIDENCE[choice.anchor],
            )
        )
    return events, unused
