"""The settings of an extraction run, in one frozen, picklable object.

The CLI builds one `Settings` from its options; the local `Extractor`
(`Extractor.from_settings`) and the Dask workers (`distributed`) build the
same extractor from it, so a run gives the same records wherever it runs.
The defaults are the tunables chosen by measurement (README "Performance").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

# Documents per `nlp.pipe` batch and spaCy processes (benchmarks/bench.py).
DEFAULT_BATCH_SIZE = 32
DEFAULT_BATCH_CHARS = 100_000  # the parse needs about 3 KB per character of a batch
DEFAULT_WORKERS = 1
# A document longer than this is refused with one error line.
DEFAULT_MAX_CHARS = 5_000_000
# Seconds to reach a Dask scheduler and to see a first worker (--connect-timeout).
DEFAULT_CONNECT_TIMEOUT = 30.0


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    """How to extract: which pipeline, which reference date, how to batch.

    ``model``: a spaCy pipeline package or path (None: the default one).
    ``published``: the reference date for documents that carry none.
    ``workers``: spaCy processes on this machine (a Dask worker runs one).
    ``day_first``: the order of all-numeric dates ("12-03-2007") in documents
    that do not settle it themselves (None: month first, marked ambiguous;
    see `core.numeric_dates`).
    """

    model: str | None = None
    published: dt.date | None = None
    batch_size: int = DEFAULT_BATCH_SIZE
    workers: int = DEFAULT_WORKERS
    max_chars: int = DEFAULT_MAX_CHARS
    day_first: bool | None = None


# A scheduler's address as Dask takes it: [PROTOCOL://]HOST[:PORT], HOST a name, an
# IPv4 address or a bracketed IPv6 one.
_ADDRESS = re.compile(
    r"(?:(?:tcp|tls|ucx|ws|wss|inproc)://)?"
    r"(?:[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?|\[[0-9A-Fa-f:.]+\])"
    r"(?::(?P<port>[0-9]{1,5}))?/?"
)


def address_problem(address: str) -> str | None:
    """Why ``address`` cannot be a Dask scheduler's address, or None if it can.

    Checked before connecting, so that a typo is a usage error at once
    rather than a timeout.
    """
    m = _ADDRESS.fullmatch(address)
    if m is None:
        return f"{address!r} is not a scheduler address (expected tcp://HOST:PORT)"
    if m["port"] is not None and not 0 < int(m["port"]) < 65536:
        return f"{address!r}: port {m['port']} is out of range"
    return None
