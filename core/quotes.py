"""Finding quotes (direct, mixed, indirect) and their cues and speaker mentions.

Works on one parsed spaCy Doc; offsets here are the Doc's own. Everything is
one pass over the tokens plus work per quote and per cue, so the cost grows
with the text, never with its square.

* Direct quotes come from the paired quotation marks (`marks.find_quoted`).
  Their cue and speaker come first from the words right around the marks
  (“…,” the minister said / X said: “…” / Name: “…” / “…” — Name), which
  survives the parser's mistakes on long quotes and inverted attributions,
  and only then from the parse (the quote is the complement of a cue verb).
* A quote split by its attribution (“…,” she said. “…”) is one quote whose
  ``parts`` are the pieces.
* Indirect quotes are the complements of cue verbs, chosen per verb by the
  frames in ``core/data/cue_verbs.tsv`` ("X said (that) ...", "X vowed to
  ...", "X called for ..."), and the clauses around "according to X".
* A complement that holds a quoted fragment makes one mixed quote.
* A direct quote with no attribution of its own that opens the paragraph after
  an attributed one continues that speaker's turn; short unattributed quotes
  (scare quotes, titles, nicknames) are dropped.
* A line written "Name: text" (headlines, transcripts) is attributed to Name.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Literal

from spacy.tokens import Doc, Token

from .attribution import (
    Finder,
    Marked,
    last_char,
    speaker_for,
    surface_speaker,
    title_cased,
    token_chars,
)
from .cues import SENTENCE_END, SUBJECT_DEPS, CueHit, strip_range, word_count
from .lemmas import Lemmas
from .lexicon import document_nouns
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
MIN_UNATTRIBUTED_WORDS = 5  # shorter unattributed quotes are scare quotes and titles
MIN_CONTINUATION_WORDS = 4
SPLIT_GAP_CHARS = 160  # longest attribution between the two pieces of a split quote
SPLIT_ENDS = frozenset({".", ",", ":", ";", "—"})  # how an attribution between two pieces ends


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


def find_quotes(doc: Doc, lemmas: Lemmas) -> list[RawQuote]:
    """All quotes in the Doc, in text order."""
    f = Finder(doc, lemmas)
    quotes: list[RawQuote] = []
    pending: list[Marked] = []  # marked spans not attributed by their surroundings
    for m in f.marked:
        raw = _direct(f, m)
        if raw is None:
            pending.append(m)
        else:
            m.used = True
            quotes.append(raw)
    quotes = _merge_split(f, quotes, pending)
    quotes.extend(_indirect(f, quotes))
    quotes.extend(_labelled_lines(f, quotes))
    for m in pending:
        if m.used:
            continue
        raw = _unattributed(f, m)
        if raw is not None:
            quotes.append(raw)
    quotes.sort(key=lambda q: q.start)
    _continue_turns(f, quotes)
    quotes = [q for q in quotes if _keep(f, q) and _exact_words(f, q)]
    quotes = _fold(f, quotes)
    _nearby_speakers(f, quotes)
    return quotes


# -- exact words: the quote's parts without its attribution --------------------
TAIL_TOKENS = 8  # longest "said on Friday in an interview" cut out with its cue
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "conj", "parataxis", "relcl", "acl"})
LEAD_PUNCT = ",;:—–-)"  # punctuation a piece after an attribution does not start with
TRAIL_PUNCT = ",;:"  # closing punctuation of a piece that belongs to its attribution
CUT_TRAIL_PUNCT = ",;:—–-("  # ... and of a piece the attribution interrupts


def _exact_words(f: Finder, q: RawQuote) -> bool:
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
    if hi - lo > ASIDE_TOKENS:
        return False
    if hi > lo:
        s, e = token_chars(doc, (lo, hi))
        if any(ps < e and s < pe for ps, pe in parts):
            return False
    return not any(t.text in SENTENCE_END or "\n" in t.text for t in doc[lo:hi])


ASIDE_TOKENS = 25  # longest ", who ...," between a speaker and the cue


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
    for _ in range(6):
        if tok.i == head:
            return True
        if tok.dep_ in CLAUSE_DEPS or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


# -- one record per claim -------------------------------------------------------
def _fold(f: Finder, quotes: list[RawQuote]) -> list[RawQuote]:
    """No two quotes overlap: a claim reported inside another ("said he feared
    that ...") folds into the outer one, which records the inner cue; "issued a
    statement saying ..." keeps the statement's words, the claim itself. A
    claim of its own joined on to another ("60 percent said they prefer X,
    while 30 percent say Y") ends the one before it."""
    doc = f.doc
    quotes.sort(key=lambda q: (q.start, -q.end))
    kept: list[RawQuote] = []
    dropped: set[int] = set()
    live: list[RawQuote] = []  # kept quotes that reach past the current start
    for q in quotes:
        live = [k for k in live if k.end > q.start and id(k) not in dropped]
        alive = True
        for k in live:
            if _parts_overlap(k, q) and k.kind == "indirect":
                _end_before_next_claim(f, k, q)
            if not _parts_overlap(k, q):
                continue
            if _outer(doc, k, q):
                _absorb(k, q)
                alive = False
                break
            _absorb(q, k)
            dropped.add(id(k))
        if alive:
            kept.append(q)
            live.append(q)
    return [q for q in kept if id(q) not in dropped]


JOINED_DEPS = frozenset({"conj", "advcl", "parataxis"})
JOINERS = frozenset({"and", "but", "while", "whereas", "or", "though", "although"})


def _end_before_next_claim(f: Finder, q: RawQuote, nxt: RawQuote) -> None:
    """Cut ``q`` short before the clause that holds the cue of ``nxt`` when that
    clause is joined on to ``q``'s content with a subject of its own."""
    if q.cue is None or nxt.cue is None or nxt.cue.category == "punctuation":
        return
    doc = f.doc
    tok = doc[nxt.cue.head]
    for _ in range(4):
        if tok.dep_ in JOINED_DEPS:
            break
        if tok.head.i == tok.i or tok.i == q.cue.head:
            return
        tok = tok.head
    else:
        return
    if not any(c.dep_ in SUBJECT_DEPS for c in doc[nxt.cue.head].children):
        return
    if any(t.lower_ == "that" for t in doc[tok.left_edge.i : nxt.cue.head]) or (
        tok.dep_ == "conj" and tok.head.dep_ == "ccomp" and tok.head.head.i == q.cue.head
    ):
        return  # "said that A, and that B": both are what was said
    cut = tok.left_edge.i
    while cut > 0 and (doc[cut - 1].is_punct or doc[cut - 1].lower_ in JOINERS):
        cut -= 1
    end = doc[cut - 1].idx + len(doc[cut - 1].text) if cut > 0 else 0
    if not q.start < end < q.end:
        return
    parts = [(s, min(e, end)) for s, e in q.parts if s < end]
    if parts and word_count(doc, *f.layout.tokens((parts[0][0], parts[-1][1]))) >= 3:
        q.parts = parts
        q.end = parts[-1][1]


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
        return a_holds
    if a.start <= b.start and b.end <= a.end and a.cue is None:
        return True  # a longer quote nobody speaks holds one that is attributed
    return _rank(a) >= _rank(b)


def _document_says(cue: Token) -> bool:
    """ "a statement saying ...": a cue that tells what a document says."""
    return cue.dep_ == "acl" and cue.head.lower_ in document_nouns()


def _rank(q: RawQuote) -> tuple[bool, bool, bool, float, int]:
    return (
        q.cue is not None,
        q.speaker is not None,
        q.kind == "direct",
        q.confidence,
        q.end - q.start,
    )


def _absorb(winner: RawQuote, loser: RawQuote) -> None:
    if winner.cue is None and loser.cue is not None:
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


def _direct(f: Finder, m: Marked) -> RawQuote | None:
    """A quote attributed by the words around its marks, direct or mixed."""
    doc = f.doc
    q = m.q
    lead = f.lead_words(m)
    hit = f.attribution_after(m)
    if hit is not None and not _inverted(doc, hit, lead, f.layout.quoted):
        hit = None
    speaker: tuple[int, int] | None = None
    referent = None
    if hit is not None:
        speaker = surface_speaker(doc, hit, m.last)
        if speaker is None:
            speaker, referent = speaker_for(doc, hit)
        if lead > 0:
            # The tax plans are ''profoundly irresponsible,'' said X: a mixed quote
            rng = strip_range(doc, f.lead_start(m), m.last)
            if rng is None:
                return None
            span = token_chars(doc, rng)
            f.used.add(hit.head)
            return RawQuote(
                *span,
                [span],
                "mixed",
                hit,
                speaker,
                CONFIDENCE["mixed"],
                outer=q.outer,
                referent=referent,
            )
    if hit is None and f.label_before(m) is not None:
        hit = None  # Name: “…” - the label speaks, whatever verb came before it
    elif hit is None:
        hit = f.attribution_before(m)
        if hit is not None and hit.head in f.used:
            return None  # “…,” she said, “…”: the second piece of a split quote
        if hit is not None:
            speaker, referent = speaker_for(doc, hit)
            if not _introduces(f.text, doc, hit, m):
                # He called Trump “a con man”: the quote ends a paraphrase
                comp = f.complement(hit)
                if comp is not None and comp[0] <= m.first and m.last - 1 <= comp[1]:
                    return None  # the complement holds it: a mixed quote, made later
                rng = strip_range(doc, hit.end, m.last)
                if rng is None:
                    return None
                span = token_chars(doc, rng)
                f.used.add(hit.head)
                return RawQuote(
                    *span,
                    [span],
                    "mixed",
                    hit,
                    speaker,
                    CONFIDENCE["mixed"],
                    outer=q.outer,
                    referent=referent,
                )
    if hit is None:
        label = f.label_before(m) or f.dash_after(m)
        if label is not None:
            return RawQuote(
                *q.content,
                list(q.parts),
                "direct",
                _punct_cue(f, m),
                label,
                CONFIDENCE["labelled"],
                outer=q.outer,
            )
        found = f.in_complement(m)
        if found is None:
            return None
        hit, comp = found
        speaker, referent = speaker_for(doc, hit)
        inside = word_count(doc, m.first, m.last)
        if word_count(doc, *comp) > inside + 1:
            return None  # a fragment inside a paraphrase: the mixed step takes it
    if hit.head in f.used:
        return None  # the second piece of a split quote: joined to the first
    f.used.add(hit.head)
    return RawQuote(
        *q.content,
        list(q.parts),
        "direct",
        hit,
        speaker,
        CONFIDENCE["direct"],
        outer=q.outer,
        referent=referent,
    )


def _inverted(doc: Doc, hit: CueHit, lead: int, quoted: list[bool]) -> bool:
    """Whether a cue after a quote attributes it (“…,” she said) rather than
    introducing a clause of its own (Trump, who called it “crazy,” said he would win).

    A quote that opens its sentence is always attributed by the cue after it.
    """
    head = doc[hit.head]
    if any(c.dep_ == "auxpass" for c in head.children):
        return False  # “Big Dig” of the harbor was first proposed: not an attribution
    if lead == 0:
        return True
    if head.tag_ == "VBG":
        return False
    return not any(
        c.dep_ in ("ccomp", "xcomp") and c.i > head.i and not quoted[c.i] for c in head.children
    )


def _introduces(text: str, doc: Doc, hit: CueHit, m: Marked) -> bool:
    """Whether a cue before a quote introduces all of it: a colon before the
    opening mark (told reporters: “…”), or a quote that opens with a capital
    right after the cue or a comma (she said, “We …”). A lowercase quote
    continues the sentence around it (calling him “a failed candidate”)."""
    gap = [t for t in doc[hit.end : m.first] if not t.is_space]
    if gap and gap[-1].text == ":":
        return True
    first = next((c for c in text[m.q.content[0] : m.q.content[0] + 8] if c.isalpha()), "")
    if gap and gap[-1].text == "," and not first.isupper():
        # saying, “the advice I give is mine.”: a whole sentence after a comma
        return last_char(text, m.q.content[1]) in SENTENCE_END and (
            word_count(doc, m.first, m.last) >= MIN_CONTINUATION_WORDS
        )
    return first.isupper() and (not gap or gap[-1].text == ",")


def _punct_cue(f: Finder, m: Marked) -> CueHit:
    """The colon or dash that attributes a quote with no verb."""
    doc = f.doc
    i = m.first - 1
    while i > 0 and doc[i].is_space:
        i -= 1
    if doc[i].text != ":":
        i = m.last
        while i < len(doc) - 1 and doc[i].is_space:
            i += 1
    tok = doc[i]
    return CueHit(i, i + 1, i, tok.text, "punctuation", (tok.idx, tok.idx + len(tok.text)))


def _merge_split(f: Finder, quotes: list[RawQuote], pending: list[Marked]) -> list[RawQuote]:
    """“…,” she said. “…” is one quote: join an attributed quote to the unattributed
    pieces that follow its attribution in the same paragraph."""
    if not pending:
        return quotes
    text = f.text
    starts = [m.q.outer[0] for m in pending]
    for q in quotes:
        if q.cue is None or q.outer is None or q.kind == "indirect":
            continue
        cue_char = q.cue.chars[0]
        if cue_char < q.outer[1]:
            continue  # attribution before the quote: nothing to join
        k = bisect.bisect_left(starts, q.outer[1])
        while k < len(pending):
            nxt = pending[k]
            if nxt.used or nxt.q.outer[0] - q.outer[1] > SPLIT_GAP_CHARS:
                break
            gap = text[q.outer[1] : nxt.q.outer[0]]
            if "\n" in gap:
                break
            if q.outer[1] > cue_char and gap.strip(" ,.;:!?—–-") != "":
                break  # after the first join, only adjacent pieces follow
            if q.cue.chars[1] > nxt.q.outer[0] or _gap_end(gap) not in SPLIT_ENDS:
                # a title inside the attribution (told NBC’s “Today” on Monday)
                if q.outer[1] > cue_char or (
                    word_count(f.doc, nxt.first, nxt.last) >= 4
                    and not title_cased(f.doc, nxt.first, nxt.last)
                ):
                    break
                nxt.used = True  # a title inside the attribution, not speech
                k += 1
                continue
            q.parts.extend(nxt.q.parts)
            q.end = nxt.q.content[1]
            q.outer = (q.outer[0], nxt.q.outer[1])
            nxt.used = True
            k += 1
    return quotes


def _gap_end(gap: str) -> str:
    """How the words between two pieces end, looking through the closing mark of a
    title they hold (said on “This Week.” “…”)."""
    return gap.rstrip().rstrip("”\"’'»").rstrip()[-1:]


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _indirect(f: Finder, found: list[RawQuote]) -> list[RawQuote]:
    """Complements of the cues not used yet: indirect quotes, or mixed ones when a
    quoted fragment sits inside."""
    doc = f.doc
    out: list[RawQuote] = []
    direct_spans = sorted((q.start, q.end) for q in found)
    pending = [m for m in f.marked if not m.used]
    p_starts = [m.q.outer[0] for m in pending]
    for hit in f.cues:
        if hit.head in f.used:
            continue
        comp = f.complement(hit)
        if comp is None or not _contentful(doc, comp):
            continue
        span = token_chars(doc, comp)
        if _covers_direct(direct_spans, span):
            continue
        k = bisect.bisect_left(p_starts, span[0])
        inside: list[Marked] = []
        while k < len(pending) and pending[k].q.outer[0] < span[1]:
            inside.append(pending[k])
            k += 1
        if k < len(pending) and _colon_between(f.text, span[1], pending[k].q.outer[0]):
            inside.append(pending[k])  # said she sent the same text: “…”
        kind: QuoteKind = "indirect"
        if inside:
            kind = "mixed"
            for m in inside:
                m.used = True
            span = (span[0], max(span[1], inside[-1].q.outer[1]))
        speaker, referent = speaker_for(doc, hit)
        conf = CONFIDENCE["mixed"] if kind == "mixed" else CONFIDENCE["indirect"]
        out.append(RawQuote(*span, [span], kind, hit, speaker, conf, referent=referent))
        f.used.add(hit.head)
    return out


def _contentful(doc: Doc, rng: tuple[int, int]) -> bool:
    """Whether a complement says something: two words, or one name or noun
    ("endorsed Rubio"), not a lone pronoun ("know what", "campaign for him")."""
    words = word_count(doc, *rng)
    if words >= 2:
        return True
    return words == 1 and any(t.pos_ in ("PROPN", "NOUN", "PRON") for t in doc[rng[0] : rng[1]])


def _colon_between(text: str, end: int, start: int) -> bool:
    """Whether only a colon (and spaces) stands between two offsets on one line."""
    return 0 < start - end <= 4 and text[end:start].strip() == ":"


def _covers_direct(spans: list[Span], span: Span) -> bool:
    """Whether a complement overlaps a quote already found (the cue was the quote's)."""
    k = bisect.bisect_left(spans, (span[0], -1))
    for j in (k - 1, k):
        if 0 <= j < len(spans) and _overlaps(spans[j], span):
            return True
    return k + 1 < len(spans) and _overlaps(spans[k + 1], span)


def _labelled_lines(f: Finder, found: list[RawQuote]) -> list[RawQuote]:
    """Lines written "Name: text" (headlines, interview transcripts)."""
    doc = f.doc
    taken = sorted((q.start, q.end) for q in found)
    out: list[RawQuote] = []
    for tok in doc:
        if tok.text != ":" or f.layout.quoted[tok.i]:
            continue
        label = f.label_at(tok.i)
        if label is None:
            continue
        p_end = f.layout.paras[f.layout.para_of(tok.idx)][1]
        start = tok.idx + 1
        while start < p_end and f.text[start].isspace():
            start += 1
        if start >= p_end or _covers_direct(taken, (start, p_end)):
            continue
        c_first, c_last = f.layout.tokens((start, p_end))
        if word_count(doc, c_first, c_last) < 3:
            continue
        cue = CueHit(tok.i, tok.i + 1, tok.i, ":", "punctuation", (tok.idx, tok.idx + 1))
        out.append(
            RawQuote(start, p_end, [(start, p_end)], "indirect", cue, label, CONFIDENCE["line"])
        )
    return out


def _unattributed(f: Finder, m: Marked) -> RawQuote | None:
    """A quote nobody is said to speak: kept only when long enough to be speech."""
    q = m.q
    if word_count(f.doc, m.first, m.last) < MIN_CONTINUATION_WORDS:
        return None
    return RawQuote(
        *q.content, list(q.parts), "direct", None, None, CONFIDENCE["unattributed"], outer=q.outer
    )


def _continue_turns(f: Finder, quotes: list[RawQuote]) -> None:
    """An unattributed direct quote opening the paragraph after an attributed one
    continues its speaker's turn."""
    text = f.text
    prev: RawQuote | None = None
    for q in quotes:
        if q.cue is not None:
            prev = q if q.speaker is not None else None
            continue
        if prev is None or q.kind != "direct" or q.outer is None:
            continue
        para = f.layout.para_of(q.outer[0])
        if text[f.layout.paras[para][0] : q.outer[0]].strip():
            continue  # not at the paragraph's start
        if para - f.layout.para_of(prev.end) > 1:
            prev = None
            continue
        q.follows = prev if prev.follows is None else prev.follows
        q.confidence = CONFIDENCE["continued"]
        prev = q


NEARBY_PARAGRAPHS = 1  # paragraphs back a quote with no attribution looks for a speaker


def _nearby_speakers(f: Finder, quotes: list[RawQuote]) -> None:
    """A quote kept with no attribution is given the speaker of the attributed
    quote before it in its own or the previous paragraph, else of the one
    after it in its paragraph: news rarely quotes someone it does not name."""
    layout = f.layout
    spoken = [q for q in quotes if q.speaker is not None or q.follows is not None]
    starts = [q.start for q in spoken]
    for q in quotes:
        if q.cue is not None or q.speaker is not None or q.follows is not None:
            continue
        para = layout.para_of(q.start)
        k = bisect.bisect_left(starts, q.start)
        near: RawQuote | None = None
        if k > 0 and para - layout.para_of(spoken[k - 1].end) <= NEARBY_PARAGRAPHS:
            near = spoken[k - 1]
        elif k < len(spoken) and layout.para_of(spoken[k].start) == para:
            near = spoken[k]
        if near is not None:
            q.follows = near if near.follows is None else near.follows
            q.confidence = CONFIDENCE["nearby"]


def _keep(f: Finder, q: RawQuote) -> bool:
    """Drop scare quotes, titles and nicknames: short quotes nobody is said to speak."""
    if q.cue is not None or q.follows is not None or q.kind != "direct":
        return True
    s, e = f.layout.tokens((q.start, q.end))
    return word_count(f.doc, s, e) >= MIN_UNATTRIBUTED_WORDS
