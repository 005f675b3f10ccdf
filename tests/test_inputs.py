"""Bad input: one clear error line naming it, exit 1, everything else still written."""

from __future__ import annotations

from pathlib import Path

import orjson
from conftest import records

GOOD = "“We will rebuild the library,” said Mayor Ines Duarte on Monday.\n"


def run_with_good(invoke, tmp_path: Path, bad: str, *extra: str):
    """Run the bad input next to a good article; return result and error lines."""
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    result = invoke("extract", bad, str(good), "--format", "jsonl", *extra)
    errors = [ln for ln in result.stderr.splitlines() if ln.startswith("newsclaims: error:")]
    return result, errors


def written_docs(result) -> list[str]:
    return [r["doc"] for r in records(result.stdout) if r["type"] == "document"]


def test_missing_file(invoke, tmp_path):
    bad = str(tmp_path / "missing.txt")
    result, errors = run_with_good(invoke, tmp_path, bad)
    assert result.exit_code == 1
    assert errors == [f"newsclaims: error: {bad}: no such file or directory"]
    assert written_docs(result) == [str(tmp_path / "good.txt")]


def test_directory_without_articles(invoke, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "readme.md").write_text("not an article")
    result, errors = run_with_good(invoke, tmp_path, str(empty))
    assert result.exit_code == 1
    assert errors == [
        f"newsclaims: error: {empty}: directory holds no article files "
        "(.txt, .text, .jsonl, .ndjson, .html, .htm, .warc)"
    ]
    assert len(written_docs(result)) == 1


def test_empty_file(invoke, tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_text("  \n\n")
    result, errors = run_with_good(invoke, tmp_path, str(bad))
    assert result.exit_code == 1
    assert errors == [f"newsclaims: error: {bad}: empty document (no text)"]
    assert len(written_docs(result)) == 1


def test_binary_file(invoke, tmp_path):
    bad = tmp_path / "image.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    result, errors = run_with_good(invoke, tmp_path, str(bad))
    assert result.exit_code == 1
    assert len(errors) == 1 and str(bad) in errors[0] and "binary" in errors[0]


def test_invalid_utf8_is_an_error_not_a_lossy_decode(invoke, tmp_path):
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Le ministre a déclaré".encode("latin-1"))
    result, errors = run_with_good(invoke, tmp_path, str(bad))
    assert result.exit_code == 1
    assert len(errors) == 1
    assert "not valid UTF-8" in errors[0] and "0xe9" in errors[0]


def test_bom_is_removed_and_offsets_hold(invoke, tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + GOOD.encode())
    result = invoke("extract", str(path), "--format", "jsonl")
    assert result.exit_code == 0
    for rec in records(result.stdout):
        if rec["type"] == "quote":
            assert all(GOOD[slice(*p["span"])] == p["text"] for p in rec["parts"])
    assert records(result.stdout)[0]["chars"] == len(GOOD)


def test_jsonl_bad_lines_are_named_by_line(invoke, tmp_path):
    lines = [
        orjson.dumps({"id": "ok1", "text": GOOD}),
        b"{not json",
        orjson.dumps({"id": "no-text"}),
        orjson.dumps({"id": "number", "text": 42}),
        b"",
        orjson.dumps(["a", "list"]),
        orjson.dumps({"id": "bad-date", "text": GOOD, "published": "yesterday"}),
        b'{"id": "bad-utf8", "text": "caf\xe9"}',
        orjson.dumps({"id": "ok2", "text": GOOD}),
    ]
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    result = invoke("extract", str(path), "--format", "jsonl")
    assert result.exit_code == 1
    assert written_docs(result) == ["ok1", "ok2"]
    errors = [ln for ln in result.stderr.splitlines() if "error" in ln]
    assert [e.split(": ")[2] for e in errors] == [
        f"{path}:2",
        f"{path}:3",
        f"{path}:4",
        f"{path}:6",
        f"{path}:7",
        f"{path}:8",
    ]
    assert "invalid JSON" in errors[0]
    assert "no 'text' field" in errors[1]
    assert "'text' is int, not a string" in errors[2]
    assert "8 read, 2 written, 6 failed" in result.stderr


def test_document_over_max_chars_is_refused_alone(invoke, tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("Filler words without quotes. " * 200)
    result, errors = run_with_good(invoke, tmp_path, str(big), "--max-chars", "1000")
    assert result.exit_code == 1
    assert len(errors) == 1 and "document too large" in errors[0] and str(big) in errors[0]
    assert written_docs(result) == [str(tmp_path / "good.txt")]


def test_unbalanced_quotation_marks_lose_nothing_else(extract):
    text = (
        "The council met on Tuesday. “This sentence opens a quote and never closes it.\n\n"
        "Members argued for an hour. “The budget is balanced,” said treasurer Omar Haddad.\n\n"
        'A stray ” mark and a lone " straight one sit here.\n\n'
        "“We will vote again in May,” said council chair Rita Blum."
    )
    ex = extract(text)
    quotes = [q for q in ex.quotes if q.kind == "direct"]
    assert [q.text for q in quotes] == ["The budget is balanced", "We will vote again in May"]
    assert [q.speaker.name if q.speaker else None for q in quotes] == ["Omar Haddad", "Rita Blum"]


def test_long_document_is_chunked_with_true_offsets(extractor):
    """A document longer than the chunk size is parsed in pieces, offsets unchanged."""
    from newsclaims.core.extract import Extractor

    small = Extractor(extractor.nlp, chunk_chars=400)
    paragraph = (
        "“The bridge will reopen in March,” said engineer Paula Grant on Friday. "
        "Traffic has been diverted since last year.\n\n"
    )
    text = paragraph * 12
    ex = small.extract_text(text)
    directs = [q for q in ex.quotes if q.kind == "direct"]
    assert len(directs) == 12
    for q in ex.quotes:
        assert all(text[p.span[0] : p.span[1]] == p.text for p in q.parts)
        assert (
            q.speaker is not None
            and text[q.speaker.span[0] : q.speaker.span[1]] == q.speaker.mention
        )
    for e in ex.events:
        assert text[e.trigger.span[0] : e.trigger.span[1]] == e.trigger.text
    # one roster entry for the engineer across all chunks
    grant = [s for s in ex.speakers if s.name == "Paula Grant"]
    assert len(grant) == 1 and grant[0].quotes == 12
