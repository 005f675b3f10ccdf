"""The command as a real process: pipes, terminals, signals, import cost."""

from __future__ import annotations

import os
import pty
import signal
import subprocess
import sys
import time
from pathlib import Path

import orjson
from conftest import cli_command, on_a_terminal, records

TEXT = (
    "“The new line opens on Monday,” said transit chief Mara Olsen. "
    "She said fares would not rise.\n"
)


def corpus(path: Path, n: int) -> Path:
    with path.open("wb") as fh:
        for i in range(n):
            fh.write(orjson.dumps({"id": f"d{i}", "text": TEXT, "published": "2024-05-03"}) + b"\n")
    return path


def test_piped_stdin_subprocess():
    proc = subprocess.run(
        [*cli_command(), "extract"], input=TEXT.encode(), capture_output=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    recs = records(proc.stdout)
    assert recs[0]["doc"] == "-"
    assert any(r["type"] == "quote" for r in recs)
    assert b"Traceback" not in proc.stderr


def test_broken_pipe_is_quiet(tmp_path):
    src = corpus(tmp_path / "many.jsonl", 300)
    cmd = (
        " ".join(cli_command()) + f' extract {src} | head -1; echo "status=${{PIPESTATUS[0]}}" >&2'
    )
    proc = subprocess.run(["bash", "-c", cmd], capture_output=True, timeout=300)
    assert len(proc.stdout.splitlines()) == 1
    assert orjson.loads(proc.stdout)["type"] == "document"
    assert b"Traceback" not in proc.stderr
    assert b"Broken pipe" not in proc.stderr and b"BrokenPipe" not in proc.stderr
    assert proc.stderr.strip().splitlines()[-1] == b"status=0"


def test_terminal_stdin_without_paths_is_usage_error():
    """No PATH and a terminal on stdin: exit 2 with a hint, never wait for typing."""
    master, slave = pty.openpty()
    try:
        proc = subprocess.run(
            [*cli_command(), "extract"], stdin=slave, capture_output=True, timeout=60
        )
    finally:
        os.close(slave)
        os.close(master)
    assert proc.returncode == 2
    assert b"no input" in proc.stderr
    assert proc.stdout == b""


def test_ctrl_c_exits_130_and_leaves_output_untouched(tmp_path):
    src = corpus(tmp_path / "many.jsonl", 5000)
    out = tmp_path / "result.jsonl"
    out.write_bytes(b"previous run\n")
    proc = subprocess.Popen(
        [*cli_command(), "extract", str(src), "--output", str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    # wait until documents are flowing into the temporary file (a fixed sleep
    # raced the pipeline's loading on a loaded machine)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        temps = [p for p in tmp_path.iterdir() if p.name.startswith(".newsclaims-")]
        if temps and temps[0].stat().st_size > 0:
            break
        assert proc.poll() is None, proc.communicate()
        time.sleep(0.2)
    proc.send_signal(signal.SIGINT)
    _stdout, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 130, stderr
    assert b"Traceback" not in stderr
    assert b"interrupted" in stderr
    assert out.read_bytes() == b"previous run\n"
    assert not [p for p in os.listdir(tmp_path) if p.startswith(".newsclaims-")]


def test_help_and_version_do_not_import_spacy():
    code = (
        "import sys\n"
        "from cli.main import app\n"
        "for args in (['--help'], ['--version'], ['extract', '--help']):\n"
        "    try:\n"
        "        app(args)\n"
        "    except SystemExit:\n"
        "        pass\n"
        "print('spacy' in sys.modules, file=sys.stderr)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60)
    assert proc.stderr.strip().splitlines()[-1] == b"False"


def test_progress_on_a_terminal_stderr_only(tmp_path):
    src = corpus(tmp_path / "few.jsonl", 40)
    code, out, terminal = on_a_terminal([*cli_command(), "extract", str(src)], b"")
    assert code == 0
    assert len([r for r in records(out) if r["type"] == "document"]) == 40
    assert b"documents" in terminal  # the progress counter went to the terminal
    assert b"documents" not in out.replace(b'"documents"', b"")


def test_no_progress_for_one_document_or_quiet(tmp_path):
    code, _, terminal = on_a_terminal([*cli_command(), "extract", "-"], TEXT.encode())
    assert code == 0 and b"documents" not in terminal
    src = corpus(tmp_path / "few.jsonl", 5)
    code, _, terminal = on_a_terminal([*cli_command(), "extract", str(src), "-q"], b"")
    assert code == 0 and terminal.strip() == b""
