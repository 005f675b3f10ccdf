"""Timestamps on stderr lines when stderr is a log, not a person's terminal.

Under cron (`2>> newsclaims.log`) or in a pipeline, every line the command
writes to stderr starts with the local time in ISO 8601, so a log that
grows night after night says when each error happened. At a terminal the
lines stay as they are.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sys
from collections.abc import Iterator
from typing import IO, Any


def timestamp() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


class StampedStream:
    """A text stream that starts each line with `timestamp()`; the rest is delegated."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.at_line_start = True

    def write(self, text: str) -> int:
        out = []
        for piece in text.splitlines(keepends=True):
            if self.at_line_start:
                out.append(timestamp() + " ")
            out.append(piece)
            self.at_line_start = piece.endswith(("\n", "\r"))
        self.stream.write("".join(out))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)


def is_log(stream: IO[str] | None) -> bool:
    """A real file descriptor that is not a terminal: a file, a pipe, cron's mail."""
    if stream is None:
        return False
    try:
        stream.fileno()
    except (AttributeError, OSError, ValueError):  # io.UnsupportedOperation is an OSError
        return False
    return not stream.isatty()


@contextlib.contextmanager
def stamped_stderr() -> Iterator[None]:
    """Inside the block, `sys.stderr` stamps its lines when it is a log.

    Blocks nest (the console script and the Typer callback both use one);
    the outermost that wrapped the stream puts the original back.
    """
    if isinstance(sys.stderr, StampedStream) or not is_log(sys.stderr):
        yield
        return
    original = sys.stderr
    sys.stderr = StampedStream(original)
    try:
        yield
    finally:
        sys.stderr = original
