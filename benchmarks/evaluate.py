"""Score newsclaims on human-annotated gold data with the shared scorer.

    uv run python benchmarks/evaluate.py quotes ../shared/eval/dev-quotes.jsonl
    uv run python benchmarks/evaluate.py dates  ../shared/eval/dev-timeml.jsonl

Feeds every gold document to the extractor with its id and publication date
(`published`, or `dct` for TimeML), writes the records to a predictions file
(default: eval-out/<gold name>.pred.jsonl) and runs the scorer on them
(default: ../shared/eval/score.py beside the gold file). The gold texts are
read at run time and never stored in the repository.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import time
from pathlib import Path

import orjson

from newsclaims.core.documents import Document
from newsclaims.core.extract import Extractor
from newsclaims.core.records import Extraction, Failure


def documents(gold: Path) -> list[Document]:
    docs = []
    with gold.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            d = json.loads(line)
            pub = d.get("published") or d.get("dct")
            docs.append(
                Document(
                    id=str(d["id"]),
                    text=d["text"],
                    source=str(d["id"]),
                    published=dt.date.fromisoformat(pub[:10]) if pub else None,
                )
            )
    return docs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("task", choices=("quotes", "dates"))
    parser.add_argument("gold", type=Path)
    parser.add_argument("--pred", type=Path, help="where to write the predictions")
    parser.add_argument("--scorer", type=Path, help="score.py (default: beside the gold file)")
    parser.add_argument("--json", action="store_true", help="print the scorer's JSON on one line")
    args = parser.parse_args(argv)

    pred = args.pred or Path("eval-out") / f"{args.gold.stem}.pred.jsonl"
    pred.parent.mkdir(parents=True, exist_ok=True)
    scorer = args.scorer or args.gold.parent / "score.py"

    docs = documents(args.gold)
    extractor = Extractor()
    start = time.perf_counter()
    failed = 0
    with pred.open("wb") as out:
        for result in extractor.stream(docs):
            if isinstance(result, Failure):
                failed += 1
                print(f"failed: {result.source}: {result.message}", file=sys.stderr)
                continue
            assert isinstance(result, Extraction)
            for rec in result.records():
                out.write(orjson.dumps(rec, option=orjson.OPT_APPEND_NEWLINE))
    elapsed = time.perf_counter() - start
    chars = sum(len(d.text) for d in docs)
    print(
        f"{len(docs)} documents ({failed} failed), {chars:,} chars in {elapsed:.1f}s "
        f"({chars / elapsed:,.0f} chars/s); predictions in {pred}",
        file=sys.stderr,
    )
    cmd = [sys.executable, str(scorer), args.task, str(args.gold), str(pred)]
    if args.json:
        cmd.append("--json")
    return subprocess.call(cmd)


if __name__ == "__main__":
    raise SystemExit(main())
