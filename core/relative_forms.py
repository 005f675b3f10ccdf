"""Date forms read against the reference date: today, last week, three years ago,
this morning, the weekend, the same day, now."""

from __future__ import annotations

import datetime as dt
import re

from .dateparts import (
    Direction,
    Focus,
    Match,
    Normalized,
    count,
    day_of,
    form,
    iso,
    shift_month,
    week,
)
from .timewords import words

Ref = dt.date | None

DAY_OFFSETS = {"today": 0, "tonight": 0, "this": 0, "yesterday": -1, "last": -1, "tomorrow": 1}


@form(
    "deictic",
    r"^(today|tonight|yesterday|tomorrow)(?: ({partofday}))?$",
    {"today": "2021-11-12", "yesterday afternoon": "2021-11-11TAF", "tonight": "2021-11-12TNI"},
)
def _deictic(m: Match, t: str, ref: Ref, direction: Direction, focus: Focus) -> Normalized | None:
    """ "today", "yesterday afternoon", "tonight"."""
    part = m[2] or ("night" if m[1] == "tonight" else None)
    # with no reference the day is unknown, the part of it still known
    day = iso(ref + dt.timedelta(days=DAY_OFFSETS[m[1]])) if ref else "XXXX-XX-XX"
    if part:
        return Normalized(f"{day}T{words('partofday')[part]}", "TIME", "part-of-day")
    return Normalized(day, "DATE", "day")


@form(
    "day_beyond",
    r"^day (before yesterday|after tomorrow)$",
    {"the day before yesterday": "2021-11-10", "the day after tomorrow": "2021-11-14"},
)
def _day_beyond(
    m: Match, t: str, ref: Ref, direction: Direction, focus: Focus
) -> Normalized | None:
    if not ref:
        return Normalized("XXXX-XX-XX", "DATE", "day")
    return Normalized(iso(ref + dt.timedelta(days=-2 if "before" in m[1] else 2)), "DATE", "day")


@form(
    "this_part",
    r"^(this|last|tomorrow|yesterday) ({partofday})$",
    {"this morning": "2021-11-12TMO", "last night": "2021-11-11TNI"},
)
def _this_part(m: Match, t: str, ref: Ref, direction: Direction, focus: Focus) -> Normalized | None:
    """ "this morning", "last night"; with no reference day, a part of an unknown day."""
    day = iso(ref + dt.timedelta(days=DAY_OFFSETS[m[1]])) if ref else "XXXX-XX-XX"
    return Normalized(f"{day}T{words('partofday')[m[2]]}", "TIME", "part-of-day")


@form(
    "part_day",
    r"^(morning|afternoon|evening|night|dawn|daybreak|sunrise|dusk|sunset|nightfall) "
    r"(today|yesterday|tomorrow|(?:(?:{rel}) )?(?:{weekday}))$",
    {
        "afternoon yesterday": "2021-11-11TAF",
        "night Friday": "2021-11-12TNI",
        "dawn Friday": "2021-11-12TMO",
    },
)
def _part_day(m: Match, t: str, ref: Ref, direction: Direction, focus: Focus) -> Normalized | None:
    """ "(mid-)afternoon yesterday", "morning Friday": the day named after the part of it."""
    return part_of_day(m[1], m[2], ref, direction, focus)


def part_of_day(
    part: str, day_text: str, ref: Ref, direction: Direction, focus: Focus
) -> Normalized | None:
    """A part of the day ``day_text`` names ("Friday", "June 3"), or None if it names none."""
    from .dates import match  # the forms are tried in `core.dates.ORDER`

    found = match(day_text, ref, direction, focus)
    day = day_of(found.value) if found else None
    if day is None:
        return None
    return Normalized(f"{day}T{words('partofday')[part]}", "TIME", "part-of-day")


@form(
    "part_alone",
    r"^(morning|afternoon|evening|dawn|daybreak|sunrise|dusk|sunset|nightfall)$",
    {"afternoon": "2021-11-12TAF", "dawn": "2021-11-12TMO", "nightfall": "2021-11-12TNI"},
)
def _part_alone(
    m: Match, t: str, ref: Ref, direction: Direction, focus: Focus
) -> Normalized | None:
    """ "by mid-afternoon", "at dawn": a part of the reference day (spaCy tags "afternoon"
    TIME; `timex_candidates` takes the sun's words after a preposition)."""
    if not ref:
        return None
    return Normalized(f"{iso(ref)}T{words('partofday')[m[1]]}", "TIME", "part-of-day")


def relative(rel: str, unit: str, ref: Ref) -> Normalized | None:
    """ "this/last/next week|month|year|...": the calendar unit around the reference."""
    return relative_by(int(words("relative")[rel]), unit, ref)


def relative_by(delta: int, unit: str, ref: Ref) -> Normalized | None:
    """The calendar unit ``delta`` units from the one around the reference."""
    if not ref:
        return Normalized("XXXX", "DATE", "unknown")
    if unit == "D":
        return Normalized(iso(ref + dt.timedelta(days=delta)), "DATE", "day")
    if unit in ("W", "WE"):
        d = ref + dt.timedelta(weeks=delta)
        return Normalized(f"{week(d)}-WE" if unit == "WE" else week(d), "DATE", "week")
    if unit == "M":
        y, mo = shift_month(ref.year, ref.month, delta)
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


@form(
    "relative",
    r"^({rel}) (?:fiscal |calendar )?({unit})$",
    {
        "last week": "2021-W44",
        "next month": "2021-12",
        "this past year": "2020",
        "last century": "19",
        "this century": "20",
        "the last decade": "201",
        "the coming years": "PXY",
        "the last minute": None,
    },
)
def _relative(m: Match, t: str, ref: Ref, direction: Direction, focus: Focus) -> Normalized | None:
    """ "last week", "next year"; a plural ("the coming years") is a vague stretch, not a unit.
    In an earnings report "this quarter" is the quarter the report is about."""
    from .span_forms import duration

    if m[2].endswith("s"):
        return duration(None, words("unit")[m[2]], False, t)
    if m[2] in ("minute", "hour", "second"):
        return None  # "at the last minute" is not a date
    if m[1] == "this" and m[2] == "quarter" and focus.quarter:
        return Normalized(focus.quarter, "DATE", "quarter")  # the one reported
    if m[1] == "following" and focus.date and (told := _focus_day(focus.date)):
        return relative(m[1], words("unit")[m[2]], told)  # after the date the text told
    return relative(m[1], words("unit")[m[2]], ref)


def _focus_day(value: str) -> dt.date | None:
    """The first day of the last absolute date the text named ("1995-03" -> 1995-03-01)."""
    found = re.fullmatch(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?", value)
    if not found:
        return None
    return dt.date(int(found[1]), int(found[2] or 1), int(found[3] or 1))


@form(
    "weekday_before",
    r"^(?:previous|preceding) ({weekday})$",
    {"the previous Friday": "2021-11-05", "the preceding Monday": "2021-11-08"},
)
def _weekday_before(
    m: Match, t: str, ref: Ref, direction: Direction, focus: Focus
) -> Normalized | None:
    """ "down 4% from the previous Friday": that weekday before the day the text is on (the
    last full day it named, else the reference), never that day itself."""
    wd = int(words("weekday")[m[1]])
    told = focus.date if focus.date and re.fullmatch(r"\d{4}-\d\d-\d\d", focus.date) else None
    base = dt.date.fromisoformat(told) if told else ref
    if base is None:
        return Normalized(f"XXXX-WXX-{wd}", "DATE", "day")
    back = (base.isoweekday() - wd - 1) % 7 + 1
    return Normalized(iso(base - dt.timedelta(days=back)), "DATE", "day")


@form(
    "vague_quarters",
    r"^(past|recent|previous|future|coming)(?: several| few)? quarters$"
    r"|^(future) (?:years|months|weeks|days)$",
    {"the past several quarters": "PAST_REF", "future years": "FUTURE_REF"},
)
def _vague_quarters(
    m: Match, t: str, ref: Ref, direction: Direction, focus: Focus
) -> Normalized | None:
    """ "the past several quarters", "future quarters", "future years": no count and no
    calendar unit to hold on to, so TIMEX3 says only past or future."""
    way = m[1] or m[2]
    value = "FUTURE_REF" if way in ("future", "coming") else "PAST_REF"
    return Normalized(value, "DATE", "reference")


@form("full_year", r"^(?:full|whole|entire) (?:fiscal |calendar )?year$", {"the full year": "2021"})
def _full_year(m: Match, t: str, ref: Ref, direction: Direction, focus: Focus) -> Normalized | None:
    """ "sales for the full year": the reference year, as earnings reports mean it."""
    return Normalized(f"{ref.year:04d}" if ref else "XXXX", "DATE", "year")


@form(
    "earlier",
    r"^(earlier|later) (this|last|next) ({unit})$",
    {"earlier this year": "2021", "later this month": "2021-11"},
)
def _earlier(m: Match, t: str, ref: Ref, direction: Direction, focus: Focus) -> Normalized | None:
    """ "earlier this year" is this year: the modifier narrows, the value stays."""
    return relative(m[2], words("unit")[m[3]], ref)


def ago(number: str, unit: str, way: str, ref: Ref, word: str = "") -> Normalized | None:
    """ "three weeks ago": a date at the unit's granularity; vague counts stay vague.

    "Three days later", "a day earlier" count from a time the text told, not from
    the report: TimeML marks the stretch (P3D, 5 times of 5 in the training gold)."""
    if way in ("earlier", "later", "before"):
        from .span_forms import duration

        return duration(number, unit, False, word)
    back = way == "ago"  # else "from now", "from today", "hence"
    n = "X" if "couple" in number else count(number)  # "a couple of weeks ago" stays vague
    if n is None:
        return None
    if n == "X" or "." in n or not ref:
        return Normalized("PAST_REF" if back else "FUTURE_REF", "DATE", "reference")
    k = int(n) * (-1 if back else 1)
    if unit in ("H", "S") or (unit == "M" and re.match(r"min", word)):  # "5 mins ago"
        hours = k if unit == "H" else 0  # "three hours ago": the day it was on
        return Normalized(iso(ref + dt.timedelta(days=int(hours / 24))), "DATE", "day")
    if unit == "2W":  # "a fortnight ago"
        unit, k = "W", k * 2
    if unit == "D":
        return Normalized(iso(ref + dt.timedelta(days=k)), "DATE", "day")
    if unit == "W":
        return Normalized(week(ref + dt.timedelta(weeks=k)), "DATE", "week")
    if unit == "M":
        y, mo = shift_month(ref.year, ref.month, k)
        return Normalized(f"{y:04d}-{mo:02d}", "DATE", "month")
    if unit == "Y":
        return Normalized(f"{ref.year + k:04d}", "DATE", "year")
    if unit == "DE":
        return Normalized(f"{ref.year // 10 + k:03d}", "DATE", "decade")
    if unit == "CE":
        return Normalized(f"{(ref.year + 100 * k) // 100:02d}", "DATE", "century")
    return Normalized("PAST_REF" if back else "FUTURE_REF", "DATE", "reference")


@form(
    "ago",
    r"^((?:a )?(?:couple|few)(?: of)?|{number}|\d+(?:\.\d+)?)(?: of)? ({unit})s? "
    r"(ago|earlier|before|later|from now|from today|hence)$",
    {
        "three weeks ago": "2021-W42",
        "a couple of weeks ago": "PAST_REF",
        "two days later": "P2D",
        "a few days later": "PXD",
        "an hour later": "PT1H",
    },
)
def _ago(m: Match, t: str, ref: Ref, direction: Direction, focus: Focus) -> Normalized | None:
    return ago(m[1], words("unit")[m[2]], m[3], ref, m[2])


@form(
    "same",
    r"^(?:that|the same|that same|the very same|same|very same) "
    r"(day|week|month|year|quarter)$",
    {"the same day": "XXXX-XX-XX", "that year": "XXXX"},
)
def _same(m: Match, t: str, ref: Ref, direction: Direction, focus: Focus) -> Normalized | None:
    """ "the same day", "that year": the date the text named last, at the unit's granularity."""
    unit = m[1]
    last = focus.date
    cut = {"year": 4, "month": 7, "day": 10}.get(unit)
    if last and cut and len(last) >= cut and re.match(r"\d{4}", last):
        return Normalized(last[:cut], "DATE", unit)
    if last and unit == "quarter" and focus.quarter:
        return Normalized(focus.quarter, "DATE", "quarter")
    placeholder = {"year": "XXXX", "month": "XXXX-XX", "day": "XXXX-XX-XX"}.get(unit, "XXXX")
    return Normalized(placeholder, "DATE", unit)


@form(
    "week_of",
    r"^week of (.+)$",
    {"the week of March 6": "2022-W09", "the week of Nov. 1": "2021-W44"},
)
def _week_of(m: Match, t: str, ref: Ref, direction: Direction, focus: Focus) -> Normalized | None:
    """ "the week of March 6": the week that day is in."""
    from .dates import match

    found = match(m[1], ref, direction, focus)
    day = day_of(found.value) if found else None
    if day is None or not day[:4].isdigit():
        return None
    return Normalized(week(dt.date.fromisoformat(day)), "DATE", "week")


@form("year_end", r"^(?:year end|year's end)$", {"year-end": "2021"})
def _year_end(m: Match, t: str, ref: Ref, direction: Direction, focus: Focus) -> Normalized | None:
    """ "by year end": the end of the reference year."""
    return Normalized(f"{ref.year:04d}" if ref else "XXXX", "DATE", "year", "END")


@form("weekend", r"^weekend$", {"the weekend": "2021-W44-WE"})
def _weekend(m: Match, t: str, ref: Ref, direction: Direction, focus: Focus) -> Normalized | None:
    """ "over the weekend": the last one (or this one, read on a Saturday or Sunday);
    "ahead of the weekend" with a future verb: the next one. TIMEX3 writes 1989-W43-WE."""
    if not ref:
        return Normalized("XXXX-WXX-WE", "DATE", "week")
    if direction == "future":
        saturday = ref + dt.timedelta(days=(6 - ref.isoweekday()) % 7)
    else:
        saturday = ref - dt.timedelta(days=(ref.isoweekday() - 6) % 7)
    return Normalized(f"{week(saturday)}-WE", "DATE", "week")


@form(
    "ref",
    r"^({ref})$",
    {"now": "PRESENT_REF", "recently": "PAST_REF", "the future": ("FUTURE_REF")},
)
def _ref(m: Match, t: str, ref: Ref, direction: Direction, focus: Focus) -> Normalized | None:
    return Normalized(words("ref")[m[1]], "DATE", "reference")
