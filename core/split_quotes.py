"""Joining a quote split by its attribution (“…,” she said. “…”) into one quote.

An attributed quote takes the unattributed pieces that follow its attribution
in the same paragraph as further ``parts``, unless the words between them
start a new sentence, hold another quote, or go on with another speaker's
clause ("she said, and her husband cut in"), whose turn the next piece is.
"""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Token

from .attribution import (
    Finder,
    Marked,
    first_letter_at,
    last_char,
    title_cased,
    token_chars,
    word_before,
)
from .claims import CONFIDENCE, RawQuote
from .content_edges import strip_range, word_count
from .cues import DASHES, QUOTE_MARK_TEXTS, SENTENCE_END, CueHit, subject_child
from .evidence import can_speak
from .lexicon import gender_words, honorifics

SPLIT_GAP_CHARS = 320  # longest attribution between the two pieces of a split quote

MIN_SENTENCE_WORDS = 4  # fewest words of a piece that opens right after its cue

SPLIT_ENDS = frozenset({".", ",", ";", "—"})  # how an attribution between two pieces ends


def merge_split(f: Finder, quotes: list[RawQuote], pending: list[Marked]) -> list[RawQuote]:
    """“…,” she said. “…” is one quote: join an attributed quote to the unattributed
    pieces that follow its attribution in the same paragraph."""
    if not pending:
        return quotes
    text = f.text
    starts = [m.q.outer[0] for m in pending]
    taken = sorted(q.start for q in quotes)
    turns: list[RawQuote] = []  # pieces that another speaker in the attribution says
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
            if "\n" in gap or _starts_between(taken, q.outer[1], nxt.q.outer[0]):
                break  # a new paragraph, or another quote in between
            if q.outer[1] > cue_char and gap.strip(" ,.;:!?—–-") != "":
                break  # after the first join, only adjacent pieces follow
            gap_end = _gap_end(gap)
            if gap_end == ":":
                break  # “…,” said X, who built the file: “…”: a new introduction
            if first_letter_at(text, nxt.q.content[0]).islower() and _other_cue_between(
                f, q.cue, q.outer[1], nxt.first
            ):
                # words quoted in the clause of another cue in the attribution
                if gap_end in SPLIT_ENDS:
                    break  # “…,” she wrote, arguing that if …, “homes will burn.”
                k += 1  # “…,” said X, who noted that prices had “cratered” … “…”
                continue
            if (
                q.cue.chars[1] > nxt.q.outer[0] or gap_end not in SPLIT_ENDS
            ) and not _stop_left_out(f, q, q.cue, nxt):
                # a title inside the attribution (told NBC’s “Today” on Monday)
                if q.outer[1] > cue_char or (
                    word_count(f.doc, nxt.first, nxt.last) >= 4
                    and not title_cased(f.doc, nxt.first, nxt.last)
                ):
                    break
                nxt.used = True  # a title inside the attribution, not speech
                k += 1
                continue
            if _sentence_between(f, q.outer[1], nxt.first):
                break  # “…,” says X, a voter. She adds that “…”: a new sentence
            own = f.speaker_after(nxt.q.outer)
            if own is not None and own != q.speaker:
                break  # “…,” said X. “…,” Y shot back: Y's turn, not more of X's
            other = _another_speaker_between(f, q.cue, q.outer[1], nxt.first)
            if other is not None:
                # “…,” she said, and her husband cut in. “…”: his words
                nxt.used = True
                turns.append(
                    RawQuote(
                        *nxt.q.content,
                        list(nxt.q.parts),
                        "direct",
                        None,
                        other,
                        CONFIDENCE["labelled"],
                        outer=nxt.q.outer,
                    )
                )
                break
            q.parts.extend(nxt.q.parts)
            q.end = nxt.q.content[1]
            q.outer = (q.outer[0], nxt.q.outer[1])
            nxt.used = True
            k += 1
    return quotes + turns


def _stop_left_out(f: Finder, q: RawQuote, cue: CueHit, nxt: Marked) -> bool:
    """“…,” she said “Then the …”: the full stop after the cue was left out. A
    direct quote's next piece opens right after the cue with a sentence of its
    own (a capital, several words, not a title, a sentence end before its
    closing mark)."""
    if q.kind != "direct" or f.text[cue.chars[1] : nxt.q.outer[0]].strip():
        return False
    if not first_letter_at(f.text, nxt.q.content[0]).isupper():
        return False
    if word_count(f.doc, nxt.first, nxt.last) < MIN_SENTENCE_WORDS:
        return False
    return not title_cased(f.doc, nxt.first, nxt.last) and (
        last_char(f.text, nxt.q.content[1]) in SENTENCE_END
    )


def _another_speaker_between(
    f: Finder, cue: CueHit, start: int, stop: int
) -> tuple[int, int] | None:
    """The speaker of a clause of its own that the attribution between two
    pieces goes on with, a verb with its own subject joined to the cue ("she
    said, and her husband cut in"): the next piece is that speaker's turn."""
    doc = f.doc
    for tok in doc[f.layout.token_at(start) : stop]:
        if tok.dep_ != "conj" or tok.head.i != cue.head or tok.pos_ not in ("VERB", "AUX"):
            continue
        subj = subject_child(tok)
        if subj is not None and (can_speak(subj) or subj.lower_ in gender_words()):
            return subj.left_edge.i, subj.i + 1
    return None


def _other_cue_between(f: Finder, cue: CueHit, start: int, stop: int) -> bool:
    """Whether a cue other than the quote's own stands between offset ``start``
    and token ``stop``."""
    return any(
        i in f.cue_at and f.cue_at[i].head != cue.head
        for i in range(f.layout.token_at(start), stop)
    )


def _starts_between(starts: list[int], lo: int, hi: int) -> bool:
    """Whether one of the sorted offsets lies in ``[lo, hi)``."""
    k = bisect.bisect_left(starts, lo)
    return k < len(starts) and starts[k] < hi


def _sentence_between(f: Finder, start: int, stop: int) -> bool:
    """Whether a sentence ends between offset ``start`` and token ``stop`` and
    words follow it: the attribution is done and another sentence has begun."""
    doc = f.doc
    ended = False
    for tok in doc[f.layout.token_at(start) : stop]:
        if tok.text in SENTENCE_END and not _abbreviated(tok):
            ended = True
        elif ended and tok.is_alpha:
            return True
    return False


def _abbreviated(stop: Token) -> bool:
    """Whether a full stop ends a short title-cased abbreviation the tokenizer
    split off ("Lt." "Sgt."), not a sentence."""
    if stop.i == 0 or stop.text != ".":
        return False
    prev = stop.doc[stop.i - 1]
    if not prev.whitespace_ and prev.lower_ in honorifics():
        return True  # said Army Capt. Ana Pardo: a title before a name
    return not prev.whitespace_ and prev.is_title and len(prev.text) <= 3


def _gap_end(gap: str) -> str:
    """How the words between two pieces end, looking through the closing mark of a
    title they hold (said on “This Week.” “…”)."""
    return gap.rstrip().rstrip("”\"’'»").rstrip()[-1:]


LEAD_BREAKS = frozenset({",", ";", ":", "(", ")"}) | DASHES  # punctuation a lead holds none of

LEAD_ATTRIBUTION_WORDS = 12  # longest attribution set off between a sentence's lead and its quote


def lead_pieces(f: Finder, quotes: list[RawQuote]) -> list[RawQuote]:
    """A sentence that the attribution interrupts before its quoted words (`An
    economic downturn, he said, “could be …”`, `If the pier closes, she said, “…”`) is one
    mixed quote: the words before the attribution are its first part."""
    doc = f.doc
    taken = sorted((q.start, q.end) for q in quotes)
    by_outer = {m.q.outer: m for m in f.marked}
    for q in quotes:
        if q.kind != "direct" or q.cue is None or q.outer is None or q.follows is not None:
            continue
        m = by_outer.get(q.outer)
        if m is None or q.cue.category == "punctuation" or q.cue.chars[1] > q.outer[0]:
            continue
        attr = min(q.cue.start, q.speaker[0]) if q.speaker is not None else q.cue.start
        if not first_letter_at(f.text, q.parts[0][0]).islower():
            continue  # Later, she said, “We …”: a sentence of the speaker's own
        if attr >= m.first or not _set_off(doc, attr, m.first):
            continue
        lead = strip_range(doc, f.lead_start(m), attr)
        if lead is None or lead[0] >= attr or any(f.layout.quoted[i] for i in range(*lead)):
            continue
        if any(_not_lead(doc[i], q.cue.head) for i in range(lead[0], word_before(doc, attr))):
            continue  # In a statement, she said, “…”: the lead tells how it was said
        span = token_chars(doc, lead)
        k = bisect.bisect_left(taken, (span[0], -1))
        if any(s < span[1] and span[0] < e for s, e in taken[max(0, k - 1) : k + 1]):
            continue  # the lead is another quote's: a claim of its own
        q.parts.insert(0, span)
        q.start, q.kind, q.confidence = span[0], "mixed", CONFIDENCE["mixed"]
    return quotes


def _not_lead(tok: Token, cue_head: int) -> bool:
    """Whether a token keeps the words before an attribution from being the
    quote's first part: a quotation mark, a word of the cue's own phrase (`In a
    statement`, `Still`), or punctuation between two phrases (`The remarks were
    aimed at critics, including, he said, “…”`)."""
    return tok.text in QUOTE_MARK_TEXTS or tok.head.i == cue_head or tok.text in LEAD_BREAKS


def _set_off(doc: Doc, attr: int, first: int) -> bool:
    """Whether the attribution in tokens ``[attr, first)`` is set off by a comma
    before it and a comma or colon after it, within a few words."""
    before = word_before(doc, attr)
    after = first - 1
    while after > attr and doc[after].is_space:
        after -= 1
    if before < 0 or doc[before].text != "," or doc[after].text not in (",", ":"):
        return False
    if any(t.text in SENTENCE_END or t.text in QUOTE_MARK_TEXTS for t in doc[attr:after]):
        return False
    return word_count(doc, attr, after) <= LEAD_ATTRIBUTION_WORDS
