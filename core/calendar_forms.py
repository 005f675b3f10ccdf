"""Date forms that name a calendar date: full dates, numeric dates, months, years,
weekdays, decades, centuries, seasons, holidays."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from .dateparts import (
    MONTHS_AHEAD,
    Direction,
    Focus,
    Match,
    Normalized,
    day_value,
    form,
    full_year,
    holidays,
    iso,
    month_day,
    month_day_year,
    month_num,
    nth_weekday,
    relative_offset,
    shift_month,
    valid_day,
)
from .numeric_dates import numeric_order
from .timewords import alternation, words
from .timex3 import SEASON_MONTHS

Ref = dt.date | None


def _year(text: str, ref: Ref) -> int:
    """A year as written: four digits, or two ("'99", "99") read with `full_year`."""
    digits = text.lstrip("'")
    return int(digits) if len(digits) == 4 else full_year(int(digits), ref)


@form(
    "iso",
    r"^{year}([-/.])(\d{{1,2}})\2(\d{{1,2}})$",
    {"2021-11-05": "2021-11-05", "2007/03/12": "2007-03-12", "2021-02-30": None},
)
def _iso(m: Match, t: str, ref: Ref, direction: Direction, focus: Focus) -> Normalized | None:
    """Year first, as machines and ISO 8601 write it: always year, month, day."""
    return day_value(int(m[1]), int(m[3]), int(m[4]))


@form(
    "numeric",
    r"^(\d{{1,2}})([-/.])(\d{{1,2}})\2(\d{{4}}|\d{{2}})$",
    {
        "11/28/2021": "2021-11-28",
        "19.02.2010": "2010-02-19",
        "28-11-21": "2021-11-28",
        "12-03-2007": "2007-12-03",
        "13/13/2020": None,
    },
)
def _numeric(m: Match, t: str, ref: Ref, direction: Direction, focus: Focus) -> Normalized | None:
    """All-numeric day and month in either order: see `core.numeric_dates`.

    When nothing settles the order the value is read month first and its
    granularity says ``ambiguous-day``, so the guess stays visible.
    """
    a, b, year = int(m[1]), int(m[3]), _year(m[4], ref)
    order = numeric_order(a, b, m[2], focus.day_first)
    if order is None:
        return None
    found = day_value(year, b, a) if order.day_first else day_value(year, a, b)
    if found is None or not order.ambiguous:
        return found
    return Normalized(found.value, "DATE", "ambiguous-day")


@form(
    "mdy",
    r"^({month})(?: (?:the )?{day},? ({year}|'\d\d|\d\d)| {day}-({year}))$",
    {
        "October 1, 1999": "1999-10-01",
        "Jan. 3, '99": "1999-01-03",
        "Mar-03-2015": "2015-03-03",
        "July 13-15": None,
    },
)
def _mdy(m: Match, t: str, ref: Ref, direction: Direction, focus: Focus) -> Normalized | None:
    # groups: month, day, year (whose digits are a group of their own), or day-year
    return day_value(_year(m[3] or m[6], ref), month_num(m[1]), int(m[2] or m[5]))


@form(
    "dmy",
    r"^{day} (?:of )?({month}),? ({year}|'\d\d|\d\d)$",
    {
        "3 January 99": "1999-01-03",
        "1st of October 1999": "1999-10-01",
        "31-Dec-1999": ("1999-12-31"),
    },
)
def _dmy(m: Match, t: str, ref: Ref, direction: Direction, focus: Focus) -> Normalized | None:
    return day_value(_year(m[3], ref), month_num(m[2]), int(m[1]))


@form(
    "my",
    r"^({month}),? (?:of )?({year}|'\d\d)$",
    {"JAN 1999": "1999-01", "March of 2020": "2020-03", "Sept. '01": "2001-09"},
)
def _my(m: Match, t: str, ref: Ref, direction: Direction, focus: Focus) -> Normalized | None:
    return Normalized(f"{_year(m[2], ref):04d}-{month_num(m[1]):02d}", "DATE", "month")


@form(
    "md",
    r"^(?:(this|last|next|past) )?({month}) (?:the )?{day}$",
    {"December 24th": "2021-12-24", "February the 15th": "2022-02-15", "May 32": None},
)
def _md(m: Match, t: str, ref: Ref, direction: Direction, focus: Focus) -> Normalized | None:
    return month_day(month_num(m[2]), int(m[3]), ref, direction)


@form("dm", r"^{day} (?:of )?({month})$", {"24 December": "2021-12-24"})
def _dm(m: Match, t: str, ref: Ref, direction: Direction, focus: Focus) -> Normalized | None:
    return month_day(month_num(m[2]), int(m[1]), ref, direction)


@form(
    "md_words",
    r"^(?:({rel}) )?({month}),? (?:the )?({dayordinal})(?:,? {year})?$"
    r"|^(?:the )?({dayordinal}) (?:of )?({month})(?:,? {year})?$",
    {
        "November twelfth": "2021-11-12",
        "the twelfth of November": "2021-11-12",
        "March eighth": "2022-03-08",
        "the twenty-first of June, 2010": "2010-06-21",
    },
)
def _md_words(m: Match, t: str, ref: Ref, direction: Direction, focus: Focus) -> Normalized | None:
    """A day written as an ordinal word, as broadcast transcripts write it: "March eighth"."""
    month, day, year = (m[2], m[3], m[4]) if m[2] else (m[6], m[5], m[7])
    d = int(words("dayordinal")[day])
    if year:
        return day_value(int(year), month_num(month), d)
    return month_day(month_num(month), d, ref, direction)


def weekday_date(ref: dt.date, weekday: int, offset: int | None, direction: Direction) -> dt.date:
    """The date of a weekday named relative to the reference date.

    The word before it is a relative word (``core/data/time_words.tsv``):
    "last", "past", "this past" (-1) look back to the last one before the
    reference; "next", "coming", "this coming" (+1) forward to the next one
    after it; "this" (0) is the one in the reference's week. Without one,
    past tense looks back (today counts: "said Friday" in a Friday paper is
    today) and future tense forward; with no clue from the tense it looks
    back too: in the training gold a bare weekday in a present-tense or
    verbless context is past or today 34 times out of 39.
    """
    back = (ref.isoweekday() - weekday) % 7
    fwd = (weekday - ref.isoweekday()) % 7
    if offset is not None and offset < 0:
        return ref - dt.timedelta(days=back or 7)
    if offset is not None and offset > 0:
        return ref + dt.timedelta(days=fwd or 7)
    if offset == 0:
        return ref + dt.timedelta(days=weekday - ref.isoweekday())
    if direction == "future":
        return ref + dt.timedelta(days=fwd or 7) if back != 0 else ref
    return ref - dt.timedelta(days=back)


@form(
    "weekday_date",
    r"^({weekday}),? (.+)$",
    {
        "Friday, October 1, 1999": "1999-10-01",
        "Tuesday 3 January 2023": "2023-01-03",
        "Monday, Feb. 17": "2020-02-17",
        "Sunday, March 7": "2021-03-07",
    },
)
def _weekday_date(
    m: Match, t: str, ref: Ref, direction: Direction, focus: Focus
) -> Normalized | None:
    """A weekday before a full or month-day date: the date decides, the weekday adds nothing.

    (What follows the weekday must be a date of a day; "Friday night" and
    "Friday at 9 a.m." are other forms.)
    """
    from .dates import match  # the forms are tried in `core.dates.ORDER`

    if re.match(r"(?:from|to|until|till|through|since) ", m[2]):
        return None  # "Thursday from August 6": a weekday, then a date of its own
    found = match(m[2], ref, direction, focus)
    if found is None or found.granularity not in ("day", "ambiguous-day"):
        return None
    if ref and re.fullmatch(
        r"[a-z]+\.? \d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)? [a-z]+", m[2]
    ):
        return _the_year_of_the_weekday(found, int(words("weekday")[m[1]]), ref)
    return found


def _the_year_of_the_weekday(found: Normalized, wd: int, ref: dt.date) -> Normalized:
    """A month-day written without a year and with its weekday ("Monday, Feb. 17") is in
    the year, of the reference's and the two beside it, where that day is that weekday."""
    month, day = int(found.value[5:7]), int(found.value[8:10])
    years = [
        y
        for y in (ref.year - 1, ref.year, ref.year + 1)
        if valid_day(y, month, day) and dt.date(y, month, day).isoweekday() == wd
    ]
    if len(years) != 1:
        return found
    return Normalized(f"{years[0]:04d}{found.value[4:]}", found.type, found.granularity)


@form(
    "weekday",
    r"^(?:({rel}) )?({weekday})(?:,? ({month}) {day})?(?: ({partofday}))?$",
    {
        "Friday": "2021-11-12",
        "last Friday": "2021-11-05",
        "this past Friday": "2021-11-05",
        "past Friday": "2021-11-05",
        "this coming Thursday night": "2021-11-18TNI",
        "Friday, Nov. 5": "2021-11-05",
    },
)
def _weekday(m: Match, t: str, ref: Ref, direction: Direction, focus: Focus) -> Normalized | None:
    """ "Friday", "last Friday", "Friday, Nov. 12", "Friday night"."""
    wd = int(words("weekday")[m[2]])
    if m[3]:  # "Friday, Nov. 12": the month-day decides
        found = month_day(month_num(m[3]), int(m[4]), ref, direction)
        if found is None:
            return None
        value = _the_year_of_the_weekday(found, wd, ref).value if ref else found.value
    elif ref:
        value = iso(weekday_date(ref, wd, relative_offset(m[1]), direction))
    else:
        value = f"XXXX-WXX-{wd}"
    if m[5]:
        return Normalized(f"{value}T{words('partofday')[m[5]]}", "TIME", "part-of-day")
    return Normalized(value, "DATE", "day")


@form(
    "weekday_week",
    r"^({weekday}),? (?:of )?((?:{rel}) week)$|^((?:{rel}) week'?s?) ({weekday})$",
    {
        "Tuesday next week": "2021-11-16",
        "last week's Monday": "2021-11-01",
        "Wednesday of next week": "2021-11-17",
    },
)
def _weekday_week(
    m: Match, t: str, ref: Ref, direction: Direction, focus: Focus
) -> Normalized | None:
    """ "Tuesday next week", "Monday of last week": that weekday in the week named."""
    name, week_text = (m[1], m[2]) if m[1] else (m[4], m[3].rstrip("s").rstrip("'"))
    wd = int(words("weekday")[name])
    if not ref:
        return Normalized(f"XXXX-WXX-{wd}", "DATE", "day")
    offset = relative_offset(week_text.removesuffix(" week")) or 0
    monday = ref - dt.timedelta(days=ref.isoweekday() - 1) + dt.timedelta(weeks=offset)
    return Normalized(iso(monday + dt.timedelta(days=wd - 1)), "DATE", "day")


def month_year(ref: dt.date, month: int, offset: int | None, direction: Direction) -> int:
    """The year of a month named without one: by its relative word, else by the tense."""
    if offset == 0:
        return ref.year
    if offset is not None and offset < 0:
        return ref.year if month < ref.month else ref.year - 1
    if offset is not None and offset > 0:
        return ref.year if month > ref.month else ref.year + 1
    if direction == "past":
        return ref.year if month <= ref.month else ref.year - 1
    if direction == "future":
        return ref.year if month >= ref.month else ref.year + 1
    # no clue from the tense (or the present): this year's, unless that is more than
    # two months ahead; in the training gold such months were past 6 times of 7
    return ref.year - 1 if month - ref.month > MONTHS_AHEAD else ref.year


@form(
    "month",
    r"^(?:({rel}) )?({month})$",
    {"July": "2021-07", "last February": "2021-02", "this coming March": "2022-03"},
)
def _month(m: Match, t: str, ref: Ref, direction: Direction, focus: Focus) -> Normalized | None:
    mo = month_num(m[2])
    if not ref:
        return Normalized(f"XXXX-{mo:02d}", "DATE", "month")
    year = month_year(ref, mo, relative_offset(m[1]), direction)
    return Normalized(f"{year:04d}-{mo:02d}", "DATE", "month")


@form(
    "month_rel",
    r"^({month}),? (this|last|next) year$",
    {"January this year": "2021-01", "July last year": "2020-07"},
)
def _month_rel(m: Match, t: str, ref: Ref, direction: Direction, focus: Focus) -> Normalized | None:
    """ "January this year", "July last year": the month of the year named."""
    mo = month_num(m[1])
    if not ref:
        return Normalized(f"XXXX-{mo:02d}", "DATE", "month")
    year = ref.year + int(words("relative")[m[2]])
    return Normalized(f"{year:04d}-{mo:02d}", "DATE", "month")


@form(
    "year",
    r"^(?:(?:the )?(?:year|fiscal|fiscal year|calendar|calendar year|fy) ?)?{year}$",
    {"2011": "2011", "fiscal 1998": "1998", "FY2009": "2009", "3000": None},
)
def _year_form(m: Match, t: str, ref: Ref, direction: Direction, focus: Focus) -> Normalized | None:
    y = int(m[1])
    if not 1000 <= y <= 2199:
        return None
    return Normalized(f"{y:04d}", "DATE", "year")


@form(
    "spelled_year",
    r"^(?:(?:the )?year )?(?:(nineteen|twenty) ({tens})(?: ({units}))?|"
    r"two thousand(?: (?:and )?({units}))?)$",
    {"nineteen ninety-six": "1996", "the year two thousand": "2000"},
)
def _spelled_year(
    m: Match, t: str, ref: Ref, direction: Direction, focus: Focus
) -> Normalized | None:
    """ "nineteen ninety-six", "the year two thousand", as broadcast transcripts write years."""
    n = words("number")
    if m[1]:
        year = int(n[m[1]]) * 100 + int(n[m[2]]) + (int(n[m[3]]) if m[3] else 0)
    else:
        year = 2000 + (int(n[m[4]]) if m[4] else 0)
    return Normalized(f"{year:04d}", "DATE", "year")


@form(
    "decade",
    r"^(?:the )?(?:(\d{{2}})|')?(\d)0'?s$",
    {
        "the 1990s": "199",
        "the '80s": "198",
        "the 2000s": "200",
        "the 20s": "202",
        "the 1800s": "18",
    },
)
def _decade(m: Match, t: str, ref: Ref, direction: Direction, focus: Focus) -> Normalized | None:
    """ "the 1990s" -> 199; "the '90s" -> the latest such decade not after the reference."""
    century = m[1]
    if century is not None and m[2] == "0" and int(century) < 20:
        return Normalized(century, "DATE", "century")  # "the 1800s": the 19th century
    if century is None:
        if not ref:
            return Normalized(f"XX{m[2]}", "DATE", "decade")
        century = f"{ref.year:04d}"[:2] if int(m[2]) <= int(f"{ref.year:04d}"[2]) else "19"
    return Normalized(f"{century}{m[2]}", "DATE", "decade")


@form(
    "spelled_decade",
    r"^(?:the )?(?:(nineteen|twenty) |')?({decade})$",
    {"the nineties": "199", "the twenties": "202", "the nineteen sixties": "196"},
)
def _spelled_decade(
    m: Match, t: str, ref: Ref, direction: Direction, focus: Focus
) -> Normalized | None:
    """ "the nineties", "the nineteen sixties": like "the '90s"."""
    digit = words("decade")[m[2]]
    if m[1]:
        return Normalized(f"{int(words('number')[m[1]])}{digit}", "DATE", "decade")
    if not ref:
        return Normalized(f"XX{digit}", "DATE", "decade")
    century = f"{ref.year:04d}"[:2] if int(digit) <= int(f"{ref.year:04d}"[2]) else "19"
    return Normalized(f"{century}{digit}", "DATE", "decade")


@form(
    "century",
    r"^(?:the )?(\d{{1,2}})(?:st|nd|rd|th) century$|^(?:the )?({dayordinal}) century$",
    {
        "the 20th century": "19",
        "the fifth century": "04",
        "the twenty-first century": "20",
        "the 0th century": None,
    },
)
def _century(m: Match, t: str, ref: Ref, direction: Direction, focus: Focus) -> Normalized | None:
    n = int(m[1]) if m[1] else int(words("dayordinal")[m[2]])
    if n < 1:
        return None
    return Normalized(f"{n - 1:02d}", "DATE", "century")


@form(
    "turn_of",
    r"^(?:the )?turn of (?:the )?(century|.+ century)$",
    {"the turn of the century": "20", "the turn of the 20th century": "19"},
)
def _turn_of(m: Match, t: str, ref: Ref, direction: Direction, focus: Focus) -> Normalized | None:
    """ "the turn of the century": the century whose start is the turn nearest the reference
    (2000 in 2021 and in 1998: "20"); "the turn of the 20th century" is that century's."""
    if m[1] != "century":
        from .dates import match  # the forms are tried in `core.dates.ORDER`

        found = match(f"the {m[1]}", ref, direction, focus)
        return found if found is not None and found.granularity == "century" else None
    if not ref:
        return Normalized("XX", "DATE", "century")
    return Normalized(f"{(ref.year + 50) // 100:02d}", "DATE", "century")


@form(
    "season",
    r"^(?:({rel}) )?({season})(?: (?:of )?({year}|'\d\d))?$",
    {
        "summer": "2021-SU",
        "this coming summer": "2022-SU",
        "this past spring": "2021-SP",
        "past winter": "2020-WI",
        "last spring": "2020-SP",
        "next winter": "2022-WI",
        "this coming winter": "2021-WI",
        "the winter of 1994": "1994-WI",
        "summer '08": "2008-SU",
    },
)
def _season(m: Match, t: str, ref: Ref, direction: Direction, focus: Focus) -> Normalized | None:
    code = words("season")[m[2]]
    if m[3]:
        return Normalized(f"{_year(m[3], ref):04d}-{code}", "DATE", "season")
    if not ref:
        return Normalized(f"XXXX-{code}", "DATE", "season")
    offset = relative_offset(m[1]) or 0
    first, last = SEASON_MONTHS[code]
    year = ref.year
    if m[1] in ("last", "previous", "next"):  # the year's: "last spring" in October is last year's
        year += offset
    elif offset < 0:  # "this past spring": the last one over before the reference
        end_year, end_month = shift_month(year, last, 0)
        if (end_year, end_month) >= (ref.year, ref.month):
            year -= 1
    elif offset > 0 and first <= ref.month:  # "this coming summer": the next one to begin
        year += 1
    return Normalized(f"{year:04d}-{code}", "DATE", "season")


@form(
    "half",
    r"^({ordinal}|[12](?:st|nd)) half(?: of (?:(the year)|{year}))?$|^h([12])(?: {year})?$",
    {"the second half": "2021-H2", "first half of 1999": "1999-H1", "H1 2010": "2010-H1"},
)
def _half(m: Match, t: str, ref: Ref, direction: Direction, focus: Focus) -> Normalized | None:
    if m[4]:
        h, year = int(m[4]), m[5] or (f"{ref.year:04d}" if ref else "XXXX")
        return Normalized(f"{year}-H{h}", "DATE", "half")
    n = int(m[1][0]) if m[1][0].isdigit() else int(words("ordinal")[m[1]])
    h = 1 if n == 1 else 2
    year = m[3] or (f"{ref.year:04d}" if ref else "XXXX")
    return Normalized(f"{year}-H{h}", "DATE", "half")


# -- holidays ------------------------------------------------------------------


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
    rule, _, after = rule.partition("+")  # "4 4 11+1": the day after the 4th Thursday
    n, weekday, month = (int(x) for x in rule.split())
    return nth_weekday(year, month, weekday, n) + dt.timedelta(days=int(after or 0))


@form(
    "holiday",
    r"^({holiday})(?:,? (?:of )?{year})?$",
    {
        "Christmas 2020": "2020-12-25",
        "Thanksgiving": "2021-11-25",
        "Black Friday": "2021-11-26",
        "Ash Wednesday 2022": "2022-03-02",
        "Election Day 2022": "2022-11-08",
    },
)
def _holiday(m: Match, t: str, ref: Ref, direction: Direction, focus: Focus) -> Normalized | None:
    """ "Thanksgiving Day", "Christmas 2020": the occurrence the tense points to."""
    if m[2]:
        return Normalized(iso(holiday_date(m[1], int(m[2]))), "DATE", "day")
    if not ref:
        return None
    days = [holiday_date(m[1], y) for y in (ref.year - 1, ref.year, ref.year + 1)]
    if direction == "future":
        return Normalized(iso(next(d for d in days if d >= ref)), "DATE", "day")
    if direction == "past":
        return Normalized(iso([d for d in days if d <= ref][-1]), "DATE", "day")
    return Normalized(iso(min(days, key=lambda d: abs((d - ref).days))), "DATE", "day")


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
        year = month_day_year(ref, month, day, "past")
    else:
        return None
    if year is None or not valid_day(year, month, day):
        return None
    return dt.date(year, month, day)
