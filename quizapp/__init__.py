"""quizapp: turn an article into checked questions, a classroom quiz, papers and LMS exports."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # Flask loads only when an app is built: `quizapp generate` starts faster.
    from flask import Flask

__all__ = ["create_app"]


def create_app(overrides: dict[str, Any] | None = None) -> Flask:
    """Build the Flask app from defaults, QUIZAPP_* environment variables and overrides.

    No side effects: it creates no tables, runs no migrations and touches no network.
    """
    from flask import Flask

    from quizapp.config import load_config
    from quizapp.extensions import init_extensions
    from quizapp.paths import STATIC_DIR, TEMPLATES_DIR

    app = Flask(
        __name__,
        template_folder=str(TEMPLATES_DIR),
        static_folder=str(STATIC_DIR),
        instance_relative_config=True,
    )
    app.config.update(load_config(app.instance_path, overrides or {}))
    init_extensions(app)

    from quizapp.web import register_blueprints

    register_blueprints(app)
    return app
