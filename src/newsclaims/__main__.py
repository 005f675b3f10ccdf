"""`python -m newsclaims` runs the newsclaims command."""

from newsclaims.cli.launch import run

run()
