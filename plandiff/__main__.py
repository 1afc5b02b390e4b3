"""`python -m plandiff` runs the command line."""

from .cli.main import main

main()
