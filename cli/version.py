"""The `--version` text: tool, spaCy and pipeline versions, read from package metadata.

Kept out of `cli.main` so that `newsclaims --version` can answer before
Typer is imported (see `cli.launch`); neither imports spaCy.
"""

from __future__ import annotations


def version_text() -> str:
    from newsclaims.core.pipeline import installed_version, model_info

    tool = installed_version("newsclaims") or "unknown"
    spacy_version = installed_version("spacy") or "not installed"
    info = model_info()
    pipeline = f"{info.name} {info.version or ''}".strip() if info else "none installed"
    return f"newsclaims {tool}\nspaCy {spacy_version}\npipeline {pipeline}"
