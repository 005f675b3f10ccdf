"""Output formats: one registry of writers, chosen by `--format`.

A writer takes each document's `Extraction` and writes it to a byte stream;
adding a format is one entry here (and its writer). The factories import
what they need when called, so `--help` stays fast.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import IO, BinaryIO, Protocol

from newsclaims.core.records import Extraction


class Writer(Protocol):
    def write(self, extraction: Extraction) -> None: ...

    def close(self) -> None: ...


WriterFactory = Callable[[BinaryIO, frozenset[str] | None], Writer]

# `--format auto`: tables for a person at a terminal, JSON Lines otherwise.
TERMINAL_FORMAT = "table"
DATA_FORMAT = "jsonl"


def _jsonl(stream: BinaryIO, only: frozenset[str] | None) -> Writer:
    from .output import JsonlWriter

    return JsonlWriter(stream, only)


def _table(stream: BinaryIO, only: frozenset[str] | None) -> Writer:
    from rich.console import Console

    from .render import TableWriter

    text_stream: IO[str]
    if stream is getattr(sys.stdout, "buffer", None):
        text_stream = sys.stdout
    else:
        import io

        text_stream = io.TextIOWrapper(stream, encoding="utf-8", write_through=True)
    return TableWriter(Console(file=text_stream, highlight=False, emoji=False, markup=False), only)


WRITERS: dict[str, WriterFactory] = {
    "table": _table,
    "jsonl": _jsonl,
}


def choose(fmt: str, *, terminal: bool) -> str:
    """The format to write: ``fmt``, or for ``auto`` the one that suits the reader."""
    if fmt != "auto":
        return fmt
    return TERMINAL_FORMAT if terminal else DATA_FORMAT


def writer(fmt: str, stream: BinaryIO, only: frozenset[str] | None) -> Writer:
    return WRITERS[fmt](stream, only)
