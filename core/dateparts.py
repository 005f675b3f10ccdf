"""What every date form is built from: the value type, the form registry, calendar helpers.

A date form is one unit: its name, its pattern, its handler and examples of
what it reads (`form`). Patterns are written with the vocabulary's names in
braces (``{month}``, ``{weekday}``, ``{day}``, ``{year}``: see `vocabulary`),
so regex repetition braces are doubled (``\\d{{2}}``). The order in which
forms are tried is `core.dates.ORDER`; the examples are checked by the tests
against the reference date Friday 2021-11-12 with no tense given.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Literal

from .lexicon import read_table
from .records import TimexQuant, TimexType
from .timewords import alternation, words

Direction = Literal["past", "future", "present"] | None


@dataclass(frozen=True, slots=True)
class Normalized:
    value: str
    type: TimexType
    granularity: str
    mod: str | None = None
    freq: str | None = None  # TIMEX3 freq of a set: "2X" for "twice a year"
    quant: TimexQuant | None = None  # TIMEX3 quant of a set: "every week" is EVERY


@dataclass(frozen=True, slots=True)
class Focus:
    """What the document has said so far, for expressions that depend on it.

    ``quarter`` is the last fiscal quarter named ("third-quarter profit"), so
    that "a year ago" in an earnings report is that quarter a year before;
    ``date`` is the last absolute date, so that "the same day" or "that year"
    can take its value, and a clock time with no day ("at 10 p.m.") the day
    the text is on. ``day_first`` is how the document orders an all-numeric
    date ("12-03-2007"): True day first, False month first, None unknown (see
    `core.numeric_dates`).
    """

    quarter: str | None = None
    date: str | None = None
    day_first: bool | None = None


Match = re.Match[str]
Handler = Callable[[Match, str, "dt.date | None", Direction, Focus], "Normalized | None"]


@dataclass(frozen=True, slots=True)
class Form:
    """One way of writing a date: its pattern, its handler, and what it reads."""

    name: str
    pattern: str
    handler: Handler
    examples: tuple[tuple[str, str | None], ...]

    def compiled(self) -> re.Pattern[str]:
        return _compile(self.pattern)


REGISTRY: dict[str, Form] = {}


def form(name: str, pattern: str, examples: dict[str, str | None]) -> Callable[[Handler], Handler]:
    """Register a handler as the date form ``name``; ``examples`` map text to value
    (None: the pattern matches but the text is not a date)."""

    def register(handler: Handler) -> Handler:
        if name in REGISTRY:
            raise ValueError(f"date form {name!r} defined twice")
        REGISTRY[name] = Form(name, pattern, handler, tuple(examples.items()))
        return handler

    return register


@cache
def holidays() -> dict[str, str]:
    """Holiday name -> its rule, from ``core/data/holidays.tsv``."""
    return {row[0]: row[1] for row in read_table("holidays.tsv")}


@cache
def vocabulary() -> dict[str, str]:
    """The names patterns may use, each a regex alternation of its words."""
    kinds = (
        "month",
        "weekday",
        "unit",
        "number",
        "season",
        "partofday",
        "ordinal",
        "dayordinal",
        "decade",
    )
    vocab = {k: alternation(k) for k in kinds}
    vocab |= {
        "rel": alternation("relative"),
        "zone": alternation("zone"),
        "ref": alternation("ref"),
        "set": alternation("set"),
        "day": r"(\d{1,2})(?:st|nd|rd|th)?",
        "year": r"(\d{4})",
        "holiday": "|".join(re.escape(n) for n in sorted(holidays(), key=len, reverse=True)),
    }
    numbers = words("number")
    vocab["tens"] = "|".join(w for w, v in numbers.items() if v.isdigit() and 10 <= int(v) <= 90)
    vocab["units"] = "|".join(
        w for w, v in numbers.items() if v.isdigit() and 1 <= int(v) <= 9 and w != "a"
    )
    vocab["hourword"] = "|".join(
        sorted(
            (
                w
                for w, v in numbers.items()
                if v.isdigit() and 1 <= int(v) <= 12 and w not in ("a", "an", "couple", "dozen")
            ),
            key=len,
            reverse=True,
        )
    )
    return vocab


@cache
def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern.format_map(vocabulary()))


# -- calendar helpers shared by the forms --------------------------------------


def count(word: str) -> str | None:
    """A count as TIMEX3 writes it: digits, or X when vague ("a few")."""
    if re.fullmatch(r"\d+(?:\.\d+)?", word):
        return word.rstrip("0").rstrip(".") if "." in word else word
    word = word.removesuffix(" of").removeprefix("a ")
    if word == "couple":
        return "2"  # "a couple of years" is P2Y in the TimeML gold (2 of 2)
    if word == "few":
        return "X"
    val = words("number").get(word)
    if val is None:
        return None
    return val.removesuffix(".0")


def iso(d: dt.date) -> str:
    return d.isoformat()


def week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def quarter_of(day: dt.date) -> str:
    """The calendar quarter a day falls in: 2021-11-12 is 2021-Q4."""
    return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    idx = year * 12 + (month - 1) + delta
    return idx // 12, idx % 12 + 1


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The ``n``th ISO weekday ``weekday`` counted from the month's start (the last one
    when ``n`` is not positive); past the month's end when the month has fewer."""
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
    last = dt.date(year, month, calendar.monthrange(year, month)[1])
    return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)


def shift_day(day: dt.date, n: int, unit: str) -> dt.date | None:
    """``day`` moved ``n`` of a calendar unit (D, W, 2W, M, Y); at a shorter month's
    end when the month it lands in has no such day."""
    if unit in ("D", "W", "2W"):
        return day + dt.timedelta(days=n * {"D": 1, "W": 7, "2W": 14}[unit])
    if unit in ("M", "Y"):
        y, mo = shift_month(day.year, day.month, n * (12 if unit == "Y" else 1))
        return dt.date(y, mo, min(day.day, calendar.monthrange(y, mo)[1]))
    return None


def valid_day(year: int | None, month: int, day: int) -> bool:
    if not 1 <= month <= 12 or day < 1:
        return False
    return day <= calendar.monthrange(year if year else 2000, month)[1]


def day_value(y: int, mo: int, d: int) -> Normalized | None:
    return Normalized(f"{y:04d}-{mo:02d}-{d:02d}", "DATE", "day") if valid_day(y, mo, d) else None


def month_num(name: str) -> int:
    return int(words("month")[name])


def relative_offset(word: str | None) -> int | None:
    """The calendar offset of a relative word ("last" -1, "this coming" +1), from the
    `relative` kind of ``core/data/time_words.tsv``; None for no word."""
    return None if word is None else int(words("relative")[word])


def full_year(two_digits: int, ref: dt.date | None) -> int:
    """The year a two-digit year means: the century that puts it at most ten years
    after the reference ("99" in 2021 is 1999, "25" is 2025)."""
    pivot = (ref.year if ref else 2000) + 10
    year = pivot // 100 * 100 + two_digits
    return year - 100 if year > pivot else year


# A month-day without a year that the tense puts more than half a year back,
# into the year before, when this year's is less than a quarter ahead, is
# this year's: news gives the year of a date of another year ("set to expire
# Nov. 6" read on Nov. 2, "payable Dec. 24" read in November); "happened on
# Jan. 21" read in November is this January.
FAR_DAYS = 183
NEAR_DAYS = 92
# A month-day the tense puts ahead that fell a few days before the reference is
# that one ("repatriate the child by Jan. 14" read on Jan. 15), not next year's.
JUST_PASSED_DAYS = 14
# How far ahead a month named with no tense may be and still be this year's.
MONTHS_AHEAD = 2


def month_day_year(ref: dt.date, month: int, day: int, direction: Direction) -> int | None:
    """The year of a month-day written without one, from the tense's direction."""
    candidates = []
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            candidates.append(dt.date(year, month, day))
        except ValueError:
            continue
    if not candidates:
        return None
    if direction == "past":
        past = [c for c in candidates if c <= ref]
        soon = [c for c in candidates if 0 < (c - ref).days <= NEAR_DAYS and c.year == ref.year]
        if past and (ref - past[-1]).days > FAR_DAYS and soon:
            return soon[0].year  # "declared a dividend, payable Dec. 15" in late October
        return past[-1].year if past else None
    if direction == "future":  # a deadline just passed is that one, not next year's
        future = [c for c in candidates if (ref - c).days <= JUST_PASSED_DAYS]
        return future[0].year if future else None
    return min(candidates, key=lambda c: abs((c - ref).days)).year


def month_day(mo: int, d: int, ref: dt.date | None, direction: Direction) -> Normalized | None:
    """A month-day without a year: the year the tense points to, or XXXX."""
    if not valid_day(None, mo, d):
        return None
    year = month_day_year(ref, mo, d, direction) if ref else None
    prefix = f"{year:04d}" if year else "XXXX"
    return Normalized(f"{prefix}-{mo:02d}-{d:02d}", "DATE", "day")


DAY_VALUE = re.compile(r"(?:\d{4}|XXXX)-\d\d-\d\d|XXXX-WXX-\d")


def day_of(value: str) -> str | None:
    """The day a day or a time of day is on ("2021-11-12TNI" -> "2021-11-12"), else None."""
    head = value.split("T", 1)[0]
    return head if DAY_VALUE.fullmatch(head) else None


# -- TIMEX3 freq and quant of a set ----------------------------------------------

TIMES = {"once": "1", "twice": "2", "thrice": "3"}
FREQ_UNITS = frozenset({"H", "D", "W", "M", "Y"})  # units TIMEX3 writes in a freq ("3D")
QUANTS: dict[str, TimexQuant] = {"every": "EVERY", "each": "EACH"}


@cache
def _set_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """How often ("twice", "three times", "5 days" before "a week") and which ("every")."""
    how_often = _compile(
        r"^(?:(?P<word>once|twice|thrice)|(?P<n>\d+|{number}) "
        r"(?:times|(?P<unit>{unit})s?(?= (?:a|an|per|each|every) )))\b"
    )
    return how_often, re.compile(r"\b(every|each)\b")


def set_terms(t: str) -> tuple[str | None, TimexQuant | None]:
    """TIMEX3 ``freq`` and ``quant`` of a set, from its cleaned text: "twice a year" is
    freq 2X, "three days every month" 3D and quant EVERY, "each quarter" quant EACH;
    "weekly" has neither."""
    how_often, which = _set_words()
    freq = None
    m = how_often.match(t)
    if m and m["word"]:
        freq = f"{TIMES[m['word']]}X"
    elif m and m["n"]:
        n = count(m["n"])
        unit = words("unit")[m["unit"]] if m["unit"] else "X"
        if m["unit"] and m["unit"].startswith("min"):
            unit = ""  # minutes: no freq letter that is not also the month's
        if n is not None and n.isdigit() and (unit == "X" or unit in FREQ_UNITS):
            freq = f"{n}{unit}"
    q = which.search(t)
    return freq, QUANTS[q[1]] if q else None
