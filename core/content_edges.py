"""The edges of a quote's content: which tokens at its ends belong to it.

`strip_range` trims punctuation and quotation marks off a token range but
keeps what belongs to the words (a closing "?", "!" or "%", a ")" whose "("
is inside, a word split by a hyphen); the others cut what leads into or
hangs off a complement without being what was reported: a dateline, leading
linking words ("But", "And"), an aside ("..., which ..."), an apposition
after the content, a phrase of time that tells when the words were said
("said on Friday she ...", "endorsed X on Thursday"). `core.complements`
reads which words a cue reports and trims them here.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .cues import DASHES, QUOTE_MARK_TEXTS
from .event_words import is_event_noun
from .syntax import TIME_POINT_PREPS

DATELINE_TOKENS = 20  # longest dateline skipped at the start of a complement
# Edge tokens spaCy marks as punctuation that belong to the words they close:
# "a 22%", "what went wrong?", "stop now!".
KEPT_END_MARKS = frozenset({"?", "!", "%"})


def strip_range(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Drop punctuation and spaces at the edges, except quotation marks, a closing
    "?", "!", "%" or a ")" whose "(" is inside, and a conjunction left dangling at
    the end ("worried about the cost, and"); a word split by a hyphen ("Twenty-three")
    is kept whole."""
    start = _word_front(doc, start)
    while start < end and (
        doc[start].is_space or (doc[start].is_punct and doc[start].text not in QUOTE_MARK_TEXTS)
    ):
        start += 1
    while end > start and (
        doc[end - 1].is_space
        or (doc[end - 1].is_punct and not _kept_end(doc, start, end))
        or (doc[end - 1].pos_ == "CCONJ" and end - 1 > start)
    ):
        end -= 1
    return (start, end) if start < end else None


def _glued(doc: Doc, i: int, start: int) -> bool:
    """Whether token ``i`` is a hyphen or "#" inside the word that token ``start``
    ends: "Twenty-" before "three", "#" before a hashtag."""
    tok = doc[i]
    if start >= len(doc) or tok.whitespace_ or doc[start].is_space or doc[start].is_punct:
        return False
    if tok.text == "#":
        return True
    if tok.text in ("-", "‐") and i > 0 and not doc[i - 1].whitespace_:
        return doc[i - 1].is_alpha or doc[i - 1].like_num
    return False


def _word_front(doc: Doc, start: int) -> int:
    """The first token of the word that token ``start`` ends ("Twenty-three")."""
    while start > 0 and _glued(doc, start - 1, start):
        start -= 1 if doc[start - 1].text == "#" else 2
    return start


def _kept_end(doc: Doc, start: int, end: int) -> bool:
    """Whether the punctuation closing a range belongs to its words."""
    last = doc[end - 1].text
    if last in QUOTE_MARK_TEXTS or (last in KEPT_END_MARKS and end - 1 > start):
        return True
    return last == ")" and any(t.text == "(" for t in doc[start : end - 1])


def skip_dateline(doc: Doc, rng: tuple[int, int]) -> tuple[int, int]:
    """Start after a dateline: place names, a date and a dash before the first words."""
    for i in range(rng[0], min(rng[1] - 1, rng[0] + DATELINE_TOKENS)):
        tok = doc[i]
        if tok.text in DASHES and not _glued(doc, i, i + 1):
            return strip_range(doc, i + 1, rng[1]) or rng
        if not (tok.pos_ in ("PROPN", "NUM", "PUNCT", "SPACE") or tok.is_title):
            return rng
    return rng


# Words that link a reported sentence to the one before it and are no part of
# the claim: "But the plan ...", "Still, the poll ...".
LINKING_WORDS = frozenset({"but", "and", "yet", "still", "however", "nevertheless", "nonetheless"})


def skip_lead(doc: Doc, rng: tuple[int, int]) -> tuple[int, int]:
    """Start after a word that links the claim to the sentence before it:
    annotators (and readers) take "But the plan will fail" as "the plan will fail"."""
    start, end = rng
    while start < end - 1 and doc[start].lower_ in LINKING_WORDS:
        start += 1
        if doc[start].text == ",":
            start += 1
    rest = strip_range(doc, start, end)
    return rest if rest is not None and word_count(doc, *rest) >= 2 else rng


# Words that open an aside after a comma: ", which ...", ", who ...".
ASIDE_OPENERS = frozenset({"which", "who", "whose", "whom", "where"})
# Words that open an apposition describing who or what was named: ", the
# founder of ...", ", a red line for ...", ", one that ...".
APPOSITION_OPENERS = frozenset({"the", "a", "an", "one"})


def trim_apposition(doc: Doc, rng: tuple[int, int]) -> tuple[int, int]:
    """Drop an apposition that ends the content and describes what was named
    ("..., an extraction method"; "Martin Shkreli, the executive charged with
    fraud"): the claim is the meeting, not who he is. One that restates a
    common noun ("the question, the sharing of water") says what it is."""
    end = rng[1]
    last = doc[end - 1]
    for tok in doc[rng[0] : end]:
        if tok.dep_ != "appos" or tok.right_edge.i < last.i or tok.head.i < rng[0]:
            continue
        if tok.pos_ != "NOUN" or tok.left_edge.lower_ not in APPOSITION_OPENERS:
            continue  # a name or a list ("himself, Trump and Cruz") is content
        if tok.left_edge.lower_ == "the" and tok.head.pos_ != "PROPN":
            continue  # "the question, the sharing of water": what the question is
        comma = tok.left_edge.i - 1
        if comma > rng[0] and doc[comma].text == ",":
            cut = strip_range(doc, rng[0], comma)
            if cut is not None and word_count(doc, *cut) >= 3:
                return cut
    return rng


def trim_aside(doc: Doc, rng: tuple[int, int]) -> tuple[int, int]:
    """Drop a non-restrictive relative clause that ends the content: annotators
    (and readers) take "a Cruz win in Texas, which votes on March 1" as the claim
    "a Cruz win in Texas"."""
    for i in range(rng[0] + 3, rng[1] - 1):
        nxt = i + 1
        while nxt < rng[1] - 1 and doc[nxt].text in QUOTE_MARK_TEXTS:
            nxt += 1  # “…maniacal,” adding ...: the quote closes before the aside
        if doc[i].text != "," or (nxt > i + 1 and doc[nxt].tag_ != "VBG"):
            continue
        if _opens_aside(doc[nxt]):
            cut = strip_range(doc, rng[0], i)
            if cut is not None and word_count(doc, *cut) >= 3:
                return cut
    return rng


def _opens_aside(tok: Token) -> bool:
    """ ", which ...", ", who ...", or a participle tacked on (", angering his base")."""
    if tok.lower_ in ASIDE_OPENERS:
        return True
    return tok.tag_ == "VBG" and tok.dep_ in ("advcl", "acl", "xcomp")


# Entity labels of a time expression; `syntax.TIME_POINT_PREPS` make one a
# phrase of time ("on Friday", "in June 2015", "at midnight").
TIME_ENTS = frozenset({"DATE", "TIME"})
# Dependents that can be a phrase of time hung on a clause or a noun.
TIME_DEPS = frozenset({"prep", "npadvmod", "tmod", "advmod"})


def time_phrase(tok: Token) -> bool:
    """Whether a dependent says only when: "on Friday", "Tuesday night", "last week"."""
    if tok.dep_ not in TIME_DEPS:
        return False
    words = [t for t in tok.subtree if not (t.is_punct or t.is_space)]
    if tok.dep_ == "prep":
        if tok.lower_ not in TIME_POINT_PREPS:
            return False
        words = words[1:]
    return bool(words) and all(t.ent_type_ in TIME_ENTS for t in words)


def skip_time_lead(doc: Doc, rng: tuple[int, int]) -> tuple[int, int]:
    """Start after a phrase of time that opens a clause reported without "that"
    ("said on Friday she met ...", "said Tuesday his plan ..."): the parser hangs it
    on the clause, but it tells when the words were said, not what they say."""
    start, end = rng
    if any(t.text in QUOTE_MARK_TEXTS for t in doc[start:end]):
        return rng  # “on her worst day” she would ...: the speaker's own words
    for tok in doc[start:end]:
        if tok.left_edge.i != start or not time_phrase(tok):
            continue
        rest = strip_range(doc, tok.right_edge.i + 1, end)
        if rest is not None and word_count(doc, *rest) >= 3:
            return rest
        break
    return rng


def names_event(noun: Token) -> bool:
    """Whether a noun names an event that a phrase of time can date ("her speech",
    "his remarks"), by `core.event_words.is_event_noun`."""
    lemma = noun.lemma_ or noun.lower_
    if noun.tag_ == "NNS" and lemma.endswith("s") and not noun.lemma_:
        lemma = lemma[:-1]  # "remarks": the lexicon lists the singular
    return is_event_noun(noun, lemma)


def trim_time_tail(doc: Doc, rng: tuple[int, int], obj: Token) -> tuple[int, int]:
    """End a reported noun phrase before a phrase of time that closes it, hung on
    the object itself ("announced his support for the governor on Thursday"): the
    time of the report. One hung deeper dates what the phrase holds ("a plan the
    city commissioned in 2012"), and one on a noun that names an event dates the
    event ("praised her speech on Thursday")."""
    start, end = rng
    if names_event(obj):
        return rng
    for tok in obj.children:
        if tok.right_edge.i != end - 1 or tok.left_edge.i <= start or not time_phrase(tok):
            continue
        kept = strip_range(doc, start, tok.left_edge.i)
        if kept is not None and word_count(doc, *kept) >= 1:
            return kept
        break
    return rng


def word_count(doc: Doc, start: int, end: int) -> int:
    return sum(1 for t in doc[start:end] if t.is_alpha or t.like_num)
