"""Date forms made of another expression and a few words around it.

"the second half of last year", "the spring of next year", "the last day of
the year" (a part of a year the words name); "every Christmas" (a holiday as
a set); "a year ago today" (the reference day a count of units back); "the
day after Christmas", "the night before last" (a day next to another).
Each handler reads the inner expression with `core.dates.match`, so the
inner expression may be written in any form the other modules read.
"""

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
    full_year,
    holidays,
    iso,
    shift_day,
)
from .timewords import alternation, words

Ref = dt.date | None

# The part of a year a value names once its year is taken off: "-H2", "-SP", "-Q3", "-07".
PART_OF_YEAR = re.compile(r"\d{4}(-(?:H[12]|Q[1-4]|SP|SU|FA|WI|\d\d))")
YEAR_ENDS = {"first day": "01-01", "last day": "12-31"}


@form(
    "of_year",
    r"^(?P<part>.+?),? of (?P<year>(?:this|last|next|the following|the previous|the) year)$",
    {
        "the second half of last year": "2020-H2",
        "the spring of next year": "2022-SP",
        "the last day of the year": "2021-12-31",
        "the first day of next year": "2022-01-01",
    },
)
def _of_year(m: Match, t: str, ref: Ref, direction: Direction, focus: Focus) -> Normalized | None:
    """A part of the year the words name, in that year."""
    from .dates import match  # the forms are tried in `core.dates.ORDER`

    said = m["year"]
    said = "this year" if said == "the year" else said.removeprefix("the ")
    year = match(said, ref, direction, focus)
    if year is None or not re.fullmatch(r"\d{4}", year.value):
        return None
    part = m["part"].removeprefix("the ")
    if part in YEAR_ENDS:
        return Normalized(f"{year.value}-{YEAR_ENDS[part]}", "DATE", "day")
    found = match(part, ref, direction, focus)
    within = PART_OF_YEAR.fullmatch(found.value) if found else None
    if found is None or within is None:
        return None
    return Normalized(year.value + within[1], found.type, found.granularity, found.mod)


@form(
    "every_holiday",
    r"^(?:every|each) ({holiday})$",
    {"every Christmas": "XXXX-12-25", "every Thanksgiving": None},
)
def _every_holiday(
    m: Match, t: str, ref: Ref, direction: Direction, focus: Focus
) -> Normalized | None:
    """ "every Christmas": a holiday on a fixed day, as a set (a movable one has no value)."""
    rule = holidays()[m[1]]
    if not re.fullmatch(r"\d\d-\d\d", rule):
        return None
    return Normalized(f"XXXX-{rule}", "SET", "set")


@form(
    "ago_today",
    r"^(an?|one|{number}|\d+) (year|month|week)s? ago (?:today|this week)$",
    {"a year ago today": "2020-11-12", "two years ago today": "2019-11-12"},
)
def _ago_today(m: Match, t: str, ref: Ref, direction: Direction, focus: Focus) -> Normalized | None:
    """ "a year ago today": the reference day, a count of units back."""
    if ref is None:
        return None
    n = count(m[1])
    if n is None or not n.isdigit():  # "few years ago today" names no day
        return None
    moved = shift_day(ref, -int(n), words("unit")[m[2]])
    return Normalized(iso(moved), "DATE", "day") if moved else None


@form(
    "next_to_day",
    r"^(day|night|morning|evening) (after|before) (.+)$",
    {
        "the day after Christmas": "2021-12-26",
        "the night before last": "2021-11-10TNI",
        "the day before the vote": None,
    },
)
def _next_to_day(
    m: Match, t: str, ref: Ref, direction: Direction, focus: Focus
) -> Normalized | None:
    """ "the day after Christmas", "the night before last": the day next to another."""
    from .dates import match

    if m[3] == "last":  # "the night before last": two days back
        if ref is None or m[2] != "before":
            return None
        day = ref - dt.timedelta(days=2)
    else:
        found = match(m[3], ref, direction, focus)
        inner = day_of(found.value) if found else None
        if inner is None or not inner[:4].isdigit():
            return None
        day = dt.date.fromisoformat(inner) + dt.timedelta(days=1 if m[2] == "after" else -1)
    part = words("partofday").get(m[1])  # none for "day"
    if part:
        return Normalized(f"{iso(day)}T{part}", "TIME", "part-of-day")
    return Normalized(iso(day), "DATE", "day")


@form(
    "holiday_part",
    r"^({holiday}) (morning|afternoon|evening|night)$",
    {"Christmas morning": "2021-12-25TMO", "New Year's Eve night": "2021-12-31TNI"},
)
def _holiday_part(
    m: Match, t: str, ref: Ref, direction: Direction, focus: Focus
) -> Normalized | None:
    """ "Christmas morning": a part of a holiday's day."""
    from .relative_forms import part_of_day

    return part_of_day(m[2], m[1], ref, direction, focus)


@form(
    "number_first_period",
    r"^([1-4])([qh])[ -]?('?\d\d|\d{{4}})$",
    {"2Q 2011": "2011-Q2", "1H 2012": "2012-H1", "2Q11": "2011-Q2", "3H 2012": None},
)
def _number_first_period(
    m: Match, t: str, ref: Ref, direction: Direction, focus: Focus
) -> Normalized | None:
    """ "2Q 2011", "1H 2012": a quarter or half of a year, its number first."""
    n, unit = int(m[1]), m[2].upper()
    if unit == "H" and n > 2:
        return None
    digits = m[3].lstrip("'")
    year = int(digits) if len(digits) == 4 else full_year(int(digits), ref)
    return Normalized(f"{year:04d}-{unit}{n}", "DATE", "quarter" if unit == "Q" else "half")


@form(
    "units_per",
    r"^(\d+|{number}) ({unit})s? (?:a|an|per|each|every) ({unit})$",
    {
        "5 days a week": "P1W",
        "24 hours a day": "P1D",
        "two days a year": "P1Y",
        "three days every month": "P1M",
    },
)
def _units_per(m: Match, t: str, ref: Ref, direction: Direction, focus: Focus) -> Normalized | None:
    """ "5 days a week", "24 hours a day": a set whose period is the second unit (how much
    of it is TIMEX3's ``freq``, 5D: `dateparts.set_terms`)."""
    unit = words("unit")[m[3]]
    if unit not in ("H", "D", "W", "M", "Y"):
        return None
    if unit == "H" or (unit == "M" and m[3].startswith("min")):
        return Normalized(f"PT1{unit}", "SET", "set")
    return Normalized(f"P1{unit}", "SET", "set")


COUNT_UNIT = r"(?:\d+|{number}) (?:{unit})"


@form(
    "compound_ago",
    rf"^((?:{COUNT_UNIT},?(?: and)? ){{{{1,5}}}}{COUNT_UNIT}) (ago|from now)$",
    {
        "1 year 2 months ago": "2020-09",
        "1 day 2 hours ago": "2021-11-11",
        "2 hours, 30 minutes ago": "2021-11-12",
        "a week and 2 days from now": "2021-11-21",
    },
)
def _compound_ago(
    m: Match, t: str, ref: Ref, direction: Direction, focus: Focus
) -> Normalized | None:
    """ "1 year 2 months ago", "2 hours, 30 minutes ago": the day (or the month, when
    months are the smallest unit) that far from the reference."""
    if ref is None:
        return None
    sign = -1 if m[2] == "ago" else 1
    months = days = hours = 0
    smallest = "Y"
    numbers = alternation("number")
    for number, word in re.findall(rf"\b(\d+|{numbers}) ([a-z]+)", m[1]):
        said = count(number)
        if said is None or not said.isdigit():  # "a few days, 2 hours ago": no day
            return None
        n = int(said)
        unit = words("unit").get(word)
        if unit == "M" and re.match(r"min", word):
            unit = "MIN"
        if unit in ("Y", "M"):
            months += n * (12 if unit == "Y" else 1)
            smallest = "M" if unit == "M" else smallest
        elif unit in ("W", "D"):
            days, smallest = days + n * (7 if unit == "W" else 1), "D"
        elif unit in ("H", "MIN", "S"):
            hours, smallest = hours + (n if unit == "H" else 0), "D"
        else:
            return None
    month_moved = shift_day(ref, sign * months, "M")  # at the month's end when it is shorter
    if month_moved is None:
        return None
    if smallest == "D":
        moved = month_moved + dt.timedelta(days=sign * (days + hours // 24))
        return Normalized(iso(moved), "DATE", "day")
    if smallest == "M":
        return Normalized(f"{month_moved.year:04d}-{month_moved.month:02d}", "DATE", "month")
    return Normalized(f"{month_moved.year:04d}", "DATE", "year")
