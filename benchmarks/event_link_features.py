"""Features of the (event, time) claims the rules of `core.events` leave unmade.

Used by ``event_link_study.py`` to measure whether a small scored model can
date more events than the hand rules while keeping precision. For a
predicate the rules leave undated it describes two kinds of claim:

* an expression of its own or a neighbouring sentence dates it (anchor
  ``sentence``): features of the pair (the dependency path between the
  predicate and the expression's predicate, clause boundaries and speech
  verbs on it, whether the expression is inside the predicate's subtree,
  tense, part of speech, the expression's type and granularity and where it
  falls against the publication day, the preposition before it, distance);
* it happened on the publication day (anchor ``publication``): features of
  the predicate alone (tense, clause, speech verbs above it, the times its
  sentence names, how far into the story it stands).

Each feature is a name; a claim's score is the logistic of the sum of the
weights of its features; a claim is made when its score reaches its kind's
threshold.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsclaims.core.event_words import is_event_noun, is_eventish, is_report
from newsclaims.core.lemmas import Lemmas
from newsclaims.core.lexicon import cue_verbs, event_nouns
from newsclaims.core.timex3 import bounds
from newsclaims.core.timexes import Timex

# The kinds of claim the model weighs: a body expression, the publication day.
PAIR = "pair"
DCT = "dct"
# Values that place nothing on the calendar ("now", "recently"), and the
# type of a frequency: such an expression dates no event.
REFERENCE_VALUES = frozenset({"PRESENT_REF", "PAST_REF", "FUTURE_REF"})
# Dependencies that open a clause of their own: on the path between a
# predicate and a time they say the time may belong to another predicate.
CLAUSE_DEPS = frozenset({"ccomp", "relcl", "advcl", "acl", "xcomp", "parataxis", "conj", "pcomp"})
# Auxiliaries and modals that mark tense or mood, as features.
TENSE_AUX = frozenset({"will", "would", "have", "has", "had", "could", "may", "might", "should"})
# Words of the sentence that place a report at the story's time.
NOW_WORDS = frozenset({"today", "tonight", "now", "currently", "this"})
# How many sentences apart a time and a predicate may be (TB-Dense pairs a
# time with the events of its own and the neighbouring sentences).
SENTENCE_REACH = 1


@dataclass(frozen=True, slots=True)
class Candidate:
    """A claim the model may make: ``trigger`` happened within ``timex`` (None: the
    publication day), with its features."""

    trigger: int
    timex: Timex | None
    features: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class LinkModel:
    """The fitted weights of each kind of claim and the score each must reach."""

    weights: dict[str, dict[str, float]]
    thresholds: dict[str, float]

    def score(self, kind: str, features: tuple[str, ...]) -> float:
        w = self.weights.get(kind, {})
        z = sum(w.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def holds(self, kind: str, score: float) -> bool:
        return score >= self.thresholds.get(kind, 2.0)


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if n <= edge:
            return str(edge)
    return f">{edges[-1]}"


def _against(value: str, ref: dt.date | None) -> str:
    """Where an expression's days fall against the publication day."""
    if ref is None:
        return "noref"
    start, end = bounds(value)
    if start is None or end is None:
        return "open"
    try:
        s = dt.date.fromisoformat(start[:10])
        e = dt.date.fromisoformat(end[:10])
    except ValueError:
        return "open"
    if e < ref:
        return "past"
    if s > ref:
        return "future"
    return "today" if s == e == ref else "around"


def _chain(tok: Token) -> list[Token]:
    out = [tok]
    while out[-1].head.i != out[-1].i:
        out.append(out[-1].head)
    return out


def _tense(tok: Token) -> list[str]:
    auxes = sorted(
        {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass") and c.lower_ in TENSE_AUX}
    )
    out = [f"aux={a}" for a in auxes]
    if any(c.dep_ == "neg" for c in tok.children):
        out.append("neg")
    return out


def _word_class(tok: Token, lemma: str) -> str:
    sense = cue_verbs().get(lemma)
    if sense is not None and tok.pos_ == "VERB":
        return f"verb={sense.category}"
    if tok.pos_ == "NOUN":
        cls = event_nouns().get(lemma)
        return f"noun={cls or ('suffix' if is_event_noun(tok, lemma) else 'other')}"
    return f"pos={tok.pos_}"


def _prep_before(doc: Doc, tx: Timex) -> str:
    first = doc[tx.root].left_edge
    word = first.lower_ if first.pos_ == "ADP" else ""
    if not word and first.i > 0 and doc[first.i - 1].pos_ == "ADP":
        word = doc[first.i - 1].lower_
    return f"prep={word or 'none'}"


def pair_features(
    doc: Doc, tok: Token, tx: Timex, gov: Token | None, lemmas: Lemmas, ref: dt.date | None
) -> tuple[str, ...]:
    """What the model knows of the claim "``tok`` happened within ``tx``".

    ``gov`` is the predicate the parse ties the expression to (None: none).
    """
    root = doc[tx.root]
    lemma = lemmas(tok)
    when = _against(tx.norm.value, ref)
    f = ["bias", f"tag={tok.tag_}", f"dep={tok.dep_}", _word_class(tok, lemma)]
    f += _tense(tok)
    f += [f"type={tx.norm.type}", f"gran={tx.norm.granularity}", f"when={when}"]
    f += [f"tag*when={tok.tag_}*{when}", _prep_before(doc, tx)]
    if is_report(lemma):
        f.append("report")
    sent_gap = root.sent.start - tok.sent.start
    if sent_gap:
        f.append("tx_sent=" + ("next" if sent_gap > 0 else "prev"))
        f.append(f"dep*sent={tok.dep_}*{'next' if sent_gap > 0 else 'prev'}")
        return tuple(f)
    f.append("after" if tx.root > tok.i else "before")
    f.append(f"dist={_bucket(abs(tx.root - tok.i), (2, 4, 8, 15))}")
    others = sum(1 for t in doc[tok.sent.start : tok.sent.end] if t.ent_type_ in ("DATE", "TIME"))
    f.append(f"timex_words={_bucket(others, (2, 5))}")
    target = gov if gov is not None else root
    f.append("gov=none" if gov is None else f"gov={gov.pos_}")
    if gov is not None and is_report(lemmas(gov)):
        f.append("gov_report")
    up_chain = _chain(tok)
    target_chain = _chain(target)
    ids = {t.i for t in target_chain}
    lca = next((t for t in up_chain if t.i in ids), None)
    if lca is None:
        f.append("path=none")
        return tuple(f)
    up = up_chain[: [t.i for t in up_chain].index(lca.i)]
    down = target_chain[: [t.i for t in target_chain].index(lca.i)]
    f.append(f"up={_bucket(len(up), (0, 1, 2))}")
    f.append(f"down={_bucket(len(down), (0, 1, 2))}")
    f += [f"up:{t.dep_}" for t in up]
    f += [f"down:{t.dep_}" for t in down]
    first_up = up[0].dep_ if up else "-"
    last_down = down[-1].dep_ if down else "-"
    f.append(f"edge={first_up}|{last_down}")
    f.append(f"pos*edge={tok.pos_}*{first_up}|{last_down}")
    if any(t.dep_ in CLAUSE_DEPS for t in up + down):
        f.append("clause_between")
    if any(is_report(lemmas(t)) for t in [*up[1:], lca] if t.i != tok.i and t.pos_ == "VERB"):
        f.append("report_above")
    if tok.left_edge.i <= tx.root <= tok.right_edge.i:
        f.append("tx_in_subtree")
    if lca.i == tok.i:
        f.append("lca=self")
    elif lca.i == target.i:
        f.append("lca=gov")
    return tuple(f)


def dct_features(
    doc: Doc,
    tok: Token,
    sent_timexes: list[Timex],
    sentence_no: int,
    quoted: bool,
    lemmas: Lemmas,
    ref: dt.date | None,
) -> tuple[str, ...]:
    """What the model knows of the claim "``tok`` happened on the publication day"."""
    lemma = lemmas(tok)
    f = ["bias", f"tag={tok.tag_}", f"dep={tok.dep_}", _word_class(tok, lemma)]
    f += _tense(tok)
    f.append(f"sent_no={_bucket(sentence_no, (0, 1, 2, 4, 8))}")
    report = is_report(lemma)
    if report:
        f += ["report", f"report*tag={tok.tag_}", f"report*dep={tok.dep_}"]
    if quoted:
        f.append("quoted")
    head = tok.head
    if head.i != tok.i:
        f.append(f"head_tag={head.tag_}")
        if is_report(lemmas(head)) and head.pos_ == "VERB":
            f += ["under_report", f"under_report*tag={tok.tag_}", f"under_report*dep={tok.dep_}"]
    main = tok.dep_ == "ROOT" or (tok.dep_ in ("conj", "advcl") and head.dep_ == "ROOT")
    f.append(f"main*tag={main}*{tok.tag_}")
    whens = sorted({_against(tx.norm.value, ref) for tx in sent_timexes})
    f += [f"sent_when={w}" for w in whens] or ["sent_when=none"]
    f += [f"tag*sent_when={tok.tag_}*{w}" for w in whens]
    if any(t.lower_ in NOW_WORDS for t in tok.sent):
        f.append("now_word")
    return tuple(f)


def candidates(
    doc: Doc,
    placing: list[tuple[Timex, Token | None]],
    taken: set[int],
    quoted: set[int],
    lemmas: Lemmas,
    ref: dt.date | None,
) -> Iterator[Candidate]:
    """Every claim the model may make for the predicates the rules left undated.

    ``placing`` are the expressions usable as an event's time, each with
    the predicate the parse ties it to (`events.placing_times`); ``quoted``
    holds the tokens inside quotes.
    """
    timexes = [tx for tx, _ in placing]
    governors = {tx.root: gov for tx, gov in placing}
    sents = list(doc.sents)
    by_sent: dict[int, list[Timex]] = {}
    sent_no = {s.start: n for n, s in enumerate(sents)}
    for tx in timexes:
        by_sent.setdefault(sent_no[doc[tx.root].sent.start], []).append(tx)
    for n, sent in enumerate(sents):
        near = [
            tx
            for k in range(n - SENTENCE_REACH, n + SENTENCE_REACH + 1)
            for tx in by_sent.get(k, [])
        ]
        for tok in sent:
            if tok.i in taken or tok.pos_ not in ("VERB", "NOUN", "ADJ"):
                continue
            if not is_eventish(tok, lemmas(tok)):
                continue
            if any(tx.start <= tok.idx < tx.end for tx in near):
                continue
            for tx in near:
                feats = pair_features(doc, tok, tx, governors.get(tx.root), lemmas, ref)
                yield Candidate(tok.i, tx, feats)
            if ref is not None:
                own = by_sent.get(n, [])
                feats = dct_features(doc, tok, own, n, tok.i in quoted, lemmas, ref)
                yield Candidate(tok.i, None, feats)
