"""`--output` is never worse than before and never harms: checked before any work,
devices and FIFOs written in place, symlinks followed, old files kept.

Device-like targets are made in a private temporary directory (a FIFO, a
symlink to /proc/self/fd/1, a character device when mknod is permitted),
never in the real /dev.
"""

from __future__ import annotations

import os
import stat
import subprocess
import threading
from pathlib import Path

import pytest
from conftest import cli_command, records, unstamped

from newsclaims.cli.output import TEMP_PREFIX, TEMP_SUFFIX, remove_stale_temporaries

ARTICLE = "“The tunnel will open in May,” said city planner Joe Marsh on Thursday.\n"
NO_MODEL = {"NEWSCLAIMS_MODEL": "no_such_pipeline_installed"}  # proves: refused before loading


def article(tmp_path: Path, name: str = "a.txt") -> Path:
    path = tmp_path / name
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def run(*args: str, env: dict[str, str] | None = None, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*cli_command(), "extract", *args],
        capture_output=True,
        timeout=180,
        env={**os.environ, **(env or {})},
        **kwargs,
    )


def temporaries(directory: Path) -> list[str]:
    return [n for n in os.listdir(directory) if n.startswith(TEMP_PREFIX)]


def test_a_fifo_is_written_in_place_never_replaced(tmp_path):
    fifo = tmp_path / "claims.jsonl"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    proc = run(str(article(tmp_path)), "--output", str(fifo))
    reader.join(timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)  # still a FIFO
    assert records(got[0])[0]["type"] == "document"
    assert temporaries(tmp_path) == []


def test_a_symlink_is_followed_and_its_target_replaced(tmp_path):
    target = tmp_path / "real.jsonl"
    target.write_bytes(b"old\n")
    link = tmp_path / "link.jsonl"
    link.symlink_to(target.name)
    proc = run(str(article(tmp_path)), "--output", str(link))
    assert proc.returncode == 0, proc.stderr
    assert link.is_symlink() and os.readlink(link) == target.name
    assert records(target.read_bytes())[0]["type"] == "document"


def test_a_link_to_stdout_is_written_through_not_replaced(tmp_path):
    """What `--output /dev/stdout` is: a symlink to /proc/self/fd/1 (here a private one)."""
    link = tmp_path / "stdout"
    link.symlink_to("/proc/self/fd/1")
    proc = run(str(article(tmp_path)), "--output", str(link))
    assert proc.returncode == 0, proc.stderr
    assert link.is_symlink() and os.readlink(link) == "/proc/self/fd/1"
    assert records(proc.stdout)[0]["type"] == "document"  # the pipe got the records
    assert temporaries(tmp_path) == []


def test_a_character_device_is_written_in_place(tmp_path):
    null = tmp_path / "null"
    try:
        os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # a private /dev/null
    except PermissionError:
        pytest.skip("mknod is not permitted here")
    proc = run(str(article(tmp_path)), "--output", str(null))
    assert proc.returncode == 0, proc.stderr
    assert stat.S_ISCHR(os.lstat(null).st_mode)
    assert null.read_bytes() == b""  # still the null device
    assert temporaries(tmp_path) == []


@pytest.mark.parametrize(
    ("make", "says"),
    [
        (lambda d: (d / "out").mkdir() or str(d / "out"), "is a directory"),
        (lambda d: str(d / "new") + "/", "is a directory"),
        (lambda d: str(d / "missing" / "out.jsonl"), "no such directory"),
        (lambda d: str(d / "a.txt" / "out.jsonl"), "Not a directory"),
    ],
    ids=["directory", "trailing-slash", "missing-folder", "file-as-folder"],
)
def test_an_impossible_output_is_a_usage_error_before_any_work(tmp_path, make, says):
    src = article(tmp_path)
    target = make(tmp_path)
    proc = run(str(src), "--output", target, env=NO_MODEL)
    assert proc.returncode == 2
    lines = unstamped(proc.stderr)
    assert (
        len(lines) == 1
        and says in lines[0]
        and lines[0].startswith(f"newsclaims: error: --output {target}:")
    )


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into any folder")
def test_an_unwritable_folder_is_a_usage_error_before_any_work(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        proc = run(str(article(tmp_path)), "--output", str(locked / "o.jsonl"), env=NO_MODEL)
    finally:
        locked.chmod(0o755)
    assert proc.returncode == 2
    assert b"Permission denied" in proc.stderr


def test_an_input_given_as_its_own_output_is_refused(tmp_path):
    src = article(tmp_path, "a.jsonl")
    before = src.read_bytes()
    proc = run(str(src), "--output", str(src), env=NO_MODEL)
    assert proc.returncode == 2
    assert unstamped(proc.stderr) == [
        f"newsclaims: error: --output {src}: is also an input; write the output elsewhere"
    ]
    assert src.read_bytes() == before


def test_an_output_the_directory_walk_would_read_is_refused(tmp_path):
    article(tmp_path)
    out = tmp_path / "claims.jsonl"
    out.write_bytes(b"yesterday\n")
    proc = run(str(tmp_path), "--output", str(out), env=NO_MODEL)
    assert proc.returncode == 2
    assert b"would be read from" in proc.stderr
    assert out.read_bytes() == b"yesterday\n"


def test_a_run_where_every_input_fails_leaves_the_old_file(invoke, tmp_path):
    out = tmp_path / "claims.jsonl"
    out.write_bytes(b"yesterday's good claims\n")
    result = invoke("extract", str(tmp_path / "typo.txt"), "--output", str(out))
    assert result.exit_code == 1
    assert out.read_bytes() == b"yesterday's good claims\n"
    assert result.stderr.splitlines() == [
        f"newsclaims: error: {tmp_path / 'typo.txt'}: no such file or directory",
        f"newsclaims: --output {out} left as it was: no document written",
        "newsclaims: 1 read, 0 written, 1 failed",
    ]
    assert temporaries(tmp_path) == []
    # and nothing is created where there was nothing
    fresh = tmp_path / "fresh.jsonl"
    assert invoke("extract", str(tmp_path / "typo.txt"), "-o", str(fresh), "-q").exit_code == 1
    assert not fresh.exists()


def test_temporaries_of_killed_runs_are_removed_by_the_next_run(tmp_path):
    dead = subprocess.Popen(["true"])
    dead.wait()  # a pid that is gone
    host = os.uname().nodename.replace("-", "_")
    stale = tmp_path / f"{TEMP_PREFIX}{dead.pid}-{host}-abc123{TEMP_SUFFIX}"
    alive = tmp_path / f"{TEMP_PREFIX}{os.getpid()}-{host}-def456{TEMP_SUFFIX}"
    elsewhere = tmp_path / f"{TEMP_PREFIX}{dead.pid}-otherhost-ghi789{TEMP_SUFFIX}"
    unrelated = tmp_path / f"{TEMP_PREFIX}notes{TEMP_SUFFIX}"
    for path in (stale, alive, elsewhere, unrelated):
        path.write_bytes(b"half a run\n")
    proc = run(str(article(tmp_path)), "--output", str(tmp_path / "out.jsonl"))
    assert proc.returncode == 0, proc.stderr
    assert not stale.exists()
    assert alive.exists() and elsewhere.exists() and unrelated.exists()
    assert remove_stale_temporaries(str(tmp_path)) == []
