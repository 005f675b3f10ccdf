"""Web pages and crawls in: HTML files and stdin, WARC.gz records, and the language check."""

from __future__ import annotations

import gzip
import sys
from io import BytesIO
from pathlib import Path

import pytest
from conftest import ROOT, records

from newsclaims.core.documents import InputError
from newsclaims.core.html import html_document

FIXTURES = ROOT / "tests" / "fixtures"
PAGE = FIXTURES / "bridge-page.html"
URI = "https://herald.example/2025/03/bridge-reopens"


def by_type(stdout: str | bytes, kind: str) -> list[dict]:
    return [r for r in records(stdout) if r["type"] == kind]


def test_html_page_gives_its_date_title_and_clean_quotes(invoke):
    result = invoke("extract", str(PAGE), "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    doc = records(result.stdout)[0]
    assert doc["text_from"] == "html"
    assert doc["published"] == "2025-03-14" and doc["published_from"] == "input"
    assert doc["title"] == "Harbor Street bridge reopens after repairs"
    assert doc["url"] == URI
    quotes = by_type(result.stdout, "quote")
    direct = [q for q in quotes if q["kind"] == "direct"]
    assert next(q["text"] for q in direct) == "We finished ahead of schedule and under budget"
    assert all("<" not in q["text"] and "&" not in q["text"] for q in quotes)
    names = [s["name"] for s in by_type(result.stdout, "speaker")]
    assert "Ines Duarte" in names and "Paulo Ribeiro" in names
    assert not any("<" in n or "Herald" in n for n in names)


def test_offsets_point_into_the_extracted_text(invoke):
    document = html_document(PAGE.read_text(encoding="utf-8"), "p", "p")
    result = invoke("extract", str(PAGE), "--format", "jsonl")
    assert records(result.stdout)[0]["chars"] == len(document.text)
    for q in by_type(result.stdout, "quote"):
        for part in q["parts"]:  # a quote's words, piece by piece
            assert document.text[part["span"][0] : part["span"][1]] == part["text"]


def test_html_on_stdin_is_sniffed(invoke):
    result = invoke("extract", "--format", "jsonl", input=PAGE.read_bytes())
    assert result.exit_code == 0, result.stderr
    doc = records(result.stdout)[0]
    assert doc["doc"] == "-" and doc["text_from"] == "html"
    assert doc["published"] == "2025-03-14"


def test_input_format_html_forces_it(invoke, tmp_path):
    saved = tmp_path / "saved.txt"
    saved.write_bytes(b"\n\n" + PAGE.read_bytes().split(b"\n", 1)[1])  # no doctype first
    plain = invoke("extract", str(saved), "--format", "jsonl", "--input-format", "text")
    forced = invoke("extract", str(saved), "--format", "jsonl", "--input-format", "html")
    assert records(plain.stdout)[0]["text_from"] == "text"
    assert records(forced.stdout)[0]["text_from"] == "html"


def test_page_without_article_text_is_one_failure(invoke, tmp_path):
    empty = tmp_path / "empty.html"
    empty.write_text("<html><head><title>Nothing</title></head><body></body></html>")
    result = invoke("extract", str(empty), "--format", "jsonl")
    assert result.exit_code == 1
    assert f"error: {empty}: no article text found in the HTML page" in result.stderr


def test_missing_extra_is_named(monkeypatch):
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    with pytest.raises(InputError, match=r"newsclaims\[inputs\]"):
        html_document("<html><body><p>Text.</p></body></html>", "x", "x")


def write_warc(path: Path, pages: list[tuple[str, bytes, str]], date: str) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for uri, body, ctype in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                uri,
                "response",
                payload=BytesIO(body),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": date},
            )
            writer.write_record(record)


def test_warc_gz_record_gives_the_same_records_under_its_uri(invoke, tmp_path):
    crawl = tmp_path / "crawl.warc.gz"
    undated = (
        b"<html><body><article><p>"
        + ("“The market will reopen in June,” said trader Ana Lopes on Tuesday. " * 3).encode()
        + b"</p></article></body></html>"
    )
    write_warc(
        crawl,
        [
            ("https://herald.example/robots.txt", b"User-agent: *\n", "text/plain"),
            (URI, PAGE.read_bytes(), "text/html; charset=utf-8"),
            ("https://herald.example/market", undated, "text/html"),
        ],
        date="2025-04-02T10:00:00Z",
    )
    assert crawl.read_bytes()[:2] == b"\x1f\x8b"
    from_warc = invoke("extract", str(crawl), "--format", "jsonl")
    from_page = invoke("extract", str(PAGE), "--format", "jsonl")
    assert from_warc.exit_code == 0, from_warc.stderr
    docs = by_type(from_warc.stdout, "document")
    assert [d["doc"] for d in docs] == [URI, "https://herald.example/market"]
    assert docs[0]["source"] == f"{crawl}#2"
    assert docs[1]["published"] == "2025-04-02"  # the record's date: the page has none

    def strip(recs: list[dict]) -> list[dict]:
        return [{k: v for k, v in r.items() if k not in ("doc", "source")} for r in recs]

    page_recs = records(from_page.stdout)
    warc_recs = [r for r in records(from_warc.stdout) if r["doc"] == URI]
    assert strip(warc_recs) == strip(page_recs)


def test_warc_found_by_its_first_bytes_and_in_a_walk(invoke, tmp_path):
    crawl = tmp_path / "crawl.warc.gz"
    write_warc(crawl, [(URI, PAGE.read_bytes(), "text/html")], date="2025-04-02T10:00:00Z")
    renamed = tmp_path / "download.bin"
    renamed.write_bytes(crawl.read_bytes())
    result = invoke("extract", str(renamed), "--format", "jsonl")
    assert [d["doc"] for d in by_type(result.stdout, "document")] == [URI]
    walked = invoke("extract", str(tmp_path), "--format", "jsonl")
    assert [d["doc"] for d in by_type(walked.stdout, "document")] == [URI]


def test_broken_gzip_is_one_failure(invoke, tmp_path):
    bad = tmp_path / "cut.jsonl.gz"
    bad.write_bytes(gzip.compress(b'{"id": "a", "text": "x"}\n' * 50)[:30])
    result = invoke("extract", str(bad), "--format", "jsonl")
    assert result.exit_code == 1
    assert f"error: {bad}" in result.stderr and "gzip" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("name", ["rathaus-de.txt", "mercado-es.txt"])
def test_non_english_text_is_skipped_with_one_line(invoke, name):
    path = FIXTURES / name
    result = invoke("extract", str(path), "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    lines = [ln for ln in result.stderr.splitlines() if str(path) in ln]
    assert len(lines) == 1 and "does not look English" in lines[0]
    assert "0 read, 0 written, 0 failed, 1 skipped" in result.stderr
    forced = invoke("extract", str(path), "--format", "jsonl", "--no-language-check")
    assert forced.exit_code == 0
    assert records(forced.stdout)[0]["doc"] == str(path)


def test_english_samples_pass_the_language_check(invoke):
    result = invoke("extract", str(ROOT / "samples"), "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    assert "skipped" not in result.stderr


def test_warc_without_the_extra_names_it(invoke, tmp_path, monkeypatch):
    crawl = tmp_path / "crawl.warc.gz"
    write_warc(crawl, [(URI, PAGE.read_bytes(), "text/html")], date="2025-04-02T10:00:00Z")
    monkeypatch.setitem(sys.modules, "warcio.archiveiterator", None)
    result = invoke("extract", str(crawl), "--format", "jsonl")
    assert result.exit_code == 1
    assert f"error: {crawl}: reading WARC needs the optional extra" in result.stderr
    assert "newsclaims[inputs]" in result.stderr


def test_warc_redirects_and_error_pages_are_passed_over(invoke, tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    crawl = tmp_path / "crawl.warc"
    with crawl.open("wb") as fh:
        writer = WARCWriter(fh, gzip=False)
        for status in ("301 Moved Permanently", "200 OK", "404 Not Found"):
            headers = StatusAndHeaders(status, [("Content-Type", "text/html")], "HTTP/1.1")
            uri = f"https://herald.example/{status[:3]}"
            writer.write_record(
                writer.create_warc_record(
                    uri, "response", payload=BytesIO(PAGE.read_bytes()), http_headers=headers
                )
            )
    result = invoke("extract", str(crawl), "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    assert [d["doc"] for d in by_type(result.stdout, "document")] == ["https://herald.example/200"]
