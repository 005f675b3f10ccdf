"""Extraction spread over a Dask cluster (the optional `newsclaims[dask]` extra).

The unit of work is a partition: a list of documents (and input failures,
which pass through in place so every input keeps its position). A worker
process loads the spaCy pipeline once, on its first partition, and keeps it
for every partition after that (`extract_partition`). `extract_on_cluster`
cuts a stream of documents into partitions, keeps a bounded number of them
on the cluster at once (so a corpus of any size streams through a client of
fixed memory) and yields the results in input order, so a cluster run
writes the same records, in the same order, as a local one.
`extract_bag` does the same for a `dask.bag` of documents.

Dask is imported only to connect to a scheduler (`connect`); everything
else works on the objects passed in (a `distributed.Client`, a bag), so the
module imports without the extra installed.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import replace
from itertools import islice
from typing import Any

from .documents import Document
from .extract import Extractor
from .pipeline import ModelError, loaded_pipelines
from .records import Extraction, Failure
from .settings import DEFAULT_CONNECT_TIMEOUT, address_problem
from .settings import Settings as Settings  # re-exported: the Dask API takes it

# distributed.Client and dask.bag.Bag: their methods carry no type annotations,
# which strict mypy refuses to call, so they are typed as Any here.
Client = Any
Bag = Any

DEFAULT_PARTITION_SIZE = 64  # documents per task: seconds of work, small against task overhead
DEFAULT_SETTINGS = Settings()
CONNECT_TIMEOUT = DEFAULT_CONNECT_TIMEOUT  # seconds to reach the scheduler and a first worker


class ClusterError(ModelError):
    """Nothing can run on the cluster: unreachable, no workers, or no pipeline on a worker."""


# One extractor per settings per worker process; the lock makes a threaded
# worker run one partition at a time, since a spaCy pipeline is not safe to
# share between threads running it at once.
_EXTRACTORS: dict[Settings, Extractor] = {}
_LOCK = threading.Lock()


def worker_extractor(settings: Settings) -> Extractor:
    """This process's extractor for ``settings``, built (pipeline loaded) on first use."""
    extractor = _EXTRACTORS.get(settings)
    if extractor is None:
        # one spaCy process per Dask worker: the cluster spreads the work
        extractor = Extractor.from_settings(replace(settings, workers=1))
        _EXTRACTORS[settings] = extractor
    return extractor


_PARTITIONS = 0  # partitions this process has run


def worker_stats() -> dict[str, int]:
    """What this process has done: pipelines loaded, extractors built, partitions run.

    Run on every worker with ``client.run(worker_stats)`` to check that each
    loaded its pipeline once however many partitions it ran.
    """
    return {
        "pipelines": len(loaded_pipelines()),
        "extractors": len(_EXTRACTORS),
        "partitions": _PARTITIONS,
    }


def extract_partition(
    items: Iterable[Document | Failure], settings: Settings = DEFAULT_SETTINGS
) -> list[Extraction | Failure]:
    """Extract from one partition of documents, in order, on the calling worker.

    Raises `core.pipeline.ModelError` when the worker has no usable pipeline.
    """
    global _PARTITIONS
    with _LOCK:
        _PARTITIONS += 1
        return list(worker_extractor(settings).stream(items))


def partitions(
    items: Iterable[Document | Failure], size: int = DEFAULT_PARTITION_SIZE
) -> Iterator[list[Document | Failure]]:
    """Consecutive partitions of at most ``size`` items, read lazily."""
    it = iter(items)
    while part := list(islice(it, size)):
        yield part


def extract_on_cluster(
    client: Client,
    items: Iterable[Document | Failure],
    settings: Settings = DEFAULT_SETTINGS,
    *,
    partition_size: int = DEFAULT_PARTITION_SIZE,
    in_flight: int | None = None,
) -> Iterator[Extraction | Failure]:
    """Results for ``items``, in input order, computed by the cluster behind ``client``.

    At most ``in_flight`` partitions (default: two per worker thread) are
    submitted and not yet consumed, so the input is read as the output is
    written. A partition whose task fails (a worker died) comes back as one
    failure per document, at its turn.
    """
    if in_flight is None:
        threads = sum(client.nthreads().values()) or 1
        in_flight = 2 * threads
    pending: deque[tuple[Any, list[Document | Failure]]] = deque()
    try:
        for part in partitions(items, partition_size):
            future = client.submit(extract_partition, part, settings, pure=False)
            pending.append((future, part))
            if len(pending) >= in_flight:
                yield from _gather(*pending.popleft())
        while pending:
            yield from _gather(*pending.popleft())
    finally:
        for future, _part in pending:
            future.cancel()


def _gather(future: Any, part: list[Document | Failure]) -> list[Extraction | Failure]:
    """A partition's results; if its task failed (a worker died), a failure per document.

    Rule bugs are already failures of single documents inside the task, so
    what reaches here is the cluster's own trouble; it costs this partition,
    not the run.
    """
    try:
        result: list[Extraction | Failure] = future.result()
    except Exception as exc:
        message = f"failed on the cluster: {type(exc).__name__}: {exc}"
        return [
            item if isinstance(item, Failure) else Failure(item.source, message) for item in part
        ]
    return result


def extract_bag(bag: Bag, settings: Settings = DEFAULT_SETTINGS) -> Bag:
    """A bag of `Extraction`/`Failure`s from a bag of `Document`s, partition by partition."""
    return bag.map_partitions(extract_partition, settings)


class ClusterExtractor:
    """`Extractor.stream` on a Dask cluster: the same results, in the same order.

    Connects to the scheduler at ``address`` and has every worker load its
    pipeline before the first partition, so a worker without the pipeline
    fails the run at once with one message (a `ClusterError`), as a missing
    pipeline does locally. The connection is closed when the stream ends.
    """

    def __init__(
        self,
        address: str,
        settings: Settings = DEFAULT_SETTINGS,
        *,
        partition_size: int = DEFAULT_PARTITION_SIZE,
        timeout: float = CONNECT_TIMEOUT,
    ) -> None:
        self.settings = settings
        self.partition_size = partition_size
        self.client = connect(address, timeout)
        try:
            warm_up(self.client, settings, timeout)
        except BaseException:
            self.client.close()
            raise

    def stream(self, items: Iterable[Document | Failure]) -> Iterator[Extraction | Failure]:
        try:
            yield from extract_on_cluster(
                self.client, items, self.settings, partition_size=self.partition_size
            )
        finally:
            self.client.close()


def connect(address: str, timeout: float = CONNECT_TIMEOUT) -> Client:
    """A client of the scheduler at ``address``, or a ClusterError saying why not."""
    try:
        import distributed

        make_client: Any = distributed.Client
    except ImportError:
        raise ClusterError(
            "running on a Dask cluster needs the dask extra: pip install 'newsclaims[dask]'"
        ) from None
    problem = address_problem(address)
    if problem is not None:
        raise ClusterError(problem)
    try:
        client: Client = make_client(address, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise ClusterError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
    return client


def _warm(settings: Settings) -> str | None:
    """On a worker: build its extractor now; an error message if it cannot."""
    try:
        with _LOCK:
            worker_extractor(settings)
    except ModelError as exc:
        return str(exc)
    return None


def warm_up(client: Client, settings: Settings, timeout: float = CONNECT_TIMEOUT) -> None:
    """Load the pipeline on every worker (in parallel), or raise ClusterError."""
    try:
        client.wait_for_workers(1, timeout=timeout)
    except TimeoutError:
        raise ClusterError(f"the Dask cluster has no workers (waited {timeout:.0f} s)") from None
    workers = list(client.nthreads())
    futures = [
        client.submit(_warm, settings, workers=[w], allow_other_workers=False, pure=False)
        for w in workers
    ]
    for worker, future in zip(workers, futures, strict=True):
        problem = future.result()
        if problem is not None:
            raise ClusterError(f"Dask worker {worker}: {problem}")
