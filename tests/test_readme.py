"""The README stays true: its quick start, options and example record are checked."""

from __future__ import annotations

import re

import orjson
from conftest import GOLDEN, ROOT, records

README = (ROOT / "README.md").read_text(encoding="utf-8")


def fenced(lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", README, flags=re.S)


def test_quick_start_is_two_commands():
    quick = README.split("## Quick start", 1)[1]
    first_sh = re.search(r"```sh\n(.*?)```", quick, flags=re.S)
    assert first_sh is not None
    commands = [
        ln for ln in first_sh.group(1).splitlines() if ln.strip() and not ln.startswith("#")
    ]
    assert commands == ["uv run newsclaims extract samples/harbor-bridge.txt", "uv run pytest"]


def test_every_option_in_the_readme_exists(invoke):
    help_text = invoke("extract", "--help").stdout + invoke("--help").stdout
    options = set(re.findall(r"(?<![\w-])(--[a-z][a-z-]+)", README))
    options -= {"--check", "--fix"}  # ruff's, in the development section
    # other programs' options, in the performance and cron sections: uv's and dask's
    options -= {"--compile-bytecode", "--extra", "--nthreads", "--bin", "--reinstall"}
    # the shared event scorer's (../shared/eval/score_events.py), in the accuracy section
    options -= {"--gold", "--system"}
    # the benchmark's own, which must exist there
    bench = (ROOT / "benchmarks" / "bench.py").read_text(encoding="utf-8")
    options -= {o for o in ("--workers-scaling", "--rounds", "--docs") if f'"{o}"' in bench}
    missing = sorted(o for o in options if o not in help_text)
    assert not missing


def test_usage_commands_on_samples_run(invoke, monkeypatch, tmp_path):
    """Every `uv run newsclaims extract samples/...` line of the usage block works as shown."""
    monkeypatch.chdir(ROOT)
    usage = fenced("sh")[1]
    ran = 0
    for line in usage.splitlines():
        line = line.strip()
        if not line.startswith("uv run newsclaims extract samples/"):
            continue
        args = line.split()[3:]
        for option in ("--output", "--db"):  # write into the test's folder, not the checkout
            if option in args:
                i = args.index(option) + 1
                args[i] = str(tmp_path / args[i])
        result = invoke(*args)
        assert result.exit_code == 0, (line, result.stderr)
        ran += 1
    assert ran >= 3


def test_example_quote_record_is_real_output():
    block = fenced("json")[0]
    example = orjson.loads(" ".join(block.split("\n")))
    golden = records((GOLDEN / "harbor-bridge.txt.out.jsonl").read_bytes())
    real = next(r for r in golden if r["type"] == "quote" and r["id"] == example["id"])
    assert {k: real[k] for k in example} == example


def test_library_example_runs_as_shown(tmp_path):
    """The "Use as a library" example, run as a script outside the checkout."""
    import subprocess
    import sys

    section = README.split("## Use as a library", 1)[1].split("\n## ", 1)[0]
    code = re.search(r"```python\n(.*?)```", section, flags=re.S)
    assert code is not None
    proc = subprocess.run(
        [sys.executable, "-c", code.group(1)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr
    first, second = proc.stdout.splitlines()
    assert "Ana Ruiz" in first and first.endswith("| We are ready")
    assert second.startswith("a1 [") and "'voted'" in second
