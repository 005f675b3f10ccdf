"""Inputs at scale: a 50 MB article and a 100,000-line JSON Lines file."""

from __future__ import annotations

import subprocess
from pathlib import Path

import orjson
from conftest import cli_command, unstamped

ARTICLE = "“The pier reopens in spring,” said harbor master Ada Vance on Monday.\n"


def test_fifty_megabyte_article_fails_alone_without_reading_it_all(tmp_path: Path):
    big = tmp_path / "huge.txt"
    with big.open("wb") as fh:
        chunk = (ARTICLE * 1000).encode()
        while fh.tell() < 50 * 1024 * 1024:
            fh.write(chunk)
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    proc = subprocess.run(
        ["/usr/bin/time", "-f", "maxrss_kb=%M", *cli_command(), "extract", str(big), str(good)],
        capture_output=True,
        timeout=600,
    )
    assert proc.returncode == 1
    err = unstamped(proc.stderr)  # stderr is a pipe: newsclaims stamps its lines
    errors = [ln for ln in err if ln.startswith("newsclaims: error:")]
    assert len(errors) == 1 and str(big) in errors[0] and "too large" in errors[0]
    docs = [orjson.loads(x)["doc"] for x in proc.stdout.splitlines()]
    assert str(good) in docs
    assert "newsclaims: 2 read, 1 written, 1 failed" in err
    rss_kb = int(err[-1].split("maxrss_kb=", 1)[1].split()[0])
    assert rss_kb < 1_000_000  # bounded read: the 50 MB file is not decoded or parsed


def test_hundred_thousand_lines_are_all_accounted_for(tmp_path: Path):
    """Every line ends up in the output or in an error line: 100,000 lines, 1,000 real articles."""
    src = tmp_path / "lines.jsonl"
    with src.open("wb") as fh:
        for i in range(100_000):
            if i % 100 == 0:
                obj = {"id": f"a{i}", "text": ARTICLE, "published": "2024-04-01"}
            else:
                obj = {"id": f"x{i}"}  # no text: a failure named by its line
            fh.write(orjson.dumps(obj) + b"\n")
    proc = subprocess.run(
        [*cli_command(), "extract", str(src), "--only", "quotes"], capture_output=True, timeout=1800
    )
    assert proc.returncode == 1
    docs = [r for r in map(orjson.loads, proc.stdout.splitlines()) if r["type"] == "document"]
    assert [d["doc"] for d in docs] == [f"a{i}" for i in range(0, 100_000, 100)]
    err = unstamped(proc.stderr)
    errors = [ln for ln in err if ln.startswith("newsclaims: error:")]
    # the same mistake on 99,000 lines: said once, with the count (issue #15)
    assert errors == [
        f"newsclaims: error: {src}:2: no 'text' field (fields present: id; "
        "name the text field with --text-field)",
        f"newsclaims: error: {src}: 98,999 more lines with the same error as {src}:2",
    ]
    assert err[-1] == "newsclaims: 100000 read, 1000 written, 99000 failed"
