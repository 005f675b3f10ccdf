"""How a run ends: signals, exit statuses and the standard streams.

SIGINT (Ctrl-C), SIGTERM and SIGHUP end a run alike (`stop_signals`): worker
processes are stopped first, the old `--output` file stays, the temporary
file goes, one line goes to stderr and the status is 128 + the signal.
A closed stdin, stdout or stderr gets /dev/null in its place
(`standard_descriptors`), so no file opened later takes its number.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator

STOP_SIGNALS = ("SIGINT", "SIGTERM", "SIGHUP")


class Interrupted(KeyboardInterrupt):
    """SIGTERM or SIGHUP, handled as Ctrl-C is."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


@contextlib.contextmanager
def stop_signals() -> Iterator[None]:
    """SIGINT, SIGTERM and SIGHUP end the run alike: worker processes stopped first.

    The first signal raises `Interrupted` in the main thread (so the old
    `--output` file stays and the temporary file goes); later ones are
    ignored while that cleanup runs. Previous handlers come back after.
    """
    import signal

    from newsclaims.core.extract import stop_worker_processes

    stopping = False

    def handler(signum: int, _frame: object) -> None:
        nonlocal stopping
        if stopping:
            return
        stopping = True
        stop_worker_processes()
        raise Interrupted(signum)

    signums = [getattr(signal, name) for name in STOP_SIGNALS]
    try:
        previous = {signum: signal.signal(signum, handler) for signum in signums}
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        for signum, old in previous.items():
            signal.signal(signum, old)


def interrupted_status(exc: KeyboardInterrupt) -> int:
    """One line on stderr; the status is 128 + the signal (130 for Ctrl-C)."""
    import signal

    signum = exc.signum if isinstance(exc, Interrupted) else signal.SIGINT
    name = signal.Signals(signum).name
    say(f"newsclaims: interrupted ({name})\n")
    return 128 + signum


def say(line: str) -> None:
    """Write a line on stderr, if there is still a stderr to write to."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        sys.stderr.write(line)
        sys.stderr.flush()


def hard_exit(code: int) -> None:
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError, AttributeError):
            stream.flush()
    os._exit(code)


def standard_descriptors() -> None:
    """Put /dev/null on a closed stdin, stdout or stderr (`2>&-`, `>&-`).

    Otherwise the next file opened would take the closed descriptor's number
    and receive what was meant for that stream. A closed stdout stays
    `None` for `extract` to refuse; a closed stderr just loses its messages.
    """
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            devnull = os.open(os.devnull, os.O_RDWR)
            if devnull != fd:
                os.dup2(devnull, fd)
                os.close(devnull)
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w")  # noqa: SIM115 (for the life of the process)
