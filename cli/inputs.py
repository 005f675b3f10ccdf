"""Reading the command line's inputs: files, directories and stdin.

Yields `Document`s, and a `Failure` for every input that cannot become one,
in order, so that each input ends up either in the output or in an error
line that names it (``path`` or ``path:line``). JSON Lines are streamed line
by line; nothing reads a whole corpus into memory.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Literal

from newsclaims.core.documents import Document, Fields, InputError, decode_text, document_from_json
from newsclaims.core.records import Failure

InputFormat = Literal["auto", "text", "jsonl"]
STDIN = "-"
ARTICLE_SUFFIXES = (".txt", ".jsonl")


def expand(paths: Iterable[str]) -> Iterator[str | Failure]:
    """Paths to read: files as given, directories walked (sorted) for articles."""
    for raw in paths:
        if raw == STDIN:
            yield raw
            continue
        path = Path(raw)
        if path.is_dir():
            found = False
            for root, dirs, files in os.walk(path):
                dirs.sort()
                for name in sorted(files):
                    if name.endswith(ARTICLE_SUFFIXES):
                        found = True
                        yield os.path.join(root, name)
            if not found:
                yield Failure(raw, "directory holds no .txt or .jsonl files")
        elif path.exists():
            yield raw
        else:
            yield Failure(raw, "no such file or directory")


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How to read inputs: format, JSON field names, and a size bound per document.

    ``max_bytes`` bounds what is read for one document (a text file, a JSON
    line), so that /dev/zero or a runaway file fails alone instead of
    filling memory.
    """

    fmt: InputFormat = "auto"
    fields: Fields = field(default_factory=Fields)
    max_bytes: int = 20_000_000


def read_inputs(
    paths: Iterable[str], options: ReadOptions, stdin: BinaryIO
) -> Iterator[Document | Failure]:
    """Documents from every path, in the order given."""
    for item in expand(paths):
        if isinstance(item, Failure):
            yield item
        elif item == STDIN:
            yield from read_stream(stdin, STDIN, options)
        else:
            yield from read_file(item, options)


def _too_large(name: str, limit: int) -> Failure:
    return Failure(name, f"document too large: more than {limit:,} bytes (raise --max-chars)")


def read_file(path: str, options: ReadOptions) -> Iterator[Document | Failure]:
    as_jsonl = options.fmt == "jsonl" or (options.fmt == "auto" and path.endswith(".jsonl"))
    try:
        with open(path, "rb") as fh:
            if as_jsonl:
                yield from read_jsonl(bounded_lines(fh, options.max_bytes), path, options)
            else:
                yield text_document(fh, path, options.max_bytes)
    except OSError as exc:
        yield Failure(path, f"cannot read: {exc.strerror or exc}")


def read_stream(stream: BinaryIO, name: str, options: ReadOptions) -> Iterator[Document | Failure]:
    """stdin: JSON Lines when asked, or (auto) when the first line is a JSON object."""
    if options.fmt == "text":
        yield text_document(stream, name, options.max_bytes)
        return
    lines = bounded_lines(stream, options.max_bytes)
    first = next(lines, b"")
    if options.fmt == "jsonl" or (first is not None and _looks_like_jsonl(first)):
        yield from read_jsonl(_chain(first, lines), name, options)
        return
    rest = stream.read(options.max_bytes + 1 - len(first)) if first is not None else None
    if first is None or rest is None or len(first) + len(rest) > options.max_bytes:
        yield _too_large(name, options.max_bytes)
        return
    yield _decoded(first + rest, name)


def _looks_like_jsonl(line: bytes) -> bool:
    stripped = line.lstrip(b"\xef\xbb\xbf").strip()
    return stripped.startswith(b"{") and stripped.endswith(b"}")


def _chain(first: bytes | None, rest: Iterator[bytes | None]) -> Iterator[bytes | None]:
    yield first
    yield from rest


def bounded_lines(stream: BinaryIO, limit: int) -> Iterator[bytes | None]:
    """Lines of at most ``limit`` bytes; None stands for a longer line (skipped unread)."""
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            while True:  # skip the rest of the over-long line
                more = stream.readline(1 << 20)
                if not more or more.endswith(b"\n"):
                    break
            yield None
            continue
        yield line


def text_document(stream: BinaryIO, name: str, limit: int) -> Document | Failure:
    data = stream.read(limit + 1)
    if len(data) > limit:
        return _too_large(name, limit)
    return _decoded(data, name)


def _decoded(data: bytes, name: str) -> Document | Failure:
    try:
        text = decode_text(data)
    except InputError as exc:
        return Failure(name, str(exc))
    return Document(id=name, text=text, source=name)


def read_jsonl(
    lines: Iterable[bytes | None], name: str, options: ReadOptions
) -> Iterator[Document | Failure]:
    for n, line in enumerate(lines, 1):
        source = f"{name}:{n}"
        if line is None:
            yield _too_large(source, options.max_bytes)
            continue
        if n == 1:
            line = line.removeprefix(b"\xef\xbb\xbf")
        if not line.strip():
            continue
        try:
            yield document_from_json(line, source, options.fields)
        except InputError as exc:
            yield Failure(source, str(exc))
