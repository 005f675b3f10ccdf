"""Shared fixtures: the real pipeline (loaded once), the CLI runner, sample paths."""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
from pathlib import Path

import orjson
import pytest
from typer.testing import CliRunner

from newsclaims.cli.main import app
from newsclaims.core.extract import Extractor
from newsclaims.core.records import Extraction, QuoteRecord

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
GOLDEN = ROOT / "tests" / "golden"


def eval_dir() -> Path | None:
    """The shared evaluation data, when this checkout sits beside it."""
    for candidate in (
        os.environ.get("NEWSCLAIMS_EVAL_DIR"),
        ROOT.parent / "shared" / "eval",
    ):
        if candidate and (Path(candidate) / "seed-quotes.jsonl").exists():
            return Path(candidate)
    return None


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor()


@pytest.fixture(scope="session")
def extract(extractor: Extractor):
    """Extract from a text written in a test; the default reference date is a Friday."""

    def run(text: str, published: dt.date | None = dt.date(2021, 11, 12)) -> Extraction:
        return extractor.extract_text(text, published=published)

    return run


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def invoke(runner: CliRunner):
    """Run `newsclaims ARGS` in-process; stdout and stderr are kept apart."""

    def run(*args: str, input: str | bytes | None = None, env: dict[str, str] | None = None):
        return runner.invoke(app, list(args), input=input, env=env)

    return run


def records(stdout: str | bytes) -> list[dict]:
    data = stdout.encode() if isinstance(stdout, str) else stdout
    return [orjson.loads(line) for line in data.splitlines() if line.strip()]


def cli_command() -> list[str]:
    """The installed console script, for tests that need a real process."""
    script = Path(sys.executable).with_name("newsclaims")
    return [str(script)] if script.exists() else [sys.executable, "-m", "newsclaims"]


# The time newsclaims puts at the start of each stderr line when stderr is
# not a terminal (cli/stamps.py): a real process's stderr, captured by a test.
STDERR_STAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d ")


def unstamped(stderr: str | bytes) -> list[str]:
    """The lines of a process's stderr without their timestamps."""
    text = stderr.decode() if isinstance(stderr, bytes) else stderr
    return [STDERR_STAMP.sub("", line) for line in text.splitlines()]


def on_a_terminal(
    args: list[str], stdin: bytes = b"", columns: int | None = None
) -> tuple[int, bytes, bytes]:
    """Run with stderr on a pseudo-terminal; return status, stdout, what the terminal got."""
    import pty
    import subprocess

    master, slave = pty.openpty()
    env = {**os.environ, "COLUMNS": str(columns)} if columns else None
    proc = subprocess.Popen(
        args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=slave, env=env
    )
    os.close(slave)
    out, _ = proc.communicate(stdin, timeout=300)
    seen = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    os.close(master)
    return proc.returncode, out, seen


def quote_holding(ex: Extraction, words: str) -> QuoteRecord:
    """The one quote whose text holds these words."""
    hits = [q for q in ex.quotes if words in q.text]
    assert len(hits) == 1, [q.text for q in ex.quotes]
    return hits[0]
