"""SIGINT, SIGTERM and SIGHUP end a run alike, with one process or with --workers:
old --output intact, temporary file gone, one line on stderr, status 128 + signal,
no worker left behind, within seconds, whoever is signalled.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import orjson
import pytest
from conftest import cli_command, unstamped

TEXT = "“The new line opens on Monday,” said transit chief Mara Olsen. She said fares would hold.\n"


def corpus(path: Path, n: int = 4000) -> Path:
    with path.open("wb") as fh:
        for i in range(n):
            fh.write(orjson.dumps({"id": f"d{i}", "text": TEXT * 3}) + b"\n")
    return path


def children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry))
    return found


def gone(pid: int) -> bool:
    """Dead: no such process, or a zombie waiting for whoever adopted it."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return True
    return state in ("Z", "X")


def start(tmp_path: Path, workers: int) -> tuple[subprocess.Popen, Path, list[int]]:
    """A run writing to --output, once it is extracting (workers up, records flowing)."""
    out = tmp_path / "claims.jsonl"
    out.write_bytes(b"yesterday\n")
    args = ["extract", str(corpus(tmp_path / "in.jsonl")), "-o", str(out), "-w", str(workers)]
    proc = subprocess.Popen(
        [*cli_command(), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group, as a terminal's job is
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        temps = [p for p in tmp_path.iterdir() if p.name.startswith(".newsclaims-")]
        kids = children(proc.pid)
        if temps and temps[0].stat().st_size > 0 and len(kids) >= (workers if workers > 1 else 0):
            return proc, out, kids
        assert proc.poll() is None, proc.communicate()
        time.sleep(0.2)
    proc.kill()
    raise AssertionError("the run never started writing")


def check_stopped(proc, out: Path, kids: list[int], status: int, line: bytes, tmp_path: Path):
    started = time.monotonic()
    try:
        stdout, stderr = proc.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)  # a failing test leaves nothing running
        proc.communicate()
        raise
    assert time.monotonic() - started < 20
    assert proc.returncode == status, stderr
    assert [ln.encode() for ln in unstamped(stderr)] == [line]
    assert stdout == b""
    assert out.read_bytes() == b"yesterday\n"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".newsclaims-")]
    time.sleep(0.5)
    assert all(gone(k) for k in kids), [k for k in kids if not gone(k)]


@pytest.mark.parametrize(
    ("signum", "workers", "group"),
    [
        (signal.SIGTERM, 1, False),
        (signal.SIGHUP, 1, False),
        (signal.SIGTERM, 2, False),
        (signal.SIGINT, 2, True),  # Ctrl-C at a terminal: the whole group
        (signal.SIGTERM, 2, True),  # systemd, timeout --kill-after: every process
    ],
    ids=["term-1", "hup-1", "term-main-2", "ctrl-c-group-2", "term-group-2"],
)
def test_a_signal_ends_the_run_like_ctrl_c(tmp_path, signum, workers, group):
    proc, out, kids = start(tmp_path, workers)
    if group:
        os.killpg(proc.pid, signum)
    else:
        os.kill(proc.pid, signum)
    name = signal.Signals(signum).name
    check_stopped(
        proc, out, kids, 128 + signum, f"newsclaims: interrupted ({name})".encode(), tmp_path
    )


def test_a_worker_killed_alone_ends_the_run(tmp_path):
    proc, out, kids = start(tmp_path, 2)
    os.kill(kids[0], signal.SIGTERM)
    line = (
        b"newsclaims: interrupted (a spaCy worker process was killed by SIGTERM "
        b"before its work was done)"
    )
    check_stopped(proc, out, kids, 128 + signal.SIGTERM, line, tmp_path)


def test_workers_die_with_a_killed_main_process(tmp_path):
    """SIGKILL cannot be handled: the kernel ends the workers (PR_SET_PDEATHSIG)."""
    proc, _out, kids = start(tmp_path, 2)
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=30)  # returns only once no worker holds its pipes
    deadline = time.monotonic() + 10
    while not all(gone(k) for k in kids) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert all(gone(k) for k in kids)
