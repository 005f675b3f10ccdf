"""Date forms of earnings reports: quarters, halves of them, "the period", "a year earlier".

Comparisons in earnings reports are with the same quarter a year before;
"the quarter" is the last one the text named (the `Focus`), else the one
before the reference date (results are reported after a quarter closes).
"""

from __future__ import annotations

import datetime as dt

from .dateparts import Direction, Focus, Match, Normalized, form, quarter_of
from .timewords import words

Ref = dt.date | None


@form(
    "quarter",
    r"^(?:({rel}) year'?s? |{year} |(?:this|the) year'?s )?(?:fiscal )?"
    r"({ordinal}|[1-4](?:st|nd|rd|th)) quarters?"
    r"(?: of (?:the year|(?:fiscal )?{year}|(next|last|this) year))?$"
    r"|^q([1-4])(?: (?:of )?{year})?$",
    {
        "the third quarter": "2021-Q3",
        "next year's first quarter": "2022-Q1",
        "Q2 2019": "2019-Q2",
        "the 4th quarter of 2009": "2009-Q4",
        "the first quarter of next year": "2022-Q1",
    },
)
def _quarter(m: Match, t: str, ref: Ref, direction: Direction, focus: Focus) -> Normalized | None:
    """ "the third quarter", "third-quarter", "next year's first quarter", "Q3 2021"."""
    if m[6]:
        q = int(m[6])
        year = m[7]
    else:
        n = int(m[3][0]) if m[3][0].isdigit() else int(words("ordinal")[m[3]])
        q = n if 1 <= n <= 4 else 4
        year = m[2] or m[4]
        rel = m[1] or m[5]
        if rel and ref:
            year = str(ref.year + int(words("relative")[rel]))
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


@form(
    "period",
    r"^(?:(latest|current|this|same|recent|most recent|just ended|comparable|"
    r"corresponding|latest fiscal|fiscal) )?(quarter|period)(?: (last year|a year ago|a year "
    r"earlier))?$",
    {"the latest quarter": "2021-Q3", "the quarter last year": "2020-Q3", "the period": None},
)
def _period(m: Match, t: str, ref: Ref, direction: Direction, focus: Focus) -> Normalized | None:
    """ "the quarter", "the latest period": the quarter an earnings report is about."""
    if m[2] == "period" and m[1] is None and not m[3]:
        return None  # a bare "the period" is too vague to be a date
    if m[1] in ("current", "this") and ref:
        base = focus.quarter or quarter_of(ref)
    elif focus.quarter:
        base = focus.quarter
    elif ref:
        base = _previous_quarter(ref)
    else:
        return Normalized("XXXX-QX", "DATE", "quarter")
    if m[3]:
        base = _year_before(base)
    return Normalized(base, "DATE", "quarter")


@form(
    "year_ago_period",
    r"^(?:(?:the )?(?:comparable|corresponding|same) )?(?:year ago|year "
    r"earlier|last year's|prior year|previous year's)(?: (?:(?:fiscal )?(?:first|second|"
    r"third|fourth) )?(quarter|period|results))?$|^(a year (?:ago|earlier))$",
    {"the year-ago quarter": "2020-Q3", "a year earlier": "2020"},
)
def _year_ago_period(
    m: Match, t: str, ref: Ref, direction: Direction, focus: Focus
) -> Normalized | None:
    """ "the year-ago quarter", "year-earlier results", and in an earnings report "a year ago";
    outside such a report "a year ago" is just last year."""
    if focus.quarter:
        return Normalized(_year_before(focus.quarter), "DATE", "quarter")
    if m[2] or not ref:  # "a year ago" with no quarter in view
        return Normalized(f"{ref.year - 1:04d}" if ref else "XXXX", "DATE", "year")
    if m[1] in ("quarter", "period", "results"):
        return Normalized(_year_before(_previous_quarter(ref)), "DATE", "quarter")
    return Normalized(f"{ref.year - 1:04d}", "DATE", "year")


@form("year_period", r"^{year} (quarter|period)$", {"the 1988 period": "1988"})
def _year_period(
    m: Match, t: str, ref: Ref, direction: Direction, focus: Focus
) -> Normalized | None:
    """ "the 1988 quarter": that year's quarter of the one in view, else the year."""
    if focus.quarter:
        return Normalized(f"{m[1]}{focus.quarter[4:]}", "DATE", "quarter")
    return Normalized(m[1], "DATE", "year")
