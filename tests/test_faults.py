"""Faults and hostile conditions: full disks, broken models, no network, inputs as data."""

from __future__ import annotations

import ast
import errno
import os
import shutil
import subprocess
import sys
from pathlib import Path

import orjson
import pytest
from conftest import ROOT, cli_command, records, unstamped

import newsclaims.cli.output

ARTICLE = "“The tunnel will open in May,” said city planner Joe Marsh on Thursday.\n"


def write(tmp_path: Path, name: str, text: str = ARTICLE) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_stdout_on_a_full_disk_is_one_clear_error(tmp_path):
    src = write(tmp_path, "a.txt")
    with open("/dev/full", "wb") as full:
        proc = subprocess.run(
            [*cli_command(), "extract", src], stdout=full, stderr=subprocess.PIPE, timeout=120
        )
    assert proc.returncode == 1
    # stderr is a pipe, not a terminal: each line starts with its time
    assert unstamped(proc.stderr) == [
        "newsclaims: error: stdout: cannot write: No space left on device"
    ]


def test_output_file_on_a_full_disk_keeps_the_old_file(invoke, tmp_path, monkeypatch):
    """A disk that fills up mid-run: clear error, temporary file gone, old file intact."""
    src = write(tmp_path, "a.txt")
    out = tmp_path / "claims.jsonl"
    out.write_bytes(b"yesterday's claims\n")

    real_fdopen = os.fdopen

    class FullDisk:
        def __init__(self, fh):
            self.fh = fh

        def write(self, data):
            raise OSError(errno.ENOSPC, "No space left on device")

        def __getattr__(self, name):
            return getattr(self.fh, name)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.fh.close()

    monkeypatch.setattr(
        newsclaims.cli.output.os, "fdopen", lambda fd, mode: FullDisk(real_fdopen(fd, mode))
    )
    result = invoke("extract", src, "--output", str(out))
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        f"newsclaims: error: {out}: cannot write: No space left on device"
    ]
    assert out.read_bytes() == b"yesterday's claims\n"
    assert sorted(os.listdir(tmp_path)) == ["a.txt", "claims.jsonl"]


def test_output_that_is_a_directory(invoke, tmp_path):
    src = write(tmp_path, "a.txt")
    target = tmp_path / "outdir"
    target.mkdir()
    result = invoke("extract", src, "--output", str(target))
    assert result.exit_code == 2  # a usage error, found before any work
    assert "is a directory" in result.stderr and str(target) in result.stderr
    assert target.is_dir() and not os.listdir(target)


def test_model_that_fails_to_load_is_named(invoke, tmp_path):
    broken = tmp_path / "broken_pipeline"
    broken.mkdir()
    (broken / "config.cfg").write_text('[nlp]\nlang = "xx_nonexistent"\n')
    (broken / "meta.json").write_text("{not json")
    result = invoke("extract", write(tmp_path, "a.txt"), "--model", str(broken))
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"newsclaims: error: cannot load spaCy pipeline '{broken}'")
    assert "Traceback" not in result.stderr


NO_NETWORK = """
import socket, sys
opened = []
LOOPBACK = ("::1", "127.0.0.1", "localhost")
def guard(event, args):
    # urllib3 (imported by spaCy) binds a socket to ::1 to probe for IPv6: loopback is allowed
    if event == "socket.bind" and args[1][0] in LOOPBACK:
        return
    if event in ("socket.connect", "socket.bind", "socket.getaddrinfo", "socket.sendto",
                 "socket.sendmsg", "socket.gethostbyname"):
        opened.append((event, args[1:]))
        raise PermissionError("network use in newsclaims: " + event)
sys.addaudithook(guard)
sys.argv = ["newsclaims"] + sys.argv[1:]
from newsclaims.cli.main import run
try:
    run()
finally:
    print("network-events:", len(opened), opened, file=sys.stderr)
"""


def test_no_network_connection_is_ever_opened(tmp_path):
    src = write(tmp_path, "a.txt")
    proc = subprocess.run(
        [sys.executable, "-c", NO_NETWORK, "extract", src, "--format", "jsonl"],
        capture_output=True,
        timeout=120,
    )
    assert b"network-events: 0 []" in proc.stderr
    assert proc.returncode == 0, proc.stderr
    assert any(r["type"] == "quote" for r in records(proc.stdout))


@pytest.mark.skipif(shutil.which("unshare") is None, reason="no unshare(1)")
def test_runs_in_a_network_less_namespace(tmp_path):
    probe = subprocess.run(["unshare", "-n", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip("network namespaces are not permitted here")
    src = write(tmp_path, "a.txt")
    proc = subprocess.run(
        ["unshare", "-n", *cli_command(), "extract", src], capture_output=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    assert records(proc.stdout)[0]["type"] == "document"


def test_ids_from_input_never_become_paths(invoke, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    evil = ["../../etc/passwd", "/tmp/newsclaims-owned", "..", "a/b/c", "\x00"]
    lines = [orjson.dumps({"id": i, "text": ARTICLE}) for i in evil]
    (tmp_path / "in.jsonl").write_bytes(b"\n".join(lines) + b"\n")
    before = set(os.listdir(tmp_path))
    result = invoke("extract", "in.jsonl", "--format", "jsonl")
    assert result.exit_code == 0
    assert [r["doc"] for r in records(result.stdout) if r["type"] == "document"] == evil
    assert set(os.listdir(tmp_path)) == before
    assert not os.path.exists("/tmp/newsclaims-owned")


def test_input_is_data_never_code():
    """No eval/exec, no pickle or marshal of anything, anywhere in the product."""
    banned_calls = {"eval", "exec", "compile", "__import__"}
    banned_modules = {"pickle", "marshal", "shelve", "dill", "cloudpickle"}
    for path in sorted([*(ROOT / "core").glob("*.py"), *(ROOT / "cli").glob("*.py")]):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                assert node.func.id not in banned_calls, f"{path}: {node.func.id}()"
            if isinstance(node, ast.Import):
                assert not {a.name for a in node.names} & banned_modules, path
            if isinstance(node, ast.ImportFrom):
                assert node.module not in banned_modules, path


def test_internal_error_is_one_line_without_debug(invoke, tmp_path, monkeypatch):
    """A bug outside the per-document guard: one line (a traceback with --debug)."""
    import newsclaims.cli.main

    def broken_run(*args, **kwargs):
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(newsclaims.cli.main, "_run", broken_run)
    src = write(tmp_path, "a.txt")
    result = invoke("extract", src)
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        "newsclaims: error: internal error: RuntimeError: simulated bug "
        "(run with --debug for details)"
    ]
    debug = invoke("extract", src, "--debug")
    assert debug.exit_code != 0
    assert isinstance(debug.exception, RuntimeError)


def test_a_rule_crash_costs_one_document(invoke, tmp_path, monkeypatch):
    """An exception inside the rules for one article: that article fails, the rest is written."""
    import newsclaims.core.assembly

    real = newsclaims.core.assembly.find_quotes

    def flaky(doc, lemmas):
        if "POISON" in doc.text:
            raise ValueError("boom")
        return real(doc, lemmas)

    monkeypatch.setattr(newsclaims.core.assembly, "find_quotes", flaky)
    good = write(tmp_path, "good.txt")
    bad = write(tmp_path, "bad.txt", "POISON " + ARTICLE)
    result = invoke("extract", bad, good, "--format", "jsonl")
    assert result.exit_code == 1
    assert [r["doc"] for r in records(result.stdout) if r["type"] == "document"] == [good]
    errors = [ln for ln in result.stderr.splitlines() if ln.startswith("newsclaims: error")]
    assert errors == [
        f"newsclaims: error: {bad}: internal error while extracting: ValueError: boom"
    ]
