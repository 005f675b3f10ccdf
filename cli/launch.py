"""The console-script entry point: `newsclaims --version` without importing Typer.

Importing Typer (and through it its vendored Click) is most of the cost of a
`--help` or `--version` run; the version needs none of it, so the exact
command line `newsclaims --version` is answered here. Everything else goes
to the Typer application in `cli.main`.
"""

from __future__ import annotations

import sys


def run() -> None:
    if sys.argv[1:] == ["--version"]:
        from .version import version_text

        try:
            sys.stdout.write(version_text() + "\n")
            sys.stdout.flush()
        except BrokenPipeError:
            pass
        return
    from .main import run as run_app

    run_app()
