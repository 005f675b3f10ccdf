"""Attribution: which cue and which speaker mention go with a quote.

Token-level facts about one Doc (`Layout`: sentences, paragraphs, quoted
tokens) and the search around a pair of quotation marks (`Finder`): the cue
right after a quote (“…,” the minister said), right before it (X said: “…”),
a "Name:" label, a closing "— Name", or a cue whose complement holds the
quote; for a quote with no cue, the speaker written around its marks
(`Finder.introducer`). The speaker mention of a cue is read by
`core.mentions`.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .complements import complement_tokens
from .content_edges import strip_range, word_count
from .cues import DASHES, QUOTE_MARK_TEXTS, SENTENCE_END, CueHit, find_cues
from .evidence import can_speak
from .lemmas import Lemmas
from .lexicon import label_stopwords
from .marks import QuotedSpan, find_quoted, is_heading, paragraphs
from .mentions import (
    ASIDE_WINDOW,
    NAME_POS,
    mention_range,
    relative_aside,
    subject_of,
)
from .not_cues import in_compound_word
from .records import Span

# Words allowed between a quote's closing mark and its cue: “…,” the Russia FM said.
ATTRIBUTION_POS = frozenset(
    {"DET", "PROPN", "NOUN", "ADJ", "PRON", "ADP", "PART", "ADV", "NUM", "CCONJ", "AUX", "PUNCT"}
)
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
WINDOW = 20  # tokens searched after a quote for its attribution
TAIL_WINDOW = 8  # tokens allowed between a cue and the quote it introduces
LABEL_WINDOW = 8  # tokens of a "Name:" label
LEAD_WINDOW = 60  # tokens searched back for the start of a quote's sentence


@dataclass(slots=True)
class Marked:
    """A pair of quotation marks and where it sits in the Doc."""

    q: QuotedSpan
    first: int  # token of the opening mark
    last: int  # token after the closing mark
    para: int  # paragraph index
    used: bool = False


class Layout:
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
        # no cue is read in quoted words or in a headline
        self.no_cues = list(self.quoted)
        for s, e in self.paras:
            if is_heading(text[s:e]):
                for i in range(
                    bisect.bisect_left(self.starts, s), bisect.bisect_left(self.starts, e)
                ):
                    self.no_cues[i] = True

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

    def lead_floor(self, first: int, para: int) -> int:
        """The furthest token back that a search for the start of the sentence
        holding token ``first`` reads: the first token of its paragraph
        ``para``, at most `LEAD_WINDOW` tokens before ``first``."""
        para_first = self.token_at(self.paras[para][0]) if self.paras else 0
        return max(para_first, first - LEAD_WINDOW)


def title_cased(doc: Doc, start: int, end: int) -> bool:
    """Whether words are written as a title (“This Week with Jane Doe”): every word
    capitalized but short function words, so a long show or book title inside an
    attribution is not taken for the next piece of speech."""
    words = [t for t in doc[start:end] if t.is_alpha]
    return (
        len(words) >= 2
        and capitalized(words[0])
        and all(capitalized(t) or (t.is_stop and len(t) <= 4) for t in words)
    )


def capitalized(tok: Token) -> bool:
    """Written with a capital: Jane, JMC, McDonald, HuffPollster."""
    return tok.text[:1].isupper()


def is_mark(tok: Token) -> bool:
    """Whether a token is a quotation mark, not the apostrophe of a plural
    possessive written after its word ("Sanders’ campaign manager")."""
    if tok.text not in QUOTE_MARK_TEXTS:
        return False
    if tok.text not in ("’", "'") or tok.i == 0:
        return True
    before = tok.doc[tok.i - 1]
    return before.whitespace_ != "" or before.text[-1:] not in "sSzZ" or not tok.whitespace_


def first_letter_at(text: str, start: int) -> str:
    """The first letter in the 8 characters from ``start``, or ""."""
    return next((c for c in text[start : start + 8] if c.isalpha()), "")


def last_char(text: str, end: int) -> str:
    """The last character before ``end`` that is not a space."""
    i = end - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return text[i] if i >= 0 else ""


def word_before(doc: Doc, i: int) -> int:
    """The last token before token ``i`` that is not whitespace (-1 if none)."""
    i -= 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    return i


def token_chars(doc: Doc, rng: tuple[int, int]) -> Span:
    last = doc[rng[1] - 1]
    return doc[rng[0]].idx, last.idx + len(last.text)


def _sender(subj: Token) -> Token | None:
    """Who a subject that cannot speak comes from: "the message from Chief
    Hal Brody" is Brody's message."""
    for prep in subj.rights:
        if prep.dep_ == "prep" and prep.lower_ == "from":
            return next((c for c in prep.children if c.dep_ == "pobj"), None)
    return None


SAYS_OWN_WORDS = frozenset({"dobj", "ccomp", "xcomp", "attr", "dative"})  # a verb's own content


class Finder:
    """The state of one Doc's quote search, shared by its steps."""

    def __init__(self, doc: Doc, lemmas: Lemmas) -> None:
        self.doc = doc
        self.text = doc.text  # Doc.text joins every token: read it once
        quoted = find_quoted(self.text)
        self.layout = Layout(doc, self.text, quoted)
        self.cues = find_cues(doc, lemmas, self.layout.no_cues)
        self.cue_at: dict[int, CueHit] = {}
        self.by_sent: dict[int, list[CueHit]] = {}
        for hit in self.cues:
            for i in range(hit.start, hit.end):
                self.cue_at[i] = hit
            self.by_sent.setdefault(self.layout.sent_of[hit.head], []).append(hit)
        self.complements: dict[int, tuple[int, int] | None] = {}
        self.used: set[int] = set()  # heads of cues already attributed
        self.marked: list[Marked] = []
        for q in quoted:
            first, last = self.layout.tokens(q.outer)
            self.marked.append(Marked(q, first, last, self.layout.para_of(q.outer[0])))

    def complement(self, hit: CueHit) -> tuple[int, int] | None:
        if hit.head not in self.complements:
            self.complements[hit.head] = complement_tokens(hit, self.doc)
        return self.complements[hit.head]

    # -- direct quotes ------------------------------------------------------
    def attribution_after(self, m: Marked) -> CueHit | None:
        """The cue right after a quote: “…,” the Russia FM said / “…,” said Lavrov.

        A quote that ends with a full stop ends its sentence: what follows
        (“….” He added …) belongs to the next one.
        """
        doc = self.doc
        if last_char(self.text, m.q.content[1]) == ".":
            return None
        limit = min(len(doc), m.last + WINDOW)
        i = m.last - 1
        while i + 1 < limit:
            i += 1
            tok = doc[i]
            aside = relative_aside(doc, i, limit + ASIDE_WINDOW)
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
            if tok.text in ".!?;" or (is_mark(tok) and i > m.last):
                return None
            if (
                tok.pos_ not in ATTRIBUTION_POS
                and not tok.is_space
                and not in_compound_word(doc, tok)
            ):
                return None
        return None

    def attribution_before(self, m: Marked) -> CueHit | None:
        """The cue right before a quote, with only its own dependents in between:
        Lavrov said: “…” / she told reporters on Friday, “…” / He added “…”."""
        doc = self.doc
        s_start = self.layout.sentence(m.first)[0]
        para_start = self.layout.paras[m.para][0] if self.layout.paras else 0
        if m.para > 0 and last_char(self.text, para_start) == ":":
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
            if is_mark(tok) or tok.text in ".!?;":
                return None
            if tok.dep_ not in ATTRIBUTION_TAIL_DEPS and not tok.is_punct and not tok.is_space:
                return None
        return None

    def label_before(self, m: Marked) -> tuple[int, int] | None:
        """“Name: “…”” at the start of a paragraph: the speaker label before the colon."""
        doc = self.doc
        colon = word_before(doc, m.first)
        if colon < 1 or doc[colon].text != ":":
            return None
        return self.label_at(colon)

    def label_at(self, colon: int) -> tuple[int, int] | None:
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
        if not capitalized(words[0]):
            return None
        named = all(capitalized(t) or not t.is_alpha or t.is_stop for t in words)
        # "Dock workers union leader Omar Sandoval:" - a role, then a name
        titled = len(words) >= 2 and all(t.pos_ == "PROPN" and capitalized(t) for t in words[-2:])
        return (first, colon) if named or titled else None

    def dash_after(self, m: Marked) -> tuple[int, int] | None:
        """“…” — Name: a dash and a name closing the paragraph, or standing on the
        line after it (a quote set apart, then "— Jane Doe." on its own line)."""
        doc = self.doc
        i = m.last
        lines = 0
        while i < len(doc) and doc[i].is_space:
            lines += doc[i].text.count("\n")
            i += 1
        if lines and not self._own_paragraph(m):
            return None
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
        rng = strip_range(doc, start, end)
        if rng is None or not any(doc[k].pos_ == "PROPN" for k in range(*rng)):
            return None
        return rng

    def introducer(self, outer: Span) -> tuple[int, int] | None:
        """The speaker of a quote with no cue, read around its marks:

        * the subject of the clause a colon closes before the quote ("X
          delivered a blunt message to Y: “…”", "X released this statement:"
          at the end of the paragraph before);
        * the subject of the verb right after a quote that ends in a comma, a
          question or an exclamation mark (“…,” X shot back. / “…?” X went on),
          whatever the verb;
        * the subject of the sentence the quote ends ("The Times characterized
          his path as a “journey from denial …”").
        """
        doc = self.doc
        first, last = self.layout.tokens(outer)
        i = word_before(doc, first)
        if i >= 1 and doc[i].text == ":" and not self.layout.quoted[i]:
            return self._main_verb_speaker(self.layout.sentence(i)[0], i)
        after = self._subject_after(outer, last)
        if after is not None:
            return after
        start = self._sentence_start(first)
        if start is None or word_count(doc, start, first) < 2:
            return None
        return self._main_verb_speaker(start, first)

    def _sentence_start(self, first: int) -> int | None:
        """Where the sentence holding token ``first`` starts, read from the
        surface: after the last sentence-ending mark before it, searched back
        no further than `Layout.lead_floor`; None when a quoted word or a
        quotation mark comes first (another quote stands in the sentence).

        Unlike `lead_start` (the lead of a quote's own sentence, which reads
        on past an earlier quote and stops only at a mark that closes a
        sentence, ‘.”’), another quote before ``first`` here gives None."""
        doc = self.doc
        lo = self.layout.lead_floor(first, self.layout.para_of(doc[first].idx))
        for k in range(first - 1, lo - 1, -1):
            if doc[k].text in SENTENCE_END:
                return k + 1
            if self.layout.quoted[k] or doc[k].text in QUOTE_MARK_TEXTS:
                return None
        return lo

    def _main_verb_speaker(self, start: int, end: int) -> tuple[int, int] | None:
        """The speaker mention of a stretch of words [start, end): the subject of
        their main verb, when it stands among them and can speak. Unlike
        `cues.subject_before` (one verb's subject, any kind), it finds the verb
        itself and gives a mention range, or None."""
        doc = self.doc
        for verb in doc[start:end]:
            if verb.pos_ not in ("VERB", "AUX") or verb.dep_ in ("aux", "auxpass"):
                continue
            if start <= verb.head.i < end and verb.head.i != verb.i:
                continue  # not the main verb of these words
            subj = subject_of(verb)
            if subj is not None and start <= subj.i < end and not can_speak(subj):
                subj = _sender(subj)  # The message from Chief X was clear: “…”
            if subj is not None and start <= subj.i < end and can_speak(subj):
                return mention_range(subj)
            return None
        return None

    def speaker_after(self, outer: Span) -> tuple[int, int] | None:
        """The speaker written right after a quote's marks, the subject of the
        verb that follows a quote ending in a comma, a question or an
        exclamation mark (“…,” X shot back) in the same paragraph, when that
        verb takes no words of its own to say (not “…!” X broke down what …)."""
        found = self._subject_after(outer, self.layout.tokens(outer)[1])
        if found is None or "\n" in self.text[outer[1] : self.doc[found[0]].idx]:
            return None
        verb = self.doc[found[1]] if found[1] < len(self.doc) else None
        if verb is None or any(c.dep_ in SAYS_OWN_WORDS for c in verb.rights):
            return None
        return found

    def _subject_after(self, outer: Span, last: int) -> tuple[int, int] | None:
        """“…,” X shot back: the subject of the verb right after the quote."""
        doc = self.doc
        if last_char(self.text, outer[1] - 1) not in ",?!" or last >= len(doc):
            return None
        for k in range(last, min(len(doc), last + TAIL_WINDOW)):
            tok = doc[k]
            if tok.is_punct or tok.is_space or self.layout.quoted[k]:
                if k > last:
                    return None
                continue
            if tok.pos_ == "VERB" and tok.tag_ in ("VBD", "VBZ") and k > last:
                subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
                if subj is None or not last <= subj.i < k:
                    return None
                if not (can_speak(subj) or subj.is_title):  # the tagger's "Trump" VERB
                    return None
                return strip_range(doc, last, k)
            if tok.pos_ not in NAME_POS and tok.pos_ != "ADV" and not tok.is_title:
                return None
        return None

    def _own_paragraph(self, m: Marked) -> bool:
        """Whether a quote is a paragraph of its own (marks and spaces only)."""
        start, end = self.layout.paras[m.para] if self.layout.paras else (0, len(self.text))
        return not (
            self.text[start : m.q.outer[0]].strip() or self.text[m.q.outer[1] : end].strip()
        )

    def in_complement(self, m: Marked) -> tuple[CueHit, tuple[int, int]] | None:
        """A cue of the same sentence whose complement holds the quote."""
        for hit in self.by_sent.get(self.layout.sent_of[m.first], []):
            if hit.head in self.used or m.first <= hit.head < m.last:
                continue
            comp = self.complement(hit)
            if comp is not None and comp[0] <= m.first + 1 and m.last - 1 <= comp[1]:
                return hit, comp
        return None

    def lead_start(self, m: Marked) -> int:
        """Where the quote's sentence starts, read from the surface (the parser
        often runs a sentence on into the quote that follows it): after the
        last sentence-ending mark, or a quotation mark right after one (‘.”’),
        searched back no further than `Layout.lead_floor`.

        Unlike `_sentence_start` (the speaker of a quote with no cue), an
        earlier quote in the sentence does not stop the search: its words
        count as lead, and there is always a start."""
        doc = self.doc
        lo = self.layout.lead_floor(m.first, m.para)
        for i in range(m.first - 1, lo - 1, -1):
            tok = doc[i]
            if tok.text in SENTENCE_END or (
                tok.text in QUOTE_MARK_TEXTS and i > 0 and doc[i - 1].text in SENTENCE_END
            ):
                return i + 1
        return lo

    def lead_words(self, m: Marked) -> int:
        """Words of the quote's sentence before its opening mark."""
        return word_count(self.doc, self.lead_start(m), m.first)
