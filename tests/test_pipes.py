"""The command among other programs, as real processes: closed pipes, slow producers,
a progress bar on a terminal, timestamps in logs."""

from __future__ import annotations

import re
import select
import subprocess
import time
from pathlib import Path

import conftest
import orjson
import pytest
from conftest import cli_command, records

TEXT = "“The night bus returns on Friday,” said transit planner Omar Haddad.\n"
STAMP = re.compile(rb"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d newsclaims: ")


def corpus(path: Path, n: int) -> Path:
    with path.open("wb") as fh:
        for i in range(n):
            fh.write(orjson.dumps({"id": f"d{i}", "text": TEXT, "published": "2024-05-03"}) + b"\n")
    return path


@pytest.mark.parametrize("fmt", ["table", "jsonl"])
def test_a_closed_pipe_exits_0_in_every_format(tmp_path, fmt):
    src = corpus(tmp_path / "many.jsonl", 200)
    cmd = " ".join(cli_command()) + f" extract {src} --format {fmt} | head -3; "
    cmd += 'echo "status=${PIPESTATUS[0]}" >&2'
    proc = subprocess.run(["bash", "-c", cmd], capture_output=True, timeout=300)
    assert len(proc.stdout.splitlines()) == 3
    assert proc.stderr.strip().splitlines()[-1] == b"status=0", proc.stderr
    assert b"Traceback" not in proc.stderr and b"rror" not in proc.stderr


def read_until_document(proc: subprocess.Popen[bytes], doc_id: str, timeout: float) -> float:
    """Read stdout until the `document` record of ``doc_id``; return when it came."""
    assert proc.stdout is not None
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([proc.stdout], [], [], deadline - time.monotonic())
        if not ready:
            break
        line = proc.stdout.readline()
        if not line:
            break
        rec = orjson.loads(line)
        if rec["type"] == "document" and rec["doc"] == doc_id:
            return time.monotonic()
    raise AssertionError(f"no record of {doc_id} within {timeout} s while its input waits")


@pytest.mark.parametrize("options", [[], ["--batch-size", "1"]])
def test_a_slow_producer_gets_each_document_when_it_is_processed(options):
    """One JSON line at a time on a pipe that stays open: each line's records come out
    before the next line is written (no waiting for a full batch or the end of input)."""
    proc = subprocess.Popen(
        [*cli_command(), "extract", "--format", "jsonl", *options],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdin is not None
    try:
        for i in range(3):
            line = orjson.dumps({"id": f"slow{i}", "text": TEXT, "published": "2024-05-03"})
            proc.stdin.write(line + b"\n")
            proc.stdin.flush()
            read_until_document(proc, f"slow{i}", timeout=120 if i == 0 else 30)
        proc.stdin.close()
        assert proc.wait(timeout=60) == 0
    finally:
        proc.kill()
        proc.wait()


def on_a_terminal(args: list[str], stdin: bytes = b"") -> tuple[int, bytes, bytes]:
    """Run with stderr on a pseudo-terminal 100 columns wide; status, stdout, the terminal."""
    return conftest.on_a_terminal(args, stdin, columns=100)


def test_progress_bar_with_total_rate_and_eta(tmp_path):
    src = corpus(tmp_path / "forty.jsonl", 40)
    code, out, terminal = on_a_terminal([*cli_command(), "extract", str(src), "--batch-size", "4"])
    assert code == 0
    assert len([r for r in records(out) if r["type"] == "document"]) == 40
    assert re.search(rb"\d+/40 documents", terminal)  # the total, known from the file
    assert b"documents/s" in terminal and b"ETA " in terminal
    assert b"documents/s" not in out  # never on stdout
    # the summary on a terminal carries no timestamp
    assert b"newsclaims: 40 read, 40 written, 0 failed" in terminal
    assert not re.search(rb"\d\d:\d\d[+-]\d\d:\d\d newsclaims", terminal)


def test_progress_bar_counts_the_limit_and_stdin_without_total(tmp_path):
    src = corpus(tmp_path / "forty.jsonl", 40)
    code, _, terminal = on_a_terminal([*cli_command(), "extract", str(src), "--limit", "12"])
    assert code == 0
    assert re.search(rb"\d+/12 documents", terminal)
    code, _, terminal = on_a_terminal([*cli_command(), "extract"], src.read_bytes())
    assert code == 0
    assert re.search(rb"\d+ documents", terminal) and not re.search(rb"\d+/\d+ documents", terminal)


def test_stderr_lines_carry_a_timestamp_when_stderr_is_not_a_terminal(tmp_path):
    good = corpus(tmp_path / "two.jsonl", 2)
    proc = subprocess.run(
        [*cli_command(), "extract", str(good), str(tmp_path / "missing.txt")],
        capture_output=True,
        timeout=120,
    )
    assert proc.returncode == 1
    lines = proc.stderr.splitlines()
    assert len(lines) == 2 and all(STAMP.match(line) for line in lines), lines
    assert lines[0].endswith(
        b"newsclaims: error: "
        + str(tmp_path / "missing.txt").encode()
        + b": no such file or directory"
    )
    assert lines[1].endswith(b"newsclaims: 3 read, 2 written, 1 failed")
    assert records(proc.stdout)[0]["type"] == "document"  # stdout untouched


def test_a_closed_pipe_while_the_producer_is_still_open_exits_0():
    """The reader of stdout goes away while stdin waits for more: exit 0, quietly, at once
    (the thread that reads ahead is blocked on stdin when the command ends)."""
    proc = subprocess.Popen(
        [*cli_command(), "extract", "--format", "jsonl"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdin is not None and proc.stdout is not None and proc.stderr is not None
    try:
        for i in range(2):
            line = orjson.dumps({"id": f"open{i}", "text": TEXT, "published": "2024-05-03"})
            proc.stdin.write(line + b"\n")
        proc.stdin.flush()
        read_until_document(proc, "open0", timeout=120)
        proc.stdout.close()  # like `| head -1`
        # one more article: its records meet the closed pipe while stdin stays open
        line = orjson.dumps({"id": "open2", "text": TEXT, "published": "2024-05-03"})
        proc.stdin.write(line + b"\n")
        proc.stdin.flush()
        assert proc.wait(timeout=60) == 0
        err = proc.stderr.read()
        assert b"Fatal" not in err and b"Traceback" not in err and b"rror" not in err, err
    finally:
        proc.kill()
        proc.wait()
