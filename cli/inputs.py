"""Reading the command line's inputs: files, directories and stdin.

Yields `Document`s, and a `Failure` for every input that cannot become one,
in order, so that each input ends up either in the output or in an error
line that names it (``path`` or ``path:line``). JSON Lines are streamed line
by line; nothing reads a whole corpus into memory.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO, Literal

from core.documents import Document, Fields, InputError, decode_text, document_from_json
from core.records import Failure

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


def read_inputs(
    paths: Iterable[str], fmt: InputFormat, fields: Fields, stdin: BinaryIO
) -> Iterator[Document | Failure]:
    """Documents from every path, in the order given."""
    for item in expand(paths):
        if isinstance(item, Failure):
            yield item
        elif item == STDIN:
            yield from read_stream(stdin, STDIN, fmt, fields)
        else:
            yield from read_file(item, fmt, fields)


def read_file(path: str, fmt: InputFormat, fields: Fields) -> Iterator[Document | Failure]:
    as_jsonl = fmt == "jsonl" or (fmt == "auto" and path.endswith(".jsonl"))
    try:
        with open(path, "rb") as fh:
            if as_jsonl:
                yield from read_jsonl(fh, path, fields)
            else:
                yield text_document(fh.read(), path)
    except OSError as exc:
        yield Failure(path, f"cannot read: {exc.strerror or exc}")


def read_stream(
    stream: BinaryIO, name: str, fmt: InputFormat, fields: Fields
) -> Iterator[Document | Failure]:
    """stdin: JSON Lines when asked, or (auto) when the first line is a JSON object."""
    if fmt == "text":
        yield text_document(stream.read(), name)
        return
    first = stream.readline()
    if fmt == "jsonl" or _looks_like_jsonl(first):
        yield from read_jsonl(_chain(first, stream), name, fields)
    else:
        yield text_document(first + stream.read(), name)


def _looks_like_jsonl(line: bytes) -> bool:
    stripped = line.lstrip(b"\xef\xbb\xbf").strip()
    return stripped.startswith(b"{") and stripped.endswith(b"}")


def _chain(first: bytes, rest: BinaryIO) -> Iterator[bytes]:
    yield first
    yield from rest


def text_document(data: bytes, name: str) -> Document | Failure:
    try:
        text = decode_text(data)
    except InputError as exc:
        return Failure(name, str(exc))
    return Document(id=name, text=text, source=name)


def read_jsonl(lines: Iterable[bytes], name: str, fields: Fields) -> Iterator[Document | Failure]:
    for n, line in enumerate(lines, 1):
        if n == 1:
            line = line.removeprefix(b"\xef\xbb\xbf")
        if not line.strip():
            continue
        source = f"{name}:{n}"
        try:
            yield document_from_json(line, source, fields)
        except InputError as exc:
            yield Failure(source, str(exc))
