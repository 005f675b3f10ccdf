"""Speed, start-up and memory of `newsclaims extract` against spaCy's bare `nlp.pipe`.

    uv run python benchmarks/bench.py                        # ../shared/eval/polnear-train.jsonl
    uv run python benchmarks/bench.py corpus.jsonl --docs 300 --rounds 5
    uv run python benchmarks/bench.py --workers-scaling 1,2  # adds a --workers table

Takes any JSON Lines corpus (one article per line; ``--text-field`` names the
text) and, in one run:

* times `newsclaims extract` (the installed command, writing JSON Lines to a
  file) against spaCy's `nlp.pipe` over the same texts with the same
  pipeline and batch size: once with every default component ("full"), once
  with only the components newsclaims runs ("same"). The contenders run in
  turn, in an order rotated every round, for several rounds, so background
  load hits them alike; ratios are taken within a round and their median is
  reported. Every contender is a fresh process, and its rate is counted from
  the moment its pipeline is loaded (a line it writes on stderr) to its exit;
  its CPU time over the same stretch is given too, being less sensitive than
  wall time to other work on a shared machine.
* measures start-up: importing spaCy, loading the pipeline, `--help`,
  `--version`, and the first record of a short article.
* measures peak memory (RSS) of a stream of N/10 and of N documents.

Not part of the test suite; the default size takes a few minutes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import orjson

ROOT = Path(__file__).resolve().parent.parent
NEWSCLAIMS_READY = "loaded in"  # the -v log line newsclaims writes once its pipeline is loaded
SPACY_READY = "bench: ready"
SHORT_ARTICLE = ROOT / "samples" / "harbor-bridge.txt"
THIS = str(Path(__file__).resolve())


# -- running a child process ---------------------------------------------------
@dataclass(slots=True)
class Run:
    """What one child process cost, measured from outside."""

    wall: float  # spawn to exit, seconds
    ready: float | None  # spawn to its "pipeline loaded" line on stderr
    first_line: float | None  # spawn to its first line on stdout (when piped)
    cpu: float  # user + system seconds of the process and its reaped children
    cpu_ready: float | None  # CPU seconds it had used when it said it was ready
    maxrss_mb: float  # peak resident memory (of the process, or its largest child)
    code: int
    stdout: bytes
    stderr: str

    @property
    def work(self) -> float:
        """Wall seconds after the pipeline was loaded (the whole run if unknown)."""
        return self.wall - (self.ready or 0.0)

    @property
    def work_cpu(self) -> float:
        return self.cpu - (self.cpu_ready or 0.0)


def _proc_cpu(pid: int) -> float | None:
    """CPU seconds a running process has used so far (Linux /proc), else None."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = stat.rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run_child(
    argv: Sequence[str],
    *,
    stdin: bytes | None = None,
    stdout: Path | None = None,
    ready_marker: str | None = None,
    watch: Callable[[bytes, int], None] | None = None,
) -> Run:
    """Run argv to its end: its wall time, readiness, first output line, CPU and peak RSS.

    stdout goes to the file ``stdout`` when given, else into a pipe read line
    by line (to time the first record), each line passed to ``watch`` with
    the child's pid. os.wait4 gives the resource usage.
    """
    out_fh = stdout.open("wb") if stdout is not None else None
    start = time.perf_counter()
    proc = subprocess.Popen(
        argv,
        stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
        stdout=out_fh if out_fh is not None else subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    marks: dict[str, float] = {}
    err: list[bytes] = []
    out: list[bytes] = []

    def read_stderr() -> None:
        assert proc.stderr is not None
        for line in proc.stderr:
            if ready_marker and "ready" not in marks and ready_marker.encode() in line:
                marks["ready"] = time.perf_counter() - start
                cpu = _proc_cpu(proc.pid)
                if cpu is not None:
                    marks["cpu_ready"] = cpu
            err.append(line)

    def read_stdout() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            marks.setdefault("first_line", time.perf_counter() - start)
            if watch is not None:
                watch(line, proc.pid)
            else:
                out.append(line)

    threads = [threading.Thread(target=read_stderr, daemon=True)]
    if out_fh is None:
        threads.append(threading.Thread(target=read_stdout, daemon=True))
    for t in threads:
        t.start()
    if stdin is not None:
        assert proc.stdin is not None
        proc.stdin.write(stdin)
        proc.stdin.close()
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    for t in threads:
        t.join()
    if out_fh is not None:
        out_fh.close()
    return Run(
        wall=wall,
        ready=marks.get("ready"),
        first_line=marks.get("first_line"),
        cpu=usage.ru_utime + usage.ru_stime,
        cpu_ready=marks.get("cpu_ready"),
        maxrss_mb=usage.ru_maxrss / 1024,
        code=proc.returncode,
        stdout=b"".join(out),
        stderr=b"".join(err).decode("utf-8", "replace"),
    )


def peak_rss_mb(pid: int) -> float | None:
    """A running process's peak resident memory so far (Linux /proc VmHWM), else None."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


@dataclass(slots=True)
class MemoryWatch:
    """Counts the document records a newsclaims run writes; notes its peak RSS at checkpoints."""

    checkpoints: list[int]
    docs: int = 0
    peaks: dict[int, float] = field(default_factory=dict)

    def __call__(self, line: bytes, pid: int) -> None:
        if not line.startswith(b'{"type":"document"'):
            return
        self.docs += 1
        if self.docs in self.checkpoints:
            peak = peak_rss_mb(pid)
            if peak is not None:
                self.peaks[self.docs] = peak


def checked(run: Run, what: str) -> Run:
    if run.code != 0:
        raise SystemExit(f"bench: {what} failed with status {run.code}:\n{run.stderr[-3000:]}")
    return run


# -- the corpus ------------------------------------------------------------------
@dataclass(slots=True)
class Corpus:
    path: Path  # JSON Lines of {"id", "text"}, read by every contender
    docs: int
    words: int  # whitespace-separated words
    chars: int


def find_default_corpus() -> Path | None:
    for base in (
        os.environ.get("NEWSCLAIMS_EVAL_DIR"),
        ROOT.parent / "shared" / "eval",
        Path("/work/shared/eval"),
    ):
        if base and (Path(base) / "polnear-train.jsonl").exists():
            return Path(base) / "polnear-train.jsonl"
    return None


def read_texts(path: Path, id_field: str, text_field: str) -> Iterator[tuple[str, str]]:
    """(id, text) of every usable line: a JSON object whose text is a non-blank string."""
    with path.open("rb") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                obj = orjson.loads(line)
            except orjson.JSONDecodeError:
                continue
            if not isinstance(obj, dict):
                continue
            text = obj.get(text_field)
            if isinstance(text, str) and text.strip():
                yield str(obj.get(id_field) or f"{path.name}:{n}"), text


def write_corpus(items: Sequence[tuple[str, str]], path: Path) -> Corpus:
    with path.open("wb") as fh:
        for doc_id, text in items:
            fh.write(orjson.dumps({"id": doc_id, "text": text}) + b"\n")
    return Corpus(
        path,
        len(items),
        sum(len(text.split()) for _, text in items),
        sum(len(text) for _, text in items),
    )


# -- contenders --------------------------------------------------------------------
@dataclass(slots=True)
class Contender:
    key: str
    name: str
    argv: Callable[[Path, int], list[str]]  # (corpus, workers) -> command
    ready_marker: str
    runs: list[Run] = field(default_factory=list)
    memory: list[MemoryWatch] = field(default_factory=list)


def newsclaims_cmd() -> list[str]:
    script = Path(sys.executable).with_name("newsclaims")
    return [str(script)] if script.exists() else [sys.executable, "-m", "newsclaims"]


def make_contenders(model: str, batch_size: int, skipped: Sequence[str]) -> list[Contender]:
    def newsclaims(corpus: Path, workers: int) -> list[str]:
        return [
            *newsclaims_cmd(),
            "extract",
            str(corpus),
            *("--format", "jsonl", "--model", model),
            *("--batch-size", str(batch_size), "--workers", str(workers), "-v"),
        ]

    def bare(disable: Sequence[str]) -> Callable[[Path, int], list[str]]:
        def argv(corpus: Path, workers: int) -> list[str]:
            return [
                *(sys.executable, THIS, "_spacy", str(corpus), "--model", model),
                *("--batch-size", str(batch_size), "--workers", str(workers)),
                *("--disable", ",".join(disable)),
            ]

        return argv

    same = f"same components (no {', '.join(skipped)})" if skipped else "same components"
    return [
        Contender("newsclaims", "newsclaims extract", newsclaims, NEWSCLAIMS_READY),
        Contender("full", "spaCy nlp.pipe, full default", bare(()), SPACY_READY),
        Contender("same", f"spaCy nlp.pipe, {same}", bare(skipped), SPACY_READY),
    ]


def spacy_child(argv: Sequence[str]) -> None:
    """The bare baseline: load the pipeline, run nlp.pipe over the texts, keep nothing."""
    parser = argparse.ArgumentParser(prog="bench.py _spacy")
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--model", required=True)
    parser.add_argument("--batch-size", type=int, required=True)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--disable", default="")
    args = parser.parse_args(argv)
    import spacy

    nlp = spacy.load(args.model, disable=[c for c in args.disable.split(",") if c])
    sys.stderr.write(f"{SPACY_READY} ({', '.join(nlp.pipe_names)})\n")
    sys.stderr.flush()
    texts = (text for _, text in read_texts(args.corpus, "id", "text"))
    for _doc in nlp.pipe(texts, batch_size=args.batch_size, n_process=args.workers):
        pass


# Python start to pipeline loaded, with nothing else imported: the floor of any
# spaCy program's start-up, which the first record of newsclaims is compared to.
LOAD_CODE = (
    "import sys, time\n"
    "t0 = time.perf_counter()\n"
    "import spacy\n"
    "t1 = time.perf_counter()\n"
    "spacy.load(sys.argv[1])\n"
    "t2 = time.perf_counter()\n"
    'print(\'{"import": %f, "load": %f}\' % (t1 - t0, t2 - t1))\n'
)


# -- measurements --------------------------------------------------------------------
def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def progress(message: str) -> None:
    sys.stderr.write(message + "\n")
    sys.stderr.flush()


@dataclass(slots=True)
class Startup:
    import_spacy: list[float] = field(default_factory=list)
    load: list[float] = field(default_factory=list)
    bare_ready: list[float] = field(default_factory=list)  # python start to pipeline loaded
    help: list[float] = field(default_factory=list)
    version: list[float] = field(default_factory=list)
    first_record: list[float] = field(default_factory=list)


def measure_startup(model: str, reps: int, quick_reps: int) -> Startup:
    """Start-up costs, each in fresh processes, interleaved so load hits them alike."""
    s = Startup()
    short = SHORT_ARTICLE.read_bytes()
    cmd = newsclaims_cmd()
    for _ in range(quick_reps):
        s.help.append(checked(run_child([*cmd, "--help"]), "--help").wall)
        s.version.append(checked(run_child([*cmd, "--version"]), "--version").wall)
    for _ in range(reps):
        bare = checked(run_child([sys.executable, "-c", LOAD_CODE, model]), "loading the pipeline")
        times = orjson.loads(bare.stdout)
        s.bare_ready.append(bare.wall)
        s.import_spacy.append(times["import"])
        s.load.append(times["load"])
        first = run_child(
            [*cmd, "extract", "--model", model, "--format", "jsonl", "-q"], stdin=short
        )
        checked(first, "first record")
        if first.first_line is not None:
            s.first_record.append(first.first_line)
    return s


def run_rounds(cands: Sequence[Contender], corpus: Corpus, workers: int, n_rounds: int) -> None:
    """Every contender once per round, the order rotated each round.

    newsclaims's output is read through a pipe, counted, and its peak memory
    noted after every tenth of the documents (the bare spaCy runs write nothing).
    """
    checkpoints = sorted({max(1, corpus.docs * k // 10) for k in range(1, 11)})
    for r in range(n_rounds):
        k = r % len(cands)
        for c in [*cands[k:], *cands[:k]]:
            watch = MemoryWatch(checkpoints) if c.key == "newsclaims" else None
            run = run_child(
                c.argv(corpus.path, workers),
                ready_marker=c.ready_marker,
                watch=watch or (lambda _line, _pid: None),
            )
            checked(run, c.name)
            if watch is not None:
                if watch.docs != corpus.docs:
                    raise SystemExit(f"bench: newsclaims wrote {watch.docs} of {corpus.docs} docs")
                c.memory.append(watch)
            c.runs.append(run)
            progress(
                f"  round {r + 1}/{n_rounds}  {c.name:<48} {run.wall:6.1f} s"
                f"  ({corpus.words / run.work:,.0f} words/s after load, CPU {run.work_cpu:.1f} s)"
            )


# -- the report --------------------------------------------------------------------------
def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} CPUs ({cpu}), {platform.system()} {platform.release()}"


def load_average() -> str:
    try:
        one, five, fifteen = os.getloadavg()
    except OSError:
        return "unknown"
    return f"{one:.2f} {five:.2f} {fifteen:.2f}"


def versions(model: str) -> str:
    from importlib import metadata

    def version(dist: str) -> str:
        for name in (dist, dist.replace("_", "-")):
            try:
                return metadata.version(name)
            except metadata.PackageNotFoundError:
                continue
        return "?"

    return (
        f"Python {platform.python_version()}, newsclaims {version('newsclaims')}, "
        f"spaCy {version('spacy')}, pipeline {model} {version(model)}"
    )


def ratio_line(num: Contender, den: Contender) -> str:
    """Per-round ratios of words/s after load, their median, and the CPU-time ratio."""
    per_round = [d.work / n.work for n, d in zip(num.runs, den.runs, strict=True)]
    cpu = [d.work_cpu / n.work_cpu for n, d in zip(num.runs, den.runs, strict=True)]
    whole = [d.wall / n.wall for n, d in zip(num.runs, den.runs, strict=True)]
    rounds = " ".join(f"{x:.2f}" for x in per_round)
    return (
        f"{median(per_round):.2f}x  (rounds: {rounds}; CPU time: {median(cpu):.2f}x; "
        f"end to end with start-up: {median(whole):.2f}x)"
    )


def throughput_table(cands: Sequence[Contender], corpus: Corpus) -> list[str]:
    lines = [
        f"  {'':<52} {'docs/s':>7} {'words/s':>8} {'wall s':>7} {'CPU s':>7} {'peak MB':>8}",
    ]
    for c in cands:
        work = median([r.work for r in c.runs])
        lines.append(
            f"  {c.name:<52} {corpus.docs / work:7.2f} {corpus.words / work:8,.0f} "
            f"{median([r.wall for r in c.runs]):7.1f} {median([r.work_cpu for r in c.runs]):7.1f} "
            f"{median([r.maxrss_mb for r in c.runs]):8.0f}"
        )
    return lines


def startup_lines(s: Startup) -> list[str]:
    def ms(values: Sequence[float]) -> str:
        if not values:
            return "n/a"
        return f"{median(values) * 1000:5.0f} ms (min {min(values) * 1000:.0f}, n={len(values)})"

    overhead = [f - b for f, b in zip(s.first_record, s.bare_ready, strict=False)]
    return [
        f"  import spacy                                {ms(s.import_spacy)}",
        f"  load the pipeline (spacy.load)              {ms(s.load)}",
        f"  python start to pipeline loaded, bare spaCy {ms(s.bare_ready)}",
        f"  newsclaims --help                           {ms(s.help)}",
        f"  newsclaims --version                        {ms(s.version)}",
        f"  newsclaims extract, first record (short)    {ms(s.first_record)}",
        f"    first record minus bare start-up          {ms(overhead)}",
    ]


def memory_growth(nc: Contender) -> float | None:
    """Peak RSS after all documents against after the first tenth, in percent."""
    if not nc.memory or not nc.memory[0].peaks:
        return None
    counts = sorted(nc.memory[0].peaks)
    first = median([m.peaks[counts[0]] for m in nc.memory if counts[0] in m.peaks])
    last = median([m.peaks[counts[-1]] for m in nc.memory if counts[-1] in m.peaks])
    return (last - first) / first * 100


def target_lines(nc: Contender, full: Contender, s: Startup) -> list[str]:
    """The issue's targets, each with the figure measured here."""
    ratio = median([f.work / n.work for n, f in zip(nc.runs, full.runs, strict=True)])
    first = median([f - b for f, b in zip(s.first_record, s.bare_ready, strict=False)])
    growth = memory_growth(nc)

    def mark(ok: bool) -> str:
        return "met" if ok else "NOT met"

    lines = [
        "Targets",
        f"  throughput >= 0.9x spaCy full default pipeline: {ratio:.2f}x, {mark(ratio >= 0.9)}",
        f"  throughput > 1.0x (components skipped): {ratio:.2f}x, {mark(ratio > 1.0)}",
        f"  --help within 0.3 s: {median(s.help):.3f} s, {mark(median(s.help) <= 0.3)}",
        f"  --version within 0.3 s: {median(s.version):.3f} s, {mark(median(s.version) <= 0.3)}",
        f"  first record within pipeline load + 0.2 s: +{first:.3f} s, {mark(first <= 0.2)}",
    ]
    if growth is not None:
        ok = mark(growth < 10)
        lines.append(f"  10x documents raise peak memory < 10%: {growth:+.1f}%, {ok}")
    return lines


def memory_lines(nc: Contender, corpus: Corpus) -> list[str]:
    """Peak RSS of newsclaims after each tenth of the stream (median over rounds)."""
    if not nc.memory or not nc.memory[0].peaks:
        return ["Memory: not measured (needs Linux /proc)"]
    counts = sorted(nc.memory[0].peaks)
    peak = {n: median([m.peaks[n] for m in nc.memory if n in m.peaks]) for n in counts}
    first, last = counts[0], counts[-1]
    growth = (peak[last] - peak[first]) / peak[first] * 100
    curve = "  ".join(f"{n}: {peak[n]:.0f}" for n in counts)
    return [
        "Memory: peak RSS of newsclaims extract, MB, after N documents of the stream",
        f"  {curve}",
        f"  after {last} documents vs after {first}: {growth:+.1f}% "
        f"(process peak {median([r.maxrss_mb for r in nc.runs]):.0f} MB)",
    ]


def scaling_lines(scaled: dict[int, list[Contender]], corpus: Corpus) -> list[str]:
    lines = [
        "--workers scaling (words/s after load, median of rounds)",
        f"  {'workers':>7} {'newsclaims':>11} {'speed-up':>9} {'spaCy same':>11} {'speed-up':>9}",
    ]
    base: tuple[float, float] | None = None
    for w, (n, s) in scaled.items():
        nw = corpus.words / median([r.work for r in n.runs])
        sw = corpus.words / median([r.work for r in s.runs])
        base = base or (nw, sw)
        lines.append(f"  {w:>7} {nw:11,.0f} {nw / base[0]:8.2f}x {sw:11,.0f} {sw / base[1]:8.2f}x")
    return lines


def bytecode_note() -> list[str]:
    """Warn when start-up figures include compiling every module from source."""
    import typer

    cache = Path(typer.__file__).parent / "__pycache__"
    if sys.flags.dont_write_bytecode and not cache.exists():
        return [
            "note: PYTHONDONTWRITEBYTECODE is set and site-packages holds no bytecode, so "
            "every start compiles its modules (run `uv sync --compile-bytecode` once)"
        ]
    return []


# -- main ----------------------------------------------------------------------------------
def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="bench.py", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("corpus", nargs="?", type=Path, help="JSON Lines corpus")
    parser.add_argument("--docs", type=int, default=150, help="documents to run (default 150)")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds (default 3)")
    parser.add_argument("--batch-size", type=int, default=None, help="default: newsclaims's")
    parser.add_argument("--model", default=None, help="default: the one newsclaims would use")
    parser.add_argument("--id-field", default="id")
    parser.add_argument("--text-field", default="text")
    parser.add_argument("--startup-reps", type=int, default=5)
    parser.add_argument("--quick-reps", type=int, default=20, help="for --help and --version")
    parser.add_argument(
        "--workers-scaling",
        default="",
        metavar="1,2,...",
        help="also time newsclaims and spaCy (same components) with these --workers values",
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str]) -> None:
    if argv and argv[0] == "_spacy":
        spacy_child(argv[1:])
        return
    args = parse_args(argv)
    from newsclaims.core.pipeline import SKIPPED_COMPONENTS, resolve_model_name
    from newsclaims.core.settings import DEFAULT_BATCH_SIZE

    corpus_path = args.corpus or find_default_corpus()
    if corpus_path is None:
        raise SystemExit("bench: give a JSON Lines corpus (no ../shared/eval/polnear-train.jsonl)")
    model = resolve_model_name(args.model)
    batch_size = args.batch_size or DEFAULT_BATCH_SIZE
    items = []
    for item in read_texts(corpus_path, args.id_field, args.text_field):
        items.append(item)
        if len(items) == args.docs:
            break
    if not items:
        raise SystemExit(f"bench: no usable documents in {corpus_path}")
    started = dt.datetime.now().isoformat(timespec="seconds")
    load_before = load_average()
    scaling = [int(w) for w in args.workers_scaling.split(",") if w.strip()]
    scaled: dict[int, list[Contender]] = {}
    with tempfile.TemporaryDirectory(prefix="newsclaims-bench-") as tmp:
        corpus = write_corpus(items, Path(tmp) / "corpus.jsonl")
        progress(f"bench: start-up ({args.quick_reps} + {args.startup_reps} repetitions)")
        startup = measure_startup(model, args.startup_reps, args.quick_reps)
        cands = make_contenders(model, batch_size, SKIPPED_COMPONENTS)
        progress(f"bench: {args.rounds} rounds over {corpus.docs} documents")
        run_rounds(cands, corpus, 1, args.rounds)
        for w in scaling:
            progress(f"bench: --workers {w}")
            pair = make_contenders(model, batch_size, SKIPPED_COMPONENTS)[::2]
            run_rounds(pair, corpus, w, args.rounds)
            scaled[w] = pair

    nc, full, same = cands
    report = [
        f"newsclaims benchmark, {started}",
        f"machine: {machine()}; load average {load_before} at start, {load_average()} at end",
        versions(model),
        *bytecode_note(),
        f"corpus: {corpus_path}, first {corpus.docs} documents, "
        f"{corpus.words:,} words, {corpus.chars:,} characters",
        f"batch size {batch_size}, 1 process, {args.rounds} alternating rounds; "
        "rates count from pipeline loaded to exit",
        f"command: uv run python benchmarks/bench.py {' '.join(argv)}".rstrip(),
        "",
        "Throughput (median of rounds)",
        *throughput_table(cands, corpus),
        "",
        f"newsclaims / spaCy full default pipeline:  {ratio_line(nc, full)}",
        f"newsclaims / spaCy same components:        {ratio_line(nc, same)}",
        "",
        "Start-up (median)",
        *startup_lines(startup),
        "",
        *memory_lines(nc, corpus),
        "",
        *target_lines(nc, full, startup),
    ]
    if scaled:
        report += ["", *scaling_lines(scaled, corpus)]
    sys.stdout.write("\n".join(report) + "\n")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main(sys.argv[1:])
