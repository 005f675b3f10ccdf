"""Pairing quotation marks in raw text, robustly.

Runs on the text before any parsing: linear, paragraph by paragraph, so one
stray or unbalanced mark costs at most the paragraph it sits in, never the
rest of the article. Double marks of every style pair first; single marks
pair only outside them (inside, they are nested quotes) and only when they do
not look like apostrophes ("Joneses’", "’90s", "don’t").

News runs a long quote over several paragraphs by opening each paragraph with
a mark and closing only the last; an opener left dangling at a paragraph's end
is carried into the next paragraph only if that paragraph opens with a mark.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .records import Span


@dataclass(frozen=True, slots=True)
class MarkStyle:
    name: str
    pairs: dict[str, str]  # opening mark -> the marks that may close it
    pattern: re.Pattern[str]
    apostrophes: bool  # whether a mark of this style can also be an apostrophe


DOUBLE = MarkStyle(
    "double",
    {"“": "”“", "„": "“”", "‟": "”", "«": "»", "»": "«", '"': '"'},
    re.compile('[“”„‟«»"]'),
    apostrophes=False,
)
SINGLE = MarkStyle(
    "single",
    {"‘": "’", "‚": "‘’", "‹": "›", "›": "‹", "'": "'"},
    re.compile("[‘’‚‹›']"),
    apostrophes=True,
)
# Marks whose direction is written into the glyph: no context needed.
ALWAYS_OPEN = frozenset("“„‟‘‚")
ALWAYS_CLOSE = frozenset("”’")

PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*|\n(?=[ \t]*[“„«\"‘‚‹])")


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
    """Spans of paragraphs, split at blank lines and at newlines before an opening mark."""
    spans: list[Span] = []
    start = 0
    for m in PARAGRAPH_BREAK.finditer(text):
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def find_quoted(text: str) -> list[QuotedSpan]:
    """All quoted spans in the text, in order: doubles, then singles outside them."""
    paras = paragraphs(text)
    doubles = _scan(text, paras, DOUBLE, blocked=())
    singles = _scan(text, paras, SINGLE, blocked=tuple(q.outer for q in doubles))
    return sorted(doubles + singles, key=lambda q: q.outer)


def _around(text: str, i: int) -> tuple[str, str]:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return before, after


def _can_open(text: str, i: int) -> bool:
    """An opener has text right after it and no letter or digit right before it."""
    before, after = _around(text, i)
    if after.isspace():
        return False
    return text[i] in ALWAYS_OPEN or not before.isalnum()


def _can_close(text: str, i: int) -> bool:
    """A closer has text right before it and no letter or digit right after it."""
    before, after = _around(text, i)
    if before.isspace():
        return False
    return text[i] in ALWAYS_CLOSE or not after.isalnum()


def _is_apostrophe(text: str, i: int, quote_open: bool) -> bool:
    """Whether a single mark is an apostrophe: don’t, O’Brien, ’90s, the Joneses’ car.

    A mark after "s" and before a space is a plural possessive unless a
    single quotation is open, in which case it is more likely the closer.
    """
    before, after = _around(text, i)
    if before.isalnum() and after.isalnum():
        return True
    if after.isdigit() and not before.isalnum():
        return True
    return before in "sSzZ" and after.isspace() and not quote_open


def _scan(
    text: str, paras: list[Span], style: MarkStyle, blocked: tuple[Span, ...]
) -> list[QuotedSpan]:
    out: list[QuotedSpan] = []
    carried: list[Span] = []  # parts of a quote running on from earlier paragraphs
    carried_open = -1
    b = 0  # index into blocked (sorted, disjoint)
    for p_start, p_end in paras:
        open_at: int | None = None
        open_ch = ""
        parts: list[Span] = []
        continuing = False
        first = True
        for m in style.pattern.finditer(text, p_start, p_end):
            i = m.start()
            while b < len(blocked) and blocked[b][1] <= i:
                b += 1
            if b < len(blocked) and blocked[b][0] <= i:
                first = False
                continue
            ch = text[i]
            if style.apostrophes and _is_apostrophe(text, i, open_at is not None):
                continue
            at_start = first and text[p_start:i].strip() == ""
            first = False
            if carried and at_start and ch in style.pairs and _can_open(text, i):
                # this paragraph continues the run-on quote
                open_at, open_ch, parts, continuing = i, ch, carried, True
                carried = []
                continue
            if open_at is None:
                if ch in style.pairs and _can_open(text, i):
                    open_at, open_ch = i, ch
            elif ch in style.pairs[open_ch] and _can_close(text, i):
                whole = [*parts, (open_at + 1, i)]
                outer_start = carried_open if continuing else open_at
                out.append(_make(outer_start, i + 1, whole, style.name))
                open_at, parts, continuing = None, [], False
            elif ch == open_ch and _can_open(text, i) and not _can_close(text, i):
                open_at = i  # a second opener: the first one was stray
                parts, continuing = [], False
        if carried:
            carried = []  # the run-on quote was not continued: drop it
        if open_at is not None and not style.apostrophes:
            end = p_end
            while end > open_at + 1 and text[end - 1].isspace():
                end -= 1
            if not continuing:
                carried_open = open_at
            carried = [*parts, (open_at + 1, end)]
    return out


def _make(open_at: int, close_end: int, parts: list[Span], style: str) -> QuotedSpan:
    return QuotedSpan(
        outer=(open_at, close_end),
        content=(parts[0][0], parts[-1][1]),
        parts=tuple(parts),
        style=style,
    )
