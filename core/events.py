"""Dated events: the predicate each temporal expression dates, with who and where.

Every temporal expression dates the predicate that governs it, verbal ("said
Friday") or nominal ("the vote on December 24th", "the 2011 uprising"). The
event carries its participants (agent, patient, other) and places from the
parse, a modality (future with "will/would", negated, hypothetical under
"if", reported inside a quote or a "said that" clause) and the anchor that
says how the date was tied to it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from .lemmas import Lemmas
from .lexicon import event_nouns
from .records import Anchor, Modality, Span
from .timexes import Timex

EVENT_SUFFIXES = ("tion", "sion", "ment", "ance", "ence", "ure", "ing", "al")
FUTURE_AUX = frozenset({"will", "shall", "'ll", "would", "'d", "wo"})
HYPOTHETICAL_AUX = frozenset({"could", "might", "may", "should"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
AGENT_DEPS = frozenset({"nsubj", "csubj"})
PATIENT_DEPS = frozenset({"dobj", "nsubjpass", "attr", "oprd"})
OTHER_DEPS = frozenset({"dative", "iobj"})


@dataclass(slots=True)
class RawEvent:
    trigger: int  # token index
    lemma: str
    clause: tuple[int, int]  # token range
    timex: Timex | None
    anchor: Anchor
    modality: Modality
    reported_by: int | None  # index of the raw quote that reports it
    participants: list[tuple[str, tuple[int, int]]] = field(default_factory=list)
    places: list[tuple[int, int]] = field(default_factory=list)  # token ranges
    confidence: float = 0.7


def is_event_noun(tok: Token, lemma: str) -> bool:
    if tok.pos_ not in ("NOUN",):
        return False
    return lemma in event_nouns() or (len(lemma) > 5 and lemma.endswith(EVENT_SUFFIXES[:6]))


def governor(doc: Doc, tx: Timex, lemmas: Lemmas) -> tuple[Token | None, Anchor]:
    """The predicate a temporal expression dates, and whether the parse says so directly."""
    tok = doc[tx.root]
    for _ in range(6):
        head = tok.head
        if head is tok:
            break
        if head.pos_ in ("VERB", "AUX") and not (tx.start <= head.idx < tx.end):
            return head, "explicit"
        if (
            head.pos_ == "NOUN"
            and not (tx.start <= head.idx < tx.end)
            and is_event_noun(head, lemmas(head))
        ):
            return head, "explicit"
        tok = head
    sent = doc[tx.root].sent
    if sent.root.pos_ in ("VERB", "AUX"):
        return sent.root, "sentence"
    return None, "none"


def _np(tok: Token) -> tuple[int, int]:
    keep = [t.i for t in tok.subtree]
    lo, hi = min(keep), max(keep) + 1
    # cut relative clauses to keep the participant a noun phrase
    for child in tok.children:
        if child.dep_ in ("relcl", "acl") and child.i > tok.i:
            hi = min(hi, child.left_edge.i)
    doc = tok.doc
    while hi > lo + 1 and (doc[hi - 1].is_punct or doc[hi - 1].is_space):
        hi -= 1
    return lo, hi


def _clause(trigger: Token) -> tuple[int, int]:
    """The trigger's clause: its subtree, without sentences of its own (ccomp) for verbs."""
    if trigger.pos_ == "NOUN":
        return _np(trigger)
    toks = [trigger.i]
    for child in trigger.children:
        if child.dep_ in ("ccomp", "parataxis", "advcl") or child.is_punct:
            continue
        toks.extend(t.i for t in child.subtree)
    lo, hi = min(toks), max(toks) + 1
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


def _participants(trigger: Token) -> list[tuple[str, tuple[int, int]]]:
    out: list[tuple[str, tuple[int, int]]] = []
    for child in trigger.children:
        role = None
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


def find_events(
    doc: Doc,
    timexes: list[Timex],
    quote_spans: list[Span],
    cue_heads: dict[int, int],
    lemmas: Lemmas,
) -> list[RawEvent]:
    """One event per temporal expression, dated by it.

    ``quote_spans`` are the content spans of the Doc's quotes (index = quote
    index) and ``cue_heads`` maps a cue verb's token to its quote index, so an
    event inside a quote or a reported clause can say who reports it.
    """
    events: list[RawEvent] = []
    places_all = [e for e in doc.ents if e.label_ in PLACE_LABELS]
    for tx in timexes:
        trigger, anchor = governor(doc, tx, lemmas)
        if trigger is None:
            continue
        clause = _clause(trigger)
        reported_by = None
        modality = _modality(trigger)
        if trigger.i not in cue_heads:
            for qi, (qs, qe) in enumerate(quote_spans):
                if qs <= trigger.idx < qe:
                    reported_by = qi
                    break
        if reported_by is not None and modality == "asserted":
            modality = "reported"
        c_start, c_end = doc[clause[0]].idx, doc[clause[1] - 1].idx + len(doc[clause[1] - 1].text)
        places = [
            (p.start, p.end) for p in places_all if c_start <= p.start_char and p.end_char <= c_end
        ]
        events.append(
            RawEvent(
                trigger=trigger.i,
                lemma=lemmas(trigger),
                clause=clause,
                timex=tx,
                anchor=anchor,
                modality=modality,
                reported_by=reported_by,
                participants=_participants(trigger),
                places=places,
                confidence=0.8 if anchor == "explicit" else 0.5,
            )
        )
    return events
