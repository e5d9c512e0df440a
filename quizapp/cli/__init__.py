"""The `quizapp` console script: generate, export, serve, demo, create-teacher, db.

Each command lives in its own module and imports heavy libraries inside the command body,
so that `quizapp generate` starts fast.
"""

from __future__ import annotations

import click

from quizapp.cli.generate import generate_command


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="quizapp")
def main() -> None:
    """quizapp: quizzes and learning modules from an article."""


main.add_command(generate_command)

for _module in ("quizapp.cli.web", "quizapp.cli.export"):
    try:
        _mod = __import__(_module, fromlist=["COMMANDS"])
    except ModuleNotFoundError as exc:  # a command module not written yet
        if exc.name != _module:
            raise
        continue
    for _command in _mod.COMMANDS:
        main.add_command(_command)
