"""Is extraction linear in the length of the text, whatever the text holds?

    uv run python benchmarks/scaling.py                 # 10,000 and 100,000 characters
    uv run python benchmarks/scaling.py --size 5000 --check 30

For each hostile shape (runs of quotation marks, of "!", of emoji, of
"'s", one giant token, marks with spaces between them) and for ordinary
prose, times `Extractor.stream` on a text of SIZE characters and on one of
10 x SIZE characters (the best of --rounds runs each, so background load
on a shared machine counts less) and prints the ratio. Linear work gives
a ratio near 10; the quadratic tokenizer gave 100. With ``--check R`` the
exit status is 1 when any ratio exceeds R (tests/test_hostile_text.py runs
this with a generous R). Not part of the test suite's timings.
"""

from __future__ import annotations

import argparse
import sys
import time

from newsclaims.core.documents import Document
from newsclaims.core.extract import Extractor

PROSE = "“The ferry resumes on Monday,” said port director Lena Kask. She said fares would hold. "
SHAPES = {
    "curly quotes": "“",
    "straight quotes": '"',
    "exclamation marks": "!",
    "emoji": "😀",
    "'s": "'s",
    "marks and spaces": "” ",
    "giant token": "x",
    "prose": PROSE,
}


def best_time(extractor: Extractor, text: str, rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        (result,) = extractor.stream([Document(id="s", text=text, source="s")])
        best = min(best, time.perf_counter() - started)
        assert result.document.chars == len(text)  # type: ignore[union-attr]
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=10_000, help="characters of the small text")
    parser.add_argument("--rounds", type=int, default=3, help="runs per text (the best counts)")
    parser.add_argument("--check", type=float, default=None, help="fail if a ratio exceeds this")
    args = parser.parse_args(argv)
    extractor = Extractor()
    best_time(extractor, PROSE, 1)  # warm up
    worst = 0.0
    print(f"{'shape':<18} {args.size:>9,} ch  {10 * args.size:>9,} ch  ratio")
    for name, unit in SHAPES.items():
        small = unit * (args.size // len(unit))
        large = unit * (10 * args.size // len(unit))
        t_small = best_time(extractor, small, args.rounds)
        t_large = best_time(extractor, large, args.rounds)
        ratio = t_large / max(t_small, 1e-3)
        worst = max(worst, ratio)
        print(f"{name:<18} {t_small:>10.3f} s {t_large:>10.3f} s {ratio:>6.1f}", flush=True)
    if args.check is not None and worst > args.check:
        print(f"not linear: a ratio of {worst:.1f} (limit {args.check})", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
