"""Finding temporal expressions in a parsed document and normalizing them.

Candidates are spaCy's DATE and TIME entities plus the few single words that
its NER leaves out ("now", "currently", "recently", "daily"). Each is
normalized by `dates.normalize` with a direction read from the tense of the
verb that governs it; what does not normalize is not a date ("5+5", ages).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .dates import Direction, Normalized, normalize
from .timewords import words

FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "would", "'d"})


@dataclass(frozen=True, slots=True)
class Timex:
    start: int  # character offsets in the spaCy Doc's text
    end: int
    text: str
    norm: Normalized
    root: int  # token index of the expression's syntactic head


def direction(token: Token) -> Direction:
    """Past or future, from the tense of the verb governing ``token``."""
    verb = token
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    lowers = {a.lower_ for a in auxes}
    if lowers & FUTURE_AUX:
        return "future"
    if "to" in lowers or any(a.lower_ == "going" for a in auxes):
        return "future"
    if verb.tag_ == "VBD" or lowers & {"had", "has", "have", "did", "was", "were"}:
        return "past"
    if verb.tag_ == "VBN" and verb.dep_ in ("amod", "acl"):
        return "past"
    if verb.tag_ in ("VBZ", "VBP", "VBG") or lowers & {"is", "are", "am"}:
        return "present"
    return None


def _trim(span: Span) -> tuple[int, int]:
    """Token bounds of an entity without edge punctuation and possessive 's."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (
        doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].tag_ == "POS"
    ):
        end -= 1
    return start, end


LONE_WORDS = re.compile(
    r"^(?:now|currently|recently|nowadays|daily|weekly|monthly|annually|yearly)$"
)


def find_timexes(doc: Doc, ref: dt.date | None) -> list[Timex]:
    """All normalizable temporal expressions in the document, in order."""
    out: list[Timex] = []
    taken: set[int] = set()
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        s, e = _trim(ent)
        if s >= e:
            continue
        span = doc[s:e]
        norm = normalize(span.text, ref, direction(span.root))
        if norm is None:
            continue
        out.append(Timex(span.start_char, span.end_char, span.text, norm, span.root.i))
        taken.update(range(s, e))
    refs = words("ref")
    for tok in doc:
        if tok.i in taken or not LONE_WORDS.match(tok.lower_):
            continue
        if tok.lower_ in refs and tok.pos_ != "ADV":
            continue
        norm = normalize(tok.text, ref, None)
        if norm is not None:
            out.append(Timex(tok.idx, tok.idx + len(tok.text), tok.text, norm, tok.i))
    out.sort(key=lambda t: t.start)
    return out
