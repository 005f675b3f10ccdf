"""Reading the command line's inputs: files, directories and stdin.

Yields `Document`s, and a `Failure` for every input that cannot become one,
in order, so that each input ends up either in the output or in an error
line that names it (``path`` or ``path:line``). Nothing reads a whole corpus
into memory: JSON Lines are streamed line by line, WARC files record by
record, and every document is read with a bound (``max_bytes``).

What an input is: a gzip stream is looked through (any file, and stdin);
then the format asked for, else the file's suffix (`sources.KINDS`), else
its first bytes: ``WARC/`` is a crawl, an HTML start is a page, and on stdin
leading lines that are all JSON objects are JSON Lines; anything else is one
text article.
"""

from __future__ import annotations

import gzip
import io
import logging
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import BinaryIO, Literal

import orjson

from newsclaims.core.documents import (
    Document,
    FieldError,
    Fields,
    InputError,
    decode_text,
    document_from_json,
)
from newsclaims.core.records import Failure

from .sources import STDIN, Kind, ReadReport, expand, kind_of

log = logging.getLogger("newsclaims")

InputFormat = Literal["auto", "text", "jsonl", "html"]
HEAD_BYTES = 8192  # what is looked at to tell what an input is
SNIFF_LINES = 5  # leading lines of stdin that must all be JSON objects for JSON Lines
GZIP_MAGIC = b"\x1f\x8b"
EXTRA_HINT = "needs the optional extra: pip install 'newsclaims[inputs]'"


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How to read inputs: format, JSON field names, and a size bound per document.

    ``max_bytes`` bounds what is read for one document (a text file, a JSON
    line, a crawl record), so that /dev/zero or a runaway file fails alone
    instead of filling memory or spinning forever.
    """

    fmt: InputFormat = "auto"
    fields: Fields = field(default_factory=Fields)
    max_bytes: int = 20_000_000


def read_inputs(
    paths: Iterable[str], options: ReadOptions, stdin: BinaryIO, report: ReadReport | None = None
) -> Iterator[Document | Failure]:
    """Documents from every path, in the order given; duplicate ids made distinct."""
    report = report if report is not None else ReadReport()
    return distinct_ids(_read_all(paths, options, stdin, report))


def _read_all(
    paths: Iterable[str], options: ReadOptions, stdin: BinaryIO, report: ReadReport
) -> Iterator[Document | Failure]:
    for item in expand(paths, report):
        if isinstance(item, Failure):
            yield item
        elif item == STDIN:
            yield from read_stream(stdin, STDIN, None, options)
        else:
            yield from read_file(item, options)


def distinct_ids(items: Iterable[Document | Failure]) -> Iterator[Document | Failure]:
    """Documents with an id already used get ``ID#2``, ``ID#3`` ..., with one warning each."""
    seen: dict[str, int] = {}
    for item in items:
        if isinstance(item, Document):
            n = seen.get(item.id)
            if n is not None:
                new = f"{item.id}#{n + 1}"
                while new in seen:
                    n += 1
                    new = f"{item.id}#{n + 1}"
                seen[item.id] = n + 1
                log.warning("%s: duplicate id %r, written as %r", item.source, item.id, new)
                item = replace(item, id=new)
            seen[item.id] = 1
        yield item


def _too_large(name: str, limit: int) -> Failure:
    return Failure(name, f"document too large: more than {limit:,} bytes (raise --max-chars)")


def read_file(path: str, options: ReadOptions) -> Iterator[Document | Failure]:
    try:
        with open(path, "rb") as fh:
            yield from read_stream(fh, path, kind_of(path), options)
    except OSError as exc:
        yield Failure(path, f"cannot read: {exc.strerror or exc}")


class Prefixed(io.RawIOBase):
    """A stream whose first bytes were already read (to look at them): they come first."""

    def __init__(self, head: bytes, stream: BinaryIO) -> None:
        super().__init__()
        self.head = io.BytesIO(head)
        self.stream = stream

    def readable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> bytes:
        if size is None or size < 0:
            return self.head.read() + self.stream.read()
        data = self.head.read(size)
        if len(data) < size:
            data += self.stream.read(size - len(data))
        return data

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def readline(self, size: int | None = -1) -> bytes:
        limit = -1 if size is None else size
        line = self.head.readline(limit)
        if line.endswith(b"\n") or (limit >= 0 and len(line) >= limit):
            return line
        return line + self.stream.readline(limit - len(line) if limit >= 0 else -1)


def read_stream(
    stream: BinaryIO, name: str, kind: Kind | None, options: ReadOptions
) -> Iterator[Document | Failure]:
    """One input (a file or stdin): what it is decided, then read as that."""
    try:
        head = _head(stream)
        if head.startswith(GZIP_MAGIC):
            stream = gzip.GzipFile(fileobj=Prefixed(head, stream), mode="rb")  # type: ignore[assignment]
            head = _head(stream)
        kind = _what(head, name, kind, options.fmt)
        body: BinaryIO = Prefixed(head, stream)  # type: ignore[assignment]
        if kind == "jsonl":
            yield from read_jsonl(bounded_lines(body, options.max_bytes), name, options)
        elif kind == "warc":
            yield from read_warc(body, name, options)
        else:
            data = body.read(options.max_bytes + 1)
            if len(data) > options.max_bytes:
                yield _too_large(name, options.max_bytes)
            elif kind == "html":
                yield _html(data, name)
            else:
                yield _decoded(data, name)
    except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
        yield Failure(name, f"broken gzip data: {exc}")


def _head(stream: BinaryIO) -> bytes:
    """The first bytes of an input, as far as they have come: up to HEAD_BYTES.

    Read with `read1` where the stream has it, so a slow producer on a pipe
    (one JSON line every few seconds) is judged by what it sent so far, at
    least one whole line, instead of being waited for until HEAD_BYTES or
    its end of input.
    """
    read1 = getattr(stream, "read1", None)
    if read1 is None:
        return stream.read(HEAD_BYTES)
    head: bytes = read1(HEAD_BYTES)
    while head and b"\n" not in head and len(head) < HEAD_BYTES:
        more: bytes = read1(HEAD_BYTES - len(head))
        if not more:
            break
        head += more
    return head


def _what(head: bytes, name: str, kind: Kind | None, fmt: InputFormat) -> Kind:
    """The kind of an input: as asked, as its name says, or as its first bytes show."""
    if fmt != "auto":
        return fmt
    if head.startswith(b"WARC/"):
        return "warc"
    if kind in ("jsonl", "html", "warc"):
        return kind
    from newsclaims.core.html import looks_like_html

    if looks_like_html(head):
        return "html"
    if name == STDIN and _looks_like_jsonl(head):
        return "jsonl"
    return "text"


def _looks_like_jsonl(head: bytes) -> bool:
    """Whether every leading line of ``head`` (up to SNIFF_LINES) is a JSON object."""
    lines = head.removeprefix(b"\xef\xbb\xbf").split(b"\n")
    # the last line may still be on its way (a full head, or a pipe's first read)
    complete = lines[:-1] if len(lines) > 1 else lines
    candidates = [ln for ln in complete if ln.strip()][:SNIFF_LINES]
    if not candidates:  # one line longer than what was looked at
        first = lines[0].strip()
        return first.startswith(b"{") and b"\n" not in head
    for line in candidates:
        try:
            if not isinstance(orjson.loads(line), dict):
                return False
        except orjson.JSONDecodeError:
            return False
    return True


def bounded_lines(stream: BinaryIO, limit: int) -> Iterator[bytes | None]:
    """Lines of at most ``limit`` bytes; None stands for a longer line (skipped unread).

    The rest of an over-long line is skipped only when the next line is
    asked for, and only up to ``limit`` more bytes: an input without line
    ends (/dev/zero) ends the stream there instead of spinning forever.
    """
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            yield None
            skipped = 0
            while skipped <= limit:  # skip the rest of the over-long line
                more = stream.readline(1 << 20)
                skipped += len(more)
                if not more or more.endswith(b"\n"):
                    break
            else:
                return
            continue
        yield line


def _decoded(data: bytes, name: str) -> Document | Failure:
    try:
        text = decode_text(data)
    except InputError as exc:
        return Failure(name, str(exc))
    return Document(id=name, text=text, source=name)


def _html(data: bytes, name: str, url: str | None = None) -> Document | Failure:
    from newsclaims.core.html import html_document

    try:
        return html_document(_html_text(data), name, name, url=url)
    except InputError as exc:
        return Failure(name, str(exc))


def _html_text(data: bytes, charset: str | None = None) -> str:
    """An HTML page's text: UTF-8 (or a BOM's encoding), else the declared charset."""
    try:
        return decode_text(data)
    except InputError:
        pass
    try:
        return data.decode(charset or "cp1252", errors="replace")
    except LookupError:
        return data.decode("cp1252", errors="replace")


def read_jsonl(
    lines: Iterable[bytes | None], name: str, options: ReadOptions
) -> Iterator[Document | Failure]:
    """Documents of a JSON Lines stream; one field-name mistake is reported once per file.

    The first line without the text field (say) gets its error line, in
    order; the later lines of the file that make the same mistake are counted
    into one line at the end of the file instead of one identical line each.
    """
    repeated: dict[str, tuple[str, int]] = {}  # mistake -> (first line's source, repeats)
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
        except FieldError as exc:
            if exc.key in repeated:
                first, count = repeated[exc.key]
                repeated[exc.key] = (first, count + 1)
            else:
                repeated[exc.key] = (source, 0)
                yield Failure(source, str(exc))
        except InputError as exc:
            yield Failure(source, str(exc))
    for first, count in repeated.values():
        if count:
            yield Failure(name, f"{count:,} more lines with the same error as {first}", count)


def read_warc(stream: BinaryIO, name: str, options: ReadOptions) -> Iterator[Document | Failure]:
    """Each HTML response (or resource) record of a WARC file is one document.

    Its id is the record's target URI; its date is the page's own, else the
    record's (WARC-Date); its source is ``FILE#N``, the N-th record. Other
    records (requests, metadata, images, robots.txt, redirects and error
    responses) are passed over.
    """
    try:
        from warcio.archiveiterator import ArchiveIterator  # type: ignore[import-untyped]
        from warcio.exceptions import ArchiveLoadFailed  # type: ignore[import-untyped]
    except ImportError:
        yield Failure(name, f"reading WARC {EXTRA_HINT}")
        return
    from newsclaims.core.documents import parse_date
    from newsclaims.core.html import html_document

    records = ArchiveIterator(stream)
    try:
        for n, record in enumerate(records, 1):
            if record.rec_type not in ("response", "resource"):
                continue
            headers = record.http_headers if record.rec_type == "response" else record.rec_headers
            ctype = (headers.get_header("Content-Type") or "") if headers else ""
            if "html" not in ctype.lower():
                continue
            if record.rec_type == "response" and not headers.get_statuscode().startswith("2"):
                continue  # redirects and error pages are not articles
            uri = record.rec_headers.get_header("WARC-Target-URI") or ""
            source = f"{name}#{n}"  # the n-th record of the file
            data = record.content_stream().read(options.max_bytes + 1)
            if len(data) > options.max_bytes:
                yield _too_large(source, options.max_bytes)
                continue
            try:
                fallback = parse_date(record.rec_headers.get_header("WARC-Date") or "")
            except InputError:
                fallback = None
            charset = ctype.lower().partition("charset=")[2].strip(" \"';") or None
            try:
                yield html_document(
                    _html_text(data, charset), uri or source, source, url=uri, fallback=fallback
                )
            except InputError as exc:
                yield Failure(f"{source} {uri}".strip(), str(exc))
    except ArchiveLoadFailed as exc:
        yield Failure(name, f"not a readable WARC file: {exc}")


def english_only(
    items: Iterable[Document | Failure], report: ReadReport
) -> Iterator[Document | Failure]:
    """Documents that look English; the others are skipped with one line each."""
    from newsclaims.core.language import check_english

    for item in items:
        if isinstance(item, Document):
            check = check_english(item.text)
            if not check.english:
                report.skip(
                    item.source,
                    f"does not look English ({check.reason}; --no-language-check processes it)",
                    loud=True,
                )
                continue
        yield item
