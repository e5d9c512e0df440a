"""The `quizapp` console script: generate, export, serve, demo, create-teacher, db.

Each command lives in its own module and imports heavy libraries inside the command body,
so that `quizapp generate` starts fast.
"""

from __future__ import annotations

import click

from quizapp.cli.export import COMMANDS as EXPORT_COMMANDS
from quizapp.cli.generate import generate_command
from quizapp.cli.web import COMMANDS as WEB_COMMANDS


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="quizapp")
def main() -> None:
    """quizapp: quizzes and learning modules from an article."""


main.add_command(generate_command)
for _command in (*WEB_COMMANDS, *EXPORT_COMMANDS):
    main.add_command(_command)
