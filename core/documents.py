"""Input documents: decoding raw bytes and JSON Lines objects into `Document`s.

This is the part of reading that is about data, not files: it is shared by the
CLI (local files, stdin) and the distributed runner (partitions of lines), so
both turn the same bytes into the same documents and the same error messages.
"""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass

import orjson

from .records import TextFrom

BOM = "\ufeff"

# Byte order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# A publication date: YYYY-MM-DD, optionally followed by an ISO time part.
_ISO_DATE = re.compile(
    r"(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
)


class InputError(ValueError):
    """One input (a file, a line) that cannot become a document."""


class FieldError(InputError):
    """A JSON object without the field asked for; ``present`` lists the fields it has.

    The same mistake usually repeats on every line of a file, so a reader can
    report it once per file (``key`` tells which mistake it is).
    """

    def __init__(self, message: str, key: str, present: list[str]) -> None:
        super().__init__(message)
        self.key = key
        self.present = present


@dataclass(frozen=True, slots=True)
class Fields:
    """Names of the JSON Lines fields; configurable because corpora differ.

    A name with dots (``content.body``) is a path into nested objects.
    """

    id: str = "id"
    text: str = "text"
    published: str = "published"
    title: str = "title"
    url: str = "url"


@dataclass(frozen=True, slots=True)
class Document:
    """One article to extract from.

    ``published`` is the date the input itself carries (a JSON field, an HTML
    page's own date); the extractor falls back to a dateline in the text, then
    to a default given by the caller. ``text_from`` says whether ``text`` is
    the input as read or the article text extracted from an HTML page (the
    offsets of the records point into ``text`` either way).
    """

    id: str
    text: str
    source: str
    published: dt.date | None = None
    title: str | None = None
    url: str | None = None
    text_from: TextFrom = "text"


def content_hash(text: str) -> str:
    """The document's content hash: SHA-256 of its text (UTF-8), in hex."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def decode_text(data: bytes) -> str:
    """Decode an article's bytes: UTF-8 strictly, or UTF-16/32 when a BOM says so.

    Strict, because a lossy decode would silently change the text that every
    offset points into; the BOM is dropped. NUL bytes in a text without a
    UTF-16/32 BOM mean a binary file, not an article.
    """
    for mark, encoding in _BOMS:
        if data.startswith(mark):
            if encoding == "utf-8":
                break
            try:
                return data[len(mark) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"not valid {encoding.upper()[:6]} (at byte {exc.start + len(mark)})"
                ) from None
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
    """Parse a publication date: strict ISO YYYY-MM-DD, optionally with an ISO time part.

    ``20211112``, ``2021-W45-5`` and ``2021-11-12garbage`` are refused.
    """
    head = value.strip()
    match = _ISO_DATE.fullmatch(head)
    try:
        if match is None:
            raise ValueError
        return dt.date.fromisoformat(match.group(1))
    except ValueError:
        raise InputError(f"published date {value!r} is not YYYY-MM-DD") from None


def field_value(obj: dict[str, object], name: str) -> object:
    """The value at ``name`` in ``obj``: a plain key, else a dotted path into nested objects."""
    if name in obj:
        return obj[name]
    value: object = obj
    for part in name.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


def field_names(obj: dict[str, object], prefix: str = "", depth: int = 2) -> list[str]:
    """The fields of an object, nested ones as dotted paths (for error messages)."""
    names = []
    for key, value in obj.items():
        names.append(prefix + key)
        if isinstance(value, dict) and depth > 1:
            names.extend(field_names(value, f"{prefix}{key}.", depth - 1))
    return names


def _document_id(obj: dict[str, object], line: bytes | str, name: str) -> str | None:
    """The id as a string: strings as they are, numbers with their digits as written.

    Other JSON values (true, objects, arrays) are written as their JSON text.
    """
    raw = field_value(obj, name)
    if raw is None or raw == "":
        return None
    if isinstance(raw, str):
        return raw
    if isinstance(raw, bool) or not isinstance(raw, int | float):
        return orjson.dumps(raw).decode()
    if isinstance(raw, int):
        return str(raw)
    # a float, or an integer too big for 64 bits: the digits as written in the line
    exact = json.loads(line, parse_float=str, parse_int=str)
    value = field_value(exact, name)
    return str(value)


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
    text = field_value(obj, fields.text)
    if text is None:
        present = field_names(obj)
        raise FieldError(
            f"no {fields.text!r} field (fields present: {', '.join(present) or 'none'}; "
            "name the text field with --text-field)",
            key=f"text:{fields.text}",
            present=present,
        )
    if not isinstance(text, str):
        raise FieldError(
            f"{fields.text!r} is {type(text).__name__}, not a string",
            key=f"text-type:{fields.text}",
            present=field_names(obj),
        )
    if text.startswith(BOM):
        text = text[1:]
    doc_id = _document_id(obj, line, fields.id) or source
    published = None
    raw_pub = field_value(obj, fields.published)
    if raw_pub not in (None, ""):
        if not isinstance(raw_pub, str):
            raise InputError(f"{fields.published!r} is {type(raw_pub).__name__}, not a string")
        published = parse_date(raw_pub)
    return Document(
        id=doc_id,
        text=text,
        source=source,
        published=published,
        title=_opt_str(field_value(obj, fields.title)),
        url=_opt_str(field_value(obj, fields.url)),
    )


def _opt_str(value: object) -> str | None:
    return value if isinstance(value, str) and value else None
