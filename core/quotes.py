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
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .lemmas import Lemmas
from .lexicon import (
    CueSense,
    cue_nouns,
    cue_phrases,
    cue_verbs,
    document_nouns,
    label_stopwords,
    source_preps,
)
from .marks import QuotedSpan, find_quoted, paragraphs
from .records import CueCategory, QuoteKind, Span
from .syntax import RELATIVE_PRONOUNS

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
QUOTE_MARK_TEXTS = frozenset(["“", "”", '"', "''", "``", "‘", "’", "'", "«", "»", "„", "‟"])
DASHES = frozenset(["—", "–", "-", "--", "―"])
# Words allowed between a quote's closing mark and its cue: “…,” the Russia FM said.
ATTRIBUTION_POS = frozenset(
    {"DET", "PROPN", "NOUN", "ADJ", "PRON", "ADP", "PART", "ADV", "NUM", "CCONJ", "AUX", "PUNCT"}
)
# Prepositions that stay in a speaker's noun phrase: "a report by the auditor".
MENTION_PREPS = frozenset({"of", "at", "by", "from"})
NAME_HEADS = frozenset({"PROPN", "NOUN", "CCONJ"})
# Words that can make up a speaker's noun phrase written next to a cue.
NAME_POS = frozenset({"DET", "PROPN", "NOUN", "ADJ", "PRON", "NUM", "PART"})
# Dependents of a cue verb that may stand between it and a direct quote it
# introduces ("told reporters on Friday: “…”") without making the quote a fragment.
ATTRIBUTION_TAIL_DEPS = frozenset(
    {
        "dobj",
        "dative",
        "prep",
        "pobj",
        "npadvmod",
        "advmod",
        "det",
        "poss",
        "compound",
        "amod",
        "punct",
        "case",
        "nummod",
        "prt",
        "quantmod",
        "nmod",
        "appos",
    }
)
SOURCE_WINDOW = 80  # tokens searched around "according to X" for its sentence
DATELINE_TOKENS = 20  # longest dateline skipped at the start of a complement
WINDOW = 20  # tokens searched after a quote for its attribution
ASIDE_WINDOW = 25  # longest ", who ...," aside skipped inside an attribution
TAIL_WINDOW = 8  # tokens allowed between a cue and the quote it introduces
LABEL_WINDOW = 8  # tokens of a "Name:" label
MIN_UNATTRIBUTED_WORDS = 5  # shorter unattributed quotes are scare quotes and titles
MIN_CONTINUATION_WORDS = 4
SPLIT_GAP_CHARS = 160  # longest attribution between the two pieces of a split quote
LEAD_WINDOW = 60  # tokens searched back for the start of a quote's sentence
SENTENCE_END = frozenset({".", "!", "?", "…"})
SPLIT_ENDS = frozenset({".", ",", ":", ";", "—"})  # how an attribution between two pieces ends


@dataclass(slots=True)
class CueHit:
    """A cue in the text: the token range of its words and what it means."""

    start: int  # token index
    end: int
    head: int  # the token that carries the syntax (the verb, or "according")
    lemma: str
    category: CueCategory
    chars: Span  # character span of the cue words
    frames: frozenset[str] = frozenset()
    source_phrase: bool = False  # "according to X": the source is the phrase's object


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


@dataclass(slots=True)
class _Marked:
    """A pair of quotation marks and where it sits in the Doc."""

    q: QuotedSpan
    first: int  # token of the opening mark
    last: int  # token after the closing mark
    para: int  # paragraph index
    used: bool = False


class _Layout:
    """Token-level facts computed once per Doc: sentences, paragraphs, quoted tokens."""

    def __init__(self, doc: Doc, text: str, marked: list[QuotedSpan]) -> None:
        self.doc = doc
        n = len(doc)
        self.starts = [t.idx for t in doc]
        self.sent_of = [0] * n
        self.sent_bounds: list[tuple[int, int]] = []
        for k, sent in enumerate(doc.sents):
            self.sent_bounds.append((sent.start, sent.end))
            for i in range(sent.start, sent.end):
                self.sent_of[i] = k
        self.paras = paragraphs(text)
        self.para_starts = [p[0] for p in self.paras]
        self.quoted = [False] * n  # inside some quote's content
        spans = sorted(q.content for q in marked)
        k = 0
        for i, start in enumerate(self.starts):
            while k < len(spans) and spans[k][1] <= start:
                k += 1
            if k < len(spans) and spans[k][0] <= start:
                self.quoted[i] = True

    def token_at(self, char: int) -> int:
        """The token containing (or first after) a character offset."""
        i = bisect.bisect_right(self.starts, char) - 1
        if i < 0:
            return 0
        tok = self.doc[i]
        return i if char < tok.idx + len(tok.text) or i + 1 >= len(self.doc) else i + 1

    def tokens(self, span: Span) -> tuple[int, int]:
        """Token range covering a character span."""
        first = self.token_at(span[0])
        last = bisect.bisect_left(self.starts, span[1])
        return first, max(last, first + 1)

    def para_of(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.para_starts, char) - 1)

    def sentence(self, i: int) -> tuple[int, int]:
        return self.sent_bounds[self.sent_of[i]]


def find_cues(doc: Doc, lemmas: Lemmas, quoted: list[bool] | None = None) -> list[CueHit]:
    """Cue verbs and cue phrases outside quoted text, in order."""
    verbs = cue_verbs()
    phrases = cue_phrases()
    preps = source_preps()
    nouns = cue_nouns()
    firsts = {p[0] for p in phrases}
    longest = max((len(p) for p in phrases), default=0)
    hits: list[CueHit] = []
    covered = -1
    for tok in doc:
        if tok.i < covered or (quoted is not None and quoted[tok.i]):
            continue
        if tok.lower_ in firsts:
            phrase = _phrase_at(doc, tok.i, phrases, longest)
            if phrase is not None:
                hits.append(phrase)
                covered = phrase.end
                continue
        if tok.lower_ in preps:
            opener = _source_opener(tok, preps[tok.lower_])
            if opener is not None:
                hits.append(opener)
            continue
        if tok.pos_ == "NOUN" and tok.lower_ in nouns:
            clause = _that_clause(tok)
            if clause is not None:
                chars = (tok.idx, tok.idx + len(tok.text))
                cat = nouns[tok.lower_]
                hits.append(CueHit(tok.i, tok.i + 1, tok.i, tok.lower_, cat, chars, NOUN_FRAME))
            continue
        if tok.pos_ != "VERB" or _in_compound_word(doc, tok):
            continue
        lemma = lemmas(tok)
        sense = verbs.get(lemma)
        if sense is not None:
            hits.append(_verb_hit(tok, lemma, sense))
    return hits


NOUN_FRAME = frozenset({"noun"})  # a cue noun: its "that" clause is the content


def _that_clause(noun: Token) -> Token | None:
    """The clause a cue noun reports: "the claim that the vote was rigged".

    Only a clause right after the noun that opens with the complementizer
    "that" and has its own subject; a relative clause ("the claim that he
    made") has "that" as its subject or object instead.
    """
    for child in noun.children:
        if child.dep_ not in ("acl", "relcl") or child.i <= noun.i:
            continue
        first = child.left_edge
        if first.lower_ != "that" or first.dep_ != "mark" or first.i != noun.i + 1:
            continue
        if any(c.dep_ in SUBJECT_DEPS for c in child.children):
            return child
    return None


def _source_opener(tok: Token, sense: tuple[CueCategory, frozenset[str]]) -> CueHit | None:
    """A sentence that opens "In a new poll, ...": the poll is its source.

    Only at the start of a sentence (after "But"/"And" at most) and set off by a
    comma: mid-sentence ("leads in the polls") the phrase rarely attributes.
    """
    category, nouns = sense
    doc = tok.doc
    first = tok.sent.start
    while first < tok.i and (doc[first].is_space or doc[first].pos_ in ("CCONJ", "PUNCT")):
        first += 1
    if first != tok.i:
        return None
    obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if obj is None or obj.lower_ not in nouns:
        return None
    after = obj.right_edge.i + 1
    if after >= len(doc) or doc[after].text != ",":
        return None
    chars = (tok.idx, tok.idx + len(tok.text))
    return CueHit(tok.i, tok.i + 1, tok.i, tok.lower_, category, chars, source_phrase=True)


def _in_compound_word(doc: Doc, tok: Token) -> bool:
    """Whether a verb is part of a hyphenated adjective ("so-called", "self-described"),
    which labels a word rather than reporting speech."""
    if tok.i < 2:
        return False
    dash = doc[tok.i - 1]
    return dash.text == "-" and not dash.whitespace_ and not doc[tok.i - 2].whitespace_


def _phrase_at(
    doc: Doc, i: int, phrases: dict[tuple[str, ...], CueCategory], longest: int
) -> CueHit | None:
    for n in range(longest, 1, -1):
        words = tuple(t.lower_ for t in doc[i : i + n])
        if len(words) == n and words in phrases:
            last = doc[i + n - 1]
            chars = (doc[i].idx, last.idx + len(last.text))
            return CueHit(i, i + n, i, " ".join(words), phrases[words], chars, source_phrase=True)
    return None


def _verb_hit(tok: Token, lemma: str, sense: CueSense) -> CueHit:
    chars = (tok.idx, tok.idx + len(tok.text))
    return CueHit(tok.i, tok.i + 1, tok.i, lemma, sense.category, chars, sense.frames)


def subject_of(verb: Token) -> Token | None:
    """The speaker token of a cue verb: its subject, or the subject it shares.

    "adding"/"saying" clauses, coordinated verbs ("... and said") and
    gerunds after a preposition ("ended by saying") borrow the subject of the
    verb they hang from; "a statement saying" is spoken by whoever issued the
    statement, "a voter saying" by the voter.
    """
    tok = verb
    for _ in range(5):
        for child in tok.children:
            if child.dep_ == "nsubj" or (child.dep_ == "nsubjpass" and tok.i != verb.i):
                return child  # "X is expected to": X is what is reported, not who reports
        head = tok.head
        if head.i == tok.i:
            break
        if tok.dep_ == "conj" and _continues_cue(tok):
            tok = head.head  # X forecast that Y would rebound and praised Z: X praised
        elif tok.dep_ in ("conj", "advcl", "xcomp", "parataxis"):
            tok = head
        elif tok.dep_ == "pcomp" and head.dep_ == "prep" and head.head.i != head.i:
            tok = head.head
        elif tok.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN"):
            if head.lower_ not in document_nouns() or head.dep_ not in ("dobj", "pobj"):
                return head
            tok = head.head if head.dep_ == "dobj" else head.head.head
        else:
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
        if child.dep_ in ("relcl", "acl", "advcl", "ccomp"):
            continue
        if child.dep_ in ("cc", "conj") and child.head.i == tok.i and child.pos_ not in NAME_HEADS:
            continue  # "Trump and Clinton" stays one mention; "X and said" does not
        if child.head.i == tok.i and (
            child.dep_ == "punct" or (child.dep_ == "prep" and child.lower_ not in MENTION_PREPS)
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


def _strip(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Drop punctuation and spaces at the edges, except quotation marks."""
    while start < end and (
        doc[start].is_space or (doc[start].is_punct and doc[start].text not in QUOTE_MARK_TEXTS)
    ):
        start += 1
    while end > start and (
        doc[end - 1].is_space
        or (doc[end - 1].is_punct and doc[end - 1].text not in QUOTE_MARK_TEXTS)
    ):
        end -= 1
    return (start, end) if start < end else None


def _parenthetical(cue: Token) -> bool:
    """Whether a cue and its subject are set off by commas inside the clause they
    report: "X, aides said, will ...", "Many days, employees said, she ..."."""
    doc = cue.doc
    subj = next((c for c in cue.children if c.dep_ in SUBJECT_DEPS and c.i < cue.i), None)
    left = subj.left_edge.i if subj is not None else cue.i
    after = cue.i + 1
    while after < len(doc) and doc[after].dep_ in ("prt", "npadvmod", "advmod"):
        after += 1
    return (
        left > 0
        and doc[left - 1].text == ","
        and after < len(doc)
        and doc[after].text == ","
        and _word_count(doc, cue.sent.start, left) >= 2
    )


def _interrupts(cue: Token) -> bool:
    """Whether a cue verb is set off after the clause it reports ("…, he said",
    "That, they say, will …") rather than governing a clause that follows it."""
    if cue.dep_ == "parataxis":
        return cue.i > cue.head.i
    if cue.dep_ != "ccomp" or cue.i < cue.head.i:
        return False
    before = cue.left_edge.i - 1
    return before >= 0 and cue.doc[before].text in (",", "—", "–", "(")


def _around_cue(clause: Token, cue: Token) -> tuple[int, int] | None:
    """The clause a parenthetical cue interrupts ("That, they say, will be easier"):
    all of it when words stand on both sides, else the side without the cue."""
    doc = clause.doc
    lo, hi = cue.left_edge.i, cue.right_edge.i + 1
    left, right = clause.left_edge.i, clause.right_edge.i + 1
    if _word_count(doc, left, lo) >= 2 and _word_count(doc, hi, right) >= 2:
        return _strip(doc, left, right)
    return _subtree_range(clause, skip=cue)


def _subtree_range(tok: Token, skip: Token | None = None) -> tuple[int, int] | None:
    """Token range of a subtree, or of a head's subtree without one of its branches."""
    if skip is None:
        return _strip(tok.doc, tok.left_edge.i, tok.right_edge.i + 1)
    lo, hi = skip.left_edge.i, skip.right_edge.i + 1
    left, right = tok.left_edge.i, tok.right_edge.i + 1
    # keep the larger side of the clause around the skipped branch
    if lo - left >= right - hi:
        return _strip(tok.doc, left, lo)
    return _strip(tok.doc, hi, right)


def complement_tokens(hit: CueHit, doc: Doc) -> tuple[int, int] | None:
    """Token range of what a cue introduces, by the frames its verb allows,
    without a dateline in front ("COLUMBUS, Ohio (Wire) — ...")."""
    rng = _complement(hit, doc)
    return None if rng is None else _skip_dateline(doc, rng)


def _skip_dateline(doc: Doc, rng: tuple[int, int]) -> tuple[int, int]:
    """Start after a dateline: place names, a date and a dash before the first words."""
    for i in range(rng[0], min(rng[1] - 1, rng[0] + DATELINE_TOKENS)):
        tok = doc[i]
        if tok.text in DASHES:
            return _strip(doc, i + 1, rng[1]) or rng
        if not (tok.pos_ in ("PROPN", "NUM", "PUNCT", "SPACE") or tok.is_title):
            return rng
    return rng


def _complement(hit: CueHit, doc: Doc) -> tuple[int, int] | None:
    head = doc[hit.head]
    if hit.source_phrase:
        return _source_phrase_clause(doc, hit)
    if hit.frames is NOUN_FRAME:
        clause = _that_clause(head)
        return None if clause is None else _trim_aside(doc, _subtree_range(clause) or (0, 0))
    if "clause" in hit.frames:
        # X seems to ..., X appears unaware: the whole clause is the claim
        linked = any(c.dep_ in ("xcomp", "acomp", "attr") for c in head.children)
        return _subtree_range(head) if linked else None
    if "ccomp" in hit.frames and _parenthetical(head):
        # Mrs. Clinton, these people said, would be open to other measures
        clause = head if head.dep_ == "ROOT" else head.head
        return _strip(doc, clause.left_edge.i, clause.right_edge.i + 1)
    best: Token | None = None
    rank = 99
    for child in head.children:
        frame = child.dep_
        if frame == "prep":
            frame = f"prep:{child.lower_}"
        if frame not in hit.frames:
            continue
        r = _FRAME_RANK.get(child.dep_, 3)
        if r < rank:
            best, rank = child, r
    if best is not None:
        return _frame_range(head, best, "oprd" in hit.frames)
    misplaced = _object_prep(head, hit.frames)
    if misplaced is not None:
        return misplaced
    if "ccomp" in hit.frames and _interrupts(head):
        # “…,” he said / Sanders has options, an aide said: the parse hangs the cue off the clause
        return _around_cue(head.head, head)
    if "ccomp" in hit.frames:
        return _stray_that_clause(head)
    return None


def _object_prep(head: Token, frames: frozenset[str]) -> tuple[int, int] | None:
    """A verb's preposition frame that the parser hung on its object instead:
    "accused the mayor of lying" reads "the mayor of lying" as one noun phrase.
    The content is the object with the preposition's phrase."""
    dobj = next((c for c in head.children if c.dep_ == "dobj" and c.i > head.i), None)
    if dobj is None:
        return None
    for prep in dobj.children:
        if (
            prep.dep_ == "prep"
            and f"prep:{prep.lower_}" in frames
            and prep.i > dobj.i
            and any(c.dep_ in ("pobj", "pcomp") for c in prep.children)
        ):
            return _strip(head.doc, dobj.left_edge.i, prep.right_edge.i + 1)
    return None


def _source_phrase_clause(doc: Doc, hit: CueHit) -> tuple[int, int] | None:
    """The sentence around "according to X", read from the surface: the parser
    often hangs the phrase on the last verb of a long sentence.

    "X, according to Y." -> X; "According to Y, X." -> X; "X, according to Y, Z" -> all.
    """
    start = hit.start
    lo = max(0, hit.start - SOURCE_WINDOW)
    while start > lo and not _ends_sentence(doc[start - 1]):
        start -= 1
    obj_end = hit.end
    while (
        obj_end < len(doc)
        and doc[obj_end].text not in (",", ";")
        and not _ends_sentence(doc[obj_end])
    ):
        obj_end += 1
    end = obj_end
    hi = min(len(doc), obj_end + SOURCE_WINDOW)
    while end < hi and not _ends_sentence(doc[end]):
        end += 1
    left = _strip(doc, start, hit.start)
    right = _strip(doc, obj_end, end)
    if left is not None and right is not None and _word_count(doc, *left) >= 2:
        if _word_count(doc, *right) >= 2:
            return _strip(doc, start, end)
        return left
    return right if right is not None else left


def _ends_sentence(tok: Token) -> bool:
    return tok.text in SENTENCE_END or (tok.is_space and "\n" in tok.text)


def _stray_that_clause(head: Token) -> tuple[int, int] | None:
    """A "that" clause the parser hung on a noun after the cue ("told analysts on
    a call that the plant remained ..."): "that" marking a clause with its own
    subject is a complementizer, not a relative pronoun."""
    for tok in head.subtree:
        if tok.i <= head.i or tok.dep_ != "mark" or tok.lower_ != "that":
            continue
        clause = tok.head
        if clause.dep_ in ("relcl", "acl") and any(c.dep_ in SUBJECT_DEPS for c in clause.children):
            return _strip(head.doc, tok.i, clause.right_edge.i + 1)
        return None
    return None


_FRAME_RANK = {"ccomp": 0, "xcomp": 1, "oprd": 1, "dobj": 2}
# Words that open an aside after a comma: ", which ...", ", who ...".
ASIDE_OPENERS = frozenset({"which", "who", "whose", "whom", "where"})
# Prepositions that complete a verb's object: "blamed X for Y", "described X as Y".
OBJECT_PREPS = frozenset({"for", "as", "of", "over", "on"})


def _frame_range(head: Token, child: Token, naming: bool) -> tuple[int, int] | None:
    """The content of one frame, without a trailing aside ("..., which ...")."""
    rng = _frame_core(head, child, naming)
    if rng is not None and child.dep_ in ("dobj", "pobj", "prep"):
        rng = _with_stray_conjuncts(head, child, rng)
    if rng is not None and child.dep_ == "ccomp":
        rng = _without_cue_conjunct(head, child, rng)
    return None if rng is None else _trim_aside(head.doc, rng)


def _without_cue_conjunct(cue: Token, clause: Token, rng: tuple[int, int]) -> tuple[int, int]:
    """End a reported clause before a verb that continues the cue's sentence, not
    the clause: "X forecast that the economy would rebound and praised Y"."""
    doc = cue.doc
    for conj in clause.children:
        if conj.dep_ != "conj" or conj.i <= clause.i or not _continues_cue(conj):
            continue
        cut = conj.left_edge.i
        while cut > rng[0] and doc[cut - 1].dep_ in ("cc", "punct"):
            cut -= 1
        kept = _strip(doc, rng[0], cut)
        if kept is not None and _word_count(doc, *kept) >= 3:
            return kept
    return rng


FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})


def _continues_cue(conj: Token) -> bool:
    """Whether a verb the parser joined to a reported clause goes with the cue
    instead ("X denies that it was a genocide and goes on to ..."): it has no
    subject or auxiliary of its own and is written in the cue's tense, or is
    finite where the clause's verb leans on an auxiliary ("has released ... and
    called on"), so it cannot share the clause's subject and auxiliary."""
    clause = conj.head
    cue = clause.head
    if clause.dep_ != "ccomp" or cue.i == clause.i or conj.pos_ not in ("VERB", "AUX"):
        return False
    if conj.tag_ == clause.tag_ or conj.tag_ not in FINITE_TAGS:
        return False
    if any(c.dep_ in SUBJECT_DEPS or c.dep_ in ("aux", "auxpass") for c in conj.children):
        return False
    if conj.tag_ == cue.tag_:
        return True
    return clause.tag_ in ("VB", "VBN") and any(c.dep_ == "aux" for c in clause.children)


def _called_on(prep: Token) -> bool:
    """ "on X" naming who is called on to act ("called on the city to ..."), not
    when it happens ("voted on Wednesday to ...")."""
    if prep.dep_ != "prep" or prep.lower_ != "on":
        return False
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return obj is not None and obj.ent_type_ not in ("DATE", "TIME")


def _with_stray_conjuncts(head: Token, child: Token, rng: tuple[int, int]) -> tuple[int, int]:
    """Objects listed after the first one but hung on the verb by the parser:
    "supports squeezing out X, freezing Y and changing Z"."""
    doc = head.doc
    end = rng[1]
    for c in head.children:
        if c.dep_ != "conj" or c.i < end or c.pos_ != child.pos_:
            continue
        gap = [t for t in doc[end : c.left_edge.i] if not t.is_space]
        if len(gap) > 2 or any(t.lower_ not in (",", "and", "or") for t in gap):
            break
        end = c.right_edge.i + 1
    return _strip(doc, rng[0], end) or rng


def _trim_aside(doc: Doc, rng: tuple[int, int]) -> tuple[int, int]:
    """Drop a non-restrictive relative clause that ends the content: annotators
    (and readers) take "a Cruz win in Texas, which votes on March 1" as the claim
    "a Cruz win in Texas"."""
    for i in range(rng[0] + 3, rng[1] - 1):
        if doc[i].text == "," and _opens_aside(doc[i + 1]):
            cut = _strip(doc, rng[0], i)
            if cut is not None and _word_count(doc, *cut) >= 3:
                return cut
    return rng


def _opens_aside(tok: Token) -> bool:
    """ ", which ...", ", who ...", or a participle tacked on (", angering his base")."""
    if tok.lower_ in ASIDE_OPENERS:
        return True
    return tok.tag_ == "VBG" and tok.dep_ in ("advcl", "acl", "xcomp")


def _frame_core(head: Token, child: Token, naming: bool) -> tuple[int, int] | None:
    """The dependent's subtree, with the object and its completing preposition
    read together ("praised her for changing"), and an inverted clause with the
    reason its cue gives for it ("X, he said, because Y")."""
    doc = head.doc
    if child.dep_ == "prep":
        objs = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
        if not objs:
            return None
        rng = _subtree_range(objs[0])
        dobj = next((c for c in head.children if c.dep_ == "dobj" and c.i < child.i), None)
        if rng is not None and dobj is not None:
            return _strip(doc, dobj.left_edge.i, rng[1])
        return rng
    rng = _subtree_range(child)
    if rng is not None and child.dep_ == "xcomp":
        # The bank is expected to raise rates: a passive cue reports its subject too
        subj = next((c for c in head.children if c.dep_ == "nsubjpass" and c.i < head.i), None)
        if subj is not None:
            return _strip(doc, subj.left_edge.i, rng[1])
    if rng is not None and (child.dep_ in ("oprd", "xcomp") or (naming and child.dep_ == "ccomp")):
        # called him “a con man”, urged voters to ...: the object goes with its predicate
        dobj = next(
            (
                c
                for c in head.children
                if head.i < c.i < child.i and (c.dep_ == "dobj" or _called_on(c))
            ),
            None,
        )
        if dobj is not None:
            # called on Sanders to release ...: the one called on goes with it too
            start = dobj.i + 1 if dobj.dep_ == "prep" else dobj.left_edge.i
            return _strip(doc, start, rng[1])
    if rng is not None and child.dep_ == "dobj":
        prep = next(
            (
                c
                for c in head.children
                if c.dep_ == "prep" and c.i > child.i and c.lower_ in OBJECT_PREPS
            ),
            None,
        )
        if prep is not None:
            return _strip(doc, rng[0], prep.right_edge.i + 1)
    if rng is not None and child.dep_ == "ccomp" and child.i < head.i:
        reason = next((c for c in head.children if c.dep_ == "advcl" and c.i > head.i), None)
        if reason is not None:
            return _strip(doc, rng[0], reason.right_edge.i + 1)
    return rng


def _speaker_for(doc: Doc, hit: CueHit) -> tuple[tuple[int, int] | None, int | None]:
    """The speaker mention of a cue from the parse, and the referent of a relative pronoun."""
    head = doc[hit.head]
    if hit.source_phrase:
        prep = doc[hit.end - 1]
        for child in prep.children:
            if child.dep_ == "pobj":
                return mention_range(child), None
        return None, None
    if hit.frames is NOUN_FRAME:
        # Trump's claim that ...: the possessor; complaints that ...: nobody named
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        if owner is None:
            return None, None
        start, end = mention_range(owner)
        while end > start + 1 and doc[end - 1].dep_ == "case":
            end -= 1  # Trump's -> Trump
        return (start, end), None
    subj = subject_of(head)
    if subj is None:
        return None, None
    referent = None
    if subj.lower_ in RELATIVE_PRONOUNS:
        clause = subj.head
        while (
            clause.dep_ != "relcl"
            and clause.head.i != clause.i
            and clause.dep_
            in (
                "conj",
                "xcomp",
            )
        ):
            clause = clause.head
        if clause.dep_ == "relcl":
            referent = clause.head.i
    return mention_range(subj), referent


def surface_speaker(doc: Doc, hit: CueHit, quote_end: int) -> tuple[int, int] | None:
    """The speaker as written around a cue that follows a quote, without the parse.

    “…,” the Russia FM said -> the words between the quote and the cue;
    “…,” said port director Anna Keller -> the noun phrase right after the cue.
    The parser often mislabels these inversions, so this reads the surface.
    """
    between = []
    k = quote_end
    while k < hit.start:
        aside = _relative_aside(doc, k, hit.start)
        if aside is not None:
            k = aside + 1  # the speaker's description, not part of the name
            continue
        t = doc[k]
        if not (t.is_punct or t.is_space) and t.pos_ not in ("AUX", "ADV"):
            between.append(t)
        k += 1
    if between:
        if between[0].pos_ == "ADP":
            return None
        if all(t.pos_ in NAME_POS or t.lower_ in ("of", "'s", "’s", "at") for t in between):
            return between[0].i, between[-1].i + 1
        return None
    end = hit.end
    while end < len(doc) and (doc[end].pos_ in NAME_POS or doc[end].lower_ in ("of", ".")):
        if doc[end].lower_ == "." and not doc[end - 1].is_title:
            break
        end += 1
    while end > hit.end and doc[end - 1].lower_ in ("of", "the", "a", "an", ".", "on", "in"):
        end -= 1
    return (hit.end, end) if end > hit.end else None


def _relative_aside(doc: Doc, i: int, limit: int) -> int | None:
    """The comma closing ", who works at X," when token ``i`` opens one: a speaker
    described inside the attribution (“…,” Jane Roe, who runs the shop, said)."""
    if doc[i].text != "," or i + 1 >= len(doc) or doc[i + 1].lower_ not in ("who", "whose"):
        return None
    for k in range(i + 2, min(limit, len(doc))):
        tok = doc[k]
        if tok.text == ",":
            return k
        if tok.text in SENTENCE_END or tok.text in QUOTE_MARK_TEXTS or "\n" in tok.text:
            return None
    return None


def _title_cased(doc: Doc, start: int, end: int) -> bool:
    """Whether words are written as a title (“This Week with Jane Doe”): every word
    capitalized but short function words, so a long show or book title inside an
    attribution is not taken for the next piece of speech."""
    words = [t for t in doc[start:end] if t.is_alpha]
    return (
        len(words) >= 2
        and _capitalized(words[0])
        and all(_capitalized(t) or (t.is_stop and len(t) <= 4) for t in words)
    )


def _capitalized(tok: Token) -> bool:
    """Written with a capital: Jane, JMC, McDonald, HuffPollster."""
    return tok.text[:1].isupper()


def _last_char(text: str, end: int) -> str:
    """The last character before ``end`` that is not a space."""
    i = end - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return text[i] if i >= 0 else ""


def _word_count(doc: Doc, start: int, end: int) -> int:
    return sum(1 for t in doc[start:end] if t.is_alpha or t.like_num)


def _chars(doc: Doc, rng: tuple[int, int]) -> Span:
    last = doc[rng[1] - 1]
    return doc[rng[0]].idx, last.idx + len(last.text)


class _Finder:
    """The state of one Doc's quote search, shared by its steps."""

    def __init__(self, doc: Doc, lemmas: Lemmas) -> None:
        self.doc = doc
        self.text = doc.text  # Doc.text joins every token: read it once
        quoted = find_quoted(self.text)
        self.layout = _Layout(doc, self.text, quoted)
        self.cues = find_cues(doc, lemmas, self.layout.quoted)
        self.cue_at: dict[int, CueHit] = {}
        self.by_sent: dict[int, list[CueHit]] = {}
        for hit in self.cues:
            for i in range(hit.start, hit.end):
                self.cue_at[i] = hit
            self.by_sent.setdefault(self.layout.sent_of[hit.head], []).append(hit)
        self.complements: dict[int, tuple[int, int] | None] = {}
        self.used: set[int] = set()  # heads of cues already attributed
        self.marked: list[_Marked] = []
        for q in quoted:
            first, last = self.layout.tokens(q.outer)
            self.marked.append(_Marked(q, first, last, self.layout.para_of(q.outer[0])))

    def complement(self, hit: CueHit) -> tuple[int, int] | None:
        if hit.head not in self.complements:
            self.complements[hit.head] = complement_tokens(hit, self.doc)
        return self.complements[hit.head]

    # -- direct quotes ------------------------------------------------------
    def attribution_after(self, m: _Marked) -> CueHit | None:
        """The cue right after a quote: “…,” the Russia FM said / “…,” said Lavrov.

        A quote that ends with a full stop ends its sentence: what follows
        (“….” He added …) belongs to the next one.
        """
        doc = self.doc
        if _last_char(self.text, m.q.content[1]) == ".":
            return None
        limit = min(len(doc), m.last + WINDOW)
        i = m.last - 1
        while i + 1 < limit:
            i += 1
            tok = doc[i]
            aside = _relative_aside(doc, i, limit + ASIDE_WINDOW)
            if aside is not None:
                limit = min(len(doc), limit + aside - i)
                i = aside
                continue
            hit = self.cue_at.get(i)
            if hit is not None and not hit.source_phrase:
                return hit
            if hit is not None:
                return hit if i == m.last or doc[i - 1].is_punct else None
            if tok.is_space and "\n" in tok.text:
                return None
            if tok.text in ".!?;" or (tok.text in QUOTE_MARK_TEXTS and i > m.last):
                return None
            if tok.pos_ not in ATTRIBUTION_POS and not tok.is_space:
                return None
        return None

    def attribution_before(self, m: _Marked) -> CueHit | None:
        """The cue right before a quote, with only its own dependents in between:
        Lavrov said: “…” / she told reporters on Friday, “…” / He added “…”."""
        doc = self.doc
        s_start = self.layout.sentence(m.first)[0]
        para_start = self.layout.paras[m.para][0] if self.layout.paras else 0
        if m.para > 0 and _last_char(self.text, para_start) == ":":
            # The harbor master said on Friday:\n\n“…”: the quote opens the next paragraph
            para_start = self.layout.paras[m.para - 1][0]
            s_start = self.layout.sentence(max(0, m.first - 2))[0]
        lo = max(s_start - 1, m.first - TAIL_WINDOW - 1, 0)
        for i in range(m.first - 1, lo - 1, -1):
            tok = doc[i]
            if doc[i].idx < para_start:
                return None
            hit = self.cue_at.get(i)
            if hit is not None and not hit.source_phrase:
                return hit
            if tok.text in QUOTE_MARK_TEXTS or tok.text in ".!?;":
                return None
            if tok.dep_ not in ATTRIBUTION_TAIL_DEPS and not tok.is_punct and not tok.is_space:
                return None
        return None

    def label_before(self, m: _Marked) -> tuple[int, int] | None:
        """“Name: “…”” at the start of a paragraph: the speaker label before the colon."""
        doc = self.doc
        colon = m.first - 1
        while colon >= 0 and doc[colon].is_space:
            colon -= 1
        if colon < 1 or doc[colon].text != ":":
            return None
        return self._label(colon)

    def _label(self, colon: int) -> tuple[int, int] | None:
        """The tokens from the paragraph start to a colon, if they read as a name."""
        doc = self.doc
        para_start = self.layout.paras[self.layout.para_of(doc[colon].idx)][0]
        first = self.layout.token_at(para_start)
        while first < colon and doc[first].is_space:
            first += 1
        for i in range(colon - 1, max(first, colon - LABEL_WINDOW - 1), -1):
            if doc[i].text in DASHES:  # "HEADLINE IN CAPITALS - Jane Doe:"
                first = i + 1
                break
        if not 0 < colon - first <= LABEL_WINDOW:
            return None
        words = [t for t in doc[first:colon] if not t.is_punct]
        head = next((t for t in words if t.pos_ != "DET"), None)
        if head is None or head.lower_ in label_stopwords():
            return None
        if any(t.pos_ in ("VERB", "AUX") and not t.is_title for t in words):
            return None
        if not _capitalized(words[0]):
            return None
        named = all(_capitalized(t) or not t.is_alpha or t.is_stop for t in words)
        # "Dock workers union leader Omar Sandoval:" - a role, then a name
        titled = len(words) >= 2 and all(t.pos_ == "PROPN" and _capitalized(t) for t in words[-2:])
        return (first, colon) if named or titled else None

    def dash_after(self, m: _Marked) -> tuple[int, int] | None:
        """“…” — Name: a dash and a name closing the paragraph."""
        doc = self.doc
        i = m.last
        while i < len(doc) and doc[i].is_space and "\n" not in doc[i].text:
            i += 1
        if i >= len(doc) or doc[i].text not in DASHES:
            return None
        start = end = i + 1
        while end < len(doc) and not (doc[end].is_space and "\n" in doc[end].text):
            tok = doc[end]
            if tok.is_alpha and not (tok.is_title or tok.is_upper or tok.pos_ in NAME_POS):
                return None
            end += 1
            if end - start > LABEL_WINDOW:
                return None
        rng = _strip(doc, start, end)
        if rng is None or not any(doc[k].pos_ == "PROPN" for k in range(*rng)):
            return None
        return rng

    def in_complement(self, m: _Marked) -> tuple[CueHit, tuple[int, int]] | None:
        """A cue of the same sentence whose complement holds the quote."""
        for hit in self.by_sent.get(self.layout.sent_of[m.first], []):
            if hit.head in self.used or m.first <= hit.head < m.last:
                continue
            comp = self.complement(hit)
            if comp is not None and comp[0] <= m.first + 1 and m.last - 1 <= comp[1]:
                return hit, comp
        return None

    def lead_start(self, m: _Marked) -> int:
        """Where the quote's sentence starts, read from the surface: the parser
        often runs a sentence on into the quote that follows it."""
        doc = self.doc
        para_first = self.layout.token_at(self.layout.paras[m.para][0]) if self.layout.paras else 0
        lo = max(para_first, m.first - LEAD_WINDOW)
        for i in range(m.first - 1, lo - 1, -1):
            tok = doc[i]
            if tok.text in SENTENCE_END or (
                tok.text in QUOTE_MARK_TEXTS and i > 0 and doc[i - 1].text in SENTENCE_END
            ):
                return i + 1
        return lo

    def lead_words(self, m: _Marked) -> int:
        """Words of the quote's sentence before its opening mark."""
        return _word_count(self.doc, self.lead_start(m), m.first)


def find_quotes(doc: Doc, lemmas: Lemmas) -> list[RawQuote]:
    """All quotes in the Doc, in text order."""
    f = _Finder(doc, lemmas)
    quotes: list[RawQuote] = []
    pending: list[_Marked] = []  # marked spans not attributed by their surroundings
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
    quotes = _outermost(f.doc, quotes)
    _continue_turns(f, quotes)
    return [q for q in quotes if _keep(f, q)]


def _outermost(doc: Doc, quotes: list[RawQuote]) -> list[RawQuote]:
    """Drop an indirect quote whose cue sits inside another reported clause:
    in "X said they plan to protest", the plan is part of what X said, not a
    claim of its own (annotators nest an attribution in under 1% of cases).
    "issued a statement saying ..." keeps its inner cue: the statement's words
    are the claim.

    ``quotes`` is sorted by start; one pass keeps the two longest-reaching
    spans seen so far, so a quote is never compared with itself."""
    outers = [q for q in quotes if q.kind != "direct" and q.cue is not None]
    if len(outers) < 2:
        return quotes
    starts = [q.start for q in outers]
    reach: list[tuple[tuple[int, int], tuple[int, int]]] = []  # best two (end, id)
    best: tuple[int, int] = (-1, -1)
    second: tuple[int, int] = (-1, -1)
    for q in outers:
        cand = (q.end, id(q))
        if cand > best:
            best, second = cand, best
        elif cand > second:
            second = cand
        reach.append((best, second))
    out = []
    for q in quotes:
        if (
            q.kind != "indirect"
            or q.cue is None
            or q.cue.category == "punctuation"
            or doc[q.cue.head].dep_ == "acl"
        ):
            out.append(q)
            continue
        at = q.cue.chars[0]
        k = bisect.bisect_right(starts, at) - 1
        if k >= 0:
            first, other = reach[k]
            end = first[0] if first[1] != id(q) else other[0]
            if end > at:
                continue  # the cue is inside someone else's reported clause
        out.append(q)
    return out


def _direct(f: _Finder, m: _Marked) -> RawQuote | None:
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
            speaker, referent = _speaker_for(doc, hit)
        if lead > 0:
            # The tax plans are ''profoundly irresponsible,'' said X: a mixed quote
            rng = _strip(doc, f.lead_start(m), m.last)
            if rng is None:
                return None
            span = _chars(doc, rng)
            f.used.add(hit.head)
            return RawQuote(
                *span, [span], "mixed", hit, speaker, 0.75, outer=q.outer, referent=referent
            )
    if hit is None and f.label_before(m) is not None:
        hit = None  # Name: “…” - the label speaks, whatever verb came before it
    elif hit is None:
        hit = f.attribution_before(m)
        if hit is not None and hit.head in f.used:
            return None  # “…,” she said, “…”: the second piece of a split quote
        if hit is not None:
            speaker, referent = _speaker_for(doc, hit)
            if not _introduces(f.text, doc, hit, m):
                # He called Trump “a con man”: the quote ends a paraphrase
                comp = f.complement(hit)
                if comp is not None and comp[0] <= m.first and m.last - 1 <= comp[1]:
                    return None  # the complement holds it: a mixed quote, made later
                rng = _strip(doc, hit.end, m.last)
                if rng is None:
                    return None
                span = _chars(doc, rng)
                f.used.add(hit.head)
                return RawQuote(
                    *span, [span], "mixed", hit, speaker, 0.75, outer=q.outer, referent=referent
                )
    if hit is None:
        label = f.label_before(m) or f.dash_after(m)
        if label is not None:
            return RawQuote(
                *q.content, list(q.parts), "direct", _punct_cue(f, m), label, 0.8, outer=q.outer
            )
        found = f.in_complement(m)
        if found is None:
            return None
        hit, comp = found
        speaker, referent = _speaker_for(doc, hit)
        inside = _word_count(doc, m.first, m.last)
        if _word_count(doc, *comp) > inside + 1:
            return None  # a fragment inside a paraphrase: the mixed step takes it
    if hit.head in f.used:
        return None  # the second piece of a split quote: joined to the first
    f.used.add(hit.head)
    return RawQuote(
        *q.content, list(q.parts), "direct", hit, speaker, 0.9, outer=q.outer, referent=referent
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


def _introduces(text: str, doc: Doc, hit: CueHit, m: _Marked) -> bool:
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
        return _last_char(text, m.q.content[1]) in SENTENCE_END and (
            _word_count(doc, m.first, m.last) >= MIN_CONTINUATION_WORDS
        )
    return first.isupper() and (not gap or gap[-1].text == ",")


def _punct_cue(f: _Finder, m: _Marked) -> CueHit:
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


def _merge_split(f: _Finder, quotes: list[RawQuote], pending: list[_Marked]) -> list[RawQuote]:
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
                    _word_count(f.doc, nxt.first, nxt.last) >= 4
                    and not _title_cased(f.doc, nxt.first, nxt.last)
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


def _indirect(f: _Finder, found: list[RawQuote]) -> list[RawQuote]:
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
        span = _chars(doc, comp)
        if _covers_direct(direct_spans, span):
            continue
        k = bisect.bisect_left(p_starts, span[0])
        inside: list[_Marked] = []
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
        speaker, referent = _speaker_for(doc, hit)
        conf = 0.75 if kind == "mixed" else 0.7
        out.append(RawQuote(*span, [span], kind, hit, speaker, conf, referent=referent))
        f.used.add(hit.head)
    return out


def _contentful(doc: Doc, rng: tuple[int, int]) -> bool:
    """Whether a complement says something: two words, or one name or noun
    ("endorsed Rubio"), not a lone pronoun ("know what", "campaign for him")."""
    words = _word_count(doc, *rng)
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


def _labelled_lines(f: _Finder, found: list[RawQuote]) -> list[RawQuote]:
    """Lines written "Name: text" (headlines, interview transcripts)."""
    doc = f.doc
    taken = sorted((q.start, q.end) for q in found)
    out: list[RawQuote] = []
    for tok in doc:
        if tok.text != ":" or f.layout.quoted[tok.i]:
            continue
        label = f._label(tok.i)
        if label is None:
            continue
        p_end = f.layout.paras[f.layout.para_of(tok.idx)][1]
        start = tok.idx + 1
        while start < p_end and f.text[start].isspace():
            start += 1
        if start >= p_end or _covers_direct(taken, (start, p_end)):
            continue
        c_first, c_last = f.layout.tokens((start, p_end))
        if _word_count(doc, c_first, c_last) < 3:
            continue
        cue = CueHit(tok.i, tok.i + 1, tok.i, ":", "punctuation", (tok.idx, tok.idx + 1))
        out.append(RawQuote(start, p_end, [(start, p_end)], "indirect", cue, label, 0.6))
    return out


def _unattributed(f: _Finder, m: _Marked) -> RawQuote | None:
    """A quote nobody is said to speak: kept only when long enough to be speech."""
    q = m.q
    if _word_count(f.doc, m.first, m.last) < MIN_CONTINUATION_WORDS:
        return None
    return RawQuote(*q.content, list(q.parts), "direct", None, None, 0.5, outer=q.outer)


def _continue_turns(f: _Finder, quotes: list[RawQuote]) -> None:
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
        q.confidence = 0.6
        prev = q


def _keep(f: _Finder, q: RawQuote) -> bool:
    """Drop scare quotes, titles and nicknames: short quotes nobody is said to speak."""
    if q.cue is not None or q.follows is not None or q.kind != "direct":
        return True
    s, e = f.layout.tokens((q.start, q.end))
    return _word_count(f.doc, s, e) >= MIN_UNATTRIBUTED_WORDS
