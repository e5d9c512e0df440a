"""Web blueprints: auth, teacher, play (students), api."""

from __future__ import annotations

from flask import Flask


def register_blueprints(app: Flask) -> None:
    """Register every blueprint on the app."""
    from quizapp.web.health import bp as health_bp

    app.register_blueprint(health_bp)
