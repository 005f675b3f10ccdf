"""`python -m cli` runs the newsclaims command."""

from cli.launch import run

run()
