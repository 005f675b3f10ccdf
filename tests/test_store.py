"""The SQLite store and stable ids: a round trip, identical reruns, --skip-seen, edits."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from dataclasses import replace
from pathlib import Path

from conftest import SAMPLES, records

from newsclaims.core.assembly import stable_ids


def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for path in sorted(SAMPLES.glob("*.txt")):
        shutil.copy(path, folder / path.name)
    return folder


def rows(db: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


def test_round_trip_matches_the_json_lines(invoke, tmp_path):
    folder = corpus(tmp_path)
    db = tmp_path / "claims.db"
    stored = invoke("extract", str(folder), "--db", str(db))
    assert stored.exit_code == 0, stored.stderr
    assert stored.stdout == ""  # with --db alone, records go to the database
    out = records(invoke("extract", str(folder), "--format", "jsonl").stdout)
    for table, kind in (("speakers", "speaker"), ("quotes", "quote"), ("events", "event")):
        want = sorted((r["doc"], r["id"]) for r in out if r["type"] == kind)
        assert sorted(rows(db, f"SELECT doc, id FROM {table}")) == want
    docs = {r["hash"]: r for r in out if r["type"] == "document"}
    got = rows(db, "SELECT hash, doc, published, quotes, pipeline FROM documents")
    assert {h: (d, p, q, pl) for h, d, p, q, pl in got} == {
        h: (r["doc"], r["published"], r["quotes"], r["pipeline"]) for h, r in docs.items()
    }
    quote = next(r for r in out if r["type"] == "quote" and r["speaker"] and r["date"])
    [(text, start, end, name, date_start)] = rows(
        db,
        "SELECT text, span_start, span_end, speaker_name, date_start FROM quotes "
        f"WHERE id = '{quote['id']}'",
    )
    assert (text, [start, end], name, date_start) == (
        quote["text"],
        quote["span"],
        quote["speaker"]["name"],
        quote["date"]["start"],
    )
    # foreign keys and indexes as documented
    assert rows(db, "PRAGMA foreign_key_list(quotes)")[0][2:5] == ("documents", "doc_hash", "hash")
    indexes = {r[0] for r in rows(db, "SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"idx_quotes_doc", "idx_speakers_name", "idx_events_date_start_date_end"} <= indexes
    assert rows(db, "PRAGMA foreign_key_check") == []


def test_two_runs_over_one_folder_give_an_identical_database(invoke, tmp_path):
    folder = corpus(tmp_path)
    db = tmp_path / "claims.db"
    assert invoke("extract", str(folder), "--db", str(db)).exit_code == 0
    first = db.read_bytes()
    again = invoke("extract", str(folder), "--db", str(db))
    assert again.exit_code == 0, again.stderr
    assert db.read_bytes() == first


def test_skip_seen_skips_before_parsing(invoke, tmp_path):
    folder = corpus(tmp_path)
    db = tmp_path / "claims.db"
    assert invoke("extract", str(folder), "--db", str(db)).exit_code == 0
    first = db.read_bytes()
    new = folder / "new.txt"
    new.write_text("“The pool opens on Saturday,” said park manager Lena Ortiz on Monday.\n")
    result = invoke("extract", str(folder), "--db", str(db), "--skip-seen", "-v")
    assert result.exit_code == 0, result.stderr
    assert "1 read, 1 written, 0 failed, 3 skipped" in result.stderr
    assert "already in the database" in result.stderr
    assert db.read_bytes() != first
    assert rows(db, f"SELECT count(*) FROM documents WHERE doc = '{new}'") == [(1,)]


def test_an_edited_article_replaces_its_own_rows(invoke, tmp_path):
    folder = corpus(tmp_path)
    db = tmp_path / "claims.db"
    assert invoke("extract", str(folder), "--db", str(db)).exit_code == 0
    path = folder / "harbor-bridge.txt"
    before = rows(db, f"SELECT hash FROM documents WHERE doc = '{path}'")
    path.write_text(path.read_text(encoding="utf-8").replace("$42 million", "$43 million"))
    assert invoke("extract", str(folder), "--db", str(db)).exit_code == 0
    after = rows(db, f"SELECT hash FROM documents WHERE doc = '{path}'")
    assert len(after) == 1 and after != before
    assert rows(db, f"SELECT count(*) FROM quotes WHERE doc_hash = '{before[0][0]}'") == [(0,)]
    assert rows(db, f"SELECT count(*) FROM quotes WHERE doc_hash = '{after[0][0]}'")[0][0] > 0
    assert rows(db, "SELECT count(*) FROM documents") == [(3,)]


def test_skip_seen_needs_db(invoke, tmp_path):
    result = invoke("extract", str(SAMPLES), "--skip-seen")
    assert result.exit_code == 2
    assert "--db" in result.stderr


def test_db_and_output_file_together(invoke, tmp_path):
    db, out = tmp_path / "c.db", tmp_path / "out.jsonl"
    result = invoke("extract", str(SAMPLES), "--db", str(db), "--output", str(out))
    assert result.exit_code == 0, result.stderr
    n_docs = sum(1 for r in records(out.read_bytes()) if r["type"] == "document")
    assert rows(db, "SELECT count(*) FROM documents") == [(n_docs,)]


def test_content_hash_and_pipeline_on_the_document_record(extract):
    text = "“The pier will close for a week,” said harbour master Nils Berg on Friday.\n"
    ex = extract(text)
    assert ex.document.hash == hashlib.sha256(text.encode()).hexdigest()
    assert ex.document.pipeline.startswith("newsclaims ")
    assert ex.document.text_from == "text"


def test_ids_come_from_content_not_position(extract):
    text = (
        "“The pier will close for a week,” said harbour master Nils Berg on Friday.\n\n"
        "Councillor Rosa Lind said the repairs were overdue and would cost more than planned.\n"
    )
    ex = extract(text)
    assert ex.quotes and ex.events and ex.speakers
    assert all(not q.id[1:].isdigit() for q in ex.quotes)
    assert extract(text).quotes == ex.quotes  # the same in a second run
    # the same records numbered in another order keep their ids
    renumber = {s.id: f"s{n}" for n, s in enumerate(reversed(ex.speakers))}

    def positional(q, n):
        ref = q.speaker
        if ref is not None and ref.id is not None:
            ref = replace(ref, id=renumber[ref.id])
        return replace(q, id=f"q{n}", speaker=ref)

    shuffled = replace(
        ex,
        speakers=[replace(s, id=renumber[s.id]) for s in reversed(ex.speakers)],
        quotes=[positional(q, n) for n, q in enumerate(reversed(ex.quotes))],
        events=[replace(e, id=f"e{n}", reported_by=None) for n, e in enumerate(ex.events)],
    )
    again = stable_ids(shuffled)
    assert sorted(q.id for q in again.quotes) == sorted(q.id for q in ex.quotes)
    assert sorted(s.id for s in again.speakers) == sorted(s.id for s in ex.speakers)
    assert {(q.id, q.speaker.id if q.speaker else None) for q in again.quotes} == {
        (q.id, q.speaker.id if q.speaker else None) for q in ex.quotes
    }
    # references follow the ids
    speaker_ids = {s.id for s in ex.speakers}
    quote_ids = {q.id for q in ex.quotes}
    assert all(q.speaker.id in speaker_ids for q in ex.quotes if q.speaker and q.speaker.id)
    assert all(e.reported_by in quote_ids for e in ex.events if e.reported_by)
    assert len({*quote_ids, *speaker_ids, *(e.id for e in ex.events)}) == (
        len(ex.quotes) + len(ex.speakers) + len(ex.events)
    )


def test_missing_extra_is_named(invoke, tmp_path, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "sqlite_utils", None)
    result = invoke("extract", str(SAMPLES / "harbor-bridge.txt"), "--db", str(tmp_path / "c.db"))
    assert result.exit_code == 1
    assert "--db needs the optional extra: pip install 'newsclaims[inputs]'" in result.stderr
