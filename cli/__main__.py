"""`python -m newsclaims.cli` runs the newsclaims command."""

from newsclaims.cli.launch import run

run()
