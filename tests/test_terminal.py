"""Streams and terminals: closed stdout/stderr, control characters, scheduler addresses."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import orjson
import pytest
from conftest import cli_command, records, unstamped

from newsclaims.cli.escape import printable

ARTICLE = "“The tunnel will open in May,” said city planner Joe Marsh on Thursday.\n"


def shell(command: str, tmp_path: Path) -> subprocess.CompletedProcess:
    """Run `newsclaims ARGS` under bash, so that `2>&-` and `>&-` really close descriptors."""
    exe = " ".join(cli_command())
    return subprocess.run(
        ["bash", "-c", command.replace("newsclaims", exe, 1)],
        cwd=tmp_path,
        capture_output=True,
        timeout=180,
    )


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("quiet", ["", "-q"])
def test_closed_stderr_still_writes_every_record(inputs, quiet):
    proc = shell(f"newsclaims extract {quiet} missing.txt good.txt 2>&-", inputs)
    assert proc.returncode == 1  # one input failed: the status still says so
    assert [r["doc"] for r in records(proc.stdout) if r["type"] == "document"] == ["good.txt"]


def test_closed_stdout_is_one_clear_error(inputs):
    proc = shell("newsclaims extract good.txt >&-", inputs)
    assert proc.returncode == 1
    assert unstamped(proc.stderr) == [
        "newsclaims: error: stdout: cannot write: it is closed (write to a file with --output)"
    ]


def test_closed_stdout_with_output_file_runs(inputs):
    proc = shell("newsclaims extract good.txt -o out.jsonl >&-", inputs)
    assert proc.returncode == 0, proc.stderr
    assert records((inputs / "out.jsonl").read_bytes())[0]["doc"] == "good.txt"


def test_file_names_with_control_characters_stay_one_escaped_line(invoke, tmp_path):
    forged = "x\nnewsclaims: 5 read, 5 written, 0 failed\n\x1b]0;owned\x07.txt"
    result = invoke("extract", str(tmp_path / forged), str(tmp_path / "b\rc.txt"))
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 3  # two failed inputs, one summary
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr and "\r" not in result.stderr
    assert lines[0].endswith(
        "x\\nnewsclaims: 5 read, 5 written, 0 failed\\n\\e]0;owned\\x07.txt: "
        "no such file or directory"
    )
    assert lines[2] == "newsclaims: 2 read, 0 written, 2 failed"


def test_table_cells_never_pass_escape_sequences(invoke, tmp_path):
    text = "“Stop \x1b]0;pwned\x07 now \x1b[2J please,” said Mayor Ann Lee on Friday.\n"
    line = orjson.dumps({"id": "evil\x1b[31mid", "text": text, "published": "2021-11-12"})
    (tmp_path / "in.jsonl").write_bytes(line + b"\n")
    result = invoke("extract", str(tmp_path / "in.jsonl"), "--format", "table")
    assert result.exit_code == 0, result.stderr
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "\\e]0;pwned\\x07" in result.stdout.replace("\n", "").replace("│", "").replace(" ", "")
    assert "evil\\e[31mid" in result.stdout


def test_printable_escapes_controls_and_undecodable_bytes():
    assert printable("a\x1b[2Jb\x07\x9b\r\n\t") == "a\\e[2Jb\\x07\\x9b\\r\\n\\t"
    assert printable("line one\nline\ttwo", lines=True) == "line one\nline\ttwo"
    assert printable("caf\udce9.txt") == "caf\\xe9.txt"
    assert printable("“ordinary” café — 😀") == "“ordinary” café — 😀"


@pytest.mark.parametrize("address", ["not a url", "tcp://", "tcp://host:99999", "http//x:1"])
def test_malformed_scheduler_is_a_usage_error_at_once(inputs, address):
    started = time.monotonic()
    proc = subprocess.run(
        [*cli_command(), "extract", str(inputs / "good.txt"), "--scheduler", address],
        capture_output=True,
        timeout=60,
    )
    assert proc.returncode == 2
    assert b"--scheduler" in proc.stderr and b"Traceback" not in proc.stderr
    assert time.monotonic() - started < 20  # no connection attempt, no spaCy


def test_connect_timeout_shortens_an_unreachable_scheduler(inputs):
    pytest.importorskip("distributed")
    started = time.monotonic()
    unreachable = ["--scheduler", "tcp://127.0.0.1:9", "--connect-timeout", "1"]
    proc = subprocess.run(
        [*cli_command(), "extract", str(inputs / "good.txt"), *unreachable],
        capture_output=True,
        timeout=120,
    )
    assert proc.returncode == 1
    lines = unstamped(proc.stderr)
    assert len(lines) == 1 and "cannot reach the Dask scheduler" in lines[0]
    assert time.monotonic() - started < 25  # 30 s by default
