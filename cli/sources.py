"""Which inputs to read: paths as given, directories walked, and what a walk leaves out.

A walk reads regular files whose name says they are articles (see `KINDS`,
any case, optionally ``.gz``). Everything else it meets is skipped and
counted (listed with ``-v``): other files, FIFOs, sockets and devices (a FIFO
named ``x.txt`` would block the run forever). Symlinked subdirectories are
walked like real ones, each directory at most once (a symlink loop ends
there). A directory or file that cannot be read, and a name that is not
valid UTF-8, is an error line of its own; the rest of the walk goes on.
A path given by name is read whatever it is (``<(zcat x.gz)`` is a pipe).
"""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Generator, Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

from newsclaims.core.records import Failure

from .escape import printable

log = logging.getLogger("newsclaims")

Kind = Literal["text", "jsonl", "html", "warc"]
STDIN = "-"
# Article files by their (lower-case) suffix; each may also end in .gz.
KINDS: dict[str, Kind] = {
    ".txt": "text",
    ".text": "text",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".html": "html",
    ".htm": "html",
    ".warc": "warc",
}
SUFFIX_LIST = ", ".join(KINDS)


def kind_of(name: str) -> Kind | None:
    """The kind of article file a name says it is (``.gz`` looked through), or None."""
    lower = name.lower().removesuffix(".gz")
    return KINDS.get(os.path.splitext(lower)[1])


def display(name: str) -> str:
    """A file name fit for one line of stderr: undecodable bytes and controls escaped."""
    return printable(name)


def valid_name(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


@dataclass(slots=True)
class ReadReport:
    """What reading left out on purpose: counted for the summary, listed with -v."""

    skipped: int = 0
    silent: bool = False  # a second look at the inputs (counting them) says nothing

    def skip(self, name: str, reason: str, *, loud: bool = False) -> None:
        self.skipped += 1
        if not self.silent:
            log.log(
                logging.WARNING if loud else logging.INFO, "skipped %s: %s", display(name), reason
            )


def _file_type(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def expand(paths: Iterable[str], report: ReadReport) -> Iterator[str | Failure]:
    """Paths to read: files as given, directories walked (sorted) for article files."""
    for raw in paths:
        if raw == STDIN:
            yield raw
            continue
        if not valid_name(raw):
            yield Failure(display(raw), "file name is not valid UTF-8 (rename the file)")
            continue
        try:
            info = os.stat(raw)
        except FileNotFoundError:
            yield Failure(display(raw), "no such file or directory")
            continue
        except OSError as exc:
            yield Failure(display(raw), f"cannot read: {exc.strerror or exc}")
            continue
        if stat.S_ISDIR(info.st_mode):
            found = yield from _walk(raw, report, set())
            if not found:
                yield Failure(display(raw), f"directory holds no article files ({SUFFIX_LIST})")
        else:
            yield raw


def _walk(
    top: str, report: ReadReport, seen: set[tuple[int, int]]
) -> Generator[str | Failure, None, bool]:
    """Article files under ``top``, in sorted order; returns whether any was found."""
    try:
        info = os.stat(top)
        key = (info.st_dev, info.st_ino)
        if key in seen:
            report.skip(top, "directory already walked (a symlink loop or a second link)")
            return False
        seen.add(key)
        with os.scandir(top) as it:
            names = sorted(entry.name for entry in it)
    except OSError as exc:
        yield Failure(display(top), f"cannot read directory: {exc.strerror or exc}")
        return False
    found = False
    for name in names:
        path = os.path.join(top, name)
        try:
            mode = os.stat(path).st_mode
        except OSError as exc:  # a dangling symlink, a file gone meanwhile
            if kind_of(name) is not None:
                yield Failure(display(path), f"cannot read: {exc.strerror or exc}")
            else:
                report.skip(path, f"cannot read: {exc.strerror or exc}")
            continue
        if stat.S_ISDIR(mode):
            found = (yield from _walk(path, report, seen)) or found
        elif kind_of(name) is None:
            report.skip(path, f"not an article file ({SUFFIX_LIST})")
        elif not stat.S_ISREG(mode):
            report.skip(path, f"{_file_type(mode)}, not a regular file")
        elif not valid_name(path):
            found = True
            yield Failure(display(path), "file name is not valid UTF-8 (rename the file)")
        else:
            found = True
            yield path
    return found
