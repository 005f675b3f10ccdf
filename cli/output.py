"""Writing records: JSON Lines to a byte stream, and files replaced atomically."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from typing import BinaryIO

import orjson

from newsclaims.core.records import Extraction


class OutputError(Exception):
    """The records cannot be written (full disk, unwritable file): the run stops."""


class JsonlWriter:
    """One record per line, UTF-8, flushed after each document."""

    def __init__(self, stream: BinaryIO, only: frozenset[str] | None) -> None:
        self.stream = stream
        self.only = only

    def write(self, extraction: Extraction) -> None:
        self.stream.write(
            b"".join(
                orjson.dumps(rec, option=orjson.OPT_APPEND_NEWLINE)
                for rec in extraction.records(self.only)
            )
        )
        self.stream.flush()

    def close(self) -> None:
        pass


@contextlib.contextmanager
def atomic_output(path: str) -> Iterator[BinaryIO]:
    """A temporary file beside ``path`` that replaces it only when the block succeeds.

    On any exception (a full disk, Ctrl-C) the temporary file is removed and
    whatever was at ``path`` before is left untouched, so a cron job never
    leaves half a file behind.
    """
    directory = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".newsclaims-", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        _keep_mode(path, tmp)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _keep_mode(path: str, tmp: str) -> None:
    """Give the new file the old one's permissions, or the umask default."""
    try:
        mode = os.stat(path).st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(tmp, mode)
