"""In which order a document writes all-numeric dates: day first or month first.

"19.02.2010" and "02/19/2010" settle it (a number above 12 can only be the
day); "12-03-2007" does not. The order of an ambiguous date comes, in this
order, from: an unambiguous all-numeric date elsewhere in the same document
(the majority, if both occur); the place of the document's dateline
(``core/data/date_order_places.tsv``: "LONDON, 12/03/2007" is day first);
the caller's default (the ``--day-first`` option); dots as separators
("12.03.2007", which only day-first countries write). When none of these
applies the date is read month first, the convention of the American wire
copy the rules were written on, and marked ambiguous (granularity
``ambiguous-day``) so that the guess is never silent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .lexicon import read_mapping

NUMERIC_DATE = re.compile(r"(?<![\d/.-])(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})(?![\d/-]|\.\d)")
DATELINE_PLACE = re.compile(r"^\s*([A-Z][A-Za-z.'’ ]{1,40}?)\s*(?:,|\(|[-—–]{1,2}\s)")


@dataclass(frozen=True, slots=True)
class Order:
    day_first: bool
    ambiguous: bool  # nothing in the date, the document or the options settled it


def numeric_order(a: int, b: int, separator: str, day_first: bool | None) -> Order | None:
    """How to read the numbers ``a``, ``b`` of "a-b-year"; None if neither order is a date.

    ``day_first`` is what the document (or the caller) says; None when nothing does.
    """
    if (a > 12 and b > 12) or a < 1 or b < 1:
        return None
    if a > 12:
        return Order(True, False)
    if b > 12:
        return Order(False, False)
    if a == b:
        return Order(False, False)  # both orders give the same day
    if day_first is not None:
        return Order(day_first, False)
    if separator == ".":
        return Order(True, False)
    return Order(False, True)


@cache
def _places() -> dict[str, str]:
    return read_mapping("date_order_places.tsv")


def document_order(text: str, default: bool | None = None) -> bool | None:
    """Whether the document writes day first (True), month first (False), or None if unknown.

    ``default`` is the caller's setting, used when the document itself says nothing.
    """
    votes = [0, 0]  # month first, day first
    for m in NUMERIC_DATE.finditer(text):
        a, b = int(m[1]), int(m[3])
        if 1 <= a <= 31 and 1 <= b <= 31 and (a > 12) != (b > 12):
            votes[a > 12] += 1
    if votes[0] != votes[1]:
        return votes[1] > votes[0]
    head = text.lstrip()[:200]
    if found := DATELINE_PLACE.match(head):
        place = _places().get(found[1].strip().lower())
        if place is not None:
            return place == "day"
    return default
