"""`python -m cli` runs the newsclaims command."""

from cli.main import run

run()
