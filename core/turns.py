"""Turns of speech across a quote's neighbours: the quote records of one Doc
after they are found, and what each owes to the one next to it.

* A direct quote with no attribution that opens the paragraph after an
  attributed one continues that speaker's turn (`continue_turns`), unless its
  own speaker is written around it; when the attribution ends its paragraph the
  turn joins that quote as a further part (`join_turns`).
* Lowercase quoted words that go on with a paraphrase in their sentence extend
  it into one mixed quote (`fold_fragments`).
* A quote kept with no attribution takes the speaker written around its marks
  or of the attributed quote next to it (`nearby_speakers`).
* `quoted_words`: the stretches inside quotation marks, where names never speak.
"""

from __future__ import annotations

import bisect

from .attribution import Finder, first_letter_at, is_mark, token_chars
from .claims import CONFIDENCE, RawQuote
from .cues import SENTENCE_END
from .records import QuoteKind, Span


def continue_turns(f: Finder, quotes: list[RawQuote]) -> None:
    """An unattributed direct quote opening the paragraph after an attributed one
    continues its speaker's turn, unless its own speaker is written around it
    (“…,” X shot back), who then speaks it."""
    text = f.text
    prev: RawQuote | None = None
    for q in quotes:
        if q.cue is not None or q.speaker is not None:
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
        own = f.introducer(q.outer)
        if own is not None:
            q.speaker, q.confidence = own, CONFIDENCE["labelled"]
        else:
            q.follows = prev if prev.follows is None else prev.follows
            q.confidence = CONFIDENCE["continued"]
        prev = q


FRAGMENT_GAP_TOKENS = 30  # longest stretch between a paraphrase and the quoted words it goes on to


def fold_fragments(f: Finder, quotes: list[RawQuote]) -> list[RawQuote]:
    """Quoted words that go on with the paraphrase before them in the same
    sentence (said there was no one in the race “on pace to win”, said the donors
    gave money and “there’s nothing wrong with that”) are part of its claim: the
    paraphrase runs on to their closing mark as one mixed quote. Only lowercase
    quoted words with no attribution of their own fold; a quote that opens with
    a capital is a sentence of its own."""
    out: list[RawQuote] = []
    for q in quotes:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind in ("indirect", "mixed")
            and q.kind == "direct"
            and q.cue is None
            and q.speaker is None
            and q.follows is None
            and q.outer is not None
            and len(q.parts) == 1
            and prev.end <= q.outer[0]
            and first_letter_at(f.text, q.parts[0][0]).islower()
            and _same_sentence(f, prev, q.outer[0])
        ):
            prev.end = q.outer[1]
            prev.parts[-1] = (prev.parts[-1][0], q.outer[1])
            if prev.kind == "indirect":
                prev.kind, prev.confidence = "mixed", CONFIDENCE["mixed"]
            continue
        out.append(q)
    return out


def _same_sentence(f: Finder, prev: RawQuote, start: int) -> bool:
    """Whether only a few words of the sentence and paragraph of ``prev`` stand
    between it and offset ``start``, none of them a cue or the speaker mention."""
    if "\n" in f.text[prev.end : start]:
        return False
    first, last = f.layout.tokens((prev.end, start))
    if last - first > FRAGMENT_GAP_TOKENS:
        return False
    if prev.speaker is not None and prev.speaker[1] > first and prev.speaker[0] < last:
        return False
    return not any(
        t.text in SENTENCE_END or is_mark(t) or t.i in f.cue_at for t in f.doc[first:last]
    )


def _narrative_after(f: Finder, end: int) -> bool:
    """Whether the paragraph goes on past the sentence a quote ending at
    ``end`` closes: another sentence begins after the attribution."""
    para_end = f.layout.paras[f.layout.para_of(end)][1]
    if para_end <= end:
        return False
    first, last = f.layout.tokens((end, para_end))
    ended = False
    for tok in f.doc[first:last]:
        if tok.text in SENTENCE_END:
            ended = True
        elif ended and tok.is_alpha:
            return True
    return False


def quoted_words(q: RawQuote) -> list[Span]:
    """The stretches of a quote that are someone's own words, within
    quotation marks: a direct quote's parts; a mixed quote's quoted fragment
    and the parts of a turn joined after it. Names written there never speak."""
    if q.outer is None:
        return []
    if q.kind == "direct":
        return list(q.parts)
    return [q.outer, *(p for p in q.parts if p[0] >= q.outer[1])]


JOIN_KINDS: frozenset[QuoteKind] = frozenset({"direct", "mixed"})


def join_turns(f: Finder, quotes: list[RawQuote]) -> list[RawQuote]:
    """A quote that continues the turn of the quote right before it (the
    paragraph after “…,” she said) is more of the same claim: its parts join
    that quote's, so the speaker's words are one record. A turn that another
    record interrupts, that follows an indirect quote, or that a sentence of
    the narrative comes before (“…,” he said. He then asked the crowd.) stays
    on its own."""
    out: list[RawQuote] = []
    reach = -1  # the furthest end of the records before the last one kept
    for q in quotes:
        prev = out[-1] if out else None
        if (
            prev is not None
            and q.cue is None
            and q.follows is not None
            and q.confidence == CONFIDENCE["continued"]
            and q.follows is (prev if prev.follows is None else prev.follows)
            and prev.kind in JOIN_KINDS
            and prev.outer is not None
            and q.outer is not None
            and reach <= prev.start
            and not _narrative_after(f, prev.outer[1])
        ):
            prev.parts.extend(q.parts)
            prev.end = q.end
            continue
        if prev is not None:
            reach = max(reach, prev.end)
        out.append(q)
    return out


NEARBY_PARAGRAPHS = 1  # paragraphs back a quote with no attribution looks for a speaker


def nearby_speakers(f: Finder, quotes: list[RawQuote]) -> None:
    """A quote kept with no attribution is given the speaker written around its
    marks (`Finder.introducer`), else the speaker of the attributed
    quote before it in its own or the previous paragraph, else of the one
    after it in its paragraph: news rarely quotes someone it does not name."""
    layout = f.layout
    spoken = [q for q in quotes if q.speaker is not None or q.follows is not None]
    starts = [q.start for q in spoken]
    for q in quotes:
        if q.cue is not None or q.speaker is not None or q.follows is not None:
            continue
        introducer = None if q.outer is None else f.introducer(q.outer)
        if introducer is not None:
            q.speaker = introducer
            q.confidence = CONFIDENCE["labelled"]
            continue
        para = layout.para_of(q.start)
        k = bisect.bisect_left(starts, q.start)
        near: RawQuote | None = None
        if k > 0 and para - layout.para_of(spoken[k - 1].end) <= NEARBY_PARAGRAPHS:
            near = spoken[k - 1]
        elif k < len(spoken) and layout.para_of(spoken[k].start) == para:
            near = spoken[k]
        if near is not None:
            near = near if near.follows is None else near.follows
            if near.speaker is not None and _holds(f, q, near.speaker):
                continue  # "his book “The Art of the Deal”": a title, not his words
            q.follows = near
            q.confidence = CONFIDENCE["nearby"]


def _holds(f: Finder, q: RawQuote, mention: tuple[int, int]) -> bool:
    """Whether a speaker mention overlaps a quote's words."""
    s, e = token_chars(f.doc, mention)
    return any(ps < e and s < pe for ps, pe in q.parts)
