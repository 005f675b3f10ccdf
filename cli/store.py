"""The SQLite store (`--db FILE`): documents, speakers, quotes and events as tables.

One table per record type, written through sqlite-utils. Documents are keyed
by their content hash; the other tables by (``doc_hash``, ``id``) with a
foreign key to ``documents.hash`` and indexes on ``doc``, speaker names and
date bounds. Nested values (spans' parts, cues, mentions, dates) are JSON
text; the values one filters on have columns of their own (``date_start``,
``speaker_name``, ...).

Writing a document whose text is already stored changes nothing (no write
at all, so a rerun over the same articles leaves the file byte for byte as
it was); a document whose id is stored with another text (an edited
article) has its old rows replaced by the new ones in one transaction.
A text already stored under another id is kept once, under the first id.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import asdict
from typing import Any

import orjson

from newsclaims.core.documents import Document, content_hash
from newsclaims.core.records import (
    DateRecord,
    DocumentRecord,
    EventRecord,
    Extraction,
    Failure,
    QuoteRecord,
    SpeakerRecord,
)

from .sources import ReadReport

log = logging.getLogger("newsclaims")

EXTRA_HINT = "--db needs the optional extra: pip install 'newsclaims[inputs]'"

# Columns of each table (sqlite-utils types); nested values are JSON text.
_CHILD_KEY = {"doc_hash": str, "id": str, "doc": str}
_DATE = {"date": str, "date_value": str, "date_start": str, "date_end": str}
TABLES: dict[str, dict[str, Any]] = {
    "documents": {
        "hash": str,
        "doc": str,
        "source": str,
        "text_from": str,
        "title": str,
        "url": str,
        "published": str,
        "published_from": str,
        "chars": int,
        "quotes": int,
        "speakers": int,
        "events": int,
        "pipeline": str,
        "schema_version": str,
    },
    "speakers": {
        **_CHILD_KEY,
        "name": str,
        "label": str,
        "titles": str,
        "mentions": str,
        "quotes": int,
    },
    "quotes": {
        **_CHILD_KEY,
        "text": str,
        "span_start": int,
        "span_end": int,
        "parts": str,
        "kind": str,
        "cue": str,
        "cue_lemma": str,
        "inner_cues": str,
        "speaker": str,
        "speaker_id": str,
        "speaker_name": str,
        **_DATE,
        "confidence": float,
    },
    "events": {
        **_CHILD_KEY,
        "text": str,
        "span_start": int,
        "span_end": int,
        "trigger": str,
        "trigger_lemma": str,
        "participants": str,
        "places": str,
        **_DATE,
        "modality": str,
        "reported_by": str,
        "confidence": float,
    },
    # temporal expressions that date no event (written with the events)
    "dates": {
        **_CHILD_KEY,
        **_DATE,
    },
}
INDEXES: dict[str, list[list[str]]] = {
    "documents": [["doc"], ["published"]],
    "speakers": [["doc"], ["name"]],
    "quotes": [["doc"], ["speaker_name"], ["date_start", "date_end"]],
    "events": [["doc"], ["trigger_lemma"], ["date_start", "date_end"]],
    "dates": [["doc"], ["date_start", "date_end"]],
}
CHILDREN = ("speakers", "quotes", "events", "dates")


class StoreError(Exception):
    """The database cannot be opened or written."""


def _json(value: object) -> str | None:
    return None if value is None else orjson.dumps(value).decode()


def _row(
    record: SpeakerRecord | QuoteRecord | EventRecord | DateRecord, doc_hash: str
) -> dict[str, Any]:
    """A record as a row: nested values as JSON text, the ones to filter on as columns."""
    data = asdict(record)
    del data["type"], data["schema_version"]
    row: dict[str, Any] = {"doc_hash": doc_hash}
    for key, value in data.items():
        if key == "span":
            row["span_start"], row["span_end"] = value
        elif isinstance(value, dict | list):
            row[key] = _json(value)
        else:
            row[key] = value
    date = data.get("date")
    if "date" in data:
        row["date_value"] = date["value"] if date else None
        row["date_start"] = date["start"] if date else None
        row["date_end"] = date["end"] if date else None
    if isinstance(record, QuoteRecord):
        row["cue_lemma"] = record.cue.lemma if record.cue else None
        row["speaker_id"] = record.speaker.id if record.speaker else None
        row["speaker_name"] = record.speaker.name if record.speaker else None
    if isinstance(record, EventRecord):
        row["trigger_lemma"] = record.trigger.lemma
    return row


def _document_row(record: DocumentRecord) -> dict[str, Any]:
    data = asdict(record)
    del data["type"]
    return data


class Store:
    """A newsclaims SQLite database, opened for reading and writing."""

    def __init__(self, path: str, only: frozenset[str] | None = None) -> None:
        try:
            import sqlite_utils
        except ImportError:
            raise StoreError(EXTRA_HINT) from None
        try:
            self.db = sqlite_utils.Database(path)
            self.db.execute("PRAGMA foreign_keys = ON")
            tables = set(self.db.table_names())
        except (sqlite3.Error, OSError) as exc:
            raise StoreError(f"{path}: cannot open the database: {exc}") from exc
        self.ready = set(TABLES) <= tables
        self.only = only
        self.path = path

    def _create(self) -> None:
        """Create the tables and indexes (once, in the first write's transaction)."""
        tables = set(self.db.table_names())
        for name, columns in TABLES.items():
            if name in tables:
                continue
            if name == "documents":
                self.db[name].create(columns, pk="hash")  # type: ignore[union-attr]
            else:
                self.db[name].create(  # type: ignore[union-attr]
                    columns,
                    pk=("doc_hash", "id"),
                    foreign_keys=[("doc_hash", "documents", "hash")],
                )
            for index in INDEXES[name]:
                self.db[name].create_index(index)  # type: ignore[union-attr]
        self.ready = True

    def stored(self, doc_hash: str) -> str | None:
        """The id of the stored document with this content hash, or None."""
        if not self.ready:
            return None
        rows = self.db.execute("SELECT doc FROM documents WHERE hash = ?", [doc_hash]).fetchall()
        return str(rows[0][0]) if rows else None

    def write(self, extraction: Extraction) -> None:
        """Store one document's records (nothing at all if its text is stored already)."""
        document = extraction.document
        first = self.stored(document.hash)
        if first is not None:
            if first != document.doc:
                log.info("%s: same text as %s, stored once", document.doc, first)
            return
        try:
            self._replace(extraction)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot write to the database: {exc}") from exc

    def _replace(self, extraction: Extraction) -> None:
        """In one transaction: the tables if new, the document's old rows out, its new rows in."""
        document = extraction.document
        with self.db.atomic():
            if not self.ready:
                self._create()
            old = [
                row[0]
                for row in self.db.execute(
                    "SELECT hash FROM documents WHERE doc = ?", [document.doc]
                ).fetchall()
            ]
            for doc_hash in old:  # an edited article: its old rows go
                for table in CHILDREN:
                    self.db.execute(f"DELETE FROM {table} WHERE doc_hash = ?", [doc_hash])
                self.db.execute("DELETE FROM documents WHERE hash = ?", [doc_hash])
            self.db["documents"].insert(_document_row(document))  # type: ignore[union-attr]
            tables: tuple[tuple[str, str, list[Any]], ...] = (
                ("speakers", "speakers", extraction.speakers),
                ("quotes", "quotes", extraction.quotes),
                ("events", "events", extraction.events),
                ("dates", "events", extraction.dates),  # kept with the events
            )
            for table, kept_by, records in tables:
                if self.only is not None and kept_by not in self.only:
                    continue
                rows = [_row(r, document.hash) for r in records]
                if rows:
                    self.db[table].insert_all(rows)  # type: ignore[union-attr]

    def close(self) -> None:
        self.db.close()

    def unseen(
        self, items: Iterable[Document | Failure], report: ReadReport
    ) -> Iterator[Document | Failure]:
        """`--skip-seen`: the documents whose text is not stored yet (before any parsing).

        The inputs may be read in another thread (one batch ahead of the
        parse), and a SQLite connection belongs to the thread that made it:
        this looks them up through a read connection of its own, made where
        it runs.
        """
        if not self.ready:
            yield from items
            return
        lookup = sqlite3.connect(self.path)
        try:
            for item in items:
                if isinstance(item, Document):
                    row = lookup.execute(
                        "SELECT doc FROM documents WHERE hash = ?", [content_hash(item.text)]
                    ).fetchone()
                    if row is not None:
                        report.skip(item.source, f"already in the database (as {row[0]})")
                        continue
                yield item
        finally:
            lookup.close()
