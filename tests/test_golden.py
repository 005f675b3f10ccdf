"""Golden files: the output over samples/, compared byte for byte.

The goldens change only on purpose: after a deliberate change to the
extractor, regenerate them with

    NEWSCLAIMS_REGEN_GOLDEN=1 uv run pytest tests/test_golden.py

and review the diff before committing it.
"""

from __future__ import annotations

import os

import pytest
from conftest import GOLDEN, ROOT, SAMPLES

SAMPLE_FILES = sorted(p.name for p in SAMPLES.iterdir() if p.suffix in (".txt", ".jsonl"))


def test_samples_exist():
    assert 4 <= len(SAMPLE_FILES) <= 6


@pytest.mark.parametrize("name", SAMPLE_FILES)
def test_sample_matches_golden(invoke, monkeypatch, name):
    monkeypatch.chdir(ROOT)
    result = invoke("extract", f"samples/{name}", "--format", "jsonl", "-q")
    assert result.exit_code == 0, result.stderr
    golden = GOLDEN / f"{name}.out.jsonl"
    produced = result.stdout_bytes
    if os.environ.get("NEWSCLAIMS_REGEN_GOLDEN"):
        golden.write_bytes(produced)
    assert golden.exists(), f"no golden for {name}: regenerate (see this module's docstring)"
    assert produced == golden.read_bytes()
