"""Date forms that count from a day or pick a day inside a period: "in three days",
"a week from Friday", "Friday week", "the week after next", "the second Tuesday of
March", "the first week of March", "the 3rd", machine forms of a month or a week
("2021-11", "2021-W05", "05/2024", "20210315") and plural weekdays ("on Mondays")."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from .dateparts import (
    Direction,
    Focus,
    Match,
    Normalized,
    day_of,
    day_value,
    form,
    iso,
    month_day,
    nth_weekday,
    shift_day,
    shift_month,
    week,
)
from .timewords import words

Ref = dt.date | None

# Denominators of the fractions news writes with a slash ("1/2", "3/4", "5/8").
FRACTIONS = frozenset({2, 3, 4, 8})
# Offsets of "the day/week/month/year after next" and "before last".
BEYOND = {"after next": 2, "before last": -2}
BEYOND_UNIT = {"day": "D", "week": "W", "weekend": "WE", "month": "M", "year": "Y"}


@form(
    "in_offset",
    r"^in ((?:a )?(?:couple|few)(?: of)?|an?|{number}|\d+(?:\.\d+)?) ({unit})s?$",
    {"in three days": "2021-11-15", "in two weeks": "2021-W47", "in 5 years": "2026"},
)
def _in_offset(m: Match, t: str, ref: Ref, direction: Direction, focus: Focus) -> Normalized | None:
    """ "will resume in three days": the day that far ahead; read in the past tense
    ("the first rise in three years") it is the stretch of time, a duration."""
    from .relative_forms import ago
    from .span_forms import duration

    if direction == "past":
        return duration(m[1], words("unit")[m[2]], False, t)
    return ago(m[1], words("unit")[m[2]], "from now", ref, m[2])


@form(
    "part_of",
    r"^(morning|afternoon|evening|night) of (.+)$",
    {"the morning of June 3": "2021-06-03TMO", "the night of Nov. 9": "2021-11-09TNI"},
)
def _part_of(m: Match, t: str, ref: Ref, direction: Direction, focus: Focus) -> Normalized | None:
    """ "the morning of June 3": a part of the day named after it."""
    from .relative_forms import part_of_day

    return part_of_day(m[1], m[2], ref, direction, focus)


@form(
    "from_day",
    r"^(an?|{number}|\d+) ({unit})s? (from|after|before) (?!now$)(.+)$",
    {
        "a week from Friday": "2021-11-19",
        "two days after Christmas": "2021-12-27",
        "three weeks from today": "2021-12-03",
    },
)
def _from_day(m: Match, t: str, ref: Ref, direction: Direction, focus: Focus) -> Normalized | None:
    """ "a week from Friday", "three days after Christmas", "three weeks from today": a day
    counted from a day in days or weeks ("three weeks from now" is the week, "3 years from
    today" the year: `relative_forms.ago`)."""
    from .dates import match  # the forms are tried in `core.dates.ORDER`

    if m[4] == "today" and words("unit")[m[2]] not in ("D", "W", "2W"):
        from .relative_forms import ago

        # "3 years from today" is the year, "two hours from today" the day
        return ago(m[1], words("unit")[m[2]], "from today", ref, m[2])
    found = match(m[4], ref, "future" if m[3] == "from" else direction, focus)
    day = day_of(found.value) if found else None
    n = int(words("number").get(m[1], m[1]).removesuffix(".0"))  # "a week" is 1 there too
    if day is None or not day[:4].isdigit():
        return None
    moved = shift_day(
        dt.date.fromisoformat(day), -n if m[3] == "before" else n, words("unit")[m[2]]
    )
    return Normalized(iso(moved), "DATE", "day") if moved else None


@form("weekday_week_on", r"^({weekday}) week$", {"Friday week": "2021-11-19"})
def _weekday_week_on(
    m: Match, t: str, ref: Ref, direction: Direction, focus: Focus
) -> Normalized | None:
    """ "Friday week" (British): a week after the coming Friday (today counts)."""
    from .calendar_forms import weekday_date

    wd = int(words("weekday")[m[1]])
    if not ref:
        return None
    coming = weekday_date(ref, wd, None, "future")
    return Normalized(iso(coming + dt.timedelta(days=7)), "DATE", "day")


@form(
    "beyond",
    r"^(day|week|weekend|month|year) (after next|before last)$",
    {
        "the week after next": "2021-W47",
        "the month after next": "2022-01",
        "the year before last": "2019",
        "the day after next": "2021-11-14",
    },
)
def _beyond(m: Match, t: str, ref: Ref, direction: Direction, focus: Focus) -> Normalized | None:
    """ "the week after next", "the year before last": two units away."""
    from .relative_forms import relative_by

    if not ref:
        return None
    return relative_by(BEYOND[m[2]], BEYOND_UNIT[m[1]], ref)


def _month_of(text: str, ref: Ref, direction: Direction, focus: Focus) -> tuple[int, int] | None:
    """The year and month a phrase names ("March", "next month", "the month", "May 2020")."""
    from .dates import match

    if text in ("the month", "this month", "month") and ref:
        return ref.year, ref.month
    found = match(text, ref, direction, focus)
    if found is None or not (m := re.fullmatch(r"(\d{4})-(\d\d)", found.value)):
        return None
    return int(m[1]), int(m[2])


def _ordinal(word: str) -> int | None:
    if word[:1].isdigit():
        return int(word[0])
    return int(words("ordinal")[word]) if word in words("ordinal") else None


@form(
    "nth_weekday",
    r"^({ordinal}|[1-5](?:st|nd|rd|th)) ({weekday}) (?:of|in) (.+)$",
    {
        "the second Tuesday of March": "2021-03-09",
        "the first Monday in December": "2021-12-06",
        "the last Friday of the month": "2021-11-26",
    },
)
def _nth_weekday(
    m: Match, t: str, ref: Ref, direction: Direction, focus: Focus
) -> Normalized | None:
    """ "the second Tuesday of March", "the last Friday of the month"."""
    n = _ordinal(m[1])
    month = _month_of(m[3], ref, direction, focus)
    if n is None or month is None:
        return None
    y, mo = month
    day = nth_weekday(y, mo, int(words("weekday")[m[2]]), n)
    if n > 0 and day.month != mo:
        return None
    return Normalized(iso(day), "DATE", "day")


@form(
    "nth_week",
    r"^({ordinal}|[1-5](?:st|nd|rd|th)) week (?:of|in) (.+)$",
    {
        "the first week of March": "2021-W09",
        "the last week of October": "2021-W43",
        "the third week of January": "2021-W03",
    },
)
def _nth_week(m: Match, t: str, ref: Ref, direction: Direction, focus: Focus) -> Normalized | None:
    """ "the first week of March", "the last week of October": a week belongs to the month
    its Thursday is in, as ISO 8601 weeks belong to years (the first week holds the
    month's first Thursday, the last its last Thursday)."""
    n = _ordinal(m[1])
    month = _month_of(m[2], ref, direction, focus)
    if n is None or month is None or n > 5:
        return None
    y, mo = month
    return Normalized(week(nth_weekday(y, mo, 4, n)), "DATE", "week")


@form(
    "nth_day",
    r"^({ordinal}|[1-9]|[12]\d|3[01])(?:st|nd|rd|th)? day (?:of|in) (.+)$",
    {
        "the third day of October": "2021-10-03",
        "the last day of the month": "2021-11-30",
        "the first day of next month": "2021-12-01",
        "the last day of October 2015": "2015-10-31",
    },
)
def _nth_day(m: Match, t: str, ref: Ref, direction: Direction, focus: Focus) -> Normalized | None:
    """ "the third day of October", "the last day of the month"."""
    n = int(m[1]) if m[1].isdigit() else _ordinal(m[1])
    month = _month_of(m[2], ref, direction, focus)
    if n is None or month is None:
        return None
    y, mo = month
    return day_value(y, mo, calendar.monthrange(y, mo)[1] if n < 0 else n)


@form(
    "weekday_after_next",
    r"^({weekday}) after next$",
    {"Friday after next": "2021-11-26", "Monday after next": "2021-11-22"},
)
def _weekday_after_next(
    m: Match, t: str, ref: Ref, direction: Direction, focus: Focus
) -> Normalized | None:
    """ "Friday after next": the one after the next such weekday ("next Friday")."""
    from .calendar_forms import weekday_date

    if not ref:
        return None
    following = weekday_date(ref, int(words("weekday")[m[1]]), 1, direction)
    return Normalized(iso(following + dt.timedelta(days=7)), "DATE", "day")


@form(
    "ordinal_day",
    r"^(\d{{1,2}})(?:st|nd|rd|th)(?: of (this|next|last|the) month)?$",
    {"the 3rd": "2021-11-03", "the 15th of next month": "2021-12-15", "the 20th": "2021-11-20"},
)
def _ordinal_day(
    m: Match, t: str, ref: Ref, direction: Direction, focus: Focus
) -> Normalized | None:
    """ "on the 3rd": a day of the reference's month (the month before or after when the
    tense points past it); "the 15th of next month"."""
    d = int(m[1])
    if not ref:
        return Normalized(f"XXXX-XX-{d:02d}", "DATE", "day") if 1 <= d <= 31 else None
    delta = {"next": 1, "last": -1}.get(m[2] or "", 0)
    if m[2] is None:
        if direction == "past" and d > ref.day:
            delta = -1
        elif direction == "future" and d < ref.day:
            delta = 1
    y, mo = shift_month(ref.year, ref.month, delta)
    return day_value(y, mo, d)


@form(
    "iso_month",
    r"^{year}[-/](0[1-9]|1[0-2])$|^(0?[1-9]|1[0-2])/{year}$",
    {"2021-11": "2021-11", "05/2024": "2024-05", "2010-13": None},
)
def _iso_month(m: Match, t: str, ref: Ref, direction: Direction, focus: Focus) -> Normalized | None:
    """A month as machines write it: "2021-11" (ISO 8601), "05/2024" (a card's expiry)."""
    year, month = (m[1], m[2]) if m[1] else (m[4], m[3])
    return Normalized(f"{year}-{int(month):02d}", "DATE", "month")


@form(
    "iso_week",
    r"^{year}[- ]?w(\d\d)(?:-?([1-7]))?$|^week (\d{{1,2}}) of {year}$",
    {"2021-W05": "2021-W05", "2021W053": "2021-W05-3", "week 5 of 2021": "2021-W05"},
)
def _iso_week(m: Match, t: str, ref: Ref, direction: Direction, focus: Focus) -> Normalized | None:
    """An ISO 8601 week ("2021-W05", with its day "2021-W05-3"), or "week 5 of 2021"."""
    year, n = (m[1], int(m[2])) if m[1] else (m[5], int(m[4]))
    if not 1 <= n <= 53:
        return None
    try:
        dt.date.fromisocalendar(int(year), n, 1)
    except ValueError:  # a 53rd week in a year of 52
        return None
    if m[3]:
        return Normalized(f"{year}-W{n:02d}-{m[3]}", "DATE", "day")
    return Normalized(f"{year}-W{n:02d}", "DATE", "week")


@form(
    "compact_date",
    r"^((?:19|20)\d\d)(0[1-9]|1[0-2])([0-3]\d)$",
    {"20210315": "2021-03-15", "20211345": None},
)
def _compact_date(
    m: Match, t: str, ref: Ref, direction: Direction, focus: Focus
) -> Normalized | None:
    """ISO 8601's basic form: "20210315"."""
    return day_value(int(m[1]), int(m[2]), int(m[3]))


@form(
    "weekday_plural",
    r"^({weekday})s(?: ({partofday})s)?$|^({weekday}) ({partofday})s$",
    {"Mondays": "XXXX-WXX-1", "Tuesday evenings": "XXXX-WXX-2TEV", "Sundays": "XXXX-WXX-7"},
)
def _weekday_plural(
    m: Match, t: str, ref: Ref, direction: Direction, focus: Focus
) -> Normalized | None:
    """ "on Mondays", "Tuesday evenings": every such day (a set)."""
    name, part = (m[1], m[2]) if m[1] else (m[3], m[4])
    value = f"XXXX-WXX-{words('weekday')[name]}"
    if part:
        value += f"T{words('partofday')[part]}"
    return Normalized(value, "SET", "set")


@form(
    "times_per",
    r"^(?:once|twice|thrice|(?:\d+|{number}) times) (?:(?:every|each) (.+)|({set}))$",
    {"once every three years": "P3Y", "twice weekly": "P1W", "once each quarter": "P1Q"},
)
def _times_per(m: Match, t: str, ref: Ref, direction: Direction, focus: Focus) -> Normalized | None:
    """ "once every three years", "twice weekly": the period of a repetition."""
    from .dates import match

    if m[2]:
        return Normalized(words("set")[m[2]], "SET", "set")
    found = match(f"every {m[1]}", ref, direction, focus)
    return found if found is not None and found.type == "SET" else None


@form(
    "month_day_numeric",
    r"^(\d{{1,2}})/(\d{{1,2}})$",
    {"11/02": "2021-11-02", "7/17": "2021-07-17", "24/7": None, "1/2": None},
)
def _month_day_numeric(
    m: Match, t: str, ref: Ref, direction: Direction, focus: Focus
) -> Normalized | None:
    """ "7/17": a month and day with no year, in the document's order (month first when
    nothing says otherwise, as American copy writes it); read only where spaCy calls it
    a date, since "3/4" is as often a fraction or a score."""
    from .numeric_dates import numeric_order

    a, b = int(m[1]), int(m[2])
    if a < b in FRACTIONS:
        return None  # "2 1/2 years": a fraction
    order = numeric_order(a, b, "/", focus.day_first)
    if order is None or (order.day_first and focus.day_first is not True):
        return None  # "24/7" is a phrase, unless the document writes day first
    month, day = (b, a) if order.day_first else (a, b)
    found = month_day(month, day, ref, direction)
    if found is None or not order.ambiguous:
        return found
    return Normalized(found.value, "DATE", "ambiguous-day")


@form(
    "this_time",
    r"^this time (last|next) (year|month|week)$",
    {"this time last year": "2020-11-12", "this time next week": "2021-11-19"},
)
def _this_time(m: Match, t: str, ref: Ref, direction: Direction, focus: Focus) -> Normalized | None:
    """ "this time last year": the reference day a unit before or after."""
    if not ref:
        return None
    moved = shift_day(ref, 1 if m[1] == "next" else -1, words("unit")[m[2]])
    return Normalized(iso(moved), "DATE", "day") if moved else None
