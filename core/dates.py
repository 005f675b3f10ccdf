"""Normalizing temporal expressions to TIMEX3 values.

`normalize` turns the text of one temporal expression into a TIMEX3 value
against a reference date (the article's publication date) and a direction
(past or future, read from the tense of the governing verb by the caller).
It never invents precision: "July" is a month (2021-07), not a day, and what
the text leaves unknown stays unknown ("XXXX-12-24" without a reference).

`bounds` gives the calendar days that a value covers, for range filters.
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
from .records import TimexType
from .timewords import alternation, words

Direction = Literal["past", "future", "present"] | None


@dataclass(frozen=True, slots=True)
class Normalized:
    value: str
    type: TimexType
    granularity: str
    mod: str | None = None


@cache
def modifiers() -> tuple[tuple[str, str | None], ...]:
    """Leading words that qualify a value without changing it (TIMEX3 mod), longest first."""
    rows = [(r[0], None if r[1] == "-" else r[1]) for r in read_table("time_modifiers.tsv")]
    return tuple(sorted(rows, key=lambda r: len(r[0]), reverse=True))


@dataclass(frozen=True, slots=True)
class Focus:
    """What the text has dated so far, for expressions that point back to it.

    ``quarter`` is the last fiscal quarter named ("third-quarter profit"), so
    that "a year ago" in an earnings report is that quarter a year before;
    ``date`` is the last absolute date, so that "the same day" or "that year"
    can take its value, and a clock time with no day ("at 10 p.m.") the day
    the text is on.
    """

    quarter: str | None = None
    date: str | None = None


FILLER = re.compile(
    r"^(?:for|in|on|at(?! least)|of|during|since|from|until|till|by|the|its|their|our)\s+"
)


def _clean(text: str) -> str:
    t = text.lower().replace("’", "'").replace("\u2013", "-").replace("\u2014", "-")
    t = re.sub(r"\s+", " ", t).strip(" ,;:.")
    t = re.sub(r"\b(jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.", r"\1", t)
    t = re.sub(r"\b(mon|tues?|wed|thur?s?|fri|sat|sun)\.", r"\1", t)
    t = re.sub(r"(?<=[a-z0-9])-(?=[a-z])", " ", t)  # "third-quarter", "year-ago"
    t = re.sub(r" or so\b", "", t)
    return t


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


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    month = alternation("month")
    weekday = alternation("weekday")
    unit = alternation("unit")
    number = alternation("number")
    season = alternation("season")
    part = alternation("partofday")
    ordinal = alternation("ordinal")
    rel = alternation("relative")
    zone = alternation("zone")
    numbers = words("number")
    tens = "|".join(w for w, v in numbers.items() if v.isdigit() and 10 <= int(v) <= 90)
    units = "|".join(w for w, v in numbers.items() if v.isdigit() and 1 <= int(v) <= 9 and w != "a")
    day = r"(\d{1,2})(?:st|nd|rd|th)?"
    year = r"(\d{4})"
    p = {
        "iso": rf"^{year}-(\d{{2}})-(\d{{2}})$",
        "numeric": r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})$",
        "mdy": rf"^({month}) {day},? {year}$",
        "dmy": rf"^{day} (?:of )?({month}),? {year}$",
        "my": rf"^({month}),? (?:of )?{year}$",
        "md": rf"^(?:(this|last|next|past) )?({month}) {day}$",
        "dm": rf"^{day} (?:of )?({month})$",
        "weekday": rf"^(?:(this coming|this|last|next|past|coming) )?({weekday})"
        rf"(?:,? ({month}) {day})?(?: ({part}))?$",
        "month": rf"^(?:(this|last|next|past|coming) )?({month})$",
        "year": rf"^(?:(?:the )?(?:year|fiscal|fiscal year|calendar|calendar year) )?{year}$",
        "spelled_year": rf"^(?:(?:the )?year )?(?:(nineteen|twenty) ({tens})(?: ({units}))?|"
        rf"two thousand(?: (?:and )?({units}))?)$",
        "decade": r"^(?:the )?(?:(\d{2})|')?(\d)0'?s$",
        "century": rf"^(?:the )?(\d{{1,2}})(?:st|nd|rd|th) century$|^(?:the )?({ordinal}) century$",
        "deictic": rf"^(today|tonight|yesterday|tomorrow)(?: ({part}))?$",
        "this_part": rf"^(this|last|tomorrow|yesterday) ({part})$",
        "part_day": r"^(morning|afternoon|evening|night) "
        rf"(today|yesterday|tomorrow|(?:this |last |next )?(?:{weekday}))$",
        "part_alone": r"^(morning|afternoon|evening)$",
        "relative": rf"^({rel}) (?:fiscal |calendar )?({unit})$",
        "vague_quarters": r"^(past|recent|previous|future|coming)(?: several| few)? quarters$"
        r"|^(future) (?:years|months|weeks|days)$",
        "full_year": r"^(?:full|whole|entire) (?:fiscal |calendar )?year$",
        "month_rel": rf"^({month}),? (this|last|next) year$",
        "earlier": rf"^(earlier|later) (this|last|next) ({unit})$",
        "ago": rf"^((?:a )?(?:couple|few)(?: of)?|{number}|\d+(?:\.\d+)?)(?: of)? ({unit})s? "
        r"(ago|earlier|before|later|from now|hence)$",
        "quarter": rf"^(?:({rel}) year'?s? |{year} |(?:this|the) year'?s )?(?:fiscal )?({ordinal}) "
        rf"quarters?(?: of (?:the year|(?:fiscal )?{year}))?$|^q([1-4])(?: {year})?$",
        "period": r"^(?:(latest|current|this|same|recent|most recent|just ended|comparable|"
        r"corresponding|latest fiscal|fiscal) )?(quarter|period)(?: (last year|a year ago|a year "
        r"earlier))?$",
        "year_ago_period": r"^(?:(?:the )?(?:comparable|corresponding|same) )?(?:year ago|year "
        r"earlier|last year's|prior year|previous year's)(?: (?:(?:fiscal )?(?:first|second|"
        r"third|fourth) )?(quarter|period|results))?$|^(a year (?:ago|earlier))$",
        "same": r"^(?:that|the same|that same|the very same|same|very same) "
        r"(day|week|month|year|quarter)$",
        "year_end": r"^(?:year end|year's end|year ending)$",
        "half": rf"^({ordinal}) half(?: of (?:(the year)|{year}))?$",
        "season": rf"^(?:(this|last|next|past|coming) )?({season})(?: (?:of )?{year})?$",
        "weekend": r"^weekend$",
        "holiday": rf"^({_holiday_alternation()})(?:,? (?:of )?{year})?$",
        "year_period": rf"^{year} (quarter|period)$",
        "duration": rf"^(?:(last|past|next|coming|previous|first|final|recent|latest|additional|"
        rf"further|remaining|following|few) )?"
        rf"({number}|\d+(?:\.\d+)?|(?:(?:a|one|two|three) )?(?:couple|few)(?: of)?)?"
        rf"(?:[ -](?:and a half))?(?: more| additional| further)?[ -]?({unit})s?(?: and a half)?"
        r"(?:[ -]long|[ -]old)?$",
        "time": rf"^(\d{{1,2}})(?::(\d{{2}}))? ?([ap])\.? ?m\.?(?: (?:{zone}))?"
        r"(?:,? (?:on )?(.+))?$",
        "clock_word": r"^(noon|midday|midnight)(?:,? (?:on )?(.+))?$",
        "ref": rf"^({alternation('ref')})$",
        "set": rf"^(?:every|each) (?:({weekday})|({unit}))$|^({alternation('set')})$",
    }
    return {k: re.compile(v) for k, v in p.items()}


def _num(word: str) -> str | None:
    """A count as TIMEX3 writes it: digits, or X when vague ("a few")."""
    if re.fullmatch(r"\d+(?:\.\d+)?", word):
        return word.rstrip("0").rstrip(".") if "." in word else word
    word = word.removesuffix(" of").removeprefix("a ")
    if word == "couple":
        return "2"  # "a couple of years" is P2Y in the TimeML gold (2 of 2); see `_ago`
    if word == "few":
        return "X"
    val = words("number").get(word)
    if val is None:
        return None
    if val.endswith(".0"):
        val = val[:-2]
    return val


def _iso(d: dt.date) -> str:
    return d.isoformat()


def _week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    idx = year * 12 + (month - 1) + delta
    return idx // 12, idx % 12 + 1


def _weekday_date(ref: dt.date, weekday: int, rel: str | None, direction: Direction) -> dt.date:
    """The date of a weekday named relative to the reference date.

    "last Friday" and past tense look back (today counts: "said Friday" in a
    Friday paper is today); "next"/"coming" and future tense look forward.
    With no clue from the tense it looks back too: in the training gold a bare
    weekday in a present-tense or verbless context is past or today 34 times
    out of 39.
    """
    back = (ref.isoweekday() - weekday) % 7
    fwd = (weekday - ref.isoweekday()) % 7
    if rel == "last":
        return ref - dt.timedelta(days=back or 7)
    if rel in ("next", "coming", "this coming"):
        return ref + dt.timedelta(days=fwd or 7)
    if rel == "this":
        return ref + dt.timedelta(days=weekday - ref.isoweekday())
    if direction == "future":
        return ref + dt.timedelta(days=fwd or 7) if back != 0 else ref
    # past tense, and (news reports what happened) no clue at all: the last one
    return ref - dt.timedelta(days=back)


# A month-day without a year that the tense puts more than half a year back,
# when the same day is less than a quarter ahead, is the one ahead: news
# gives the year of a date that far back.
FAR_DAYS = 183
NEAR_DAYS = 92


def _month_day_year(ref: dt.date, month: int, day: int, direction: Direction) -> int | None:
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
        soon = [c for c in candidates if 0 < (c - ref).days <= NEAR_DAYS]
        if past and (ref - past[-1]).days > FAR_DAYS and soon:
            return soon[0].year  # "declared a dividend, payable Dec. 15" in late October
        return past[-1].year if past else None
    if direction == "future":
        future = [c for c in candidates if c >= ref]
        return future[0].year if future else None
    return min(candidates, key=lambda c: abs((c - ref).days)).year


def _month_year(ref: dt.date, month: int, rel: str | None, direction: Direction) -> int:
    if rel == "this":
        return ref.year
    if rel in ("last", "past"):
        return ref.year if month < ref.month else ref.year - 1
    if rel in ("next", "coming"):
        return ref.year if month > ref.month else ref.year + 1
    if direction == "past":
        return ref.year if month <= ref.month else ref.year - 1
    if direction == "future":
        return ref.year if month >= ref.month else ref.year + 1
    # no clue from the tense: the nearest occurrence
    diff = month - ref.month
    if diff > 6:
        return ref.year - 1
    if diff < -6:
        return ref.year + 1
    return ref.year


def _valid_day(year: int | None, month: int, day: int) -> bool:
    if not 1 <= month <= 12 or day < 1:
        return False
    return day <= calendar.monthrange(year if year else 2000, month)[1]


def normalize(
    text: str, ref: dt.date | None, direction: Direction = None, focus: Focus | None = None
) -> Normalized | None:
    """The TIMEX3 value of one temporal expression, or None if it is not one.

    ``focus`` carries what the text dated before this expression, for the
    forms that point back ("the same day", "the year-ago quarter").
    """
    t, mod = _strip_prefixes(_clean(text))
    if not t:
        return None
    if mod in ("START", "MID", "END") and t in ("year", "month", "week", "quarter"):
        t = f"this {t}"  # "the end of the year" is the end of this year
    try:
        result = _match(t, ref, direction, focus or Focus())
    except (OverflowError, ValueError):  # the arithmetic left 0001-01-01..9999-12-31
        return None if ref is None else normalize(text, None, direction)  # value unknown
    if result is None:
        return None
    if mod and result.mod is None:
        result = Normalized(result.value, result.type, result.granularity, mod)
    return result


Match = re.Match[str]
Form = Callable[[Match, str, "dt.date | None", Direction, Focus], "Normalized | None"]


def _day(y: int, mo: int, d: int) -> Normalized | None:
    return Normalized(f"{y:04d}-{mo:02d}-{d:02d}", "DATE", "day") if _valid_day(y, mo, d) else None


def _month_num(name: str) -> int:
    return int(words("month")[name])


def _form_iso(
    m: Match, t: str, ref: dt.date | None, direction: Direction, focus: Focus
) -> Normalized | None:
    return _day(int(m[1]), int(m[2]), int(m[3]))


def _form_numeric(
    m: Match, t: str, ref: dt.date | None, direction: Direction, focus: Focus
) -> Normalized | None:
    """11/12/2021, US order, as American wire copy writes it."""
    y = int(m[3])
    if y < 100:
        y += 2000 if y < 50 else 1900
    return _day(y, int(m[1]), int(m[2]))


def _form_mdy(
    m: Match, t: str, ref: dt.date | None, direction: Direction, focus: Focus
) -> Normalized | None:
    return _day(int(m[3]), _month_num(m[1]), int(m[2]))


def _form_dmy(
    m: Match, t: str, ref: dt.date | None, direction: Direction, focus: Focus
) -> Normalized | None:
    return _day(int(m[3]), _month_num(m[2]), int(m[1]))


def _form_my(
    m: Match, t: str, ref: dt.date | None, direction: Direction, focus: Focus
) -> Normalized | None:
    return Normalized(f"{int(m[2]):04d}-{_month_num(m[1]):02d}", "DATE", "month")


def _month_day(mo: int, d: int, ref: dt.date | None, direction: Direction) -> Normalized | None:
    """A month-day without a year: the year the tense points to, or XXXX."""
    if not _valid_day(None, mo, d):
        return None
    year = _month_day_year(ref, mo, d, direction) if ref else None
    prefix = f"{year:04d}" if year else "XXXX"
    return Normalized(f"{prefix}-{mo:02d}-{d:02d}", "DATE", "day")


def _form_md(
    m: Match, t: str, ref: dt.date | None, direction: Direction, focus: Focus
) -> Normalized | None:
    return _month_day(_month_num(m[2]), int(m[3]), ref, direction)


def _form_dm(
    m: Match, t: str, ref: dt.date | None, direction: Direction, focus: Focus
) -> Normalized | None:
    return _month_day(_month_num(m[2]), int(m[1]), ref, direction)


def _form_weekday(
    m: Match, t: str, ref: dt.date | None, direction: Direction, focus: Focus
) -> Normalized | None:
    """ "Friday", "last Friday", "Friday, Nov. 12", "Friday night"."""
    wd = int(words("weekday")[m[2]])
    if m[3]:  # "Friday, Nov. 12": the month-day decides
        found = _month_day(_month_num(m[3]), int(m[4]), ref, direction)
        if found is None:
            return None
        value = found.value
    elif ref:
        value = _iso(_weekday_date(ref, wd, m[1], direction))
    else:
        value = f"XXXX-WXX-{wd}"
    if m[5]:
        return Normalized(f"{value}T{words('partofday')[m[5]]}", "TIME", "part-of-day")
    return Normalized(value, "DATE", "day")


def _form_month(
    m: Match, t: str, ref: dt.date | None, direction: Direction, focus: Focus
) -> Normalized | None:
    mo = _month_num(m[2])
    if not ref:
        return Normalized(f"XXXX-{mo:02d}", "DATE", "month")
    return Normalized(f"{_month_year(ref, mo, m[1], direction):04d}-{mo:02d}", "DATE", "month")


def _form_year(
    m: Match, t: str, ref: dt.date | None, direction: Direction, focus: Focus
) -> Normalized | None:
    y = int(m[1])
    if not 1000 <= y <= 2199:
        return None
    return Normalized(f"{y:04d}", "DATE", "year")


def _form_decade(
    m: Match, t: str, ref: dt.date | None, direction: Direction, focus: Focus
) -> Normalized | None:
    """ "the 1990s" -> 199; "the '90s" -> the latest such decade not after the reference."""
    century = m[1]
    if century is None:
        if not ref:
            return Normalized(f"XX{m[2]}", "DATE", "decade")
        year = f"{ref.year:04d}"  # years before 1000 have four digits too
        century = year[:2] if int(m[2]) <= int(year[2]) else "19"
    return Normalized(f"{century}{m[2]}", "DATE", "decade")


def _form_century(
    m: Match, t: str, ref: dt.date | None, direction: Direction, focus: Focus
) -> Normalized | None:
    n = int(m[1]) if m[1] else int(words("ordinal")[m[2]])
    if n < 1:
        return None
    return Normalized(f"{n - 1:02d}", "DATE", "century")


DAY_OFFSETS = {"today": 0, "tonight": 0, "this": 0, "yesterday": -1, "last": -1, "tomorrow": 1}


def _form_deictic(
    m: Match, t: str, ref: dt.date | None, direction: Direction, focus: Focus
) -> Normalized | None:
    """ "today", "yesterday afternoon", "tonight"."""
    if not ref:
        return Normalized("XXXX-XX-XX", "DATE", "day")
    day = _iso(ref + dt.timedelta(days=DAY_OFFSETS[m[1]]))
    part = m[2] or ("night" if m[1] == "tonight" else None)
    if part:
        return Normalized(f"{day}T{words('partofday')[part]}", "TIME", "part-of-day")
    return Normalized(day, "DATE", "day")


def _form_this_part(
    m: Match, t: str, ref: dt.date | None, direction: Direction, focus: Focus
) -> Normalized | None:
    """ "this morning", "last night"."""
    if not ref:
        return None
    day = _iso(ref + dt.timedelta(days=DAY_OFFSETS[m[1]]))
    return Normalized(f"{day}T{words('partofday')[m[2]]}", "TIME", "part-of-day")


def _form_part_day(
    m: Match, t: str, ref: dt.date | None, direction: Direction, focus: Focus
) -> Normalized | None:
    """ "(mid-)afternoon yesterday", "morning Friday": the day named after the part of it."""
    day = _match(m[2], ref, direction, focus)
    if day is None or not re.fullmatch(r"(?:\d{4}|XXXX)-\d\d-\d\d|XXXX-WXX-\d", day.value):
        return None
    return Normalized(f"{day.value}T{words('partofday')[m[1]]}", "TIME", "part-of-day")


def _form_part_alone(
    m: Match, t: str, ref: dt.date | None, direction: Direction, focus: Focus
) -> Normalized | None:
    """ "by mid-afternoon": a part of the reference day (spaCy tags it TIME)."""
    if not ref:
        return None
    return Normalized(f"{_iso(ref)}T{words('partofday')[m[1]]}", "TIME", "part-of-day")


@cache
def holidays() -> dict[str, str]:
    """Holiday name -> its rule, from ``core/data/holidays.tsv``."""
    return {row[0]: row[1] for row in read_table("holidays.tsv")}


def _holiday_alternation() -> str:
    names = sorted(holidays(), key=len, reverse=True)
    return "|".join(re.escape(n) for n in names)


def _easter(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * ell) // 433
    month = (h + ell - 7 * m + 90) // 25
    return dt.date(year, month, (h + ell - 7 * m + 33 * month + 19) % 32)


def holiday_date(name: str, year: int) -> dt.date:
    """The day a holiday falls on in a given year."""
    rule = holidays()[name]
    if rule.startswith("easter"):
        return _easter(year) + dt.timedelta(days=int(rule[len("easter") :]))
    if re.fullmatch(r"\d\d-\d\d", rule):
        return dt.date(year, int(rule[:2]), int(rule[3:]))
    n, weekday, month = (int(x) for x in rule.split())
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
    last = dt.date(year, month, calendar.monthrange(year, month)[1])
    return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)


def _form_holiday(
    m: Match, t: str, ref: dt.date | None, direction: Direction, focus: Focus
) -> Normalized | None:
    """ "Thanksgiving Day", "Christmas 2020": the occurrence the tense points to."""
    if m[2]:
        return Normalized(_iso(holiday_date(m[1], int(m[2]))), "DATE", "day")
    if not ref:
        return None
    days = [holiday_date(m[1], y) for y in (ref.year - 1, ref.year, ref.year + 1)]
    if direction == "future":
        return Normalized(_iso(next(d for d in days if d >= ref)), "DATE", "day")
    if direction == "past":
        return Normalized(_iso([d for d in days if d <= ref][-1]), "DATE", "day")
    return Normalized(_iso(min(days, key=lambda d: abs((d - ref).days))), "DATE", "day")


def _form_weekend(
    m: Match, t: str, ref: dt.date | None, direction: Direction, focus: Focus
) -> Normalized | None:
    """ "over the weekend": the last one (or this one, read on a Saturday or Sunday);
    "ahead of the weekend" with a future verb: the next one. TIMEX3 writes 1989-W43-WE."""
    if not ref:
        return Normalized("XXXX-WXX-WE", "DATE", "week")
    if direction == "future":
        saturday = ref + dt.timedelta(days=(6 - ref.isoweekday()) % 7)
    else:
        saturday = ref - dt.timedelta(days=(ref.isoweekday() - 6) % 7)
    return Normalized(f"{_week(saturday)}-WE", "DATE", "week")


def _form_year_period(
    m: Match, t: str, ref: dt.date | None, direction: Direction, focus: Focus
) -> Normalized | None:
    """ "the 1988 quarter": that year's quarter of the one in view, else the year."""
    if focus.quarter:
        return Normalized(f"{m[1]}{focus.quarter[4:]}", "DATE", "quarter")
    return Normalized(m[1], "DATE", "year")


def _form_relative(
    m: Match, t: str, ref: dt.date | None, direction: Direction, focus: Focus
) -> Normalized | None:
    """ "last week", "next year"; a plural ("the coming years") is a vague stretch, not a unit."""
    if m[2].endswith("s"):
        return _duration(None, words("unit")[m[2]], False, t)
    return _relative(m[1], words("unit")[m[2]], ref)


def _form_vague_quarters(
    m: Match, t: str, ref: dt.date | None, direction: Direction, focus: Focus
) -> Normalized | None:
    """ "the past several quarters", "future quarters", "future years": no count and no
    calendar unit to hold on to, so TIMEX3 says only past or future."""
    way = m[1] or m[2]
    value = "FUTURE_REF" if way in ("future", "coming") else "PAST_REF"
    return Normalized(value, "DATE", "reference")


def _form_full_year(
    m: Match, t: str, ref: dt.date | None, direction: Direction, focus: Focus
) -> Normalized | None:
    """ "sales for the full year": the reference year, as earnings reports mean it."""
    return Normalized(f"{ref.year:04d}" if ref else "XXXX", "DATE", "year")


def _form_month_rel(
    m: Match, t: str, ref: dt.date | None, direction: Direction, focus: Focus
) -> Normalized | None:
    """ "January this year", "July last year": the month of the year named."""
    mo = _month_num(m[1])
    if not ref:
        return Normalized(f"XXXX-{mo:02d}", "DATE", "month")
    year = ref.year + int(words("relative")[m[2]])
    return Normalized(f"{year:04d}-{mo:02d}", "DATE", "month")


def _form_earlier(
    m: Match, t: str, ref: dt.date | None, direction: Direction, focus: Focus
) -> Normalized | None:
    """ "earlier this year" is this year: the modifier narrows, the value stays."""
    return _relative(m[2], words("unit")[m[3]], ref)


def _form_ago(
    m: Match, t: str, ref: dt.date | None, direction: Direction, focus: Focus
) -> Normalized | None:
    return _ago(m[1], words("unit")[m[2]], m[3], ref)


def _form_quarter(
    m: Match, t: str, ref: dt.date | None, direction: Direction, focus: Focus
) -> Normalized | None:
    """ "the third quarter", "third-quarter", "next year's first quarter", "Q3 2021"."""
    if m[5]:
        q = int(m[5])
        year = m[6]
    else:
        n = int(words("ordinal")[m[3]])
        q = n if 1 <= n <= 4 else 4
        year = m[2] or m[4]
        if m[1] and ref:
            year = str(ref.year + int(words("relative")[m[1]]))
    if year:
        return Normalized(f"{year}-Q{q}", "DATE", "quarter")
    if not ref:
        return Normalized(f"XXXX-Q{q}", "DATE", "quarter")
    y = ref.year
    if direction != "future" and q > (ref.month - 1) // 3 + 1:
        y -= 1
    return Normalized(f"{y:04d}-Q{q}", "DATE", "quarter")


def _previous_quarter(ref: dt.date) -> str:
    q = (ref.month - 1) // 3  # the quarter before the reference's, 0-based index
    return f"{ref.year - 1}-Q4" if q == 0 else f"{ref.year}-Q{q}"


def _year_before(value: str) -> str:
    return f"{int(value[:4]) - 1:04d}{value[4:]}"


def _form_period(
    m: Match, t: str, ref: dt.date | None, direction: Direction, focus: Focus
) -> Normalized | None:
    """ "the quarter", "the latest period": the quarter an earnings report is about.

    That is the last quarter the text named, else the one before the
    reference date (results are reported after a quarter closes).
    """
    if m[2] == "period" and m[1] is None and not m[3]:
        return None  # a bare "the period" is too vague to be a date
    if m[1] in ("current", "this") and ref:
        base = focus.quarter or f"{ref.year}-Q{(ref.month - 1) // 3 + 1}"
    elif focus.quarter:
        base = focus.quarter
    elif ref:
        base = _previous_quarter(ref)
    else:
        return Normalized("XXXX-QX", "DATE", "quarter")
    if m[3]:
        base = _year_before(base)
    return Normalized(base, "DATE", "quarter")


def _form_year_ago_period(
    m: Match, t: str, ref: dt.date | None, direction: Direction, focus: Focus
) -> Normalized | None:
    """ "the year-ago quarter", "year-earlier results", and in an earnings report "a year ago".

    Comparisons in earnings reports are with the same quarter a year before;
    outside such a report "a year ago" is just last year.
    """
    if focus.quarter:
        return Normalized(_year_before(focus.quarter), "DATE", "quarter")
    if m[2] or not ref:  # "a year ago" with no quarter in view
        return Normalized(f"{ref.year - 1:04d}" if ref else "XXXX", "DATE", "year")
    if m[1] in ("quarter", "period", "results"):
        return Normalized(_year_before(_previous_quarter(ref)), "DATE", "quarter")
    return Normalized(f"{ref.year - 1:04d}", "DATE", "year")


def _form_same(
    m: Match, t: str, ref: dt.date | None, direction: Direction, focus: Focus
) -> Normalized | None:
    """ "the same day", "that year": the date the text named last, at the unit's granularity."""
    unit = m[1]
    last = focus.date
    cut = {"year": 4, "month": 7, "day": 10}.get(unit)
    if last and cut and len(last) >= cut and re.match(r"\d{4}", last):
        value = last[:cut]
        return Normalized(value, "DATE", unit)
    if last and unit == "quarter" and focus.quarter:
        return Normalized(focus.quarter, "DATE", "quarter")
    placeholder = {"year": "XXXX", "month": "XXXX-XX", "day": "XXXX-XX-XX"}.get(unit, "XXXX")
    return Normalized(placeholder, "DATE", unit)


def _form_year_end(
    m: Match, t: str, ref: dt.date | None, direction: Direction, focus: Focus
) -> Normalized | None:
    """ "by year end": the end of the reference year."""
    return Normalized(f"{ref.year:04d}" if ref else "XXXX", "DATE", "year", "END")


def _form_spelled_year(
    m: Match, t: str, ref: dt.date | None, direction: Direction, focus: Focus
) -> Normalized | None:
    """ "nineteen ninety-six", "the year two thousand", as broadcast transcripts write years."""
    n = words("number")
    if m[1]:
        year = int(n[m[1]]) * 100 + int(n[m[2]]) + (int(n[m[3]]) if m[3] else 0)
    else:
        year = 2000 + (int(n[m[4]]) if m[4] else 0)
    return Normalized(f"{year:04d}", "DATE", "year")


def _form_half(
    m: Match, t: str, ref: dt.date | None, direction: Direction, focus: Focus
) -> Normalized | None:
    h = 1 if int(words("ordinal")[m[1]]) == 1 else 2
    year = m[3] or (str(ref.year) if ref else "XXXX")
    return Normalized(f"{year}-H{h}", "DATE", "half")


def _form_season(
    m: Match, t: str, ref: dt.date | None, direction: Direction, focus: Focus
) -> Normalized | None:
    code = words("season")[m[2]]
    if m[3]:
        return Normalized(f"{m[3]}-{code}", "DATE", "season")
    if not ref:
        return Normalized(f"XXXX-{code}", "DATE", "season")
    y = ref.year + {"last": -1, "past": -1, "next": 1, "coming": 1}.get(m[1] or "", 0)
    return Normalized(f"{y:04d}-{code}", "DATE", "season")


def _clock_day(
    rest: str | None, ref: dt.date | None, direction: Direction, focus: Focus
) -> str | None:
    """The day a clock time is on: the day expression after it, else the reference day."""
    if rest:
        day = _match(_strip_prefixes(rest)[0], ref, direction, focus)
        if day is None or not re.fullmatch(r"(?:\d{4}|XXXX)-\d\d-\d\d|XXXX-WXX-\d", day.value):
            return None
        return day.value
    if focus.date and re.fullmatch(r"\d{4}-\d\d-\d\d", focus.date):
        return focus.date  # "shot on Oct. 23 ... at 10 p.m.": the day the text is on
    return _iso(ref) if ref else "XXXX-XX-XX"


def _form_time(
    m: Match, t: str, ref: dt.date | None, direction: Direction, focus: Focus
) -> Normalized | None:
    """ "3 p.m.", "3:30 p.m. EST Friday", "5 p.m. Nov. 9": a clock time on the day it names."""
    hour, minute = int(m[1]), int(m[2] or 0)
    if not 1 <= hour <= 12 or minute > 59:
        return None
    hour = hour % 12 + (12 if m[3] == "p" else 0)
    day = _clock_day(m[4], ref, direction, focus)
    if day is None:
        return None
    return Normalized(f"{day}T{hour:02d}:{minute:02d}", "TIME", "time")


def _form_clock_word(
    m: Match, t: str, ref: dt.date | None, direction: Direction, focus: Focus
) -> Normalized | None:
    """ "noon Saturday", "midnight"."""
    hm = "12:00" if m[1] in ("noon", "midday") else "24:00"
    day = _clock_day(m[2], ref, direction, focus)
    if day is None:
        return None
    return Normalized(f"{day}T{hm}", "TIME", "time")


def _form_ref(
    m: Match, t: str, ref: dt.date | None, direction: Direction, focus: Focus
) -> Normalized | None:
    return Normalized(words("ref")[m[1]], "DATE", "reference")


def _form_set(
    m: Match, t: str, ref: dt.date | None, direction: Direction, focus: Focus
) -> Normalized | None:
    """ "every Monday", "each year", "daily"."""
    if m[1]:
        return Normalized(f"XXXX-WXX-{words('weekday')[m[1]]}", "SET", "set")
    if m[2]:
        return Normalized(f"P1{_duration_unit(words('unit')[m[2]])}", "SET", "set")
    return Normalized(words("set")[m[3]], "SET", "set")


def _form_duration(
    m: Match, t: str, ref: dt.date | None, direction: Direction, focus: Focus
) -> Normalized | None:
    """ "three years", "two more weeks", "weeks".

    A bare "second" is the ordinal ("the second day"), not a second of time.
    """
    if t in ("second", "seconds"):
        return None
    return _duration(m[2], words("unit")[m[3]], "and a half" in t, t)


# Tried in order; the first pattern that matches decides (its handler may still reject).
FORMS: tuple[tuple[str, Form], ...] = (
    ("iso", _form_iso),
    ("numeric", _form_numeric),
    ("mdy", _form_mdy),
    ("dmy", _form_dmy),
    ("my", _form_my),
    ("md", _form_md),
    ("dm", _form_dm),
    ("weekday", _form_weekday),
    ("month", _form_month),
    ("year", _form_year),
    ("decade", _form_decade),
    ("century", _form_century),
    ("deictic", _form_deictic),
    ("this_part", _form_this_part),
    ("part_day", _form_part_day),
    ("part_alone", _form_part_alone),
    ("relative", _form_relative),
    ("vague_quarters", _form_vague_quarters),
    ("full_year", _form_full_year),
    ("month_rel", _form_month_rel),
    ("earlier", _form_earlier),
    ("year_ago_period", _form_year_ago_period),
    ("ago", _form_ago),
    ("quarter", _form_quarter),
    ("period", _form_period),
    ("same", _form_same),
    ("year_end", _form_year_end),
    ("spelled_year", _form_spelled_year),
    ("half", _form_half),
    ("season", _form_season),
    ("weekend", _form_weekend),
    ("holiday", _form_holiday),
    ("year_period", _form_year_period),
    ("time", _form_time),
    ("clock_word", _form_clock_word),
    ("ref", _form_ref),
    ("set", _form_set),
    ("duration", _form_duration),
)


def _match(t: str, ref: dt.date | None, direction: Direction, focus: Focus) -> Normalized | None:
    patterns = _patterns()
    for name, form in FORMS:
        m = patterns[name].match(t)
        if m:
            return form(m, t, ref, direction, focus)
    return None


def _duration_unit(code: str) -> str:
    return {"WE": "WE", "2W": "W", "Q": "Q"}.get(code, code)


def _duration(count: str | None, unit: str, half: bool, text: str) -> Normalized | None:
    """Durations: "three years" -> P3Y, "48 hours" -> PT48H, "weeks" -> PXW, "a decade" -> P10Y."""
    if text.endswith("old"):
        return None  # an age, not a time
    plural = re.search(r"(?:s|ies)(?: long)?$", text) is not None
    n = _num(count) if count else ("X" if plural else "1")
    if n is None:
        return None
    if unit == "2W":
        unit, n = "W", str(int(float(n) * 2)) if n != "X" else "X"
    if half and n != "X":
        n = f"{float(n) + 0.5:g}"
    if n == "0.5":
        return None
    if unit in ("DE", "CE", "ML") and n != "X":
        unit, n = "Y", f"{float(n) * {'DE': 10, 'CE': 100, 'ML': 1000}[unit]:g}"
    if unit == "Q":
        unit, n = "M", f"{float(n) * 3:g}" if n != "X" else "X"
    if unit in ("H", "S") or (unit == "M" and "minute" in text):
        return Normalized(f"PT{n}{unit}", "DURATION", "duration")
    return Normalized(f"P{n}{unit}", "DURATION", "duration")


def _relative(rel: str, unit: str, ref: dt.date | None) -> Normalized | None:
    """ "this/last/next week|month|year|...": the calendar unit around the reference."""
    delta = int(words("relative")[rel])
    if not ref:
        return Normalized("XXXX", "DATE", "unknown")
    if unit == "D":
        return Normalized(_iso(ref + dt.timedelta(days=delta)), "DATE", "day")
    if unit in ("W", "WE"):
        d = ref + dt.timedelta(weeks=delta)
        week = _week(d)
        return Normalized(f"{week}-WE" if unit == "WE" else week, "DATE", "week")
    if unit == "M":
        y, mo = _shift_month(ref.year, ref.month, delta)
        return Normalized(f"{y:04d}-{mo:02d}", "DATE", "month")
    if unit == "Q":
        q = (ref.month - 1) // 3 + delta
        y = ref.year + q // 4
        return Normalized(f"{y:04d}-Q{q % 4 + 1}", "DATE", "quarter")
    if unit == "Y":
        return Normalized(f"{ref.year + delta:04d}", "DATE", "year")
    if unit == "DE":
        return Normalized(f"{ref.year // 10 + delta:03d}", "DATE", "decade")
    if unit == "CE":
        return Normalized(f"{ref.year // 100 + delta:02d}", "DATE", "century")
    return None


def _ago(count: str, unit: str, way: str, ref: dt.date | None) -> Normalized | None:
    """ "three weeks ago": a date at the unit's granularity; vague counts stay vague."""
    back = way in ("ago", "earlier", "before")
    n = "X" if "couple" in count else _num(count)  # "a couple of weeks ago" stays vague
    if n is None:
        return None
    if n == "X" or "." in n or not ref:
        return Normalized("PAST_REF" if back else "FUTURE_REF", "DATE", "reference")
    k = int(n) * (-1 if back else 1)
    if unit == "D":
        return Normalized(_iso(ref + dt.timedelta(days=k)), "DATE", "day")
    if unit == "W":
        return Normalized(_week(ref + dt.timedelta(weeks=k)), "DATE", "week")
    if unit == "M":
        y, mo = _shift_month(ref.year, ref.month, k)
        return Normalized(f"{y:04d}-{mo:02d}", "DATE", "month")
    if unit == "Y":
        return Normalized(f"{ref.year + k:04d}", "DATE", "year")
    if unit == "DE":
        return Normalized(f"{ref.year // 10 + k:03d}", "DATE", "decade")
    return Normalized("PAST_REF" if back else "FUTURE_REF", "DATE", "reference")


SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}


def bounds(value: str) -> tuple[str | None, str | None]:
    """First and last calendar day a TIMEX3 value covers, or (None, None)."""
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:T.*)?", value):
        day = f"{m[1]}-{m[2]}-{m[3]}"
        return day, day
    if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
        y, mo = int(m[1]), int(m[2])
        return f"{y:04d}-{mo:02d}-01", f"{y:04d}-{mo:02d}-{calendar.monthrange(y, mo)[1]:02d}"
    if m := re.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", value):
        try:
            monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            if m[3]:
                return _iso(monday + dt.timedelta(days=5)), _iso(monday + dt.timedelta(days=6))
            return _iso(monday), _iso(monday + dt.timedelta(days=6))
        except (OverflowError, ValueError):  # a week ending after 9999-12-31: bounds unknown
            return None, None
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", value):
        y, q = int(m[1]), int(m[2])
        last = q * 3
        return f"{y:04d}-{last - 2:02d}-01", f"{y:04d}-{last:02d}-{calendar.monthrange(y, last)[1]}"
    if m := re.fullmatch(r"(\d{4})-H([12])", value):
        return (
            (f"{m[1]}-01-01", f"{m[1]}-06-30")
            if m[2] == "1"
            else (f"{m[1]}-07-01", f"{m[1]}-12-31")
        )
    if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value):
        y = int(m[1])
        first, last = SEASON_MONTHS[m[2]]
        ly, lm = _shift_month(y, 1, last - 1)
        return f"{y:04d}-{first:02d}-01", f"{ly:04d}-{lm:02d}-{calendar.monthrange(ly, lm)[1]:02d}"
    if m := re.fullmatch(r"(?:FY)?(\d{4})", value):
        return f"{m[1]}-01-01", f"{m[1]}-12-31"
    if m := re.fullmatch(r"(\d{3})", value):
        return f"{m[1]}0-01-01", f"{m[1]}9-12-31"
    if m := re.fullmatch(r"(\d{2})", value):
        return f"{m[1]}00-01-01", f"{m[1]}99-12-31"
    return None, None


@cache
def _dateline_pattern() -> re.Pattern[str]:
    month = alternation("month")
    return re.compile(
        r"^[ \t]*[A-Z][A-Za-z.'’ -]{1,40}(?:,[ \t]*[A-Z][A-Za-z. ]{1,30})?,?[ \t]+"
        rf"(?:[A-Z][a-z]+\.?,?[ \t]+)?({month})\.?[ \t]+(\d{{1,2}})(?:st|nd|rd|th)?"
        r"(?:,?[ \t]+(\d{4}))?[ \t]*(?:\([^)\n]{1,40}\))?[ \t]*(?:-{1,2}|—|–|:)",
        re.IGNORECASE | re.MULTILINE,
    )


def dateline_span(text: str) -> tuple[int, int] | None:
    """Where the date of a wire dateline near the top is ("MOSCOW, [Nov. 12, 2021] (Reuters) -")."""
    m = _dateline_pattern().search(text[:600])
    if not m:
        return None
    return m.start(1), m.end(3) if m[3] else m.end(2)


def dateline_date(text: str, ref: dt.date | None = None) -> dt.date | None:
    """The date of a wire dateline ("MOSCOW, Nov. 12, 2021 (Reuters) -") near the top.

    A dateline without a year needs ``ref`` to place it (the latest such date
    not after ``ref``); without either it gives nothing rather than a guess.
    """
    m = _dateline_pattern().search(text[:600])
    if not m:
        return None
    month = int(words("month")[m[1].lower()])
    day = int(m[2])
    if m[3]:
        year: int | None = int(m[3])
    elif ref:
        year = _month_day_year(ref, month, day, "past")
    else:
        return None
    if year is None or not _valid_day(year, month, day):
        return None
    return dt.date(year, month, day)
