"""TIMEX3 values: their grammar, and the calendar days a value covers.

The grammar is the TimeML 1.2.1 `value` attribute (ISO 8601 with TimeML's
extensions): a calendar date at any granularity with X for what is unknown
(``2021-11-12``, ``2021-07``, ``XXXX-12-24``, ``199`` a decade, ``19`` a
century, ``2021-W45``, ``2021-W45-WE``, ``XXXX-WXX-5``, ``2021-Q3``,
``2021-H1``, ``2021-SU``, ``FY1998``), optionally followed by a time of day
(``T15:00``, ``T15:00:30``, ``T24:00``, a part of the day ``TMO``/``TAF``/
``TEV``/``TNI``/``TMI``/``TDT``); a duration (``P3Y``, ``P2Y6M``, ``PT1H30M``,
``PXW``, ``P1Q`` a quarter, ``P2DE`` decades, ``PXCE`` centuries, ``P1ML`` a millennium); or a
reference to the present, past or future (``PRESENT_REF``, ``PAST_REF``,
``FUTURE_REF``). Sets use the same values ("every Monday" is
``XXXX-WXX-1``, "every month" ``P1M``); how often a set recurs in its
period is its ``freq``: a count and X for times ("twice a year": ``2X``) or
a unit ("5 days a week": ``5D``).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

_YEAR = r"(?:FY)?[0-9X]{4}"
_MONTH = r"(?:0[1-9]|1[0-2]|XX)"
_DAY = r"(?:0[1-9]|[12]\d|3[01]|XX)"
_WEEK = r"(?:0[1-9]|[1-4]\d|5[0-3]|XX)"
_CLOCK = r"(?:[01]\d|2[0-3])(?::[0-5]\d(?::[0-5]\d(?:\.\d+)?)?)?|24(?::00(?::00)?)?"
_TIME = rf"T(?:MO|MI|AF|EV|NI|DT|{_CLOCK})"
_DATE = (
    rf"{_YEAR}(?:-{_MONTH}(?:-{_DAY})?|-W{_WEEK}(?:-(?:[1-7X]|WE))?"
    r"|-Q[1-4X]|-H[12X]|-(?:SP|SU|FA|WI))?"
    r"|[0-9X]{3}|[0-9X]{2}"  # decade, century
)
_COUNT = r"(?:\d+(?:\.\d+)?|X)"
_DURATION = rf"P(?:(?:{_COUNT}(?:Y|Q|M|W|D|DE|CE|ML))+(?:T(?:{_COUNT}[HMS])+)?|T(?:{_COUNT}[HMS])+)"
VALUE = re.compile(
    rf"(?:{_DATE})(?:{_TIME})?|{_DURATION}|PRESENT_REF|PAST_REF|FUTURE_REF",
)


def is_value(value: str) -> bool:
    """Whether ``value`` is a well-formed TIMEX3 value."""
    return VALUE.fullmatch(value) is not None


FREQ = re.compile(r"\d+(?:X|[HDWMY])")


def is_freq(freq: str) -> bool:
    """Whether ``freq`` is a well-formed TIMEX3 freq of a set ("2X", "5D")."""
    return FREQ.fullmatch(freq) is not None


# A fraction of a unit, in the next smaller one: TIMEX3 durations in the TimeML gold
# count whole units ("2 1/2 years" is P2Y6M, "a minute and a half" PT1M30S).
SMALLER_UNIT = {"Y": ("M", 12), "W": ("D", 7), "D": ("H", 24), "TH": ("M", 60), "TM": ("S", 60)}


def whole_units(value: str) -> str:
    """A duration with a fractional count in whole units ("P1.5Y" -> "P1Y6M",
    "PT5.5H" -> "PT5H30M", "P2.5D" -> "P2DT12H"); any other value as it is."""
    found = re.fullmatch(r"P(T?)(\d+)\.(\d+)([YWDHMS])", value)
    if found is None:
        return value
    time, whole, frac, unit = found[1], int(found[2]), float("0." + found[3]), found[4]
    key = "T" + unit if time else unit
    if key not in SMALLER_UNIT:
        return value  # months ("P1.5M") have no whole number of days
    smaller, factor = SMALLER_UNIT[key]
    part = frac * factor
    if part != int(part):
        return value
    head = f"P{time}{whole}{unit}" if whole else f"P{time}"
    if unit == "D":
        return f"{head}T{int(part)}{smaller}"
    return f"{head}{int(part)}{smaller}"


SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}


def _iso(d: dt.date) -> str:
    return d.isoformat()


def _month_after(year: int, month: int, delta: int) -> tuple[int, int]:
    idx = year * 12 + (month - 1) + delta
    return idx // 12, idx % 12 + 1


def _month_end(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"


def bounds(value: str) -> tuple[str | None, str | None]:
    """First and last calendar day a TIMEX3 value covers, or (None, None)."""
    try:
        return _bounds(value)
    except ValueError:  # a day that no calendar has ("2021-02-30", "2021-W53")
        return None, None
    except OverflowError:  # a week ending after 9999-12-31: bounds unknown
        return None, None


def _bounds(value: str) -> tuple[str | None, str | None]:
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:T.*)?", value):
        day = _iso(dt.date(int(m[1]), int(m[2]), int(m[3])))
        return day, day
    if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
        y, mo = int(m[1]), int(m[2])
        return f"{y:04d}-{mo:02d}-01", _month_end(y, mo)
    if m := re.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", value):
        monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        if m[3]:
            return _iso(monday + dt.timedelta(days=5)), _iso(monday + dt.timedelta(days=6))
        return _iso(monday), _iso(monday + dt.timedelta(days=6))
    if m := re.fullmatch(r"(\d{4})-W(\d{2})-([1-7])", value):
        day = _iso(dt.date.fromisocalendar(int(m[1]), int(m[2]), int(m[3])))
        return day, day
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", value):
        y, q = int(m[1]), int(m[2])
        return f"{y:04d}-{q * 3 - 2:02d}-01", _month_end(y, q * 3)
    if m := re.fullmatch(r"(\d{4})-H([12])", value):
        y, h = int(m[1]), int(m[2])
        return f"{y:04d}-{h * 6 - 5:02d}-01", _month_end(y, h * 6)
    if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value):
        y = int(m[1])
        first, last = SEASON_MONTHS[m[2]]
        return f"{y:04d}-{first:02d}-01", _month_end(*_month_after(y, 1, last - 1))
    if m := re.fullmatch(r"(?:FY)?(\d{4})", value):
        return f"{m[1]}-01-01", f"{m[1]}-12-31"
    if m := re.fullmatch(r"(\d{3})", value):
        return f"{m[1]}0-01-01", f"{m[1]}9-12-31"
    if m := re.fullmatch(r"(\d{2})", value):
        return f"{m[1]}00-01-01", f"{m[1]}99-12-31"
    return None, None
