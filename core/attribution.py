"""Attribution: which cue and which speaker mention go with a quote.

Token-level facts about one Doc (`Layout`: sentences, paragraphs, quoted
tokens) and the search around a pair of quotation marks (`Finder`): the cue
right after a quote (“…,” the minister said), right before it (X said: “…”),
a "Name:" label, a closing "— Name", or a cue whose complement holds the
quote. The speaker of a cue is read from the surface around an inverted
attribution (`surface_speaker`) or from the parse (`speaker_for`: the
cue's subject, the object of "according to", the possessor of a cue noun).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .cues import (
    DASHES,
    NOUN_FRAME,
    QUOTE_MARK_TEXTS,
    SENTENCE_END,
    CueHit,
    complement_tokens,
    continues_cue,
    find_cues,
    strip_range,
    word_count,
)
from .evidence import can_speak
from .lemmas import Lemmas
from .lexicon import document_nouns, event_nouns, label_stopwords
from .marks import QuotedSpan, find_quoted, is_heading, paragraphs
from .records import Span
from .syntax import RELATIVE_PRONOUNS

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
WINDOW = 20  # tokens searched after a quote for its attribution
ASIDE_WINDOW = 25  # longest ", who ...," aside skipped inside an attribution
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


def subject_of(verb: Token) -> Token | None:
    """The speaker token of a cue verb: its subject, or the subject it shares.

    A passive cue speaks through its agent ("asked by a reporter", "Asked by
    X to respond, Y said": X asked); "for X to say" through X. "adding"/
    "saying" clauses, coordinated verbs ("... and said") and gerunds after a
    preposition ("ended by saying") borrow the subject of the verb they hang
    from, and an infinitive after an object borrows the object ("led X to
    declare", "prompted many to wonder"). A clause hanging off a noun is
    spoken by that noun when it can speak ("a voter saying"); off a thing
    ("launched petitions calling for", "a chance to say", "a statement
    saying"), by whoever the sentence is about.
    """
    agent = _agent(verb)
    if agent is not None:
        return agent
    owner = _for_subject(verb)
    if owner is not None:
        return owner
    tok = verb
    for _ in range(CLIMB_STEPS):
        if tok.pos_ in ("VERB", "AUX", "ADJ"):
            for child in tok.children:
                if child.dep_ == "nsubj" or (child.dep_ == "nsubjpass" and tok.i != verb.i):
                    return child  # "X is expected to": X is what is reported, not who reports
        head = tok.head
        if head.i == tok.i:
            break
        if tok.dep_ == "xcomp":
            obj = next((c for c in head.children if c.dep_ == "dobj" and c.i < tok.i), None)
            if obj is not None and can_speak(obj):
                return obj
        if tok.dep_ == "conj" and continues_cue(tok):
            tok = head.head  # X forecast that Y would rebound and praised Z: X praised
        elif tok.dep_ in ("conj", "advcl", "xcomp", "parataxis"):
            if head.pos_ in ("NOUN", "PROPN") and head.dep_ == "ROOT" and can_speak(head):
                return head  # a parse with no verb: "A voter in Ames, saying ..."
            tok = head
        elif tok.dep_ == "pcomp" and head.dep_ == "prep" and head.head.i != head.i:
            tok = head.head
        elif tok.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN"):
            owner = next((c for c in head.children if c.dep_ == "poss"), None)
            if owner is not None and not can_speak(head) and _infinitive(tok):
                return owner  # "Trump's failure to denounce ...": Trump
            if head.dep_ not in ("dobj", "pobj") or not _occasion(head, tok):
                return head
            tok = head
        elif tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("dobj", "pobj") and tok is not verb:
            tok = head  # the thing the clause hangs off: up to the verb it is the object of
        elif tok.dep_ == "prep" and tok is not verb:
            tok = head
        else:
            break
    return None


CLIMB_STEPS = 6  # links followed up the parse from a cue to its speaker


def _infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _occasion(noun: Token, clause: Token) -> bool:
    """Whether a noun a cue clause hangs off only carries or occasions the
    speech of whoever the sentence is about: a text ("issued a statement
    saying"), an event ("opened a rally blasting ..."), a noun with an
    infinitive ("passed up chances to challenge", "took a moment to point
    out"), or one set off by a comma ("made a third attempt, writing that").
    A person or group speaks itself ("quoted a voter saying"), and so does
    any other thing ("911 calls saying", "ledgers showing")."""
    if can_speak(noun) and noun.lower_ not in document_nouns():
        return False
    if noun.lower_ in document_nouns() or noun.lower_ in event_nouns():
        return True
    return _infinitive(clause) or (clause.i > 0 and clause.doc[clause.i - 1].text == ",")


def _agent(verb: Token) -> Token | None:
    """The agent of a passive cue: "was asked by X", "Asked by X, ..."."""
    for child in verb.children:
        if child.dep_ == "agent":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    return None


def _for_subject(verb: Token) -> Token | None:
    """X of "for X to say": "an opening for Clinton to highlight ...", "common
    for news accounts to portray ..."."""
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    to = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    if to is None or to.i == 0:
        return None
    tok = verb.doc[to.i - 1]
    if tok.dep_ == "pobj" and tok.head.lower_ == "for" and tok.head.i < tok.i:
        return tok
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
    for k in range(tok.i + 1, end):
        if doc[k].pos_ == "VERB" and doc[k].dep_ not in ("amod", "compound"):
            end = k  # a parse run on into a clause: "De Blasio, speaking ..., called"
            break
    while end > start + 1 and (
        doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].dep_ == "cc"
    ):
        end -= 1
    while start < end - 1 and (doc[start].is_punct or doc[start].is_space):
        start += 1
    return start, end


def speaker_for(doc: Doc, hit: CueHit) -> tuple[tuple[int, int] | None, int | None]:
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
            return _surface_owner(doc, head.i), None
        start, end = mention_range(owner)
        while end > start + 1 and doc[end - 1].dep_ == "case":
            end -= 1  # Trump's -> Trump
        return (start, end), None
    subj = subject_of(head)
    if subj is None:
        return surface_subject(doc, head.i), None
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
        else:  # the parse missed the relative clause: the noun written before it
            before = subj.i - 1
            if before > 0 and doc[before].text == "," and subj.lower_ != "that":
                before -= 1
            if before >= 0 and doc[before].pos_ in ("NOUN", "PROPN"):
                referent = before
    return mention_range(subj), referent


SUBJECT_GAP_POS = frozenset({"ADV", "AUX", "PART"})  # "has also said", "did not say"
SUBJECT_WORDS = 8  # longest name written right before a cue verb


def surface_subject(doc: Doc, verb: int) -> tuple[int, int] | None:
    """The noun phrase written right before a finite cue verb whose parse has no
    subject: "former president Bill Clinton said" read as an apposition,
    "Rep. Paul Ryan (R-WI) said", "Jane Roe, head of the group, recounted"."""
    tok = doc[verb]
    if tok.tag_ not in ("VBD", "VBZ", "VBP") or any(c.dep_ == "auxpass" for c in tok.children):
        return None
    i = verb - 1
    while i >= 0 and doc[i].pos_ in SUBJECT_GAP_POS and not doc[i].is_punct:
        i -= 1
    if i >= 0 and doc[i].text == ")":  # a party and state: "(R-WI)"
        k = i - 1
        while k >= 0 and i - k <= 6 and doc[k].text != "(":
            k -= 1
        i = k - 1 if k >= 0 and doc[k].text == "(" else -1
    if i >= 1 and doc[i].text == ",":  # "Jane Roe, head of the group, recounted"
        k = i - 1
        while k >= 0 and i - k <= ASIDE_WINDOW and doc[k].text != ",":
            if doc[k].text in SENTENCE_END or "\n" in doc[k].text:
                return None
            k -= 1
        i = k - 1 if k >= 1 and doc[k].text == "," else -1
    if i < 0 or doc[i].pos_ not in ("PROPN", "NOUN", "PRON") or not can_speak(doc[i]):
        return None
    start = i
    while (
        start > 0
        and i - start < SUBJECT_WORDS
        and (doc[start - 1].pos_ in ("PROPN", "NOUN", "ADJ", "DET") or doc[start - 1].tag_ == "POS")
        and doc[start - 1].pos_ != "PRON"
    ):
        start -= 1
    return start, i + 1


POSSESSIVE = frozenset({"'s", "’s", "'", "’"})


def _surface_owner(doc: Doc, noun: int) -> tuple[int, int] | None:
    """The possessor written before a cue noun when the parse missed it: "the
    Tulsa police’s earlier claim" (the parser read "’s" as "is")."""
    i = noun - 1
    while i >= 0 and doc[i].pos_ in ("ADJ", "ADV") and i > noun - 3:
        i -= 1
    if i < 1 or doc[i].text not in POSSESSIVE:
        return None
    end = i
    start = end
    while start > 0 and doc[start - 1].pos_ in ("PROPN", "NOUN") and end - start < 5:
        start -= 1
    return (start, end) if start < end else None


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


def last_char(text: str, end: int) -> str:
    """The last character before ``end`` that is not a space."""
    i = end - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return text[i] if i >= 0 else ""


def token_chars(doc: Doc, rng: tuple[int, int]) -> Span:
    last = doc[rng[1] - 1]
    return doc[rng[0]].idx, last.idx + len(last.text)


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
            if tok.text in QUOTE_MARK_TEXTS or tok.text in ".!?;":
                return None
            if tok.dep_ not in ATTRIBUTION_TAIL_DEPS and not tok.is_punct and not tok.is_space:
                return None
        return None

    def label_before(self, m: Marked) -> tuple[int, int] | None:
        """“Name: “…”” at the start of a paragraph: the speaker label before the colon."""
        doc = self.doc
        colon = m.first - 1
        while colon >= 0 and doc[colon].is_space:
            colon -= 1
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
        rng = strip_range(doc, start, end)
        if rng is None or not any(doc[k].pos_ == "PROPN" for k in range(*rng)):
            return None
        return rng

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

    def lead_words(self, m: Marked) -> int:
        """Words of the quote's sentence before its opening mark."""
        return word_count(self.doc, self.lead_start(m), m.first)
