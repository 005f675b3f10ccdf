"""Extraction on a Dask cluster: the same records, in the same order, as a local run.

A local cluster of two worker processes stands in for a real one; the
client, the scheduler protocol and the workers are Dask's own.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import dask.bag as db
import orjson
import pytest
from conftest import records
from distributed import Client, LocalCluster

from newsclaims.core.distributed import (
    ClusterError,
    ClusterExtractor,
    Settings,
    extract_bag,
    extract_on_cluster,
    worker_stats,
)
from newsclaims.core.documents import Document

pytestmark = pytest.mark.slow

PEOPLE = ["Mara Olsen", "Tomas Vik", "Ines Duarte", "Kofi Mensah", "Lena Brandt"]
ROLES = ["transit chief", "city treasurer", "harbor master", "school director", "fire marshal"]
DAYS = ["Monday", "Tuesday", "last week", "in March", "on June 3"]


def article(i: int) -> str:
    """Short articles written for this test, varied enough to give different records."""
    name, role, day = PEOPLE[i % 5], ROLES[(i // 5) % 5], DAYS[(i // 2) % 5]
    return (
        f"“The new line {i} opens {day},” said {role} {name}. "
        f"{name.split()[1]} said fares would not rise before {2020 + i % 7}.\n\n"
        f"Council members voted {i + 3} to 2 on the plan, officials said."
    )


def write_corpus(path: Path, n: int) -> Path:
    lines = [orjson.dumps({"id": f"d{i}", "text": article(i)}).decode() for i in range(n)]
    lines.insert(5, "{not json")  # line 6
    lines.insert(40, '{"id": "x", "title": "no text"}')  # line 41
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("newsclaims: error:")]


@pytest.fixture(scope="module")
def cluster():
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as local:
        yield local


def test_cli_on_cluster_writes_the_records_of_a_local_run(cluster, invoke, tmp_path):
    # 70 documents: two partitions of 64, so both workers get work
    corpus = str(write_corpus(tmp_path / "corpus.jsonl", 70))
    local = invoke("extract", corpus, "--format", "jsonl", "--published", "2024-05-03")
    remote = invoke(
        "extract",
        corpus,
        "--format",
        "jsonl",
        "--published",
        "2024-05-03",
        "--scheduler",
        cluster.scheduler_address,
    )
    assert local.exit_code == 1 and remote.exit_code == 1, remote.stderr
    assert remote.stdout == local.stdout
    docs = [r["doc"] for r in records(remote.stdout) if r["type"] == "document"]
    assert docs == [f"d{i}" for i in range(70)]
    # bad lines are reported the same way: one line each, naming PATH:LINE
    assert error_lines(remote.stderr) == error_lines(local.stderr)
    assert [
        re.sub(r": .*", "", e.removeprefix("newsclaims: error: "))
        for e in error_lines(remote.stderr)
    ] == [
        f"{corpus}:6",
        f"{corpus}:41",
    ]
    assert "72 read, 70 written, 2 failed" in remote.stderr


def test_partitions_spread_with_one_pipeline_load_per_worker(cluster, extractor):
    docs = [
        Document(id=f"d{i}", text=article(i), source=f"t:{i}", published=dt.date(2024, 5, 3))
        for i in range(12)
    ]
    with Client(cluster) as client:
        remote = list(extract_on_cluster(client, docs, Settings(), partition_size=2))
        bagged = extract_bag(db.from_sequence(docs, npartitions=3)).compute()
        stats = client.run(worker_stats)
    local = list(extractor.stream(docs))
    assert remote == local
    assert bagged == local
    assert len(stats) == 2
    assert all(s["pipelines"] == 1 for s in stats.values()), stats
    assert sum(s["partitions"] for s in stats.values()) >= 6


def test_worker_without_the_pipeline_fails_the_run_at_once(cluster):
    with pytest.raises(ClusterError, match="no_such_pipeline"):
        ClusterExtractor(cluster.scheduler_address, Settings(model="no_such_pipeline"))


def test_unreachable_scheduler_is_one_clear_error():
    with pytest.raises(ClusterError, match="cannot reach the Dask scheduler"):
        ClusterExtractor("tcp://127.0.0.1:9", timeout=2)
