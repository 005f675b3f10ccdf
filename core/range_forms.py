"""Ranges: two expressions joined by "-", "to", "through", "until" or "between ... and".

TIMEX3 has no value for a range, and TimeML annotates "from 1995 to 2000" as
two expressions, one for each end; so does newsclaims. What the expressions
found one by one get wrong, the range puts right:

- an end written as a bare number takes the rest from the other end: "June
  3-5" is "June 3" and "5" (2021-06-05), "3-4 pm" is "3" (T15:00) and "4 pm",
  "between 2 and 4 p.m.", "10 - 22 August 2012", "Aug 10 - 12, 2012" (both
  in 2012), "1998-99" (1999);
- an end that leaves out what the other end says takes it: "between March and
  June 2020" (March 2020), "from 9:30 to 11:00 on Thursday" (9:30 on Thursday),
  "Friday, 9 a.m. to 5 p.m." (5 p.m. on that Friday);
- weekdays are read as one stretch, the end after the start: "from Monday to
  Friday" in a Friday paper under a future verb is the coming week, and "runs
  from Friday through Sunday" read on a Wednesday is this week's.

The rules work on the document's text and the expressions already found (their
character spans, values and the direction their tense gave), so they run after
`core.timexes` has found every expression.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from .dateparts import Direction, Normalized, iso
from .dates import normalize
from .timewords import words

Ref = dt.date | None

# What joins the two ends; "and" only after "between".
JOIN = r"(?:-|–|—|to|through|thru|until|till|and)"
DAY = re.compile(r"(\d{4})-(\d\d)-(\d\d)")
TIME = re.compile(r"(\d{4}-\d\d-\d\d|XXXX-XX-XX)T(\d\d):(\d\d)(:\d\d)?")
MONTHLY = re.compile(r"(\d{4})-(\d\d)(-\d\d)?")
# A bare number before the joining word and the other end: "3-4 pm", "between 2 and 4 p.m."
BEFORE = re.compile(rf"(?:\b(between|from)\s+)?\b(\d{{1,2}})(?:[:.](\d\d))?\s*({JOIN})\s*$", re.I)
# A bare number after an end: "June 3-5", "Aug 10 - 12, 2012", "1998-99"
AFTER = re.compile(
    r"^\s*(-|–|—|to|through|until|till)\s*(\d{1,2})\b(?![:.]?\d|\s*(?:%|percent|[ap]\.?m))"
    r"(?:,? (\d{4})\b)?",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Found:
    """An expression as `core.timexes` found it: character span, value, direction."""

    start: int
    end: int
    norm: Normalized
    way: Direction = None


def _own_day(text: str) -> bool:
    """Whether an expression names its own day, not just a clock time ("11:00")."""
    found = normalize(text, None)
    return found is not None and not found.value.startswith("XXXX-XX-XX")


def _bare_before(text: str, b: Found, taken: int) -> Found | None:
    """The bare number that starts a range whose end is ``b``: "3" of "3-4 pm"."""
    m = BEFORE.search(text[taken : b.start])
    if m is None or (m[4].lower() == "and" and not m[1]):
        return None
    start = taken + m.start(2)
    end = taken + m.end(3) if m[3] else taken + m.end(2)
    n = int(m[2])
    if t := TIME.fullmatch(b.norm.value):
        hour, minute = n, int(m[3] or 0)
        end_hour = int(t[2])
        if end_hour >= 12 and hour < 12 and hour + 12 <= end_hour:
            hour += 12  # "3-4 pm": the start is in the afternoon too
        if hour > 23 or minute > 59:
            return None
        value = f"{t[1]}T{hour:02d}:{minute:02d}"
        return Found(start, end, Normalized(value, "TIME", "time"), b.way)
    d = DAY.fullmatch(b.norm.value)
    body = text[b.start : b.end]
    if d is None or m[3] or not body[:1].isdigit() or not 1 <= n < int(d[3]):
        return None  # "10 - 22 August 2012", "from 1 to 15 June": the day before the month
    return Found(start, end, Normalized(f"{d[1]}-{d[2]}-{n:02d}", "DATE", "day"), b.way)


def _bare_after(text: str, a: Found, limit: int) -> tuple[Found, Found | None] | None:
    """The bare number that ends a range started by ``a`` ("5" of "June 3-5"), and ``a``
    again when the year written after the number is its year too ("Aug 10 - 12, 2012")."""
    m = AFTER.match(text[a.end : limit])
    if m is None:
        return None
    start, end = a.end + m.start(2), a.end + m.end(2)
    n = int(m[2])
    value = a.norm.value
    if re.fullmatch(r"\d{4}", value) and m[1] in "-–—" and len(m[2]) == 2 and not m[3]:
        end_year = int(value[:2] + m[2])  # "1998-99"
        if end_year <= int(value):
            return None
        return Found(start, end, Normalized(str(end_year), "DATE", "year"), a.way), None
    d = DAY.fullmatch(value)
    if d is None or not text[a.start : a.end][-1:].isdigit() or n <= int(d[3]):
        return None
    year = m[3] or d[1]
    try:
        dt.date(int(year), int(d[2]), n)
    except ValueError:
        return None
    end_day = Found(start, end, Normalized(f"{year}-{d[2]}-{n:02d}", "DATE", "day"), a.way)
    if m[3] and not re.search(r"\d{4}", text[a.start : a.end]):
        return end_day, replace(a, norm=replace(a.norm, value=f"{year}-{d[2]}-{d[3]}"))
    return end_day, None


def _weekdays(a: Found, b: Found, text: str, ref: Ref) -> tuple[Found, Found] | None:
    """Two weekdays as one stretch, the end on or after the start (at most six days)."""
    names = words("weekday")
    if ref is None or any(text[x.start : x.end].lower() not in names for x in (a, b)):
        return None
    da, db = (DAY.fullmatch(x.norm.value) for x in (a, b))
    if da is None or db is None:
        return None
    first, last = dt.date.fromisoformat(da[0]), dt.date.fromisoformat(db[0])
    if 0 <= (last - first).days <= 6:
        return None
    gap = (last.weekday() - first.weekday()) % 7
    if last > ref and first <= ref and a.way != "past":
        first = last - dt.timedelta(days=gap)  # "runs from Friday through Sunday"
    else:
        last = first + dt.timedelta(days=gap)  # the start decides
    return (
        replace(a, norm=replace(a.norm, value=iso(first))),
        replace(b, norm=replace(b.norm, value=iso(last))),
    )


def _same_year(a: Found, b: Found, text: str, ref: Ref) -> Found | None:
    """The start of "between March and June 2020" in the end's year."""
    ma, mb = MONTHLY.fullmatch(a.norm.value), MONTHLY.fullmatch(b.norm.value)
    if ref is None or ma is None or mb is None or int(ma[1]) != ref.year:
        return None
    if re.search(r"\d{4}|'\d\d", text[a.start : a.end]):
        return None
    if not re.search(r"\d{4}", text[b.start : b.end]) or ma[1] == mb[1]:
        return None
    year = int(mb[1]) - (1 if (ma[2], ma[3] or "") > (mb[2], mb[3] or "") else 0)
    return replace(a, norm=replace(a.norm, value=f"{year}{a.norm.value[4:]}"))


def _same_day(a: Found, b: Found, text: str) -> tuple[Found, Found] | None:
    """A clock time without a day takes the day of the other end."""
    ta, tb = TIME.fullmatch(a.norm.value), TIME.fullmatch(b.norm.value)
    if ta is None or tb is None or ta[1] == tb[1]:
        return None
    own_a, own_b = _own_day(text[a.start : a.end]), _own_day(text[b.start : b.end])
    if own_b and not own_a:
        a = replace(a, norm=replace(a.norm, value=tb[1] + a.norm.value[len(ta[1]) :]))
    elif own_a and not own_b:
        b = replace(b, norm=replace(b.norm, value=ta[1] + b.norm.value[len(tb[1]) :]))
    else:
        return None
    return a, b


def ranges(text: str, found: list[Found], ref: Ref) -> list[Found]:
    """The expressions of ``text`` with the ends of its ranges completed and put right
    (see the module's docstring); new ends are added, in text order."""
    out = sorted(found, key=lambda f: f.start)
    added: list[Found] = []
    for i, b in enumerate(out):
        taken = max([out[i - 1].end] if i else [0])
        if (start := _bare_before(text, b, taken)) is not None:
            added.append(start)
    for i, a in enumerate(out):
        limit = out[i + 1].end if i + 1 < len(out) else len(text)
        after = _bare_after(text, a, limit)
        if after is not None:
            end, again = after
            if not any(f.start < end.end and f.end > end.start for f in out):
                added.append(end)
                if again is not None:
                    out[i] = again
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        between = text[a.end : b.start]
        if not re.fullmatch(rf"\s*{JOIN}\s*", between, re.I):
            continue
        if between.strip().lower() == "and" and not re.search(
            r"\bbetween\s*$", text[max(0, a.start - 12) : a.start], re.I
        ):
            continue
        pair = _weekdays(a, b, text, ref) or _same_day(a, b, text)
        if pair is not None:
            out[i], out[i + 1] = pair
        elif (start := _same_year(a, b, text, ref)) is not None:
            out[i] = start
    return sorted(out + added, key=lambda f: f.start)
