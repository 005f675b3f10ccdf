"""Pairing quotation marks in raw text, robustly.

Runs on the text before any parsing: linear, paragraph by paragraph, so one
stray or unbalanced mark costs at most the paragraph it sits in, never the
rest of the article. Double marks of every style pair first (curly, straight,
guillemets, low-9, and the doubled apostrophes ``''`` some newspapers print
for a double mark); single marks pair only outside them (inside, they are
nested quotes) and only when they do not look like apostrophes ("Joneses’",
"’90s", "don’t").

News runs a long quote over several paragraphs by opening each paragraph with
a mark and closing only the last; an opener left dangling at a paragraph's end
is carried into the next paragraph only if that paragraph opens with a mark.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .records import Span


@dataclass(frozen=True, slots=True)
class MarkStyle:
    name: str
    pairs: dict[str, str]  # opening mark -> the marks that may close it (space-separated)
    pattern: re.Pattern[str]
    apostrophes: bool  # whether a mark of this style can also be an apostrophe


DOUBLE = MarkStyle(
    "double",
    {
        "“": '” “ "',
        "„": "“ ”",
        "‟": "”",
        "«": "»",
        "»": "«",
        '"': '" ” “',
        "''": "''",
        "``": "''",
    },
    re.compile("''|``|[“”„‟«»\"]"),
    apostrophes=False,
)
SINGLE = MarkStyle(
    "single",
    {"‘": "’", "‚": "‘ ’", "‹": "›", "›": "‹", "'": "'", "`": "'"},
    re.compile("(?<!')'(?!')|[‘’‚‹›`]"),
    apostrophes=True,
)
# Marks whose direction is written into the glyph: no context needed.
ALWAYS_OPEN = frozenset(["“", "„", "‟", "‘", "‚", "``", "`"])
ALWAYS_CLOSE = frozenset(["”", "’"])

# A mark left open at a paragraph's end starts a run-on quote only when a few
# words follow it: a stray mark before a word or two is a typo, not a quote ...
MIN_RUN_ON_WORDS = 5
# ... and only when its paragraph ends a sentence, as a quoted paragraph does.
RUN_ON_ENDS = frozenset(".!?…—-:;")

# How the piece of a split quote before its attribution, and the attribution, end.
SPLIT_PIECE_ENDS = frozenset(".,!?")

# Paragraphs end at every line break: a stray mark never reaches past its line.
PARAGRAPH_BREAK = re.compile(r"\n\s*")


@dataclass(frozen=True, slots=True)
class QuotedSpan:
    """A quoted stretch: the outer span (marks included) and the content parts.

    ``parts`` has one span per paragraph for quotes that run over several;
    ``content`` runs from the first part's start to the last part's end.
    """

    outer: Span
    content: Span
    parts: tuple[Span, ...]
    style: str  # "double" | "single"


def paragraphs(text: str) -> list[Span]:
    """Spans of paragraphs (lines with text), split at line breaks."""
    spans: list[Span] = []
    start = 0
    for m in PARAGRAPH_BREAK.finditer(text):
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


HEADING_WORD = re.compile(r"[^\W\d_][\w’'-]*")
MAX_HEADING_WORDS = 20
# A heading ends without a sentence's closing punctuation (and is no quotation).
HEADING_NOT_LAST = frozenset(".!?:;,”\"'’»)")


def is_heading(line: str) -> bool:
    """Whether a paragraph reads as a headline or subhead: one short line, no
    closing punctuation, every word of four letters or more capitalized
    ("Ministers Agree to Resume Water Talks", "WHERE THE PLAN STANDS").
    Headlines report nobody's words: no quotes or speakers come from them."""
    line = line.strip()
    if not line or "\n" in line or line[-1] in HEADING_NOT_LAST:
        return False
    words = HEADING_WORD.findall(line)
    if not 2 <= len(words) <= MAX_HEADING_WORDS:
        return False
    long = [w for w in words if len(w) >= 4]
    return bool(long) and all(w[0].isupper() for w in long)


def find_quoted(text: str) -> list[QuotedSpan]:
    """All quoted spans in the text, in order: doubles, then singles outside them."""
    paras = paragraphs(text)
    doubles = _scan(text, paras, DOUBLE, blocked=())
    singles = _scan(text, paras, SINGLE, blocked=tuple(q.outer for q in doubles))
    return _disjoint(doubles, singles)


def _disjoint(doubles: list[QuotedSpan], singles: list[QuotedSpan]) -> list[QuotedSpan]:
    """The spans in order, none inside another.

    Single marks are blocked inside double quotes, but a single pair can still
    enclose double ones. That is British style (‘He said “no” to me’) when the
    article quotes with single marks more than with double ones: the single
    quote stands and its inner quotes belong to it. Otherwise the single pair
    is the doubtful one (an apostrophe taken for a mark) and gives way, so a
    real double quote is never lost to it.
    """
    british = len(singles) > len(doubles)
    keep_outer = singles if british else doubles
    others = doubles if british else singles
    kept = sorted(keep_outer, key=lambda q: q.outer)
    starts = [q.outer[0] for q in kept]
    out = list(kept)
    for q in others:
        i = bisect.bisect_right(starts, q.outer[1] - 1)  # kept spans starting before q ends
        if i and kept[i - 1].outer[1] > q.outer[0]:
            continue  # overlaps the kept span before it
        out.append(q)
    return sorted(out, key=lambda q: q.outer)


def _around(text: str, start: int, end: int) -> tuple[str, str]:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return before, after


def _can_open(text: str, start: int, end: int) -> bool:
    """An opener has text right after it and no letter or digit right before it;
    a left curly mark set apart by spaces on both sides (said. “ You know …)
    opens too, since it cannot close."""
    before, after = _around(text, start, end)
    if after.isspace():
        return (
            text[start:end] in ALWAYS_OPEN
            and before.isspace()
            and after == " "
            and text[end + 1 : end + 2].isalnum()
        )
    return text[start:end] in ALWAYS_OPEN or not before.isalnum()


def _can_close(text: str, start: int, end: int) -> bool:
    """A closer has text right before it and no letter or digit right after it."""
    before, after = _around(text, start, end)
    if before.isspace():
        return False
    return text[start:end] in ALWAYS_CLOSE or not after.isalnum()


def _is_apostrophe(text: str, i: int, quote_open: bool, p_end: int) -> bool:
    """Whether a single mark is an apostrophe: don’t, O’Brien, ’90s, the Joneses’ car.

    A mark after "s" and before a space is a plural possessive unless a
    single quotation is open, in which case it is more likely the closer;
    but not when a lowercase word follows it and a mark further on in the
    paragraph can close the quote (‘It’s the workers’ money,’ she said).
    """
    before, after = _around(text, i, i + 1)
    if before.isalnum() and after.isalnum():
        return True
    if after.isdigit() and not before.isalnum():
        return True
    if before not in "sSzZ" or not after.isspace():
        return False
    if not quote_open:
        return True
    return text[i + 2 : i + 3].islower() and _closer_after(text, i + 1, p_end, text[i])


def _closer_after(text: str, start: int, end: int, mark: str) -> bool:
    """Whether the same mark surely closes a quote in ``[start, end)``: one that
    can close, after punctuation (‘…,’) or before punctuation or the end."""
    at = text.find(mark, start, end)
    while at >= 0:
        after = text[at + 1 : at + 2]
        if _can_close(text, at, at + 1) and (
            text[at - 1] in CLOSING_PUNCT or not (after.isalnum() or after.isspace())
        ):
            return True
        at = text.find(mark, at + 1, end)
    return False


CLOSING_PUNCT = frozenset(",.?!;:")  # punctuation a closing mark follows (‘…,’ she said)


@dataclass(slots=True)
class _Open:
    """A mark that opened a quote, still waiting for its closer."""

    start: int
    end: int
    mark: str


def _scan(
    text: str, paras: list[Span], style: MarkStyle, blocked: tuple[Span, ...]
) -> list[QuotedSpan]:
    out: list[QuotedSpan] = []
    carried: list[Span] = []  # parts of a quote running on from earlier paragraphs
    carried_open = -1
    b = 0  # index into blocked (sorted, disjoint)
    for p_start, p_end in paras:
        opened: _Open | None = None
        parts: list[Span] = []
        continuing = False
        first = True
        for m in style.pattern.finditer(text, p_start, p_end):
            i, j = m.start(), m.end()
            while b < len(blocked) and blocked[b][1] <= i:
                b += 1
            if b < len(blocked) and blocked[b][0] <= i:
                first = False
                continue
            mark = m.group()
            if style.apostrophes and _is_apostrophe(text, i, opened is not None, p_end):
                continue
            at_start = first and text[p_start:i].strip() == ""
            first = False
            if carried and at_start and mark in style.pairs and _can_open(text, i, j):
                # this paragraph continues the run-on quote
                opened, parts, continuing = _Open(i, j, mark), carried, True
                carried = []
                continue
            if opened is None:
                if mark in style.pairs and _can_open(text, i, j):
                    opened = _Open(i, j, mark)
            elif mark in style.pairs[opened.mark].split() and (
                _can_close(text, i, j) or not _can_open(text, i, j)
            ):  # a closer set off by a space ("two-step ") still closes
                whole = [*parts, (opened.end, i)]
                outer_start = carried_open if continuing else opened.start
                out.append(_make(outer_start, j, whole, style.name))
                opened, parts, continuing = None, [], False
            elif mark == opened.mark and _can_open(text, i, j) and not _can_close(text, i, j):
                opened = _Open(i, j, mark)  # a second opener: the first one was stray
                parts, continuing = [], False
        carried = []  # a run-on quote not continued by this paragraph is dropped
        if opened is not None and not style.apostrophes:
            end = p_end
            while end > opened.end and text[end - 1].isspace():
                end -= 1
            if _ends_split_quote(text, out, opened, p_start, end, continuing):
                # “…,” said X. “… the end of the paragraph, never closed
                out.append(_make(opened.start, end, [(opened.end, end)], style.name))
                continue
            if continuing or (
                _words(text, opened.end, end) >= MIN_RUN_ON_WORDS and text[end - 1] in RUN_ON_ENDS
            ):
                if not continuing:
                    carried_open = opened.start
                carried = [*parts, (opened.end, end)]
    return out


def _ends_split_quote(
    text: str, out: list[QuotedSpan], opened: _Open, p_start: int, end: int, continuing: bool
) -> bool:
    """Whether a mark left open at a paragraph's end opens the last piece of a
    quote split by its attribution in that paragraph (“…,” said X. “…), whose
    writer left out the closing mark: the piece runs to the paragraph's end.
    The next paragraph must not go on with the quote (open with a mark)."""
    if continuing or not out or out[-1].outer[0] < p_start:
        return False
    nxt = end
    while nxt < len(text) and text[nxt].isspace():
        nxt += 1
    if nxt < len(text) and DOUBLE.pattern.match(text, nxt):
        return False
    prev = out[-1].content
    return (
        text[prev[0] : prev[1]].rstrip()[-1:] in SPLIT_PIECE_ENDS
        and text[out[-1].outer[1] : opened.start].rstrip()[-1:] in SPLIT_PIECE_ENDS
        and _words(text, opened.end, end) >= MIN_RUN_ON_WORDS
        and text[end - 1] in RUN_ON_ENDS
    )


def _words(text: str, start: int, end: int) -> int:
    """How many words a stretch of one paragraph holds (counted up to a few)."""
    return len(text[start:end].split(None, MIN_RUN_ON_WORDS)[:MIN_RUN_ON_WORDS])


def _make(open_at: int, close_end: int, parts: list[Span], style: str) -> QuotedSpan:
    return QuotedSpan(
        outer=(open_at, close_end),
        content=(parts[0][0], parts[-1][1]),
        parts=tuple(parts),
        style=style,
    )
