"""Finding quotes (direct, mixed, indirect) and their cues and speaker mentions.

Works on one parsed spaCy Doc; offsets here are the Doc's own. Direct quotes
come from the paired quotation marks (`marks.find_quoted`); their cue and
speaker come first from the words right around the marks (“…,” the minister
said / X said: “…”), which survives the parser's mistakes on long quotes, and
then from the parse. Indirect quotes are the complements of cue verbs
("X said (that) ...", "according to X, ..."). A cue whose complement holds a
short quoted fragment makes a mixed quote.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from .lemmas import Lemmas
from .lexicon import cue_phrases, cue_verbs
from .marks import QuotedSpan, find_quoted
from .records import QuoteKind, Span

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
# Words allowed between a quote's closing mark and its cue: “…,” the Russia FM said.
ATTRIBUTION_POS = frozenset(
    {
        "DET",
        "PROPN",
        "NOUN",
        "ADJ",
        "PRON",
        "ADP",
        "PART",
        "ADV",
        "NUM",
        "CCONJ",
        "AUX",
        "PUNCT",
        "SPACE",
    }
)
WINDOW = 12  # tokens searched on either side of a quote for its attribution
MIN_UNATTRIBUTED_WORDS = 5  # shorter unattributed quotes are scare quotes and titles


@dataclass(slots=True)
class CueHit:
    """A cue in the text: the token range of its words and what it means."""

    start: int  # token index
    end: int
    head: int  # the token that carries the syntax (the verb, or "according")
    lemma: str
    category: str
    chars: Span  # character span of the cue words


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
    outer: Span | None = None
    notes: list[str] = field(default_factory=list)


def find_cues(doc: Doc, lemmas: Lemmas) -> list[CueHit]:
    """Cue verbs and cue phrases, in order."""
    verbs = cue_verbs()
    phrases = cue_phrases()
    longest = max((len(p) for p in phrases), default=0)
    hits: list[CueHit] = []
    covered = -1
    for tok in doc:
        if tok.i < covered:
            continue
        matched = False
        for n in range(longest, 1, -1):
            words = tuple(t.lower_ for t in doc[tok.i : tok.i + n])
            if len(words) == n and words in phrases:
                last = doc[tok.i + n - 1]
                chars = (tok.idx, last.idx + len(last.text))
                hits.append(CueHit(tok.i, tok.i + n, tok.i, " ".join(words), phrases[words], chars))
                covered = tok.i + n
                matched = True
                break
        if matched or tok.pos_ != "VERB":
            continue
        lemma = lemmas(tok)
        category = verbs.get(lemma)
        if category is not None:
            hits.append(
                CueHit(tok.i, tok.i + 1, tok.i, lemma, category, (tok.idx, tok.idx + len(tok.text)))
            )
    return hits


def subject_of(verb: Token) -> Token | None:
    """The speaker token of a cue verb: its subject, or the subject it shares.

    "adding"/"saying" clauses and coordinated verbs ("... and said") borrow
    the subject of the verb they hang from.
    """
    seen = 0
    tok = verb
    while seen < 3:
        for child in tok.children:
            if child.dep_ in SUBJECT_DEPS:
                return child
        if tok.dep_ in ("conj", "advcl", "xcomp", "parataxis") and tok.head is not tok:
            tok = tok.head
            seen += 1
            continue
        break
    for child in verb.children:  # passive: "was told by X"
        if child.dep_ == "agent":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    return None


def mention_range(tok: Token) -> tuple[int, int]:
    """Token range of the noun phrase headed by ``tok``, without clauses hanging off it."""
    keep = [tok]
    stack = list(tok.children)
    while stack:
        child = stack.pop()
        if child.dep_ in ("relcl", "acl", "advcl", "ccomp") or (
            child.head is tok
            and (child.dep_ == "punct" or (child.dep_ == "prep" and child.lower_ != "of"))
        ):
            continue
        keep.append(child)
        stack.extend(child.children)
    idx = sorted(t.i for t in keep)
    start, end = idx[0], idx[-1] + 1
    doc = tok.doc
    while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    while start < end - 1 and (doc[start].is_punct or doc[start].is_space):
        start += 1
    return start, end


def complement_tokens(hit: CueHit, doc: Doc) -> tuple[int, int] | None:
    """Token range of what a cue introduces: the clause it governs."""
    head = doc[hit.head]
    if hit.lemma == "according to":
        clause = head.head
        if clause is head:
            return None
        skip = {t.i for t in head.subtree}
        toks = [t.i for t in clause.subtree if t.i not in skip]
        return _strip_punct(doc, min(toks), max(toks) + 1) if toks else None
    for child in head.children:
        if child.dep_ == "ccomp" or (child.dep_ == "xcomp" and hit.category != "speech"):
            toks = [t.i for t in child.subtree]
            return _strip_punct(doc, min(toks), max(toks) + 1)
    if head.dep_ in ("parataxis", "ccomp") and head.head is not head:
        # “…,” he said: the parser hung the cue off the quoted clause
        clause = head.head
        skip = {t.i for t in head.subtree}
        toks = [t.i for t in clause.subtree if t.i not in skip]
        return _strip_punct(doc, min(toks), max(toks) + 1) if toks else None
    return None


def _strip_punct(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return (start, end) if start < end else None


def _tokens_in(doc: Doc, span: Span) -> tuple[int, int]:
    """Token range covering a character span."""
    s = doc.char_span(span[0], span[1], alignment_mode="expand")
    if s is None:
        return 0, 0
    return s.start, s.end


def _attribution_after(doc: Doc, close_tok: int, cues: dict[int, CueHit]) -> CueHit | None:
    """The cue right after a quote: “…,” the Russia FM said / “…,” said Lavrov."""
    for i in range(close_tok, min(len(doc), close_tok + WINDOW)):
        tok = doc[i]
        if i in cues:
            return cues[i]
        if tok.text in ".!?" or (tok.text in '“”"«»' and i > close_tok):
            return None
        if tok.pos_ not in ATTRIBUTION_POS:
            return None
    return None


def _attribution_before(doc: Doc, open_tok: int, cues: dict[int, CueHit]) -> CueHit | None:
    """The cue right before a quote: Lavrov said: “…” / she told reporters, “…”."""
    if open_tok == 0:
        return None
    prev = doc[open_tok - 1]
    if prev.text not in (":", ",") and not prev.is_space:
        return None
    for i in range(open_tok - 2, max(-1, open_tok - WINDOW), -1):
        tok = doc[i]
        if i in cues:
            return cues[i]
        if tok.text in '.!?“”"':
            return None
    return None


def _speaker_for(doc: Doc, hit: CueHit) -> tuple[int, int] | None:
    head = doc[hit.head]
    if hit.lemma == "according to":
        to = doc[hit.start + 1]
        for child in to.children:
            if child.dep_ == "pobj":
                return mention_range(child)
        return None
    subj = subject_of(head)
    if subj is None:
        return None
    return mention_range(subj)


# Words that can make up a speaker's noun phrase written next to a cue.
NAME_POS = frozenset({"DET", "PROPN", "NOUN", "ADJ", "PRON", "NUM", "PART"})


def surface_speaker(doc: Doc, hit: CueHit, quote_end: int) -> tuple[int, int] | None:
    """The speaker as written around a cue that follows a quote, without the parse.

    “…,” the Russia FM said -> the words between the quote and the cue;
    “…,” said port director Anna Keller -> the noun phrase right after the cue.
    The parser often mislabels these inversions, so this reads the surface.
    """
    between = [t for t in doc[quote_end : hit.start] if not (t.is_punct or t.is_space)]
    if between:
        if all(t.pos_ in NAME_POS or t.lower_ in ("of", "'s", "’s") for t in between):
            return between[0].i, between[-1].i + 1
        return None
    end = hit.end
    while end < len(doc) and (doc[end].pos_ in NAME_POS or doc[end].lower_ == "of"):
        end += 1
    while end > hit.end and doc[end - 1].lower_ in ("of", "the", "a", "an"):
        end -= 1
    return (hit.end, end) if end > hit.end else None


def _word_count(doc: Doc, start: int, end: int) -> int:
    return sum(1 for t in doc[start:end] if t.is_alpha or t.like_num)


def find_quotes(doc: Doc, lemmas: Lemmas) -> list[RawQuote]:
    """All quotes in the Doc, in text order."""
    text = doc.text
    cues = find_cues(doc, lemmas)
    by_token: dict[int, CueHit] = {}
    for cue in cues:
        for i in range(cue.start, cue.end):
            by_token[i] = cue
    quoted = find_quoted(text)
    used_cues: set[int] = set()
    quotes: list[RawQuote] = []

    complements = {h.head: complement_tokens(h, doc) for h in cues}

    for q in quoted:
        o_start, o_end = _tokens_in(doc, q.outer)
        if o_start >= o_end:
            continue
        hit = _attribution_after(doc, o_end, by_token) or _attribution_before(
            doc, o_start, by_token
        )
        if hit is None:
            hit = _overlapping_cue(doc, q, cues, complements, used_cues)
        speaker = None
        if hit is not None:
            speaker = _speaker_for(doc, hit)
            if hit.start >= o_end and (speaker is None or not o_end <= speaker[0] < hit.end + 8):
                speaker = surface_speaker(doc, hit, o_end) or speaker
        raw = RawQuote(
            q.content[0],
            q.content[1],
            list(q.parts),
            "direct",
            hit,
            speaker,
            0.9 if hit else 0.5,
            outer=q.outer,
        )
        if hit is not None:
            used_cues.add(hit.head)
        quotes.append(raw)

    quotes = _merge_split(doc, quotes)
    quotes = _mixed(doc, quotes, cues, complements, used_cues)
    _continue_turns(doc, quotes)
    quotes = [q for q in quotes if _keep(doc, q)]

    for hit in cues:
        if hit.head in used_cues:
            continue
        comp = complements.get(hit.head)
        if comp is None:
            continue
        c_start, c_end = comp
        if _word_count(doc, c_start, c_end) < 3:
            continue
        speaker = _speaker_for(doc, hit)
        if speaker is None:
            continue
        span = (doc[c_start].idx, doc[c_end - 1].idx + len(doc[c_end - 1].text))
        if any(_overlaps(span, (q.start, q.end)) for q in quotes):
            continue
        quotes.append(RawQuote(span[0], span[1], [span], "indirect", hit, speaker, 0.7))
        used_cues.add(hit.head)
    quotes.sort(key=lambda q: q.start)
    return quotes


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _overlapping_cue(
    doc: Doc,
    q: QuotedSpan,
    cues: list[CueHit],
    complements: dict[int, tuple[int, int] | None],
    used: set[int],
) -> CueHit | None:
    """A cue whose complement is mostly this quote (the parse links them)."""
    qs, qe = q.content
    for hit in cues:
        comp = complements.get(hit.head)
        if comp is None or hit.head in used:
            continue
        cs, ce = doc[comp[0]].idx, doc[comp[1] - 1].idx + len(doc[comp[1] - 1].text)
        inter = min(ce, qe) - max(cs, qs)
        if inter > 0 and inter >= 0.6 * (qe - qs) and inter >= 0.6 * (ce - cs):
            cue_char = doc[hit.head].idx
            if not qs <= cue_char < qe:
                return hit
    return None


def _merge_split(doc: Doc, quotes: list[RawQuote]) -> list[RawQuote]:
    """“…,” she said. “…” is one quote: join a quote to the unattributed one that
    follows its attribution in the same paragraph."""
    out: list[RawQuote] = []
    for q in quotes:
        prev = out[-1] if out else None
        if (
            prev is not None
            and q.cue is None
            and prev.cue is not None
            and prev.outer is not None
            and q.outer is not None
        ):
            gap = doc.text[prev.outer[1] : q.outer[0]]
            cue_char = doc[prev.cue.head].idx
            if "\n" not in gap and prev.outer[1] <= cue_char < q.outer[0] and len(gap) < 120:
                prev.parts.extend(q.parts)
                prev.end = q.end
                prev.outer = (prev.outer[0], q.outer[1])
                continue
        out.append(q)
    return out


def _mixed(
    doc: Doc,
    quotes: list[RawQuote],
    cues: list[CueHit],
    complements: dict[int, tuple[int, int] | None],
    used: set[int],
) -> list[RawQuote]:
    """A cue whose complement holds an unattributed quoted fragment: one mixed quote."""
    out = list(quotes)
    for hit in cues:
        if hit.head in used:
            continue
        comp = complements.get(hit.head)
        if comp is None:
            continue
        cs = doc[comp[0]].idx
        ce = doc[comp[1] - 1].idx + len(doc[comp[1] - 1].text)
        inside = [
            q
            for q in out
            if q.cue is None and q.outer and cs <= q.outer[0] and q.outer[1] <= ce + 1
        ]
        if not inside:
            continue
        speaker = _speaker_for(doc, hit)
        for q in inside:
            out.remove(q)
        out.append(RawQuote(cs, ce, [(cs, ce)], "mixed", hit, speaker, 0.75))
        used.add(hit.head)
    out.sort(key=lambda q: q.start)
    return out


def _continue_turns(doc: Doc, quotes: list[RawQuote]) -> None:
    """An unattributed direct quote right after an attributed one continues its turn."""
    text = doc.text
    for i, q in enumerate(quotes):
        if q.cue is not None or q.kind != "direct" or i == 0:
            continue
        prev = quotes[i - 1]
        if prev.speaker is None and prev.follows is None:
            continue
        between = text[prev.end : q.start]
        if between.count("\n\n") + between.count("\n") > 3 or len(between) > 600:
            continue
        q.follows = prev if prev.follows is None else prev.follows
        q.confidence = 0.6


def _keep(doc: Doc, q: RawQuote) -> bool:
    """Drop scare quotes, titles and nicknames: short quotes nobody is said to speak."""
    if q.cue is not None or q.follows is not None or q.kind != "direct":
        return True
    s, e = _tokens_in(doc, (q.start, q.end))
    return _word_count(doc, s, e) >= MIN_UNATTRIBUTED_WORDS
