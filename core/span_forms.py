"""Date forms that name a stretch of time or a repetition: durations and sets."""

from __future__ import annotations

import datetime as dt
import re

from .dateparts import Direction, Focus, Match, Normalized, count, form
from .timewords import words

Ref = dt.date | None

# Units TIMEX3 has no duration letter for, in the units it has.
UNIT_AS = {"Q": ("M", 3), "2W": ("W", 2), "WE": ("D", 2)}
MINUTE = re.compile(r"\bmin(?:ute)?s?\b")  # "M" is a minute, not a month: "45 mins"


def _scaled(n: str, unit: str) -> tuple[str, str]:
    """A count of a unit in TIMEX3's duration units ("2 quarters" -> 6 M); an unknown count
    of quarters stays in quarters ("several quarters" is PXQ, not some months)."""
    if unit in UNIT_AS and not (n == "X" and unit == "Q"):
        unit, factor = UNIT_AS[unit]
        n = f"{float(n) * factor:g}" if n != "X" else "X"
    return n, unit


def duration(number: str | None, unit: str, half: bool, text: str) -> Normalized | None:
    """Durations: "three years" -> P3Y, "48 hours" -> PT48H, "weeks" -> PXW, "a decade" -> P10Y."""
    if text.endswith("old"):
        return None  # an age, not a time
    plural = re.search(r"(?:s|ies)(?: long)?$", text) is not None
    n = count(number) if number else ("X" if plural else "1")
    if n is None:
        return None
    if half and n != "X":
        n = f"{float(n) + 0.5:g}"
    if n == "0.5":
        return None
    if unit in ("DE", "CE", "ML") and n != "X":
        unit, n = "Y", f"{float(n) * {'DE': 10, 'CE': 100, 'ML': 1000}[unit]:g}"
    n, unit = _scaled(n, unit)
    if unit in ("H", "S") or (unit == "M" and MINUTE.search(text)):
        return Normalized(f"PT{n}{unit}", "DURATION", "duration")
    return Normalized(f"P{n}{unit}", "DURATION", "duration")


# Units after "per" that make a set ("paid per month"); "per hour" and "per second" are
# more often rates of speed or of work ("90 miles per hour", "instructions per second").
PER_UNITS = frozenset({"day", "week", "month", "quarter", "year"})


@form(
    "set",
    r"^(?:every|each|per) "
    r"(?:(?P<every>other|second|third|fourth|fifth|sixth|\d+|{number}|few|couple of) )?"
    r"(?:(?P<weekday>{weekday})s?(?: (?P<wpart>{partofday}))?|(?P<month>{month})"
    r"|(?P<season>{season})|(?P<part>morning|afternoon|evening|night)|(?P<unit>{unit}))$"
    r"|^(?P<adverb>{set})$"
    r"|^(?P<times>once|twice|thrice|(?:\d+|{number}) times) (?:a|an|per|each|every) "
    r"(?P<per>{unit})$",
    {
        "every Monday": "XXXX-WXX-1",
        "every Monday morning": "XXXX-WXX-1TMO",
        "each July": "XXXX-07",
        "every summer": "XXXX-SU",
        "every evening": "XXXX-XX-XXTEV",
        "every weekend": "XXXX-WXX-WE",
        "every fortnight": "P2W",
        "every other week": "P2W",
        "every third day": "P3D",
        "every three months": "P3M",
        "every few years": "PXY",
        "each quarter": "P1Q",
        "every day": "P1D",
        "every hour": "PT1H",
        "per month": "P1M",
        "daily": "P1D",
        "biweekly": "P2W",
        "bi-annually": "P6M",
        "twice a year": "P1Y",
        "three times a week": "P1W",
        "once a month": "P1M",
    },
)
def _set(m: Match, t: str, ref: Ref, direction: Direction, focus: Focus) -> Normalized | None:
    """A repetition: "every Monday", "each July", "every fortnight", "biweekly", "twice a year".

    The value is the period; how often within it ("twice": 2X) and "every"/"each"
    are TIMEX3's ``freq`` and ``quant``, read for every set by `dateparts.set_terms`.
    """
    if m["adverb"]:
        return Normalized(words("set")[m["adverb"]], "SET", "set")
    if t.startswith("per ") and t.removeprefix("per ") not in PER_UNITS:
        return None  # "per second", "per other week"
    if m["weekday"]:
        value = f"XXXX-WXX-{words('weekday')[m['weekday']]}"
        if m["wpart"]:
            value += f"T{words('partofday')[m['wpart']]}"
        return Normalized(value, "SET", "set")
    if m["month"]:
        return Normalized(f"XXXX-{int(words('month')[m['month']]):02d}", "SET", "set")
    if m["season"]:
        return Normalized(f"XXXX-{words('season')[m['season']]}", "SET", "set")
    if m["part"]:
        return Normalized(f"XXXX-XX-XXT{words('partofday')[m['part']]}", "SET", "set")
    unit = words("unit")[m["unit"] or m["per"]]
    if unit == "WE" and not m["every"]:
        return Normalized("XXXX-WXX-WE", "SET", "set")
    every = m["every"]
    n = "2" if every in ("other", "second") else count(every) if every else "1"
    if every in ("third", "fourth", "fifth", "sixth"):  # "every third day"
        n = words("ordinal")[every]
    if n is None:
        return None
    if unit in ("DE", "CE", "ML") and n != "X":
        unit, n = "Y", f"{float(n) * {'DE': 10, 'CE': 100, 'ML': 1000}[unit]:g}"
    if unit != "Q":  # "every quarter" is P1Q in the TimeML gold (a TIMEX3 unit)
        n, unit = _scaled(n, unit)
    if unit in ("H", "S") or (unit == "M" and MINUTE.search(m["unit"] or m["per"])):
        return Normalized(f"PT{n}{unit}", "SET", "set")
    return Normalized(f"P{n}{unit}", "SET", "set")


HALVES = {
    "H": "PT30M",
    "D": "PT12H",
    "W": "P3.5D",
    "Y": "P6M",
    "DE": "P5Y",
    "CE": "P50Y",
    "M": "PT30S",
}


@form(
    "half_unit",
    r"^half (?:an?|one) (hour|day|week|year|decade|century|minute)$",
    {"half an hour": "PT30M", "half a year": "P6M", "half a century": "P50Y"},
)
def _half_unit(m: Match, t: str, ref: Ref, direction: Direction, focus: Focus) -> Normalized | None:
    """ "half an hour": half of a unit, in the next smaller one."""
    return Normalized(HALVES[words("unit")[m[1]]], "DURATION", "duration")


@form(
    "full_unit",
    r"^(an?|one|\d+|{number}) (?:full|whole|entire) (hour|day|week|month|year|decade)s?$",
    {"a full year": "P1Y", "a whole month": "P1M", "two full days": "P2D"},
)
def _full_unit(m: Match, t: str, ref: Ref, direction: Direction, focus: Focus) -> Normalized | None:
    """ "a full year", "an entire week", "two whole days": a stretch of whole units (with
    "the", "the full year" of an earnings report is the year: `core.relative_forms`)."""
    return duration(m[1], words("unit")[m[2]], False, t)


@form(
    "quarter_hour",
    r"^(a|one|three)[ -]quarters? of an hour$",
    {"a quarter of an hour": "PT15M", "three-quarters of an hour": "PT45M"},
)
def _quarter_hour(
    m: Match, t: str, ref: Ref, direction: Direction, focus: Focus
) -> Normalized | None:
    """ "a quarter of an hour", "three quarters of an hour": minutes, as the gold writes them."""
    return Normalized(f"PT{45 if m[1] == 'three' else 15}M", "DURATION", "duration")


DURATION_ORDER = "YMWDTHMS"


@form(
    "compound_duration",
    r"^((?:\d+|{number}) (?:{unit}))(?:,| and|, and) ((?:\d+|{number}) (?:{unit}))$",
    {
        "2 hours and 30 minutes": "PT2H30M",
        "one year, six months": "P1Y6M",
        "a day and 12 hours": "P1DT12H",
        "2 hours and 3 days": None,
    },
)
def _compound_duration(
    m: Match, t: str, ref: Ref, direction: Direction, focus: Focus
) -> Normalized | None:
    """ "2 hours and 30 minutes", "one year, six months": one duration of two units."""
    parts = []
    for piece in (m[1], m[2]):
        number, unit = piece.rsplit(" ", 1)
        found = duration(number, words("unit")[unit], False, piece)
        if found is None:
            return None
        parts.append(found.value)
    first, second = parts
    if "T" in first and "T" in second:
        value = first + second.removeprefix("PT")
    elif "T" in second:
        value = first + second.removeprefix("P")
    elif "T" in first:
        return None  # hours before days
    else:
        value = first + second.removeprefix("P")
    if not re.fullmatch(r"P(?:\d+[YMWD])*(?:T(?:\d+[HMS])+)?", value):
        return None
    return Normalized(value, "DURATION", "duration")


@form(
    "duration",
    r"^(?:(last|past|next|coming|previous|first|final|recent|latest|additional|"
    r"further|remaining|following|few) )?(?:(?:fiscal|calendar) )?"
    r"({number}|\d+(?:\.\d+)?|(?:(?:a|one|two|three) )?(?:couple|few)(?: of)?)?"
    r"(?:[ -](?:and a half))?(?: more| additional| further)?"
    r"(?: trading| business| working| fiscal| calendar)?"
    r"[ -]?({unit})s?(?: and a half)?"
    r"(?:[ -]long|[ -]old)?$",
    {
        "three years": "P3Y",
        "48 hours": "PT48H",
        "weeks": "PXW",
        "two decades": "P20Y",
        "centuries": "PXCE",
        "the next three quarters": "P9M",
        "a fortnight": "P2W",
        "a weekend": "P2D",
        "eight trading days": "P8D",
        "the fiscal year": "P1Y",
        "the second": None,
    },
)
def _duration(m: Match, t: str, ref: Ref, direction: Direction, focus: Focus) -> Normalized | None:
    """ "three years", "two more weeks", "weeks".

    A bare "second" is the ordinal ("the second day"), not a second of time.
    """
    if t in ("second", "seconds"):
        return None
    return duration(m[2], words("unit")[m[3]], "and a half" in t, t)
