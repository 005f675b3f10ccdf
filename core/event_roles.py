"""Who, where and how an event is told: the parts of an event record besides its date.

`events` finds the dated events; this module reads, from the parse, the
clause a trigger heads, its participants by dependency role (agent, patient,
other; never a temporal expression, never a dateline before a dash), its
modality, and the quote that reports it.
"""

from __future__ import annotations

from spacy.tokens import Token

from .records import Modality, ParticipantRole, Span
from .syntax import EVENT_PLACE_LABELS, FUTURE_AUX, TokenRange

HYPOTHETICAL_AUX = frozenset({"could", "might", "may", "should"})
AGENT_DEPS = frozenset({"nsubj", "csubj"})
PATIENT_DEPS = frozenset({"dobj", "nsubjpass", "attr", "oprd"})
OTHER_DEPS = frozenset({"dative", "iobj"})
# Clauses that tell events of their own, left out of a verb's clause.
CLAUSE_DEPS = frozenset({"ccomp", "parataxis", "advcl"})


def noun_phrase(tok: Token) -> TokenRange:
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


def clause_of(trigger: Token) -> TokenRange:
    """The trigger's clause: its subtree, without sentences of its own (ccomp) for verbs."""
    if trigger.pos_ == "NOUN":
        return noun_phrase(trigger)
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


def modality_of(trigger: Token) -> Modality:
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


def participants_of(
    trigger: Token, dates: set[int], body: int = 0
) -> list[tuple[ParticipantRole, TokenRange]]:
    """Who takes part, by dependency role.

    A temporal expression is never a participant, nor a dateline: tokens
    before ``body`` (the first token after a dateline) are cut off, and a
    participant left empty is dropped.
    """
    out: list[tuple[ParticipantRole, TokenRange]] = []
    for role, (lo, hi) in _roles(trigger, dates):
        lo = max(lo, body)
        if lo < hi:
            out.append((role, (lo, hi)))
    return out


def _roles(trigger: Token, dates: set[int]) -> list[tuple[ParticipantRole, TokenRange]]:
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
            objs = [c for c in child.children if c.dep_ == "pobj" and c.i not in dates]
            if objs:
                out.append(("agent", noun_phrase(objs[0])))
            continue
        if role and child.pos_ not in ("PUNCT",):
            out.append((role, noun_phrase(child)))
    return out


def reporter_of(trigger: Token, quote_spans: list[Span], cue_heads: dict[int, int]) -> int | None:
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
