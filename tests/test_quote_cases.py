"""The quote case benchmark (benchmarks/quote_cases.py) reads its file and judges
real extractions as it says: its accuracy is measured by running it, not here."""

from __future__ import annotations

import importlib.util
import sys

from conftest import ROOT

spec = importlib.util.spec_from_file_location("quote_cases", ROOT / "benchmarks" / "quote_cases.py")
assert spec is not None and spec.loader is not None
quote_cases = importlib.util.module_from_spec(spec)
sys.modules["quote_cases"] = quote_cases
spec.loader.exec_module(quote_cases)

KINDS = {"direct", "indirect", "mixed"}


def test_every_case_of_the_file_is_well_formed():
    cases = quote_cases.read_cases(quote_cases.CASES)  # raises on a part not in its text
    assert len(cases) >= 100
    quotes = [q for c in cases for q in c.quotes]
    assert {q.kind for q in quotes} <= KINDS
    assert any(not c.quotes for c in cases)  # texts that hold no quote
    assert any(len(c.quotes) > 1 for c in cases)  # texts with several quotes
    assert any(len(q.parts) > 1 for q in quotes)  # claims in parts
    assert all("\n" in c.text for c in cases if c.family == "paragraph")


def judged(extract, text: str, parts: tuple[str, ...], speaker: str | None, kind: str) -> str:
    case = quote_cases.Case("test", text, ())
    want = quote_cases.Expected(parts, speaker, kind)
    verdict, _ = quote_cases.judge(case, want, extract(text).quotes)
    return verdict


def test_a_quote_is_judged_on_its_words_its_speaker_and_its_kind(extract):
    text = "Councillor Maya Brandt left the hall early. “We will vote again in May,” she said."
    words = ("We will vote again in May",)
    assert judged(extract, text, words, "Maya Brandt", "direct") == "right"
    assert judged(extract, text, words, "Brandt", "direct") == "right"  # part of the name
    assert judged(extract, text, words, "Omar Brandt", "direct") == "speaker"
    assert judged(extract, text, words, "Maya Brandt", "indirect") == "kind"
    assert judged(extract, text, ("We will vote again",), "Maya Brandt", "direct") == "words"
    assert judged(extract, text, ("left the hall early",), "Maya Brandt", "direct") == "missed"


def test_a_claim_in_parts_is_one_record_or_one_record_a_part(extract):
    text = "“The roof held,” said the caretaker, Ida Wren, “but the windows did not.”"
    parts = ("The roof held", "but the windows did not.")
    assert judged(extract, text, parts, "Ida Wren", "direct") == "right"
    assert judged(extract, text, parts[:1], "Ida Wren", "direct") == "words"
