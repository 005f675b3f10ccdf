"""Structural checks over quote records: claims a reader could print as they are.

    uv run python benchmarks/quote_checks.py PRED.jsonl [--show N]

Reads a predictions file (the extractor's JSON Lines records) and counts

* quotes whose text holds their own attribution: the cue's or the speaker
  mention's span overlaps the text the quote is made of (its parts, or for
  records written before schema 2.0, its span, whose slice was the text);
* pairs of quote records of one document whose texts overlap (one claim in
  several records), and pairs whose spans overlap (``span`` runs from the
  first part to the last, so a split quote's span holds its attribution).

``--show N`` prints up to N examples of each to stderr. Needs no spaCy.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

Span = tuple[int, int]


def pieces(rec: dict) -> list[Span]:
    """The document ranges a quote's text is made of."""
    parts = rec.get("parts") or []
    if parts and isinstance(parts[0], dict):
        return [tuple(p["span"]) for p in parts]
    return [tuple(rec["span"])]


def overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def any_overlap(xs: list[Span], ys: list[Span]) -> bool:
    return any(overlaps(x, y) for x in xs for y in ys)


def holds_attribution(rec: dict) -> str | None:
    """ "cue" or "speaker" when the quote's text holds that span, else None."""
    own = pieces(rec)
    cue = rec.get("cue")
    if cue and cue.get("category") != "punctuation" and any_overlap(own, [tuple(cue["span"])]):
        return "cue"
    spk = rec.get("speaker")
    if spk and any_overlap(own, [tuple(spk["span"])]):
        return "speaker"
    return None


def check(path: Path) -> dict[str, object]:
    by_doc: dict[str, list[dict]] = defaultdict(list)
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rec = json.loads(line)
                if rec.get("type") == "quote":
                    by_doc[str(rec["doc"])].append(rec)
    holding: list[tuple[str, dict]] = []
    text_pairs: list[tuple[dict, dict]] = []
    span_pairs = 0
    total = 0
    for quotes in by_doc.values():
        total += len(quotes)
        for rec in quotes:
            what = holds_attribution(rec)
            if what is not None:
                holding.append((what, rec))
        ordered = sorted(quotes, key=lambda r: tuple(r["span"]))
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 :]:
                if b["span"][0] >= a["span"][1]:
                    break
                span_pairs += 1
                if any_overlap(pieces(a), pieces(b)):
                    text_pairs.append((a, b))
    return {
        "quotes": total,
        "holding_cue": sum(1 for w, _ in holding if w == "cue"),
        "holding_speaker": sum(1 for w, _ in holding if w == "speaker"),
        "holding": holding,
        "overlapping_text_pairs": text_pairs,
        "overlapping_span_pairs": span_pairs,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("pred", type=Path)
    parser.add_argument("--show", type=int, default=0, help="examples to print to stderr")
    args = parser.parse_args(argv)
    res = check(args.pred)
    holding = res["holding"]
    pairs = res["overlapping_text_pairs"]
    assert isinstance(holding, list) and isinstance(pairs, list)
    for what, rec in holding[: args.show]:
        print(f"holds {what}: {rec['doc']} {rec['id']}: {rec['text'][:160]!r}", file=sys.stderr)
    for a, b in pairs[: args.show]:
        print(
            f"overlap: {a['doc']} {a['id']} {a['text'][:80]!r} / {b['id']} {b['text'][:80]!r}",
            file=sys.stderr,
        )
    summary = {
        "quotes": res["quotes"],
        "text_holds_attribution": len(holding),
        "text_holds_cue": res["holding_cue"],
        "text_holds_speaker": res["holding_speaker"],
        "overlapping_text_pairs": len(pairs),
        "overlapping_span_pairs": res["overlapping_span_pairs"],
    }
    print(json.dumps(summary, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
