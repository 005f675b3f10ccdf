"""Date forms that name a time of day: clock times and machine timestamps.

A clock time is on the day written before it ("Tuesday at 9 a.m.") or
after it ("3 p.m. Friday", "noon on Nov. 9"); with no day it is on the last
full date the text named, else on the reference day. Time zones are read
and dropped, as the TimeML corpora do ("5 p.m. EST" is T17:00).
"""

from __future__ import annotations

import datetime as dt
import re

from .dateparts import Direction, Focus, Match, Normalized, day_of, form, iso
from .timewords import words

Ref = dt.date | None

# The ways of writing the time itself, each with its own group names.
CLOCK = (
    r"(?:(?P<h1>\d{{1,2}})(?:[:.](?P<m1>\d\d))?(?::(?P<s1>\d\d))? ?(?P<ap1>[ap])\.? ?m\b\.?"
    r"|(?P<h6>{hourword})(?: (?P<m6>{tens}|{units}|fifteen|forty-five))? (?P<ap6>[ap])\.? ?m\b\.?"
    r"|(?P<h2>\d{{1,2}})(?::|h(?=\d\d))(?P<m2>\d\d)(?::(?P<s2>\d\d))?(?:z\b| (?:hours|hrs)\b)?"
    r"|(?P<h3>[01]\d|2[0-3])(?P<m3>[0-5]\d)(?: ?(?:hours|hrs|h)|(?= (?:{zone})\b))"
    r"|(?P<h4>\d{{1,2}}|{hourword}) o'?clock"
    r"|(?P<min>a quarter|quarter|half|\d{{1,2}} minutes?|(?:{tens}|{units}|ten|fifteen"
    r"|twenty[ -]five)(?: minutes?)?) (?P<way>past|after)"
    r" (?P<h5>\d{{1,2}}|{hourword}|noon|midnight)"
    r"(?: ?(?P<ap5>[ap])\.? ?m\b\.?)?"
    r"(?: o'?clock)?"
    r"|(?P<tomin>a quarter|quarter|\d{{1,2}} minutes?|(?:{tens}|{units}|ten|fifteen"
    r"|twenty[ -]five) minutes?|(?:ten|twenty|twenty[ -]five)(?= to (?:{hourword})$))"
    r" (?:to|before|of) (?P<h8>\d{{1,2}}|{hourword}|noon|midnight)"
    r"(?: o'?clock| ?(?P<ap8>[ap])\.? ?m\b\.?)?"
    r"|(?:12 |twelve )?(?P<word>noon|midday|midnight)"
    r"|(?P<h7>\d{{1,2}}|{hourword})"
    r"(?= in the | at night| tonight| this (?:morning|afternoon|evening)"
    r"| (?:tomorrow|yesterday|last|this) (?:morning|afternoon|evening|night)$)"
    r")"
    r"(?: (?P<part>in the (?:morning|afternoon|evening)|at night|tonight"
    r"|this (?:morning|afternoon|evening)))?"
    r"(?: (?:{zone})(?: (?:standard |daylight )?time)?)?"
)


def _hour(word: str) -> int:
    if word in ("noon", "midnight"):
        return 12 if word == "noon" else 24
    return int(word) if word.isdigit() else int(words("number")[word])


def _minutes(word: str | None) -> int:
    if not word:
        return 0
    word = word.removesuffix(" minutes").removesuffix(" minute")
    if word.isdigit():
        return int(word)
    if word in ("a quarter", "quarter"):
        return 15
    if word == "half":
        return 30
    parts = word.replace("-", " ").split()
    return sum(int(words("number").get(p, "0")) for p in parts)


def _twelve_hour(hour: int, ap: str) -> int | None:
    """A 12-hour clock's hour on the 24-hour clock ("p" after noon), or None off the dial."""
    if not 1 <= hour <= 12:
        return None
    return hour % 12 + (12 if ap == "p" else 0)


def _time_of(m: Match) -> tuple[int, int, int | None] | None:
    """Hour (0-24), minute and second of the clock part of a match, or None if impossible."""
    second: int | None = None
    ap: str | None = None
    if m["h1"]:
        hour, minute, ap = int(m["h1"]), int(m["m1"] or 0), m["ap1"]
        second = int(m["s1"]) if m["s1"] else None
    elif m["h6"]:
        hour, minute, ap = _hour(m["h6"]), _minutes(m["m6"]), m["ap6"]
    elif m["h2"]:
        hour, minute = int(m["h2"]), int(m["m2"])
        second = int(m["s2"]) if m["s2"] else None
    elif m["h3"]:
        hour, minute = int(m["h3"]), int(m["m3"])
    elif m["h4"]:
        hour, minute = _hour(m["h4"]), 0
    elif m["h5"]:
        hour, minute, ap = _hour(m["h5"]) % 24, _minutes(m["min"]), m["ap5"]
    elif m["h8"]:  # "a quarter to 7", "ten minutes to 8": a count of minutes is needed
        hour = _hour(m["h8"])
        if m["ap8"]:  # "a quarter to 1 p.m.": the hour is 13 before the minutes come off
            twelve = _twelve_hour(hour, m["ap8"])
            if twelve is None:
                return None
            hour = twelve
        hour, minute = hour - 1, 60 - _minutes(m["tomin"])
        if hour < 0 or minute >= 60:
            return None
    elif m["word"]:
        return (12, 0, None) if m["word"] != "midnight" else (24, 0, None)
    else:
        hour, minute = _hour(m["h7"]), 0
    if ap:
        twelve = _twelve_hour(hour, ap)
        if twelve is None:
            return None
        hour = twelve
    elif m["part"] and ("afternoon" in m["part"] or "evening" in m["part"]) and hour < 12:
        hour += 12
    elif m["part"] and "night" in m["part"] and 6 <= hour < 12:
        hour += 12  # "10 at night"; "2 at night" stays 02:00
    if hour > 23 or minute > 59 or (second is not None and second > 59):
        return None
    return hour, minute, second


def _twelve_hour_given(m: Match) -> bool:
    """Whether the time says which half of the day it is in ("p.m.", "in the morning")."""
    return any(m[g] for g in ("ap1", "ap5", "ap6", "ap8", "part", "word")) or bool(m["h3"])


def _clock_day(
    before: str | None, after: str | None, ref: Ref, direction: Direction, focus: Focus
) -> tuple[str | None, str]:
    """The day a clock time is on (a day written beside it, else the day the text is
    on) and the part of the day written with it ("last night": "NI", else "")."""
    from .dates import match  # the forms are tried in `core.dates.ORDER`

    for side in (before, after):
        if side:
            found = match(side, ref, direction, focus)
            if found is None:
                return None, ""
            part = re.search(r"T(MO|AF|EV|NI)$", found.value)
            return day_of(found.value), part[1] if part else ""
    if focus.date and day_of(focus.date) == focus.date and focus.date[:4].isdigit():
        return focus.date, ""  # "shot on Oct. 23 ... at 10 p.m.": the day the text is on
    return (iso(ref) if ref else "XXXX-XX-XX"), ""


@form(
    "clock",
    rf"^(?:(?P<before>.+?),? (?:(?:at|@) )?)??{CLOCK}(?:,? (?:on )?(?P<after>.+))?$",
    {
        "3 p.m. Friday": "2021-11-12T15:00",
        "Tuesday at 9 a.m.": "2021-11-09T09:00",
        "tomorrow 5pm": "2021-11-13T17:00",
        "Dec. 2, 4:45 p.m.": "2021-12-02T16:45",
        "a quarter past 6": "2021-11-12T06:15",
        "half past 3 p.m.": "2021-11-12T15:30",
        "a quarter to 1 p.m.": "2021-11-12T12:45",
        "a quarter to seven": "2021-11-12T06:45",
        "a quarter to noon": "2021-11-12T11:45",
        "ten to eight": "2021-11-12T07:50",
        "two to six": None,
        "1800 hours": "2021-11-12T18:00",
        "6:30 p.m. Eastern": "2021-11-12T18:30",
        "noon": "2021-11-12T12:00",
        "midnight Friday": "2021-11-12T24:00",
        "4 in the morning": "2021-11-12T04:00",
        "ten o'clock at night": "2021-11-12T22:00",
        "18:45:30": "2021-11-12T18:45:30",
        "17h30": "2021-11-12T17:30",
        "13 p.m.": None,
        "half past midnight": "2021-11-12T00:30",
        "20:00 hours": "2021-11-12T20:00",
        "11:40 last night": "2021-11-11T23:40",
        "10 tomorrow morning": "2021-11-13T10:00",
    },
)
def _clock(m: Match, t: str, ref: Ref, direction: Direction, focus: Focus) -> Normalized | None:
    """ "3 p.m.", "3:30 p.m. EST Friday", "Tuesday at 9 a.m.", "a quarter past 6", "1800 hours"."""
    found = _time_of(m)
    if found is None:
        return None
    hour, minute, second = found
    day, part = _clock_day(m["before"], m["after"], ref, direction, focus)
    if day is None:
        return None
    if not _twelve_hour_given(m) and (part in ("AF", "EV") or (part == "NI" and hour >= 6)):
        hour += 12 if hour < 12 else 0  # "11:40 last night", "6:15 Friday evening"
    clock = f"{hour:02d}:{minute:02d}" + (f":{second:02d}" if second is not None else "")
    return Normalized(f"{day}T{clock}", "TIME", "time")


@form(
    "day_at_hour",
    r"^(?P<before>.+?),? at (?P<hour>\d{{1,2}}|{hourword})(?: o'?clock)?$",
    {"tonight at 8": "2021-11-12T20:00", "tomorrow morning at 10": "2021-11-13T10:00"},
)
def _day_at_hour(
    m: Match, t: str, ref: Ref, direction: Direction, focus: Focus
) -> Normalized | None:
    """ "tonight at 8", "Friday at 10": a bare hour is a time only after a day; in the
    afternoon, evening or night an hour below 12 is after noon."""
    from .dates import match

    found = match(m["before"], ref, direction, focus)
    day = day_of(found.value) if found else None
    if day is None or found is None:
        return None
    hour = _hour(m["hour"])
    if not 1 <= hour <= 12:
        return None
    part = re.search(r"T(AF|EV|NI)$", found.value)
    if hour < 12 and part and (part[1] != "NI" or hour >= 6):  # "2 at night" stays 02:00
        hour += 12
    return Normalized(f"{day}T{hour:02d}:00", "TIME", "time")


@form(
    "timestamp",
    r"^(\d{{4}})-(\d\d)-(\d\d)[t ](\d\d):(\d\d)(?::(\d\d)(?:\.\d+)?)?(?:z|[+-]\d\d:?\d\d)?$",
    {"2010-02-19T14:00:00Z": "2010-02-19T14:00:00", "2010-02-19 14:05": "2010-02-19T14:05"},
)
def _timestamp(m: Match, t: str, ref: Ref, direction: Direction, focus: Focus) -> Normalized | None:
    """An ISO 8601 timestamp; its zone is dropped like any other."""
    try:
        dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None
    hour, minute = int(m[4]), int(m[5])
    if hour > 24 or minute > 59 or (m[6] and int(m[6]) > 59):
        return None
    clock = f"{hour:02d}:{minute:02d}" + (f":{m[6]}" if m[6] else "")
    return Normalized(f"{m[1]}-{m[2]}-{m[3]}T{clock}", "TIME", "time")
