"""Quotes nobody is said to speak: which are speech and which are scare quotes,
titles, nicknames, slogans or headlines.

`core.quotes` asks `unattributed` for a quote with no cue around it and filters
every direct quote with no cue, speaker or turn through `worth_keeping`.
"""

from __future__ import annotations

from .attribution import Finder, Marked, last_char, title_cased, word_before
from .claims import CONFIDENCE, RawQuote
from .content_edges import word_count
from .cues import SENTENCE_END

MIN_UNATTRIBUTED_WORDS = 5  # shorter unattributed quotes are scare quotes and titles

MIN_CONTINUATION_WORDS = 4  # shorter quotes neither continue a turn nor stand alone

SENTENCE_OPENERS = frozenset({"", ".", "!", "?", "…"})  # what comes before a sentence of its own


def unattributed(f: Finder, m: Marked) -> RawQuote | None:
    """A quote nobody is said to speak: kept only when long enough to be speech."""
    q = m.q
    if word_count(f.doc, m.first, m.last) < MIN_CONTINUATION_WORDS:
        return None
    return RawQuote(
        *q.content, list(q.parts), "direct", None, None, CONFIDENCE["unattributed"], outer=q.outer
    )


def worth_keeping(f: Finder, q: RawQuote) -> bool:
    """Drop scare quotes, titles and nicknames: short quotes nobody is said to
    speak, and titles of any length inside a clause (The book “Nine Lives of a
    River” sold out: every word capitalized, no sentence ends in it, a word
    before it). After punctuation or at a paragraph's start, words in capitals
    are a slogan or a headline ("a hat reading, “Make …”")."""
    if q.cue is not None or q.follows is not None or q.kind != "direct":
        return True
    if _bylined(f, q):
        return False
    s, e = f.layout.tokens((q.start, q.end))
    ends = last_char(f.text, q.end) in SENTENCE_END
    if title_cased(f.doc, s, e) and not ends and _in_clause(f, q):
        return False
    if ends and q.outer is not None and last_char(f.text, q.outer[0]) in SENTENCE_OPENERS:
        return True  # Rex Fell had one request. “Go home and vote.”: a sentence of its own
    return word_count(f.doc, s, e) >= MIN_UNATTRIBUTED_WORDS


def _in_clause(f: Finder, q: RawQuote) -> bool:
    """Whether a word (not punctuation, not a paragraph break) is right before the marks."""
    if q.outer is None:
        return False
    before = word_before(f.doc, f.layout.tokens(q.outer)[0])
    return before >= 0 and f.doc[before].is_alpha


def _bylined(f: Finder, q: RawQuote) -> bool:
    """Whether "by" and a name follow the closing mark, with a comma or not: the
    quoted words are a title and its author or performer, not speech."""
    if q.outer is None:
        return False
    doc = f.doc
    i = f.layout.tokens(q.outer)[1]
    while i < len(doc) and (doc[i].is_space or doc[i].text == ","):
        i += 1
    if i + 1 >= len(doc) or doc[i].lower_ != "by" or "\n" in doc[i - 1].text:
        return False
    after = doc[i + 1]
    return after.is_title or after.lower_ == "the"
