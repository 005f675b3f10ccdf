"""How many date expressions of the case benchmark get the right TIMEX3 value.

    uv run python benchmarks/date_cases.py [benchmarks/date_cases.tsv] [--failures] [--json]

Each case of ``benchmarks/date_cases.tsv`` (written by the team, in the
families other projects' date test suites cover) is one sentence holding one
date expression, with the reference date the sentence is read against. The
real extractor reads each sentence with that date as the publication date; a
case is right when a date it finds overlapping the expression has the
expected value, or the same value in another notation (``P1DE`` = ``P10Y``,
``P1Q`` = ``P3M``, ``T24:00`` = the next day's ``T00:00``, ``FY2022`` =
``2022``, ``T14:00:00`` = ``T14:00``). A range ("a|b") is right when both
ends are found. Prints the share right, per family, and with ``--failures``
each wrong case with what was found. Type and mod are counted too, apart.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from newsclaims.core.documents import Document
from newsclaims.core.extract import Extractor
from newsclaims.core.records import DateValue, Extraction

CASES = Path(__file__).with_name("date_cases.tsv")

# Months, and seconds, in each unit of a TIMEX3 duration.
DATE_UNITS = {"Y": 12, "Q": 3, "M": 1, "DE": 120, "CE": 1200, "ML": 12000}
DAY_UNITS = {"W": 7, "D": 1}
TIME_UNITS = {"H": 3600, "M": 60, "S": 1}


@dataclass(frozen=True, slots=True)
class Case:
    family: str
    sentence: str
    expression: str
    ref: dt.date
    value: str
    type: str
    mod: str | None


def read_cases(path: Path) -> list[Case]:
    rows = [line for line in path.read_text(encoding="utf-8").splitlines() if line[:1] != "#"]
    cases = []
    for row in csv.DictReader(rows, delimiter="\t", quoting=csv.QUOTE_NONE):
        if row["expression"] not in row["sentence"]:
            raise ValueError(f"expression not in its sentence: {row}")
        cases.append(
            Case(
                row["family"],
                row["sentence"],
                row["expression"],
                dt.date.fromisoformat(row["ref"]),
                row["value"],
                row["type"],
                None if row["mod"] == "-" else row["mod"],
            )
        )
    return cases


def _duration(value: str) -> tuple[float, float] | None:
    m = re.fullmatch(r"P((?:[\d.]+(?:DE|CE|ML|[YQMWD]))*)(?:T((?:[\d.]+[HMS])+))?", value)
    if not m or not (m[1] or m[2]):
        return None
    months = days = 0.0
    for n, unit in re.findall(r"([\d.]+)(DE|CE|ML|[YQMWD])", m[1] or ""):
        if unit in DAY_UNITS:
            days += float(n) * DAY_UNITS[unit]
        else:
            months += float(n) * DATE_UNITS[unit]
    seconds = days * 86400 + sum(
        float(n) * TIME_UNITS[u] for n, u in re.findall(r"([\d.]+)([HMS])", m[2] or "")
    )
    return months, seconds


def canonical(value: str) -> object:
    """One spelling of a value, so that two notations of the same value compare equal."""
    value = value.removeprefix("FY")
    if (found := _duration(value)) is not None:
        return found
    if m := re.fullmatch(r"(\d{4}-\d\d-\d\d)T24:00(?::00)?", value):
        value = f"{dt.date.fromisoformat(m[1]) + dt.timedelta(days=1)}T00:00"
    return re.sub(r"(T\d\d:\d\d):00$", r"\1", value)


def same(found: str, want: str) -> bool:
    return canonical(found) == canonical(want)


def dates_of(result: Extraction) -> list[DateValue]:
    return [e.date for e in result.events if e.date] + [d.date for d in result.dates]


def judge(case: Case, found: list[DateValue]) -> tuple[bool, bool, bool, list[str]]:
    """(value right, type right, mod right, the values found over the expression)."""
    start = case.sentence.index(case.expression)
    end = start + len(case.expression)
    over = [d for d in found if d.span and d.span[0] < end and d.span[1] > start]
    wants = case.value.split("|")
    hits = [next((d for d in over if same(d.value, w)), None) for w in wants]
    right = all(h is not None for h in hits)
    first = hits[0]
    typed = first is not None and first.type == case.type
    modded = first is not None and first.mod == case.mod
    return right, typed, modded, [f"{d.text!r}={d.value}/{d.type}/{d.mod}" for d in over]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("cases", type=Path, nargs="?", default=CASES)
    parser.add_argument("--failures", action="store_true", help="list every wrong case")
    parser.add_argument("--family", help="only the cases of this family")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)

    cases = read_cases(args.cases)
    if args.family:
        cases = [c for c in cases if c.family == args.family]
    docs = [
        Document(id=str(i), text=c.sentence, source=str(i), published=c.ref)
        for i, c in enumerate(cases)
    ]
    found: dict[int, list[DateValue]] = {}
    for result in Extractor().stream(docs):
        if isinstance(result, Extraction):
            found[int(result.document.doc)] = dates_of(result)
    total, right, typed, modded = Counter(), Counter(), Counter(), Counter()
    failures = []
    for i, case in enumerate(cases):
        ok, ok_type, ok_mod, seen = judge(case, found.get(i, []))
        for key in (case.family, "all"):
            total[key] += 1
            right[key] += ok
            typed[key] += ok_type
            modded[key] += ok_mod
        if not ok or (args.failures and not ok_mod):
            failures.append((case, ok, seen))
    figures = {
        k: {
            "cases": total[k],
            "value": round(right[k] / total[k], 4),
            "type": round(typed[k] / total[k], 4),
            "mod": round(modded[k] / total[k], 4),
        }
        for k in total
    }
    if args.json:
        print(json.dumps(figures))
    else:
        for k, f in sorted(figures.items(), key=lambda kv: (kv[0] == "all", kv[0])):
            print(
                f"{k:10} {f['cases']:4d} cases  value {f['value']:.3f}  "
                f"type {f['type']:.3f}  mod {f['mod']:.3f}"
            )
    if args.failures:
        for case, ok, seen in failures:
            tag = "VALUE" if not ok else "mod"
            print(
                f"{tag}\t{case.family}\t{case.expression!r}\t{case.ref}\twant {case.value}"
                f"/{case.mod or '-'}\tgot {'; '.join(seen) or '-'}",
                file=sys.stderr,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
