"""The README's cron recipe, run as cron runs it: the installed tool, an empty environment.

The tool is installed with `uv tool install` into a temporary folder (as the
README says, with uv's folders pointed there); the crontab's lines are taken
from the README: its `PATH=` assignment becomes the job's only environment
variable (`env -i`), and the job line's command is run by `/bin/sh -c` with
cron's `\\%` unescaped, on a day with articles, a day with a bad article and
a day without a folder.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT, records

pytestmark = pytest.mark.slow

README = (ROOT / "README.md").read_text(encoding="utf-8")
ARTICLE = "“The night ferry returns in April,” said harbor master Ines Vidal on Monday.\n"


def crontab() -> tuple[str, str]:
    """The README's crontab: (the folder its PATH names first, the job's command)."""
    section = README.split("## Scheduling with cron", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```cron\n(.*?)```", section, flags=re.S)
    assert block is not None
    lines = [ln for ln in block.group(1).splitlines() if ln.strip() and not ln.startswith("#")]
    path_line, job = lines
    assert path_line.startswith("PATH=") and path_line.endswith(":/usr/bin:/bin")
    fields = job.split(None, 5)
    assert fields[:5] == ["10", "3", "*", "*", "*"]
    command = fields[5]
    # cron turns an unescaped % into a newline: the recipe must escape every one
    assert not re.search(r"(?<!\\)%", command)
    return path_line[len("PATH=") :].split(":")[0], command.replace("\\%", "%")


@pytest.fixture(scope="module")
def tool_bin(tmp_path_factory) -> Path:
    uv = shutil.which("uv")
    if uv is None:
        pytest.fail("uv is not on PATH (the README's install needs it)")
    tmp = tmp_path_factory.mktemp("uv-tool")
    env = {**os.environ, "UV_TOOL_DIR": str(tmp / "tools"), "UV_TOOL_BIN_DIR": str(tmp / "bin")}
    proc = subprocess.run(
        [uv, "tool", "install", "-q", str(ROOT)],
        capture_output=True,
        text=True,
        timeout=600,
        env=env,
    )
    assert proc.returncode == 0, proc.stderr
    assert (tmp / "bin" / "newsclaims").exists()
    return tmp / "bin"


def yesterday() -> str:
    """The day the job reads, computed as the job computes it (same `date`, no TZ)."""
    proc = subprocess.run(
        ["env", "-i", "/bin/sh", "-c", "date -d yesterday +%F"], capture_output=True, text=True
    )
    return proc.stdout.strip()


def run_job(tool_bin: Path, root: Path) -> subprocess.CompletedProcess[str]:
    _, command = crontab()
    command = command.replace("/srv/news", str(root))
    (root / "claims").mkdir(parents=True, exist_ok=True)
    return subprocess.run(
        ["env", "-i", f"PATH={tool_bin}:/usr/bin:/bin", "/bin/sh", "-c", command],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=root,
    )


def test_the_readme_installs_the_tool_and_puts_its_folder_on_the_crontab_path():
    section = README.split("## Scheduling with cron", 1)[1].split("\n## ", 1)[0]
    assert "uv tool install ." in section
    bin_dir, command = crontab()
    assert bin_dir.endswith("/.local/bin")  # uv's default tool bin folder
    assert command.count("newsclaims extract") == 1 and "uv run" not in command


def test_a_night_with_articles_writes_the_dated_file_and_prints_nothing(tool_bin, tmp_path):
    day = yesterday()
    articles = tmp_path / "articles" / day
    articles.mkdir(parents=True)
    (articles / "ferry.txt").write_text(ARTICLE, encoding="utf-8")
    proc = run_job(tool_bin, tmp_path)
    assert proc.returncode == 0, (proc.stdout, proc.stderr)
    assert proc.stdout == "" and proc.stderr == ""  # nothing for cron to mail
    recs = records((tmp_path / "claims" / f"{day}.jsonl").read_bytes())
    assert recs[0]["type"] == "document" and recs[0]["doc"].endswith("ferry.txt")
    assert any(r["type"] == "quote" for r in recs)


def test_a_night_with_a_failed_article_says_so_once(tool_bin, tmp_path):
    day = yesterday()
    articles = tmp_path / "articles" / day
    articles.mkdir(parents=True)
    (articles / "ferry.txt").write_text(ARTICLE, encoding="utf-8")
    (articles / "broken.txt").write_bytes(b"caf\xe9 owners said nothing\n")
    proc = run_job(tool_bin, tmp_path)
    assert proc.returncode == 1
    assert proc.stdout.splitlines() == [
        f"newsclaims: some articles of {day} failed, see {tmp_path}/newsclaims.log"
    ]
    log = (tmp_path / "newsclaims.log").read_text(encoding="utf-8").splitlines()
    assert len(log) == 1
    # the log line carries the time: stderr is a file, not a terminal
    assert re.match(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d newsclaims: error: ", log[0])
    assert "broken.txt: not valid UTF-8" in log[0]
    recs = records((tmp_path / "claims" / f"{day}.jsonl").read_bytes())
    assert [r["doc"] for r in recs if r["type"] == "document"] == [str(articles / "ferry.txt")]


def test_a_night_without_a_folder_writes_nothing_and_prints_nothing(tool_bin, tmp_path):
    proc = run_job(tool_bin, tmp_path)
    assert proc.returncode == 0
    assert proc.stdout == "" and proc.stderr == ""
    assert list((tmp_path / "claims").iterdir()) == []
    assert not (tmp_path / "newsclaims.log").exists()


def test_a_missing_command_is_not_reported_as_failed_articles(tmp_path):
    """Under cron, a PATH without newsclaims must not read as "some articles failed"."""
    day = yesterday()
    (tmp_path / "articles" / day).mkdir(parents=True)
    (tmp_path / "articles" / day / "ferry.txt").write_text(ARTICLE, encoding="utf-8")
    proc = run_job(tmp_path / "no-bin", tmp_path)
    assert proc.returncode == 127
    assert proc.stdout.splitlines() == [
        f"newsclaims: no run for {day} (exit status 127), see {tmp_path}/newsclaims.log"
    ]
