"""The package as others install it: one top-level name, a typed public API.

These build the wheel with uv (as CI and users do), install it into a fresh
virtual environment and into a `uv tool` folder, and run what a user would.
uv's cache holds the dependencies, so nothing is downloaded twice.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT

pytestmark = pytest.mark.slow


def _uv() -> str:
    exe = shutil.which("uv")
    if exe is None:
        pytest.fail("uv is not on PATH (the README's install needs it)")
    return exe


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    proc = subprocess.run(
        [_uv(), "build", "--wheel", "--out-dir", str(out), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    (found,) = out.glob("newsclaims-*.whl")
    return found


def test_the_wheel_holds_only_the_newsclaims_package(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    top = {n.split("/")[0] for n in names}
    assert top == {"newsclaims", wheel.name.split("-py3")[0] + ".dist-info"}
    assert "newsclaims/py.typed" in names
    assert "newsclaims/core/schema.json" in names
    assert "newsclaims/core/data/cue_verbs.tsv" in names
    assert "newsclaims/cli/main.py" in names and "newsclaims/core/extract.py" in names
    assert not [n for n in names if n.endswith(("ruff.toml", "pyproject.toml"))]
    assert not [n for n in names if n.startswith(("tests/", "benchmarks/", "samples/"))]
    entry_points = zipfile.ZipFile(wheel).read(
        next(n for n in names if n.endswith("entry_points.txt"))
    )
    assert b"newsclaims = newsclaims.cli.launch:run" in entry_points


def test_the_wheel_in_a_clean_venv_runs_and_shadows_nothing(wheel, tmp_path):
    venv = tmp_path / "venv"
    uv = _uv()
    subprocess.run([uv, "venv", "-q", "--python", sys.executable, str(venv)], check=True)
    python = venv / "bin" / "python"
    proc = subprocess.run(
        [uv, "pip", "install", "-q", "--python", str(python), str(wheel)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    site = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    assert (site / "newsclaims" / "__init__.py").exists()
    for name in ("cli", "core", "tests", "benchmarks", "samples"):
        assert not (site / name).exists(), name
    # run from a folder where the checkout's cli/ and core/ cannot be picked up
    code = (
        "import importlib.util as u, newsclaims\n"
        "from newsclaims import Extractor, Quote, Speaker, Event, Document\n"
        "print(newsclaims.__version__, [u.find_spec(m) for m in ('cli', 'core')])\n"
        "r = Extractor().extract_text('“We are ready,” said Mayor Ana Ruiz on Friday.')\n"
        "print(r.quotes[0].speaker.name, '|', r.quotes[0].text)\n"
    )
    proc = subprocess.run(
        [str(python), "-c", code], capture_output=True, text=True, timeout=120, cwd=tmp_path
    )
    assert proc.returncode == 0, proc.stderr
    version_line, quote_line = proc.stdout.splitlines()
    assert version_line == "0.1.0 [None, None]"
    speaker, _, text = quote_line.partition(" | ")
    assert "Ana Ruiz" in speaker and text == "We are ready"
    proc = subprocess.run(
        [str(venv / "bin" / "newsclaims"), "extract", str(ROOT / "samples" / "harbor-bridge.txt")],
        capture_output=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith(b'{"type":"document"')


def test_uv_tool_install_gives_a_command_that_runs_without_any_environment(tmp_path):
    env = {
        **os.environ,
        "UV_TOOL_DIR": str(tmp_path / "tools"),
        "UV_TOOL_BIN_DIR": str(tmp_path / "bin"),
    }
    proc = subprocess.run(
        [_uv(), "tool", "install", "-q", str(ROOT)],
        capture_output=True,
        text=True,
        timeout=600,
        env=env,
    )
    assert proc.returncode == 0, proc.stderr
    proc = subprocess.run(
        ["env", "-i", str(tmp_path / "bin" / "newsclaims"), "--version"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("newsclaims 0.1.0\n")


def test_the_public_api_is_typed_and_lazy():
    code = (
        "import sys, newsclaims\n"
        "assert 'spacy' not in sys.modules, 'import newsclaims must not import spaCy'\n"
        "from newsclaims import Extractor\n"
        "assert 'spacy' in sys.modules\n"
        "from newsclaims.core.extract import Extractor as E\n"
        "assert Extractor is E and newsclaims.Quote is newsclaims.QuoteRecord\n"
        "missing = [n for n in newsclaims.__all__ if not hasattr(newsclaims, n)]\n"
        "assert not missing, missing\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd="/")
    assert proc.returncode == 0, proc.stderr
    assert (ROOT / "src" / "newsclaims" / "py.typed").exists()
