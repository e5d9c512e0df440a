"""`python -m quizapp.cli` runs the console script."""

from quizapp.cli import main

main()
