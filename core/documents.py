"""Input documents: decoding raw bytes and JSON Lines objects into `Document`s.

This is the part of reading that is about data, not files: it is shared by the
CLI (local files, stdin) and the distributed runner (partitions of lines), so
both turn the same bytes into the same documents and the same error messages.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import orjson

BOM = "\ufeff"


class InputError(ValueError):
    """One input (a file, a line) that cannot become a document."""


@dataclass(frozen=True, slots=True)
class Fields:
    """Names of the JSON Lines fields; configurable because corpora differ."""

    id: str = "id"
    text: str = "text"
    published: str = "published"
    title: str = "title"
    url: str = "url"


@dataclass(frozen=True, slots=True)
class Document:
    """One article to extract from.

    ``published`` is the date the input itself carries (a JSON field); the
    extractor falls back to a dateline in the text, then to a default given
    by the caller.
    """

    id: str
    text: str
    source: str
    published: dt.date | None = None
    title: str | None = None
    url: str | None = None


def decode_text(data: bytes) -> str:
    """Decode an article's bytes strictly as UTF-8, dropping one leading BOM.

    Strict, because a lossy decode would silently change the text that every
    offset points into; NUL bytes mean a binary file, not an article.
    """
    if b"\x00" in data[:8192] or b"\x00" in data[-8192:]:
        raise InputError("binary file (contains NUL bytes), not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from None
    if text.startswith(BOM):
        text = text[1:]
    return text


def parse_date(value: str) -> dt.date:
    """Parse a publication date given as YYYY-MM-DD (a time part is ignored)."""
    head = value.strip()[:10]
    try:
        return dt.date.fromisoformat(head)
    except ValueError:
        raise InputError(f"published date {value!r} is not YYYY-MM-DD") from None


def document_from_json(line: bytes | str, source: str, fields: Fields = Fields()) -> Document:
    """Turn one JSON Lines line into a Document, or raise InputError saying why.

    The id falls back to ``source`` (``path:line``) so every document can be
    named in the output and in error messages.
    """
    try:
        obj = orjson.loads(line)
    except orjson.JSONDecodeError as exc:
        raise InputError(f"invalid JSON: {exc}") from None
    if not isinstance(obj, dict):
        raise InputError(f"expected a JSON object, got {type(obj).__name__}")
    text = obj.get(fields.text)
    if text is None:
        raise InputError(f"no {fields.text!r} field")
    if not isinstance(text, str):
        raise InputError(f"{fields.text!r} is {type(text).__name__}, not a string")
    if text.startswith(BOM):
        text = text[1:]
    raw_id = obj.get(fields.id)
    doc_id = source if raw_id is None or raw_id == "" else str(raw_id)
    published = None
    raw_pub = obj.get(fields.published)
    if raw_pub not in (None, ""):
        if not isinstance(raw_pub, str):
            raise InputError(f"{fields.published!r} is {type(raw_pub).__name__}, not a string")
        published = parse_date(raw_pub)
    return Document(
        id=doc_id,
        text=text,
        source=source,
        published=published,
        title=_opt_str(obj.get(fields.title)),
        url=_opt_str(obj.get(fields.url)),
    )


def _opt_str(value: object) -> str | None:
    return value if isinstance(value, str) and value else None
