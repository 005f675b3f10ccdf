"""Reading inputs robustly: what a walk reads and skips, odd names, odd streams, ids, dates.

Cases with file types, bytes in names or endless streams run the real
command in a subprocess; the rest run in-process.
"""

from __future__ import annotations

import gzip
import os
import socket
import subprocess

import orjson
import pytest
from conftest import cli_command, records

from newsclaims.cli.sources import ReadReport, expand
from newsclaims.core.records import Failure

GOOD = "“We will rebuild the library,” said Mayor Ines Duarte on Monday.\n"
OTHER = "“The ferry will run again in May,” said harbour master Nils Berg on Friday.\n"


def run(args: list[str | bytes], stdin: bytes | None = None, timeout: float = 120, **kw):
    cmd = [os.fsencode(a) if isinstance(a, str) else a for a in [*cli_command(), *args]]
    return subprocess.run(
        cmd,
        input=stdin,
        stdin=None if stdin is not None else subprocess.DEVNULL,
        capture_output=True,
        timeout=timeout,
        **kw,
    )


def docs(stdout: bytes) -> list[str]:
    return [r["doc"] for r in records(stdout) if r["type"] == "document"]


def test_walk_reads_article_files_of_every_kind_and_names_what_it_skips(tmp_path):
    """FIFOs and sockets are skipped (no hang), other files named with -v, links walked once."""
    top = tmp_path / "news"
    top.mkdir()
    (top / "a.txt").write_text(GOOD)
    (top / "B.TXT").write_text(OTHER)
    (top / "c.text").write_text(GOOD.replace("Monday", "Tuesday"))
    (top / "d.ndjson").write_bytes(orjson.dumps({"id": "nd1", "text": OTHER + " Again."}) + b"\n")
    with gzip.open(top / "e.jsonl.gz", "wb") as fh:
        fh.write(orjson.dumps({"id": "gz1", "text": GOOD + " Later."}) + b"\n")
    (top / "notes.md").write_text("# not an article")
    os.mkfifo(top / "fifo.txt")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(top / "sock.txt"))
    (top / "dangling.txt").symlink_to(top / "gone.txt")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "linked.txt").write_text(OTHER.replace("Friday", "Sunday"))
    (top / "link").symlink_to(elsewhere)
    (elsewhere / "back").symlink_to(top)  # a loop: news/link/back is news again
    try:
        proc = run(["extract", str(top), "-v", "--format", "jsonl"], timeout=180)
    finally:
        sock.close()
    err = proc.stderr.decode()
    assert proc.returncode == 1, err  # the dangling link is an error
    assert sorted(docs(proc.stdout)) == sorted(
        [
            str(top / "B.TXT"),
            str(top / "a.txt"),
            str(top / "c.text"),
            "nd1",
            "gz1",
            str(top / "link" / "linked.txt"),
        ]
    )
    assert f"skipped {top / 'fifo.txt'}: a FIFO, not a regular file" in err
    assert f"skipped {top / 'sock.txt'}: a socket, not a regular file" in err
    assert f"skipped {top / 'notes.md'}: not an article file" in err
    assert f"skipped {top / 'link' / 'back'}: directory already walked" in err
    assert f"error: {top / 'dangling.txt'}: cannot read: No such file or directory" in err
    assert "7 read, 6 written, 1 failed, 4 skipped" in err


def test_walk_without_verbose_counts_skips_but_does_not_list_them(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "notes.md").write_text("# not an article")
    proc = run(["extract", str(tmp_path), "--format", "jsonl"])
    err = proc.stderr.decode()
    assert proc.returncode == 0, err
    assert "notes.md" not in err
    assert "1 read, 1 written, 0 failed, 1 skipped" in err


def test_unreadable_subdirectory_gets_an_error_line(tmp_path, monkeypatch):
    """As root, permissions do not stop reading: the refusal is simulated."""
    (tmp_path / "a.txt").write_text(GOOD)
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.txt").write_text(GOOD)
    real_scandir = os.scandir

    def scandir(path):
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    items = list(expand([str(tmp_path)], ReadReport()))
    assert items[0] == str(tmp_path / "a.txt")
    assert items[1] == Failure(str(locked), "cannot read directory: Permission denied")
    assert len(items) == 2


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_gets_an_error_line(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD)
    locked = tmp_path / "b.txt"
    locked.write_text(GOOD)
    locked.chmod(0)
    proc = run(["extract", str(tmp_path), "--format", "jsonl"])
    assert proc.returncode == 1
    assert f"error: {locked}: cannot read: Permission denied" in proc.stderr.decode()


def test_name_that_is_not_utf8_fails_alone(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD)
    bad = os.path.join(os.fsencode(tmp_path), b"caf\xe9.txt")
    with open(bad, "wb") as fh:
        fh.write(OTHER.encode())
    for target in (os.fsencode(tmp_path), bad):
        proc = run(["extract", target, os.fsencode(tmp_path / "good.txt"), "-f", "jsonl"])
        err = proc.stderr.decode()
        assert proc.returncode == 1, err
        assert "Traceback" not in err and "internal error" not in err
        assert f"error: {tmp_path}/caf\\xe9.txt: file name is not valid UTF-8" in err
        assert str(tmp_path / "good.txt") in docs(proc.stdout)


@pytest.mark.parametrize("fmt", ["auto", "jsonl", "text"])
def test_stdin_without_newlines_is_bounded_by_max_chars(fmt):
    with open("/dev/zero", "rb") as zero:
        proc = subprocess.run(
            [*cli_command(), "extract", "--max-chars", "1000", "--input-format", fmt],
            stdin=zero,
            capture_output=True,
            timeout=60,
        )
    err = proc.stderr.decode()
    assert proc.returncode == 1, err
    assert "error: -" in err and "document too large" in err


def test_text_stdin_with_a_json_first_line_stays_text(invoke):
    text = '{"note": "an object"}\n' + GOOD + "The council met on Tuesday.\n"
    result = invoke("extract", "--format", "jsonl", input=text.encode())
    assert result.exit_code == 0, result.stderr
    recs = records(result.stdout)
    assert [r["doc"] for r in recs if r["type"] == "document"] == ["-"]
    assert recs[0]["chars"] == len(text)


def test_jsonl_stdin_is_still_sniffed(invoke):
    lines = b"".join(orjson.dumps({"id": f"d{i}", "text": GOOD}) + b"\n" for i in range(3))
    result = invoke("extract", "--format", "jsonl", input=lines)
    assert result.exit_code == 0, result.stderr
    assert [r["doc"] for r in records(result.stdout) if r["type"] == "document"] == [
        "d0",
        "d1",
        "d2",
    ]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-32-be"])
def test_utf16_and_utf32_with_a_bom_are_decoded(invoke, tmp_path, encoding):
    path = tmp_path / "wide.txt"
    data = GOOD.encode(encoding)
    if encoding.endswith("-be"):
        data = ("\ufeff" + GOOD).encode(encoding)
    path.write_bytes(data)
    result = invoke("extract", str(path), "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    recs = records(result.stdout)
    assert recs[0]["chars"] == len(GOOD)
    quotes = [r for r in recs if r["type"] == "quote"]
    assert quotes and all(GOOD[r["span"][0] : r["span"][1]] == r["text"] for r in quotes)


def test_gzip_on_stdin_and_in_text_files(invoke, tmp_path):
    path = tmp_path / "a.txt.gz"
    path.write_bytes(gzip.compress(GOOD.encode()))
    result = invoke(
        "extract",
        str(path),
        "-",
        "--format",
        "jsonl",
        input=gzip.compress(orjson.dumps({"id": "piped", "text": OTHER}) + b"\n"),
    )
    assert result.exit_code == 0, result.stderr
    assert [r["doc"] for r in records(result.stdout) if r["type"] == "document"] == [
        str(path),
        "piped",
    ]
    assert records(result.stdout)[0]["chars"] == len(GOOD)


def test_ndjson_given_by_name_is_json_lines(invoke, tmp_path):
    path = tmp_path / "feed.ndjson"
    path.write_bytes(orjson.dumps({"id": "n1", "text": GOOD}) + b"\n")
    result = invoke("extract", str(path), "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    assert records(result.stdout)[0]["doc"] == "n1"


def test_duplicate_ids_are_warned_once_each_and_made_distinct(invoke, tmp_path):
    path = tmp_path / "dups.jsonl"
    lines = [
        b'{"id": "a", "text": "' + GOOD.strip().encode() + b'"}',
        b'{"id": "a", "text": "' + OTHER.strip().encode() + b'"}',
        b'{"id": 123456789012345678901234567890, "text": "Plain text one."}',
        b'{"id": 123456789012345678901234567891, "text": "Plain text two."}',
        b'{"id": 1.50, "text": "Plain text three."}',
        b'{"id": true, "text": "Plain text four."}',
    ]
    path.write_bytes(b"\n".join(lines) + b"\n")
    result = invoke("extract", str(path), str(path), "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    ids = [r["doc"] for r in records(result.stdout) if r["type"] == "document"]
    first = ["a", "a#2", "123456789012345678901234567890", "123456789012345678901234567891"]
    first += ["1.50", "true"]
    assert ids[:6] == first
    assert ids[6:] == ["a#3", "a#4", *(f"{i}#2" for i in first[2:])]
    warnings = [ln for ln in result.stderr.splitlines() if "duplicate id" in ln]
    assert len(warnings) == 7
    assert warnings[0].endswith(f"{path}:2: duplicate id 'a', written as 'a#2'")
    assert len(set(ids)) == len(ids)


def test_field_errors_once_per_file_with_fields_present(invoke, tmp_path):
    path = tmp_path / "other.jsonl"
    with path.open("wb") as fh:
        for i in range(1000):
            fh.write(orjson.dumps({"id": i, "content": {"body": GOOD}, "lang": "en"}) + b"\n")
    result = invoke("extract", str(path), "--format", "jsonl")
    errors = [ln for ln in result.stderr.splitlines() if "error:" in ln]
    assert result.exit_code == 1
    assert errors == [
        f"newsclaims: error: {path}:1: no 'text' field (fields present: id, content, "
        "content.body, lang; name the text field with --text-field)",
        f"newsclaims: error: {path}: 999 more lines with the same error as {path}:1",
    ]
    assert "1000 read, 0 written, 1000 failed" in result.stderr
    nested = invoke("extract", str(path), "--text-field", "content.body", "--format", "jsonl")
    assert nested.exit_code == 0, nested.stderr
    assert "1000 read, 1000 written, 0 failed" in nested.stderr


@pytest.mark.parametrize("value", ["2021-11-12garbage", "20211112", "2021-W45-5", "2021-13-01"])
def test_published_is_strict_iso(invoke, tmp_path, value):
    path = tmp_path / "d.jsonl"
    path.write_bytes(orjson.dumps({"id": "d", "text": GOOD, "published": value}) + b"\n")
    result = invoke("extract", str(path), "--format", "jsonl")
    assert result.exit_code == 1
    assert f"published date {value!r} is not YYYY-MM-DD" in result.stderr
    option = invoke("extract", str(path), "--published", value)
    assert option.exit_code == 2
    assert "YYYY-MM-DD" in option.stderr


def test_published_with_a_time_part_is_accepted(invoke, tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_bytes(
        orjson.dumps({"id": "d", "text": GOOD, "published": "2021-11-12T08:30:00Z"}) + b"\n"
    )
    result = invoke("extract", str(path), "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    assert records(result.stdout)[0]["published"] == "2021-11-12"
