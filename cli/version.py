"""The `--version` text: tool, records schema, spaCy and pipeline versions.

The versions come from package metadata and `core.records.SCHEMA_VERSION`
(the `schema_version` every record carries).

Kept out of `cli.main` so that `newsclaims --version` can answer before
Typer is imported (see `cli.launch`); neither imports spaCy.
"""

from __future__ import annotations


def version_text() -> str:
    import os

    from newsclaims.core.pipeline import MODEL_ENV, installed_version, model_info
    from newsclaims.core.records import SCHEMA_VERSION

    tool = installed_version("newsclaims") or "unknown"
    spacy_version = installed_version("spacy") or "not installed"
    info = model_info()
    pipeline = f"{info.name} {info.version or ''}".strip() if info else "none installed"
    if info is not None and os.environ.get(MODEL_ENV):  # say where a surprising name came from
        found = info.version is not None or os.path.isdir(info.name)
        pipeline += f" (from ${MODEL_ENV}{'' if found else '; not installed'})"
    return (
        f"newsclaims {tool}\nspaCy {spacy_version}\npipeline {pipeline}"
        f"\nrecords schema {SCHEMA_VERSION}"
    )
