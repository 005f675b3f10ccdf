"""Writing records: JSON Lines to a byte stream, and the `--output` file.

`--output` is checked, and its temporary file created, before any work
(`OutputFile`): a target that cannot be written or would do harm is a
usage error at once, not after an hour of extraction. A regular file is
replaced atomically, and only when at least one document was written; a
symlink is followed (its target is replaced); anything else (a device, a
FIFO, /dev/stdout) is written in place, never renamed over.
"""

from __future__ import annotations

import contextlib
import errno
import os
import socket
import stat
import tempfile
from collections.abc import Iterable, Iterator
from typing import BinaryIO

import orjson

from newsclaims.core.records import Extraction

from .sources import STDIN, kind_of

# A temporary file is named .newsclaims-PID-HOST-RANDOM.tmp: a later run in
# the same folder removes those whose process (on this host) is gone.
TEMP_PREFIX = ".newsclaims-"
TEMP_SUFFIX = ".tmp"


class OutputError(Exception):
    """The records cannot be written (full disk, unwritable file): the run stops."""


class TargetError(Exception):
    """`--output` is refused before any work: a usage error."""


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


def _host() -> str:
    return socket.gethostname().replace("-", "_").replace(os.sep, "_") or "localhost"


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, owned by someone else
        return True
    return True


def remove_stale_temporaries(directory: str) -> list[str]:
    """Remove the temporary files of runs that were killed; return their names.

    Only files named by this module whose process, on this host, is gone.
    """
    removed: list[str] = []
    host = _host()
    try:
        names = os.listdir(directory)
    except OSError:
        return removed
    for name in names:
        if not (name.startswith(TEMP_PREFIX) and name.endswith(TEMP_SUFFIX)):
            continue
        pid_text, _, rest = name[len(TEMP_PREFIX) :].partition("-")
        owner_host = rest.rpartition("-")[0]
        if not pid_text.isdigit() or owner_host != host or _pid_alive(int(pid_text)):
            continue
        with contextlib.suppress(OSError):
            os.unlink(os.path.join(directory, name))
            removed.append(name)
    return removed


def _refuse(path: str, why: str) -> TargetError:
    return TargetError(f"--output {path}: {why}")


def _same_as_an_input(real: str, st: os.stat_result, inputs: Iterable[str]) -> str | None:
    """The input that is the output file, or whose walk would read it."""
    for raw in inputs:
        if raw == STDIN:
            continue
        try:
            ist = os.stat(raw)
        except OSError:
            continue
        if (ist.st_dev, ist.st_ino) == (st.st_dev, st.st_ino):
            return raw
        if stat.S_ISDIR(ist.st_mode) and kind_of(real) is not None:
            top = os.path.realpath(raw)
            if real.startswith(top.rstrip(os.sep) + os.sep):
                return raw
    return None


class OutputFile:
    """The `--output` target, checked and opened before any work.

    Raises TargetError (a usage error) for a directory, a name ending in a
    slash, a folder that is missing or where no file can be created, and a
    file that is also an input. ``stream`` is where the records go:
    a temporary file beside a regular target (or beside a symlink's target),
    or the target itself when it is not a regular file. `commit` puts the
    records in place; `discard` (always safe to call) removes the temporary.
    """

    def __init__(self, path: str, inputs: Iterable[str] = ()) -> None:
        self.path = path
        self.tmp: str | None = None
        self.committed = False
        if not path:
            raise _refuse(path, "an empty name")
        if path.endswith(os.sep) or os.path.isdir(path):
            raise _refuse(path, "is a directory (name a file)")
        try:
            st: os.stat_result | None = os.stat(path)  # follows symlinks
        except FileNotFoundError:
            st = None
        except OSError as exc:
            raise _refuse(path, f"cannot write there: {exc.strerror or exc}") from None
        if st is not None and not stat.S_ISREG(st.st_mode):
            # a device, a FIFO, /dev/stdout: written in place, never replaced
            self.in_place = True
            self.target = path
            try:
                fd = os.open(path, os.O_WRONLY | os.O_NOCTTY)
            except OSError as exc:
                raise _refuse(path, f"cannot write: {exc.strerror or exc}") from None
            self.stream: BinaryIO = os.fdopen(fd, "wb")
            return
        self.in_place = False
        self.target = os.path.realpath(path)  # a symlink's target is what is replaced
        if st is not None:
            source = _same_as_an_input(self.target, st, inputs)
            if source is not None:
                what = "is also an input" if source == path else f"would be read from {source}"
                raise _refuse(path, f"{what}; write the output elsewhere")
        directory = os.path.dirname(self.target)
        remove_stale_temporaries(directory)
        try:
            fd, self.tmp = tempfile.mkstemp(
                prefix=f"{TEMP_PREFIX}{os.getpid()}-{_host()}-", suffix=TEMP_SUFFIX, dir=directory
            )
        except OSError as exc:
            reason = exc.strerror or str(exc)
            if exc.errno == errno.ENOENT:
                reason = f"no such directory: {directory}"
            raise _refuse(path, f"cannot write there: {reason}") from None
        self.stream = os.fdopen(fd, "wb")

    def commit(self) -> None:
        """Put the records in place: flush, sync and rename over the target."""
        self.stream.flush()
        if self.in_place:
            self.stream.close()
            self.committed = True
            return
        assert self.tmp is not None
        os.fsync(self.stream.fileno())
        self.stream.close()
        _keep_mode(self.target, self.tmp)
        os.replace(self.tmp, self.target)
        self.committed = True

    def discard(self) -> None:
        """Leave the target as it was and remove the temporary file (if not committed)."""
        with contextlib.suppress(OSError, ValueError):
            self.stream.close()
        if self.tmp is not None and not self.committed:
            with contextlib.suppress(OSError):
                os.unlink(self.tmp)
        self.committed = True


@contextlib.contextmanager
def atomic_output(path: str) -> Iterator[BinaryIO]:
    """A temporary file beside ``path`` that replaces it only when the block succeeds.

    On any exception (a full disk, Ctrl-C) the temporary file is removed and
    whatever was at ``path`` before is left untouched, so a cron job never
    leaves half a file behind.
    """
    out = OutputFile(path)
    try:
        yield out.stream
        out.commit()
    finally:
        out.discard()


def _keep_mode(path: str, tmp: str) -> None:
    """Give the new file the old one's permissions, or the umask default."""
    try:
        mode = os.stat(path).st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(tmp, mode)
