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
from dataclasses import dataclass
from functools import cache
from typing import Literal

from .records import TimexType
from .timewords import alternation, words

Direction = Literal["past", "future", "present"] | None


@dataclass(frozen=True, slots=True)
class Normalized:
    value: str
    type: TimexType
    granularity: str
    mod: str | None = None


# Leading words that qualify a value without changing it (TIMEX3 mod).
MODIFIERS: tuple[tuple[str, str | None], ...] = (
    ("the beginning of", "START"),
    ("the start of", "START"),
    ("the end of", "END"),
    ("the middle of", "MID"),
    ("more than", "MORE_THAN"),
    ("less than", "LESS_THAN"),
    ("at least", "EQUAL_OR_MORE"),
    ("up to", "EQUAL_OR_LESS"),
    ("no more than", "EQUAL_OR_LESS"),
    ("nearly", "LESS_THAN"),
    ("almost", "LESS_THAN"),
    ("over", "MORE_THAN"),
    ("about", "APPROX"),
    ("around", "APPROX"),
    ("roughly", "APPROX"),
    ("some", "APPROX"),
    ("early", "START"),
    ("earlier", None),
    ("mid", "MID"),
    ("late", "END"),
    ("later", None),
)
FILLER = re.compile(r"^(?:for|in|on|at|of|during|since|from|until|till|by|the|of)\s+")


def _clean(text: str) -> str:
    t = text.lower().replace("’", "'").replace("\u2013", "-").replace("\u2014", "-")
    t = re.sub(r"\s+", " ", t).strip(" ,;:.")
    t = re.sub(r"\b(jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.", r"\1", t)
    t = re.sub(r"\b(mon|tues?|wed|thur?s?|fri|sat|sun)\.", r"\1", t)
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
        for phrase, value in MODIFIERS:
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
        "weekday": rf"^(?:(this|last|next|past|coming) )?({weekday})(?:,? ({month}) {day})?"
        rf"(?: ({part}))?$",
        "month": rf"^(?:(this|last|next|past|coming) )?({month})$",
        "year": rf"^(?:(?:the )?(?:year|fiscal|fiscal year) )?{year}$",
        "decade": r"^(?:the )?(?:(\d{2})|')?(\d)0'?s$",
        "century": rf"^(?:the )?(\d{{1,2}})(?:st|nd|rd|th) century$|^(?:the )?({ordinal}) century$",
        "deictic": rf"^(today|tonight|yesterday|tomorrow)(?: ({part}))?$",
        "this_part": rf"^(this|last|tomorrow|yesterday) ({part})$",
        "relative": rf"^(this|last|next|past|coming|previous|current|following) ({unit})$",
        "earlier": rf"^(earlier|later) (this|last|next) ({unit})$",
        "ago": rf"^((?:a )?(?:couple|few)(?: of)?|{number}|\d+(?:\.\d+)?)(?: of)? ({unit})s? (ago|earlier|before|later|from now|"
        r"hence)$",
        "quarter": rf"^({ordinal}) quarter(?: of (?:(the year)|{year}))?$|^q([1-4])(?: {year})?$",
        "half": rf"^({ordinal}) half(?: of (?:(the year)|{year}))?$",
        "season": rf"^(?:(this|last|next|past|coming) )?({season})(?: (?:of )?{year})?$",
        "duration": rf"^(?:(last|past|next|coming|previous|first|final) )?"
        rf"({number}|\d+(?:\.\d+)?|(?:a|one|two|three) (?:couple|few) of)?"
        rf"(?:[ -](?:and a half))?[ -]?({unit})s?(?: and a half)?(?:[ -]long|[ -]old)?$",
        "time": rf"^(\d{{1,2}})(?::(\d{{2}}))? ?([ap])\.? ?m\.?(?: ({weekday}|today|yesterday|"
        r"tomorrow))?$",
        "clock_word": r"^(noon|midday|midnight)(?: (today|yesterday|tomorrow))?$",
        "ref": rf"^({alternation('ref')})$",
        "set": rf"^(?:every|each) (?:({weekday})|({unit}))$|^({alternation('set')})$",
    }
    return {k: re.compile(v) for k, v in p.items()}


def _num(word: str) -> str | None:
    """A count as TIMEX3 writes it: digits, or X when vague ("a few")."""
    if re.fullmatch(r"\d+(?:\.\d+)?", word):
        return word.rstrip("0").rstrip(".") if "." in word else word
    word = word.removesuffix(" of").removeprefix("a ")
    if word in ("couple", "few"):
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
    Friday paper is today); "next"/"coming" and future tense look forward;
    with no clue, the nearest one.
    """
    back = (ref.isoweekday() - weekday) % 7
    fwd = (weekday - ref.isoweekday()) % 7
    if rel == "last":
        return ref - dt.timedelta(days=back or 7)
    if rel in ("next", "coming"):
        return ref + dt.timedelta(days=fwd or 7)
    if rel == "this":
        return ref + dt.timedelta(days=weekday - ref.isoweekday())
    if direction == "past":
        return ref - dt.timedelta(days=back)
    if direction == "future":
        return ref + dt.timedelta(days=fwd or 7) if back != 0 else ref
    return ref - dt.timedelta(days=back) if back <= 3 else ref + dt.timedelta(days=fwd)


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


def normalize(text: str, ref: dt.date | None, direction: Direction = None) -> Normalized | None:
    """The TIMEX3 value of one temporal expression, or None if it is not one."""
    t, mod = _strip_prefixes(_clean(text))
    if not t:
        return None
    result = _match(t, ref, direction)
    if result is None:
        return None
    if mod and result.mod is None:
        result = Normalized(result.value, result.type, result.granularity, mod)
    return result


def _match(t: str, ref: dt.date | None, direction: Direction) -> Normalized | None:  # noqa: C901
    p = _patterns()
    months = words("month")
    weekdays = words("weekday")
    units = words("unit")

    if m := p["iso"].match(t):
        y, mo, d = int(m[1]), int(m[2]), int(m[3])
        return Normalized(f"{y:04d}-{mo:02d}-{d:02d}", "DATE", "day") if _valid_day(y, mo, d) else None
    if m := p["numeric"].match(t):
        mo, d, y = int(m[1]), int(m[2]), int(m[3])
        if y < 100:
            y += 2000 if y < 50 else 1900
        return Normalized(f"{y:04d}-{mo:02d}-{d:02d}", "DATE", "day") if _valid_day(y, mo, d) else None
    if m := p["mdy"].match(t):
        mo, d, y = int(months[m[1]]), int(m[2]), int(m[3])
        return Normalized(f"{y:04d}-{mo:02d}-{d:02d}", "DATE", "day") if _valid_day(y, mo, d) else None
    if m := p["dmy"].match(t):
        d, mo, y = int(m[1]), int(months[m[2]]), int(m[3])
        return Normalized(f"{y:04d}-{mo:02d}-{d:02d}", "DATE", "day") if _valid_day(y, mo, d) else None
    if m := p["my"].match(t):
        return Normalized(f"{int(m[2]):04d}-{int(months[m[1]]):02d}", "DATE", "month")
    md = p["md"].match(t)
    dm = p["dm"].match(t)
    if md or dm:
        if md:
            mo, d = int(months[md[2]]), int(md[3])
        else:
            assert dm is not None
            mo, d = int(months[dm[2]]), int(dm[1])
        if not _valid_day(None, mo, d):
            return None
        year = _month_day_year(ref, mo, d, direction) if ref else None
        prefix = f"{year:04d}" if year else "XXXX"
        return Normalized(f"{prefix}-{mo:02d}-{d:02d}", "DATE", "day")
    if m := p["weekday"].match(t):
        rel, wd, part = m[1], int(weekdays[m[2]]), m[5]
        if m[3]:  # "Friday, Nov. 12": the month-day decides
            mo, d = int(months[m[3]]), int(m[4])
            year = _month_day_year(ref, mo, d, direction) if ref else None
            value = f"{year:04d}-{mo:02d}-{d:02d}" if year else f"XXXX-{mo:02d}-{d:02d}"
        elif ref:
            value = _iso(_weekday_date(ref, wd, rel, direction))
        else:
            value = f"XXXX-WXX-{wd}"
        if part:
            return Normalized(f"{value}T{words('partofday')[part]}", "TIME", "part-of-day")
        return Normalized(value, "DATE", "day")
    if m := p["month"].match(t):
        mo = int(months[m[2]])
        if t == "may":  # the modal verb, far more often than the month
            return None
        if not ref:
            return Normalized(f"XXXX-{mo:02d}", "DATE", "month")
        return Normalized(f"{_month_year(ref, mo, m[1], direction):04d}-{mo:02d}", "DATE", "month")
    if m := p["year"].match(t):
        y = int(m[1])
        if not 1000 <= y <= 2199:
            return None
        if "fiscal" in t:
            return Normalized(f"FY{y}", "DATE", "year")
        return Normalized(f"{y:04d}", "DATE", "year")
    if m := p["decade"].match(t):
        century = m[1]
        if century is None:
            if not ref:
                return Normalized(f"XX{m[2]}", "DATE", "decade")
            century = str(ref.year)[:2] if int(m[2]) <= int(str(ref.year)[2]) else "19"
        return Normalized(f"{century}{m[2]}", "DATE", "decade")
    if m := p["century"].match(t):
        n = int(m[1]) if m[1] else int(words("ordinal")[m[2]])
        if n < 1:
            return None
        return Normalized(f"{n - 1:02d}", "DATE", "century")
    if m := p["deictic"].match(t):
        if not ref:
            return Normalized("XXXX-XX-XX", "DATE", "day")
        offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[m[1]]
        d = _iso(ref + dt.timedelta(days=offset))
        part = m[2] or ("night" if m[1] == "tonight" else None)
        if part:
            return Normalized(f"{d}T{words('partofday')[part]}", "TIME", "part-of-day")
        return Normalized(d, "DATE", "day")
    if m := p["this_part"].match(t):
        if not ref:
            return None
        offset = {"this": 0, "last": -1, "yesterday": -1, "tomorrow": 1}[m[1]]
        d = _iso(ref + dt.timedelta(days=offset))
        return Normalized(f"{d}T{words('partofday')[m[2]]}", "TIME", "part-of-day")
    if m := p["relative"].match(t):
        return _relative(m[1], units[m[2]], ref)
    if m := p["earlier"].match(t):
        return _relative(m[2], units[m[3]], ref)
    if m := p["ago"].match(t):
        return _ago(m[1], units[m[2]], m[3], ref)
    if m := p["quarter"].match(t):
        n = m[4] or words("ordinal")[m[1]]
        q = int(n) if int(n) > 0 else 4
        y = m[3] or m[5]
        if y:
            return Normalized(f"{y}-Q{q}", "DATE", "quarter")
        if not ref:
            return Normalized(f"XXXX-Q{q}", "DATE", "quarter")
        year = ref.year
        if direction == "past" and q > (ref.month - 1) // 3 + 1:
            year -= 1
        return Normalized(f"{year:04d}-Q{q}", "DATE", "quarter")
    if m := p["half"].match(t):
        n = int(words("ordinal")[m[1]])
        h = 1 if n == 1 else 2
        y = m[3] or (str(ref.year) if ref else "XXXX")
        return Normalized(f"{y}-H{h}", "DATE", "half")
    if m := p["season"].match(t):
        code = words("season")[m[2]]
        if m[3]:
            return Normalized(f"{m[3]}-{code}", "DATE", "season")
        if not ref:
            return Normalized(f"XXXX-{code}", "DATE", "season")
        year = ref.year
        if m[1] in ("last", "past"):
            year -= 1
        elif m[1] in ("next", "coming"):
            year += 1
        return Normalized(f"{year:04d}-{code}", "DATE", "season")
    if m := p["time"].match(t):
        hour, minute = int(m[1]), int(m[2] or 0)
        if not 1 <= hour <= 12 or minute > 59:
            return None
        hour = hour % 12 + (12 if m[3] == "p" else 0)
        day = m[4]
        if not ref:
            return Normalized(f"XXXX-XX-XXT{hour:02d}:{minute:02d}", "TIME", "time")
        if day in weekdays:
            d = _weekday_date(ref, int(weekdays[day]), None, direction)
        else:
            d = ref + dt.timedelta(days={"yesterday": -1, "tomorrow": 1}.get(day or "", 0))
        return Normalized(f"{_iso(d)}T{hour:02d}:{minute:02d}", "TIME", "time")
    if m := p["clock_word"].match(t):
        hm = "12:00" if m[1] in ("noon", "midday") else "24:00"
        if not ref:
            return Normalized(f"XXXX-XX-XXT{hm}", "TIME", "time")
        d = ref + dt.timedelta(days={"yesterday": -1, "tomorrow": 1}.get(m[2] or "", 0))
        return Normalized(f"{_iso(d)}T{hm}", "TIME", "time")
    if m := p["ref"].match(t):
        return Normalized(words("ref")[m[1]], "DATE", "reference")
    if m := p["set"].match(t):
        if m[1]:
            return Normalized(f"XXXX-WXX-{weekdays[m[1]]}", "SET", "set")
        if m[2]:
            return Normalized(f"P1{_duration_unit(units[m[2]])}", "SET", "set")
        return Normalized(words("set")[m[3]], "SET", "set")
    if m := p["duration"].match(t):
        return _duration(m[1], m[2], units[m[3]], "and a half" in t, t)
    return None


def _duration_unit(code: str) -> str:
    return {"WE": "WE", "2W": "W", "Q": "Q"}.get(code, code)


def _duration(
    rel: str | None, count: str | None, unit: str, half: bool, text: str
) -> Normalized | None:
    if text.endswith("old"):
        return None  # an age, not a time
    n = _num(count) if count else "1"
    if n is None:
        return None
    if unit == "2W":
        unit, n = "W", str(int(float(n) * 2)) if n != "X" else "X"
    if half and n != "X":
        n = f"{float(n) + 0.5:g}"
    if n == "0.5":
        return None
    if unit in ("H", "S") or (unit == "M" and "minute" in text):
        return Normalized(f"PT{n}{unit}", "DURATION", "duration")
    if unit == "Q":
        return Normalized(f"P{n}Q" if n != "X" else "PXQ", "DURATION", "duration")
    return Normalized(f"P{n}{unit}", "DURATION", "duration")


def _relative(rel: str, unit: str, ref: dt.date | None) -> Normalized | None:
    """"this/last/next week|month|year|...": the calendar unit around the reference."""
    delta = {"this": 0, "current": 0, "last": -1, "past": -1, "previous": -1,
             "next": 1, "coming": 1, "following": 1}[rel]
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
    """"three weeks ago": a date at the unit's granularity; vague counts stay vague."""
    back = way in ("ago", "earlier", "before")
    n = _num(count)
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
        monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        if m[3]:
            return _iso(monday + dt.timedelta(days=5)), _iso(monday + dt.timedelta(days=6))
        return _iso(monday), _iso(monday + dt.timedelta(days=6))
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", value):
        y, q = int(m[1]), int(m[2])
        last = q * 3
        return f"{y:04d}-{last - 2:02d}-01", f"{y:04d}-{last:02d}-{calendar.monthrange(y, last)[1]}"
    if m := re.fullmatch(r"(\d{4})-H([12])", value):
        return (f"{m[1]}-01-01", f"{m[1]}-06-30") if m[2] == "1" else (f"{m[1]}-07-01", f"{m[1]}-12-31")
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
