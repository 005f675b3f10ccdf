"""How many quote cases of the case benchmark come out as a reader would print them.

    uv run python benchmarks/quote_cases.py [benchmarks/quote_cases.tsv] [--failures] [--json]

Each case of ``benchmarks/quote_cases.tsv`` (written by the team, in the
phenomena other projects' quote test suites cover) is a short text with the
quotes a reader would take from it: the words, who spoke them and the kind.
The real extractor reads each text. An expected quote is right when one
quote record has the same words (once quotation marks, edge punctuation,
case and a leading "that" are set aside), or, for a claim written in parts,
one record per part does; its speaker's name or mention holds the expected
speaker; and its kind is the expected one. A case is right when all its
quotes are and no other quote record is given (a text with no quote must
give none). Prints the share of cases right, per family, and the share of
expected quotes found, with their words, speaker and kind right; with
``--failures`` each wrong case with what was found.
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
from newsclaims.core.records import Extraction, QuoteRecord

CASES = Path(__file__).with_name("quote_cases.tsv")
PUBLISHED = dt.date(2021, 11, 12)  # any date: the cases do not depend on it
MARKS = "\"'“”‘’«»‹›„‚`"
EDGES = " \t\n.,;:!?-—–"
ARTICLES = ("the ", "a ", "an ")


@dataclass(frozen=True, slots=True)
class Expected:
    parts: tuple[str, ...]
    speaker: str | None
    kind: str


@dataclass(frozen=True, slots=True)
class Case:
    family: str
    text: str
    quotes: tuple[Expected, ...]


def read_cases(path: Path) -> list[Case]:
    """The cases of a case file; rows whose text is "+" add a quote to the case above."""
    rows = [line for line in path.read_text(encoding="utf-8").splitlines() if line[:1] != "#"]
    cases: list[Case] = []
    for row in csv.DictReader(rows, delimiter="\t", quoting=csv.QUOTE_NONE):
        if row["quote"] == "-":
            cases.append(Case(row["family"], row["text"].replace("\\n", "\n"), ()))
            continue
        want = Expected(
            tuple(row["quote"].split(" | ")),
            None if row["speaker"] == "-" else row["speaker"],
            row["kind"],
        )
        if row["text"] == "+":
            last = cases[-1]
            cases[-1] = Case(last.family, last.text, (*last.quotes, want))
        else:
            cases.append(Case(row["family"], row["text"].replace("\\n", "\n"), (want,)))
    for case in cases:
        for want in case.quotes:
            if missing := [p for p in want.parts if p not in case.text]:
                raise ValueError(f"quote part not in its text: {missing} in {case.text!r}")
    return cases


def words(parts: list[str] | tuple[str, ...]) -> str:
    """Parts as compared: no quotation marks, edge punctuation, case or leading "that"."""
    cleaned = [re.sub(f"[{MARKS}]", "", p).strip(EDGES) for p in parts]
    joined = " ".join(" ".join(cleaned).split()).lower()
    return joined.removeprefix("that ")


def person(name: str) -> str:
    name = " ".join(name.lower().split()).strip(EDGES)
    for article in ARTICLES:
        name = name.removeprefix(article)
    return name


def speaker_right(want: Expected, rec: QuoteRecord) -> bool:
    if want.speaker is None:
        return rec.speaker is None
    if rec.speaker is None:
        return False
    target = f" {person(want.speaker)} "
    said = [rec.speaker.name, rec.speaker.mention]
    return any(target in f" {person(s)} " for s in said if s)


def spans_of(case: Case, want: Expected) -> list[tuple[int, int]]:
    spans, start = [], 0
    for part in want.parts:
        at = case.text.find(part, start)
        if at < 0:
            at = case.text.find(part)
        spans.append((at, at + len(part)))
        start = at + len(part)
    return spans


def overlaps(rec: QuoteRecord, spans: list[tuple[int, int]]) -> bool:
    return any(p.span[0] < e and s < p.span[1] for p in rec.parts for s, e in spans)


def judge(case: Case, want: Expected, found: list[QuoteRecord]) -> tuple[str, set[int]]:
    """("right" or why not, the indexes of the records that stand for this quote)."""
    spans = spans_of(case, want)
    near = {i for i, r in enumerate(found) if overlaps(r, spans)}
    target = words(want.parts)
    whole = [i for i in near if words([p.text for p in found[i].parts]) == target]
    apart = [
        next((i for i in near if words([p.text for p in found[i].parts]) == words([part])), None)
        for part in want.parts
    ]
    if whole:
        chosen = [max(whole, key=lambda i: speaker_right(want, found[i]))]
    elif len(want.parts) > 1 and all(i is not None for i in apart):
        chosen = [i for i in apart if i is not None]
    elif near:
        return "words", near
    else:
        return "missed", near
    if not all(speaker_right(want, found[i]) for i in chosen):
        return "speaker", near
    if not all(found[i].kind == want.kind for i in chosen):
        return "kind", near
    return "right", near


def show(rec: QuoteRecord) -> str:
    who = rec.speaker and (rec.speaker.name or rec.speaker.mention)
    return f"{rec.kind} {' | '.join(p.text for p in rec.parts)!r} <- {who or '-'}"


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
        Document(id=str(i), text=c.text, source=str(i), published=PUBLISHED)
        for i, c in enumerate(cases)
    ]
    found: dict[int, list[QuoteRecord]] = {}
    for result in Extractor().stream(docs):
        if isinstance(result, Extraction):
            found[int(result.document.doc)] = result.quotes
    total, right = Counter(), Counter()
    verdicts: Counter[str] = Counter()
    extra_records = 0
    failures = []
    for i, case in enumerate(cases):
        records = found.get(i, [])
        used: set[int] = set()
        why = []
        for want in case.quotes:
            verdict, near = judge(case, want, records)
            verdicts[verdict] += 1
            used |= near
            if verdict != "right":
                why.append(f"{verdict}: want {' | '.join(want.parts)!r} <- {want.speaker or '-'}")
        extras = [r for j, r in enumerate(records) if j not in used]
        extra_records += len(extras)
        why += [f"extra: {show(r)}" for r in extras]
        for key in (case.family, "all"):
            total[key] += 1
            right[key] += not why
        if why:
            failures.append((case, why, records))
    quotes = sum(verdicts.values())
    figures: dict[str, object] = {
        k: {"cases": total[k], "right": round(right[k] / total[k], 4)} for k in total
    }
    figures["quotes"] = {
        "expected": quotes,
        **{v: verdicts[v] for v in ("right", "missed", "words", "speaker", "kind")},
        "extra_records": extra_records,
    }
    if args.json:
        print(json.dumps(figures))
    else:
        for k in sorted(total, key=lambda k: (k == "all", k)):
            print(f"{k:14} {total[k]:4d} cases  right {right[k] / total[k]:.3f}")
        print(
            f"quotes {quotes}: right {verdicts['right']}, missed {verdicts['missed']}, "
            f"words {verdicts['words']}, speaker {verdicts['speaker']}, "
            f"kind {verdicts['kind']}; extra records {extra_records}"
        )
    if args.failures:
        for case, why, records in failures:
            print(f"{case.family}\t{case.text!r}", file=sys.stderr)
            for line in why:
                print(f"\t{line}", file=sys.stderr)
            for rec in records:
                print(f"\t  got {show(rec)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
