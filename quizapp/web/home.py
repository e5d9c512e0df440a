"""The site's front door: teachers go to their quizzes, everyone else to the join page."""

from __future__ import annotations

from flask import Blueprint, redirect, url_for
from flask_login import current_user
from werkzeug.routing import BuildError
from werkzeug.wrappers import Response

bp = Blueprint("home", __name__)


@bp.get("/")
def index() -> Response:
    """Redirect to the dashboard (teacher) or the student join page."""
    if current_user.is_authenticated:
        return redirect(url_for("teacher.dashboard"))
    try:
        return redirect(url_for("play.join"))
    except BuildError:  # the student pages are not installed
        return redirect(url_for("auth.login"))
