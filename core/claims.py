"""Quotes as claims: the record of a quote found in a Doc (`RawQuote`), how
sure each way of finding one is (`CONFIDENCE`), and the shaping that makes
each record a claim a reader could print.

* Exact words (`exact_words`): a quote's parts never hold its own cue, the
  speaker mention written next to it, or the comma that belongs to them
  (“…deserve better,” she said -> "…deserve better"; "X, aides said, will"
  -> "X" + "will ..."); ``start``/``end`` run from the first part to the last.
* One record per claim (`fold`): no two quotes share words. A claim reported
  inside another ("said he feared that ...") folds into the outer one, which
  keeps the inner cue in ``inner``; "issued a statement saying ..." keeps the
  statement's words; "X seemed to suggest that ..." is X's suggestion, with
  "seemed" kept in ``inner``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from spacy.tokens import Doc, Token

from .attribution import Finder, token_chars
from .content_edges import strip_range
from .cues import SENTENCE_END, CueHit
from .lexicon import document_nouns
from .mentions import ASIDE_WINDOW
from .records import QuoteKind, Span

Finding = Literal[
    "direct", "labelled", "mixed", "indirect", "continued", "nearby", "line", "unattributed"
]


# How sure each way of finding a quote is: the record's ``confidence``.
CONFIDENCE: dict[Finding, float] = {
    "direct": 0.9,  # quotation marks with a cue written next to them
    "labelled": 0.8,  # Name: “…” / “…” — Name
    "mixed": 0.75,  # a paraphrase holding a quoted fragment
    "indirect": 0.7,  # the complement of a cue
    "continued": 0.6,  # a quote opening the paragraph after an attributed one
    "nearby": 0.55,  # a quote with no attribution, given to the speaker next to it
    "line": 0.6,  # a line written "Name: text"
    "unattributed": 0.5,  # a long quote nobody is said to speak
}


@dataclass(slots=True)
class RawQuote:
    """A quote found in one Doc, before speakers are resolved (Doc offsets)."""

    start: int
    end: int
    parts: list[Span]
    kind: QuoteKind
    cue: CueHit | None
    speaker: tuple[int, int] | None  # token range of the speaker mention
    confidence: float
    follows: RawQuote | None = None  # the quote whose speaker's turn this one continues
    outer: Span | None = None  # the quote's marks, for direct quotes
    referent: int | None = None  # token standing for a relative pronoun speaker ("who")
    inner: list[CueHit] = field(default_factory=list)  # cues of claims folded into this one


TAIL_TOKENS = 8  # longest "said on Friday in an interview" cut out with its cue
HANG_STEPS = 6  # dependency steps climbed from a word of that tail to its cue


CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "conj", "parataxis", "relcl", "acl"})


LEAD_PUNCT = ",;:—–-)"  # punctuation a piece after an attribution does not start with


TRAIL_PUNCT = ",;:"  # closing punctuation of a piece that belongs to its attribution


CUT_TRAIL_PUNCT = ",;:—–-("  # ... and of a piece the attribution interrupts


def exact_words(f: Finder, q: RawQuote) -> bool:
    """Cut the attribution out of a quote's parts (“X, aides said, will ...”,
    "X, he said, because Y") and trim the punctuation that belongs to it
    ("...better," she said). False when no words are left."""
    doc = f.doc
    if q.speaker is not None and q.follows is None and q.kind == "direct":
        s, e = token_chars(doc, q.speaker)
        if any(ps < e and s < pe for ps, pe in q.parts):
            q.speaker, q.referent = None, None  # a name inside the quote never speaks it
    parts = list(q.parts)
    cut_at: set[int] = set()  # offsets where an attribution was cut out
    for lo, hi in _attribution(f, q):
        a, b = token_chars(doc, (lo, hi))
        pieces: list[Span] = []
        for ps, pe in parts:
            if pe <= a or ps >= b:
                pieces.append((ps, pe))
                continue
            if ps < a:
                pieces.append((ps, a))
            if pe > b:
                pieces.append((b, pe))
            cut_at.update((a, b))
        parts = pieces
    text = f.text
    trimmed: list[Span] = []
    for ps, pe in parts:
        while ps < pe and (text[ps].isspace() or (ps in cut_at and text[ps] in LEAD_PUNCT)):
            ps += 1
            if ps < pe and text[ps - 1] in LEAD_PUNCT:
                cut_at.add(ps)
        trail = CUT_TRAIL_PUNCT if pe in cut_at else TRAIL_PUNCT
        while pe > ps and (text[pe - 1].isspace() or text[pe - 1] in trail):
            pe -= 1
        if any(c.isalnum() for c in text[ps:pe]):
            trimmed.append((ps, pe))
    if not trimmed:
        return False
    q.parts = trimmed
    q.start, q.end = trimmed[0][0], trimmed[-1][1]
    return True


def _attribution(f: Finder, q: RawQuote) -> list[tuple[int, int]]:
    """Token ranges of a quote's own attribution: its cue with the speaker
    mention written next to it and, when they interrupt the quote, what hangs
    off the cue up to the comma that closes them ("aides said on Friday,")."""
    doc = f.doc
    cue = q.cue if q.cue is not None and q.cue.category != "punctuation" else None
    if cue is not None and "clause" in cue.frames:
        # "X appears to ...": the subject is what is reported, nobody speaks it
        q.speaker, q.referent = None, None
        return [(cue.start, cue.end)]
    spk = q.speaker if q.follows is None and q.kind != "direct" else None
    if spk is not None and cue is not None and spk[0] < cue.start < spk[1]:
        # a mention the parse ran on past its cue ("De Blasio, speaking on
        # WOR710, called Trump a ..."): the speaker is what stands before the cue
        spk = q.speaker = strip_range(doc, spk[0], cue.start)
    out: list[tuple[int, int]] = []
    if cue is not None:
        lo, hi = cue.start, cue.end
        if spk is not None and _next_to(doc, spk, (lo, hi), q.parts):
            lo, hi = min(lo, spk[0]), max(hi, spk[1])
            spk = None
        first = doc[lo].idx
        if any(ps < first < pe for ps, pe in q.parts):
            hi = _cue_tail(doc, cue.head, hi)
        out.append((lo, hi))
    if spk is not None:
        out.append(spk)
    return out


def _next_to(doc: Doc, a: tuple[int, int], b: tuple[int, int], parts: list[Span]) -> bool:
    """Whether two token ranges stand in one stretch of the same sentence,
    with none of the quote's words between them."""
    lo, hi = (a[1], b[0]) if a[1] <= b[0] else (b[1], a[0])
    if hi - lo > ASIDE_WINDOW:  # a ", who ...," aside at most between speaker and cue
        return False
    if hi > lo:
        s, e = token_chars(doc, (lo, hi))
        if any(ps < e and s < pe for ps, pe in parts):
            return False
    return not any(t.text in SENTENCE_END or "\n" in t.text for t in doc[lo:hi])


def _cue_tail(doc: Doc, head: int, hi: int) -> int:
    """Where an attribution that interrupts its quote ends: the comma or dash
    after the cue's own words ("said Friday,", "said in an interview —")."""
    for k in range(hi, min(len(doc), hi + TAIL_TOKENS)):
        tok = doc[k]
        if tok.text in (",", "—", "–", "--", ")"):
            return k + 1
        if tok.is_punct or not _hangs_from(tok, head):
            return hi
    return hi


def _hangs_from(tok: Token, head: int) -> bool:
    """Whether a token depends on the cue without a clause in between."""
    for _ in range(HANG_STEPS):
        if tok.i == head:
            return True
        if tok.dep_ in CLAUSE_DEPS or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def fold(f: Finder, quotes: list[RawQuote]) -> list[RawQuote]:
    """No two quotes overlap: a claim reported inside another ("said he feared
    that ...") folds into the outer one, which records the inner cue; "issued a
    statement saying ..." keeps the statement's words, the claim itself."""
    doc = f.doc
    quotes.sort(key=lambda q: (q.start, -q.end))
    kept: list[RawQuote] = []
    dropped: set[int] = set()
    into: dict[int, RawQuote] = {}  # id of a folded quote -> the claim it folded into
    live: list[RawQuote] = []  # kept quotes that reach past the current start
    for q in quotes:
        live = [k for k in live if k.end > q.start and id(k) not in dropped]
        alive = True
        for k in live:
            if not _parts_overlap(k, q):
                continue
            if _outer(doc, k, q):
                _absorb(doc, k, q)
                into[id(q)] = k
                alive = False
                break
            _absorb(doc, q, k)
            into[id(k)] = q
            dropped.add(id(k))
        if alive:
            kept.append(q)
            live.append(q)
    out = [q for q in kept if id(q) not in dropped]
    for q in out:
        # a turn that continues a folded quote continues the claim it folded into
        while q.follows is not None and id(q.follows) in into:
            q.follows = into[id(q.follows)]
    return out


def _parts_overlap(a: RawQuote, b: RawQuote) -> bool:
    return any(s < e2 and s2 < e for s, e in a.parts for s2, e2 in b.parts)


def _outer(doc: Doc, a: RawQuote, b: RawQuote) -> bool:
    """Whether ``a`` is the claim that ``b`` folds into."""
    a_holds = b.cue is not None and a.start <= b.cue.chars[0] < a.end
    b_holds = a.cue is not None and b.start <= a.cue.chars[0] < b.end
    if a_holds != b_holds:
        inner = b if a_holds else a
        assert inner.cue is not None
        if _document_says(doc[inner.cue.head]):
            return not a_holds  # a statement saying ...: its words are the claim
        if _seeming(doc, a if a_holds else b, inner):
            return not a_holds  # X seemed to blame Y: X's claim is the blame's
        return a_holds
    if a.start <= b.start and b.end <= a.end and a.cue is None:
        return True  # a longer quote nobody speaks holds one that is attributed
    return _rank(a) >= _rank(b)


SEEM_STEPS = 4  # links from "seemed" down to the cue it hedges: seemed to be ready to riff


def _seeming(doc: Doc, outer: RawQuote, inner: RawQuote) -> bool:
    """Whether ``outer`` is "X seemed/appeared to ..." and the verb it hedges is
    ``inner``'s cue ("Cruz seemed to blame the network", "appeared to
    suggest that ..."): the hedged cue is the claim, spoken by X."""
    cue, own = outer.cue, inner.cue
    if cue is None or own is None or "clause" not in cue.frames or "hedge" in cue.frames:
        return False
    tok = doc[own.head]
    for _ in range(SEEM_STEPS):
        if tok.dep_ not in ("xcomp", "acomp") or tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.i == cue.head:
            return True
    return False


def _document_says(cue: Token) -> bool:
    """ "a statement saying ...": a cue that tells what a document says."""
    return cue.dep_ == "acl" and cue.head.lower_ in document_nouns()


def _inside(doc: Doc, q: RawQuote, other: RawQuote) -> bool:
    """Whether another quote's cue or speaker mention is written inside ``q``."""
    spans = [] if other.cue is None else [other.cue.chars]
    if other.speaker is not None:
        spans.append(token_chars(doc, other.speaker))
    return any(s < pe and ps < e for s, e in spans for ps, pe in q.parts)


def _rank(q: RawQuote) -> tuple[bool, bool, bool, float, int]:
    return (
        q.cue is not None,
        q.speaker is not None,
        q.kind == "direct",
        q.confidence,
        q.end - q.start,
    )


def _absorb(doc: Doc, winner: RawQuote, loser: RawQuote) -> None:
    if winner.cue is None and loser.cue is not None and not _inside(doc, winner, loser):
        # The Post responded with a piece entitled “…”: the quote takes the attribution
        winner.cue, winner.speaker, winner.referent = loser.cue, loser.speaker, loser.referent
        winner.confidence = max(winner.confidence, loser.confidence)
        winner.follows = None
        return
    winner.inner.extend(loser.inner)
    cue = loser.cue
    if (
        cue is not None
        and cue.category != "punctuation"
        and cue is not winner.cue
        and all(c.head != cue.head for c in winner.inner)
    ):
        winner.inner.append(cue)
    winner.inner.sort(key=lambda c: c.start)
