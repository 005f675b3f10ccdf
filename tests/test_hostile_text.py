"""Text that once made the run hang: long runs of marks, a giant token.

spaCy's tokenizer is quadratic on a long whitespace-free run of marks;
`pipeline.tokenizer_safe` rewrites such runs in the copy handed to spaCy,
at the same length, so records still slice the original text exactly.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, cli_command, records
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclaims.core.pipeline import TOKENIZER_GUARD, tokenizer_safe

QUOTE = "“The ferry resumes on Monday,” said port director Lena Kask."


@settings(max_examples=300, deadline=None)
@given(
    text=st.lists(
        st.one_of(
            st.text(alphabet="“”\"'‘’!?.,;:-—…😀s x\n", max_size=300),
            st.sampled_from([QUOTE, " ", "\n\n", "x" * 100]),
        ),
        max_size=10,
    ).map("".join)
)
def test_guarded_text_keeps_every_offset_and_has_no_long_run(text):
    safe = tokenizer_safe(text)
    assert len(safe) == len(text)
    longest = max((len(m) for m in re.findall(r"\S+", safe) if re.search(r"[^\w]", m)), default=0)
    assert longest <= TOKENIZER_GUARD["longest_run"]
    for i, (a, b) in enumerate(zip(text, safe, strict=True)):
        assert a == b or b == " ", (i, a, b)  # characters are only ever blanked
        assert a not in "\n" or b == a  # line breaks (paragraphs) stay


def test_prose_is_handed_to_spacy_unchanged():
    text = (ROOT / "samples" / "harbor-bridge.txt").read_text(encoding="utf-8")
    assert tokenizer_safe(text) is text
    assert tokenizer_safe("Wait!!! What?!” he said... — and “no”.") == (
        "Wait!!! What?!” he said... — and “no”."
    )


def test_hundred_thousand_marks_finish_in_seconds_with_exact_offsets(tmp_path: Path):
    """100,000 quotation marks before a real quote: ran over 600 s; seconds now."""
    text = "“" * 100_000 + "\n\n" + QUOTE + "\n" + "!" * 50_000 + "\n"
    src = tmp_path / "marks.txt"
    src.write_text(text, encoding="utf-8")
    proc = subprocess.run(
        [*cli_command(), "extract", str(src), "--format", "jsonl"],
        capture_output=True,
        timeout=120,  # generous: a few seconds here, hours before the guard
    )
    assert proc.returncode == 0, proc.stderr
    recs = records(proc.stdout)
    assert recs[0]["chars"] == len(text)
    quotes = [r for r in recs if r["type"] == "quote"]
    assert [text[slice(*q["span"])] for q in quotes] == ["The ferry resumes on Monday"]
    assert quotes[0]["cue"]["text"] == text[slice(*quotes[0]["cue"]["span"])] == "said"


def test_ten_times_the_text_costs_about_ten_times_the_time():
    """benchmarks/scaling.py over every hostile shape; quadratic gave a ratio of 100.

    The bound is generous (a shared machine is noisy), far below quadratic.
    """
    proc = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "scaling.py"),
            "--size",
            "5000",
            "--check",
            "30",
        ],
        capture_output=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stdout.decode() + proc.stderr.decode()


def test_a_run_that_ends_on_a_cut_keeps_its_length():
    # 64 characters with no space, one mark, then a run of marks made spaces: a 65-run
    text = (":" * 15 + "x") * 4 + ":" * 16 + " tail"
    safe = tokenizer_safe(text)
    assert len(safe) == len(text)
    assert safe.endswith(" tail")
