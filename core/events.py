"""Dated events: the predicates temporal expressions date, with who and where.

Every temporal expression dates at least one event, so none is lost:

- its governing predicate, verbal ("said Friday"), nominal ("the vote on
  December 24th", "the 2011 uprising", "today's quiz") or a state adjective
  ("payable Dec. 15"), and under a copula the state it holds ("was weak
  during the quarter", "was a trustee until 1974"): anchor ``explicit``;
- when the parse shows no predicate above it, the nearest predicate of its
  sentence (anchor ``sentence``), and with no predicate at all in the
  sentence (a headline that is only a date), the expression's own head
  (anchor ``none``);
- the other event predicates of a sentence that holds expressions (not a
  copula, not a noun modifier; a predicative adjective is one) are dated by
  each of them, nearest first
  (anchor ``sentence``): news sentences tell what happened at the time they
  name, and the TimeML gold links 73% of its event-time pairs within a
  sentence. A frequency ("every month") dates only its own predicate, and a
  speech verb takes no date from a relative clause ("said the mayor, who
  has pushed since 2023");
- predicates of undated sentences take the date named last before them
  (anchor ``inherited``): a day to the next two sentences whole and to main
  verbs further on, a month or a year to the next sentence only; "now" does
  not carry over, and nothing carries over to a state ("the roads were
  unsafe"). A main speech verb takes the date of the last dated report
  ("said Friday ... he said");
- main speech verbs after the lead also take the story's day, the first day
  the lead names ("voted on Friday ... , officials said"): anchor
  ``inherited``.

Each event carries its participants (agent, patient, other) and places from
the parse, a modality (future with "will/would", negated, hypothetical under
"if" or "could", reported inside a quote or a "said that" clause, with the
reporting quote) and the anchor.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from .dates import dateline_span
from .lemmas import Lemmas
from .lexicon import cue_verbs, event_nouns
from .records import Anchor, Modality, ParticipantRole, Span
from .syntax import EVENT_PLACE_LABELS, FUTURE_AUX, NOUN_MODIFIER_DEPS, TokenRange
from .timexes import Timex

EVENT_SUFFIXES = ("tion", "sion", "ment", "ance", "ence", "ure", "ing")
HYPOTHETICAL_AUX = frozenset({"could", "might", "may", "should"})
AGENT_DEPS = frozenset({"nsubj", "csubj"})
PATIENT_DEPS = frozenset({"dobj", "nsubjpass", "attr", "oprd"})
OTHER_DEPS = frozenset({"dative", "iobj"})
# A date attached this way qualifies its head noun ("the 2011 uprising").
CLAUSE_DEPS = frozenset({"ccomp", "parataxis", "advcl"})
# A date attached this way qualifies its head noun ("the 2011 uprising").
NOUN_DATE_DEPS = frozenset({"compound", "poss", "nummod"})
# A main verb that spaCy tags AUX ("was" in "it was a great day") is an event
# when it heads a clause.
AUX_CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "conj", "advcl", "relcl", "xcomp"})
# How sure a date is the event's, by how it was tied (link precision on the
# training gold: explicit 0.59, sentence 0.14, inherited 0.06; the gold
# links only some of the events a date is about, so these are floors).
CONFIDENCE: dict[Anchor, float] = {
    "explicit": 0.8,
    "sentence": 0.4,
    "inherited": 0.2,
    "publication": 0.5,
    "none": 0.3,
}


@dataclass(slots=True)
class RawEvent:
    trigger: int  # token index
    lemma: str
    clause: TokenRange
    timex: Timex | None
    anchor: Anchor
    modality: Modality
    reported_by: int | None  # index of the raw quote that reports it
    participants: list[tuple[ParticipantRole, TokenRange]] = field(default_factory=list)
    places: list[TokenRange] = field(default_factory=list)
    confidence: float = 0.7


# The only parts of speech `is_eventish` can accept: checked before a lemma
# is looked up, since looking one up costs more than the rest of the test.
EVENTISH_POS = frozenset({"VERB", "NOUN", "ADJ"})


def is_event_noun(tok: Token, lemma: str) -> bool:
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


def _inside(tx: Timex, tok: Token) -> bool:
    return tx.start <= tok.idx < tx.end


def governor(doc: Doc, tx: Timex, lemmas: Lemmas) -> tuple[Token | None, Anchor]:
    """The predicate a temporal expression dates, and whether the parse says so directly.

    A date that qualifies a noun ("the 1996 campaign", "today's quiz") dates
    that noun whatever it is; an adjective close above it is a state the
    date holds for ("payable Dec. 15", "due Friday").
    """
    tok = doc[tx.root]
    if tok.dep_ in NOUN_DATE_DEPS and tok.head.pos_ == "NOUN" and not _inside(tx, tok.head):
        return tok.head, "explicit"
    for step in range(6):
        head = tok.head
        if head.i == tok.i:
            break
        if not _inside(tx, head) and (
            head.pos_ in ("VERB", "AUX")
            or is_event_noun(head, lemmas(head))
            or (head.pos_ == "ADJ" and step < 2)
        ):
            return _predicate_of(head, tx), "explicit"
        tok = head
    return _nearest_predicate(doc, tx, lemmas)


def _predicate_of(head: Token, tx: Timex) -> Token:
    """The predicate a copula holds: "was weak during the quarter" dates "weak".

    TimeML marks the state, not the copula ("has been independent since
    1901", "was a trustee until 1974"); in the training gold explicit links
    to a copula were right 5 times in 113.
    """
    if head.pos_ != "AUX":
        return head
    for child in head.children:
        if _inside(tx, child):
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
        if _inside(tx, tok) or not is_predicate(tok, lemmas(tok)):
            continue
        if best is None or abs(tok.i - root.i) < abs(best.i - root.i):
            best = tok
    if best is not None:
        return best, "sentence"
    return root, "none"


def _np(tok: Token) -> TokenRange:
    keep = [t.i for t in tok.subtree]
    lo, hi = min(keep), max(keep) + 1
    # cut relative clauses to keep the participant a noun phrase, and places
    # ("two suspects in Lisbon"), which the event lists apart
    for child in tok.children:
        if child.i < tok.i:
            continue
        if child.dep_ in ("relcl", "acl") or (
            child.dep_ == "prep" and any(g.ent_type_ in EVENT_PLACE_LABELS for g in child.children)
        ):
            hi = min(hi, child.left_edge.i)
    doc = tok.doc
    for k in range(tok.i - 1, lo - 1, -1):  # a dateline before a dash is not the subject
        if doc[k].text in ("—", "--", "–") or "\n" in doc[k].text:
            lo = k + 1
            break
    while hi > lo + 1 and (doc[hi - 1].is_punct or doc[hi - 1].is_space):
        hi -= 1
    return lo, hi


def _clause(trigger: Token) -> TokenRange:
    """The trigger's clause: its subtree, without sentences of its own (ccomp) for verbs."""
    if trigger.pos_ == "NOUN":
        return _np(trigger)
    lo = hi = trigger.i
    for child in trigger.children:
        if child.dep_ in CLAUSE_DEPS or child.is_punct:
            continue
        lo = min(lo, child.left_edge.i)
        hi = max(hi, child.right_edge.i)
    hi += 1
    doc = trigger.doc
    while hi > lo + 1 and (doc[hi - 1].is_punct or doc[hi - 1].is_space):
        hi -= 1
    while lo < hi - 1 and (doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    return lo, hi


def _modality(trigger: Token) -> Modality:
    aux = {c.lower_ for c in trigger.children if c.dep_ in ("aux", "auxpass")}
    if any(c.dep_ == "neg" for c in trigger.children):
        return "negated"
    if aux & FUTURE_AUX or ("to" in aux and trigger.dep_ == "xcomp"):
        return "future"
    for anc in [trigger, *trigger.ancestors]:
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in anc.children):
            return "hypothetical"
    if aux & HYPOTHETICAL_AUX:
        return "hypothetical"
    return "asserted"


def _participants(trigger: Token, dates: set[int]) -> list[tuple[ParticipantRole, TokenRange]]:
    """Who takes part, by dependency role; a temporal expression is never a participant."""
    out: list[tuple[ParticipantRole, TokenRange]] = []
    for child in trigger.children:
        if child.i in dates:
            continue
        role: ParticipantRole | None = None
        if child.dep_ in AGENT_DEPS or (trigger.pos_ == "NOUN" and child.dep_ == "poss"):
            role = "agent"
        elif child.dep_ in PATIENT_DEPS:
            role = "patient"
        elif child.dep_ in OTHER_DEPS:
            role = "other"
        elif child.dep_ == "agent":
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                out.append(("agent", _np(objs[0])))
            continue
        if role and child.pos_ not in ("PUNCT",):
            out.append((role, _np(child)))
    return out


def _reporter(trigger: Token, quote_spans: list[Span], cue_heads: dict[int, int]) -> int | None:
    """The quote that reports the event: one it sits in, or a cue verb it is the complement of."""
    if trigger.i in cue_heads:
        return None  # the cue's own event is the telling, not something told
    for qi, (qs, qe) in enumerate(quote_spans):
        if qs <= trigger.idx < qe:
            return qi
    child = trigger
    for anc in trigger.ancestors:
        if anc.i in cue_heads and child.dep_ in ("ccomp", "parataxis", "xcomp"):
            return cue_heads[anc.i]
        child = anc
    return None


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


def _reporting(lemma: str) -> bool:
    """A speech verb ("say", "report", "warn", "vow": the speech cues of cue_verbs.tsv)."""
    sense = cue_verbs().get(lemma)
    return sense is not None and sense.category == "speech"


def _clause_bounds(tok: Token) -> TokenRange | None:
    """The token range of the relative clause ``tok`` sits in, if any.

    A date inside "who has pushed for it since 2023" dates that clause; the
    speech verb of the sentence ("said Mayor Ruiz, who ...") was not spoken
    then. Other predicates still take it: the TimeML gold links them often
    enough (leaving them out costs a twentieth of the links found).
    """
    for node in [tok, *tok.ancestors]:
        if node.dep_ in ENCLOSED_DEPS:
            return node.left_edge.i, node.right_edge.i + 1
    return None


def _quoted(tok: Token, quotes: list[Span]) -> bool:
    """Whether a token sits inside one of the quotes' content spans."""
    return any(qs <= tok.idx < qe for qs, qe in quotes)


def _pairs(
    doc: Doc, timexes: list[Timex], quotes: list[Span], lemmas: Lemmas
) -> Iterator[tuple[Token, Timex, Anchor]]:
    """(trigger, expression, anchor) for every event a temporal expression dates."""
    dated: set[int] = set()
    by_sent: dict[int, list[Timex]] = {}
    said: list[Timex] = []  # expressions that date a reporting verb, in text order
    governed: list[Timex] = []  # days that hang on a predicate, in text order
    for tx in timexes:
        trigger, anchor = governor(doc, tx, lemmas)
        if trigger is None:
            continue
        dated.add(trigger.i)
        if anchor == "explicit" and tx.norm.granularity in DAY_GRANULARITIES:
            governed.append(tx)
        if anchor == "explicit" and _reporting(lemmas(trigger)):
            said.append(tx)
        by_sent.setdefault(doc[tx.root].sent.start, []).append(tx)
        yield trigger, tx, anchor
    for start, txs in by_sent.items():
        spread = [tx for tx in txs if tx.norm.type in SPREADING]
        bounds = [_clause_bounds(doc[tx.root]) for tx in spread]
        for tok in doc[start].sent:
            if tok.i in dated or tok.pos_ not in EVENTISH_POS:
                continue
            if not is_eventish(tok, lemmas(tok)):
                continue
            if any(_inside(tx, tok) for tx in txs):
                continue
            speech = _reporting(lemmas(tok))
            near = sorted(range(len(spread)), key=lambda k: abs(spread[k].root - tok.i))
            for k in near:
                if speech and spread[k].norm.type == "DURATION":
                    continue  # "said the strike lasted three weeks": how long it lasted
                b = bounds[k]
                outside = b is not None and not b[0] <= tok.i < b[1]
                if outside and (
                    speech or spread[k].norm.type == "DURATION" or _quoted(tok, quotes)
                ):
                    continue  # "said the mayor, who has pushed since 2023"
                yield tok, spread[k], "sentence"
    yield from _inherited(doc, by_sent, dated, said, lemmas)
    yield from _told_on_story_day(doc, dated, governed, lemmas)


DATELINE_CHARS = 600  # a dateline stands within the first lines (see `dateline_span`)


def _head_text(doc: Doc, chars: int) -> str:
    """The Doc's text up to about ``chars`` characters in.

    `Doc.text` joins every token of the Doc; a dateline only needs the top.
    """
    end = 0
    for tok in doc:
        if tok.idx >= chars:
            break
        end = tok.i + 1
    return doc[:end].text


def _story_day(doc: Doc, governed: list[Timex]) -> Timex | None:
    """The day the lead names first: the day the story is about ("... voted on Friday").

    Only a day that hangs on a predicate counts, not the date of a dateline
    (the day of publication) or a headline; ``governed`` holds those days,
    in text order.
    """
    dateline = dateline_span(_head_text(doc, DATELINE_CHARS))
    if dateline is not None:
        governed = [tx for tx in governed if tx.end <= dateline[0] or dateline[1] <= tx.start]
    for n, sent in enumerate(doc.sents):
        if n + 1 >= LEAD_SENTENCES:
            return next((tx for tx in governed if tx.start < sent.end_char), None)
    return governed[0] if governed else None


def _told_on_story_day(
    doc: Doc, dated: set[int], governed: list[Timex], lemmas: Lemmas
) -> Iterator[tuple[Token, Timex, Anchor]]:
    """Main speech verbs after the lead ("..., officials said.") take the story's day too.

    A wire story is told on the day its lead names, however many other
    dates its later sentences hold; the TimeML gold links later reports to
    that day (of the links more than three sentences apart, two thirds go to
    the first day of the lead).
    """
    day = _story_day(doc, governed)
    if day is None:
        return
    for tok in doc[doc[day.root].sent.end :]:
        if tok.i in dated or tok.dep_ != "ROOT" or tok.pos_ != "VERB":
            continue
        if not _reporting(lemmas(tok)):
            continue
        yield tok, day, "inherited"


LEAD_SENTENCES = 3  # sentences at the top in which the story's day is looked for
# Undated sentences after a dated day whose predicates all take it (a third
# sentence's links were right 6 times in 238 on the training gold).
INHERIT_SENTENCES = 2
# Points and stretches of the calendar date other predicates of their
# sentence; "every month" says how often one thing happens, not when others do.
SPREADING = frozenset({"DATE", "TIME", "DURATION"})
# Relative clauses, whose dates a speech verb outside them does not take.
ENCLOSED_DEPS = frozenset({"relcl", "acl"})
# Dates that name a day or a time of it: the "when" of a news story, which
# the sentences after it go on telling. A year or a month carries over to the
# next sentence only, "now" not at all (in the training gold, inherited years
# are right 1 time in 30 over any distance, days 1 in 10).
DAY_GRANULARITIES = frozenset({"day", "part-of-day", "time"})
# Dates that carry over to the next sentence only.
NEXT_SENTENCE_GRANULARITIES = frozenset({"month", "year"})


def _inherited(
    doc: Doc,
    by_sent: dict[int, list[Timex]],
    dated: set[int],
    said: list[Timex],
    lemmas: Lemmas,
) -> Iterator[tuple[Token, Timex, Anchor]]:
    """Predicates of undated sentences take the date the text named last before them.

    A day (or a time of day) carries over to all predicates of the two
    sentences after it, which tell what happened that day, and further on to
    main verbs ("..., he said."); a month or a year only to the next
    sentence (see `_carries`). A main reporting verb with no date of its own
    takes the day of the last report the text dated ("said Friday ... he
    said"), the way the TimeML gold links it; it never takes a year or a date
    of something else (a speech verb deeper in the sentence, "according to",
    "as he added", is right 0 times in 150 that way and is dated like any
    predicate). In the gold 22% of event-time links cross sentences.
    """
    last: Timex | None = None
    distance = 0
    k = 0  # index into ``said`` of the first expression after the current sentence
    for sent in doc.sents:
        while k < len(said) and said[k].start < sent.start_char:
            k += 1
        txs = by_sent.get(sent.start)
        if txs:
            last, distance = txs[-1], 0
            continue
        distance += 1
        report = said[k - 1] if k else None
        carries = last is not None and _carries(last, distance, True)
        if report is None and not carries:
            continue  # nothing to hand on: skip the sentence's tokens
        for tok in sent:
            if tok.i in dated or tok.pos_ not in EVENTISH_POS:
                continue
            if not carries and tok.dep_ != "ROOT":
                continue  # only a main reporting verb can take the report's day
            if not is_eventish(tok, lemmas(tok)):
                continue
            if tok.pos_ == "ADJ":
                continue  # a state takes only its own sentence's dates (0 of 69 inherited right)
            main = tok.pos_ == "VERB" and tok.dep_ == "ROOT"
            if report is not None and main and _reporting(lemmas(tok)):
                yield tok, report, "inherited"
                continue
            if last is not None and _carries(last, distance, main):
                yield tok, last, "inherited"


def _carries(last: Timex, distance: int, main: bool) -> bool:
    """Whether the date named last still dates a predicate ``distance`` undated sentences on.

    A day goes on being the "when" of the story for a while; a month or a
    year only for the next sentence, which often goes on telling it ("The
    plant closed in May. Workers protested."): in the training gold such
    links are right 1 time in 18, as often as a day's two sentences on.
    """
    if last.norm.granularity in DAY_GRANULARITIES:
        return main or distance <= INHERIT_SENTENCES
    return last.norm.granularity in NEXT_SENTENCE_GRANULARITIES and distance == 1


def find_events(
    doc: Doc,
    timexes: list[Timex],
    quote_spans: list[Span],
    cue_heads: dict[int, int],
    lemmas: Lemmas,
) -> list[RawEvent]:
    """The dated events of a Doc, in text order of their triggers.

    ``quote_spans`` are the content spans of the Doc's quotes (index = quote
    index) and ``cue_heads`` maps a cue verb's token to its quote index, so an
    event inside a quote or a reported clause can say who reports it.
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
    seen: set[tuple[int, int]] = set()
    for trigger, tx, anchor in _pairs(doc, timexes, quote_spans, lemmas):
        if (trigger.i, tx.start) in seen:
            continue  # one record per (trigger, date): the first, surest tie wins
        seen.add((trigger.i, tx.start))
        clause = _clause(trigger)
        modality = _modality(trigger)
        reported_by = _reporter(trigger, quote_spans, cue_heads)
        if reported_by is not None and modality == "asserted":
            modality = "reported"
        c_start, c_end = doc[clause[0]].idx, doc[clause[1] - 1].idx + len(doc[clause[1] - 1].text)
        places = [(s, e) for cs, ce, s, e in place_ents if c_start <= cs and ce <= c_end]
        events.append(
            RawEvent(
                trigger=trigger.i,
                lemma=lemmas(trigger),
                clause=clause,
                timex=tx,
                anchor=anchor,
                modality=modality,
                reported_by=reported_by,
                participants=_participants(trigger, dates),
                places=places,
                confidence=CONFIDENCE[anchor],
            )
        )
    events.sort(key=lambda ev: (ev.trigger, ev.timex.start if ev.timex else -1))
    return events
