"""Normalizing temporal expressions to TIMEX3 values.

`normalize` turns the text of one temporal expression into a TIMEX3 value
against a reference date (the article's publication date) and a direction
(past or future, read from the tense of the governing verb by the caller).
It never invents precision: "July" is a month (2021-07), not a day, and what
the text leaves unknown stays unknown ("XXXX-12-24" without a reference).

Each way of writing a date is one form (its pattern, its handler and its
examples together, see `core.dateparts.form`), in the modules named for
what they read: `core.calendar_forms` (full, numeric and partial dates,
weekdays, decades, holidays), `core.clock_forms` (clock times),
`core.relative_forms` (today, last week, three years ago),
`core.offset_forms` (in three days, a week from Friday, the second Tuesday
of March, 2021-W05),
`core.earnings_forms` (quarters and periods) and `core.span_forms`
(durations and sets). `ORDER` is the order they are tried in; the first
whose pattern matches decides. Values follow `core.timex3`'s grammar.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from functools import cache

from . import (
    calendar_forms,
    clock_forms,
    compound_forms,
    earnings_forms,
    offset_forms,
    relative_forms,
    span_forms,
)
from .calendar_forms import dateline_date, dateline_span, holiday_date
from .dateparts import REGISTRY, Direction, Focus, Form, Normalized, holidays, set_terms
from .lexicon import read_table
from .timewords import alternation, words
from .timex3 import bounds, whole_units

__all__ = [
    "ORDER",
    "Direction",
    "Focus",
    "Normalized",
    "bounds",
    "dateline_date",
    "dateline_span",
    "form_of",
    "forms",
    "holiday_date",
    "holidays",
    "match",
    "normalize",
]

# The modules that define forms (imported for their registrations).
FORM_MODULES = (
    calendar_forms,
    clock_forms,
    compound_forms,
    earnings_forms,
    offset_forms,
    relative_forms,
    span_forms,
)

# Tried in order; the first pattern that matches decides (its handler may still reject).
ORDER = (
    "timestamp",
    "iso",
    "iso_month",
    "iso_week",
    "compact_date",
    "month_day_numeric",
    "this_time",
    "numeric",
    "mdy",
    "dmy",
    "my",
    "md",
    "dm",
    "md_words",
    "day_at_hour",
    "of_year",
    "nth_weekday",
    "nth_week",
    "nth_day",
    "weekday_after_next",
    "weekday_week_on",
    "weekday_plural",
    "from_day",
    "clock",
    "weekday_before",
    "weekday",
    "weekday_week",
    "weekday_date",
    "month",
    "year",
    "decade",
    "spelled_decade",
    "deictic",
    "day_beyond",
    "this_part",
    "part_day",
    "part_alone",
    "vague_quarters",
    "relative",
    "century",
    "turn_of",
    "full_year",
    "month_rel",
    "earlier",
    "year_ago_period",
    "in_offset",
    "part_of",
    "ago_today",
    "compound_ago",
    "ago",
    "beyond",
    "next_to_day",
    "ordinal_day",
    "number_first_period",
    "quarter",
    "period",
    "same",
    "week_of",
    "year_end",
    "spelled_year",
    "half",
    "season",
    "weekend",
    "holiday_part",
    "holiday",
    "year_period",
    "ref",
    "times_per",
    "units_per",
    "every_holiday",
    "set",
    "half_unit",
    "full_unit",
    "quarter_hour",
    "compound_duration",
    "duration",
)


@cache
def forms() -> tuple[Form, ...]:
    """Every date form, in the order they are tried."""
    missing = set(REGISTRY) ^ set(ORDER)
    if missing:
        raise ValueError(f"date forms not in ORDER or not defined: {sorted(missing)}")
    return tuple(REGISTRY[name] for name in ORDER)


@cache
def modifiers() -> tuple[tuple[str, str | None], ...]:
    """Leading words that qualify a value without changing it (TIMEX3 mod), longest first."""
    rows = [(r[0], None if r[1] == "-" else r[1]) for r in read_table("time_modifiers.tsv")]
    return tuple(sorted(rows, key=lambda r: len(r[0]), reverse=True))


# "over" before a determiner is the preposition ("over the weekend": during it), not
# the modifier ("over a year": more than one). "in" is kept before a count of a unit,
# which `core.offset_forms` reads ("in three days").
IN_COUNT = (
    r"(?! (?:an?|\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|a few|a couple of) (?:hours?|days?|weeks?|months?|years?)$)"
)
FILLER = re.compile(
    rf"^(?:for|in{IN_COUNT}|on|at(?! least)|of|during|since|from|until|till|by|the|its|their|our"
    r"|over(?= (?:the|this|that|these|those|its|their|his|her|our) ))\s+"
)


def _clean(text: str) -> str:
    t = text.lower().replace("’", "'").replace("\u2013", "-").replace("\u2014", "-")
    t = re.sub(r"\s+", " ", t).strip(" ,;:")
    t = re.sub(r"(?<![ap]\.m)(?<![ap]\. m)\.$", "", t)  # a full stop, not the one of "p.m."
    t = re.sub(r"\b(jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.", r"\1", t)
    t = re.sub(r"\b(mon|tues?|wed|thur?s?|fri|sat|sun)\.", r"\1", t)
    t = re.sub(r"(?<=[a-z0-9])-(?=[a-z])", " ", t)  # "third-quarter", "year-ago"
    t = re.sub(r"(?<=[a-z])-(?=\d)", " ", t)  # "31-dec-1999"
    t = re.sub(r" or so\b", "", t)
    t = re.sub(r"\b(\d+) 1/2\b", r"\1.5", t)  # "2 1/2 years"
    t = _spelled_year_after().sub(_year_digits, t)
    t = COMPOUND_NUMBER.sub(_compound_number, t)
    return _scaled_count().sub(_scaled_digits, t)


TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
UNITS = "one|two|three|four|five|six|seven|eight|nine"


@cache
def _spelled_year_after() -> re.Pattern[str]:
    """A spelled year after a month or "of" ("January nineteen ninety-seven", "the
    winter of nineteen ninety-four"), as broadcast transcripts write them."""
    months = alternation("month")
    return re.compile(
        rf"\b({months}|of) (nineteen|twenty) ({TENS})(?: ({UNITS}))?\b(?! hundred| thousand)"
    )


def _year_digits(m: re.Match[str]) -> str:
    number = words("number")
    year = int(number[m[2]]) * 100 + int(number[m[3]]) + (int(number[m[4]]) if m[4] else 0)
    return f"{m[1]} {year}"


# "twenty-four hours" (read as "twenty four"); not inside a spelled year ("nineteen
# ninety-four") or after "hundred".
COMPOUND_NUMBER = re.compile(
    rf"(?<!teen )(?<!hundred )(?<!twenty )\b({TENS}) ({UNITS})\b(?! hundred| thousand)"
)


def _compound_number(m: re.Match[str]) -> str:
    number = words("number")
    return str(int(number[m[1]]) + int(number[m[2]]))


SCALES = {"hundred": 100, "thousand": 1000}


@cache
def _scaled_count() -> re.Pattern[str]:
    """A count of hundreds or thousands before a unit ("two thousand years", "three
    hundred days"): a number, where "two thousand" alone is a spelled year."""
    return re.compile(
        rf"\b(\d+|{alternation('number')}) (hundred|thousand) (?=(?:{alternation('unit')})s?\b)"
    )


def _scaled_digits(m: re.Match[str]) -> str:
    n = words("number").get(m[1], m[1])
    if not n.isdigit():  # "a few hundred years" stays vague
        return m[0]
    return f"{int(n) * SCALES[m[2]]} "


def _strip_prefixes(t: str) -> tuple[str, str | None]:
    mod: str | None = None
    changed = True
    while changed:
        changed = False
        m = FILLER.match(t)
        if m:
            t = t[m.end() :]
            changed = True
        for phrase, value in modifiers():
            if t.startswith(phrase + " ") or t.startswith(phrase + "-"):
                t = t[len(phrase) + 1 :]
                mod = mod or value
                changed = True
                break
    return t, mod


def normalize(
    text: str, ref: dt.date | None, direction: Direction = None, focus: Focus | None = None
) -> Normalized | None:
    """The TIMEX3 value of one temporal expression, or None if it is not one.

    ``focus`` carries what the text dated before this expression, for the
    forms that point back ("the same day", "the year-ago quarter"), and the
    document's order of numeric dates.
    """
    t, mod = _strip_prefixes(_clean(text))
    if not t:
        return None
    if mod in ("START", "MID", "END") and t in ("year", "month", "week", "quarter", "decade"):
        t = f"this {t}"  # "the end of the year" is the end of this year
    try:
        result = match(t, ref, direction, focus or Focus())
    except (OverflowError, ValueError):  # the arithmetic left 0001-01-01..9999-12-31
        return None if ref is None else normalize(text, None, direction, focus)  # unknown
    if result is None:
        return None
    if mod and result.mod is None:
        result = replace(result, mod=mod)
    whole = whole_units(result.value)
    if whole != result.value:
        result = replace(result, value=whole)
    if result.type == "SET":
        freq, quant = set_terms(t)
        result = replace(result, freq=freq, quant=quant)
    return result


def match(t: str, ref: dt.date | None, direction: Direction, focus: Focus) -> Normalized | None:
    """The value of a cleaned expression by the first form whose pattern matches it."""
    t = _strip_prefixes(t)[0]
    for f in forms():
        m = f.compiled().match(t)
        if m:
            return f.handler(m, t, ref, direction, focus)
    return None


def form_of(text: str) -> str | None:
    """The name of the form that reads ``text`` (whether or not it gives a value), for
    diagnostics: `benchmarks/diff_dates.py` counts value errors by form."""
    t = _strip_prefixes(_strip_prefixes(_clean(text))[0])[0]
    for f in forms():
        if f.compiled().match(t):
            return f.name
    return None
