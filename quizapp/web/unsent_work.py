"""A teacher's form sent after their session ended: say it was not saved, and lead back to it."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Flask, flash, redirect, request, url_for
from flask_login import current_user
from flask_login.utils import login_url
from werkzeug.wrappers import Response

from quizapp.extensions import login_manager

# Shown on the login page (flash category "unsent", which static/js/app.js looks for: it keeps
# what the teacher typed in the tab and puts it back on the form's page after logging in).
UNSENT_MESSAGE = (
    "You were logged out (in another tab, or your password was changed), so that was not "
    "saved. Log in again: you go back to the page, with what you typed put back."
)
UNSENT_TITLE = "Not saved: you were logged out"
EXPIRED_TITLE = "Not saved: the page was out of date"


def is_teacher_path(path: str) -> bool:
    """Whether a path is one of the teacher's pages (all behind login)."""
    return path == "/teacher" or path.startswith("/teacher/")


def page_it_came_from() -> str | None:
    """The path (and query) of the page that sent this form, when it is a teacher page of this
    site; None when the browser sent no usable Referer."""
    referrer = request.referrer
    if not referrer:
        return None
    parts = urlsplit(referrer)
    if parts.netloc and parts.netloc != request.host:
        return None
    if not is_teacher_path(parts.path):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def ask_to_log_in() -> Response:
    """A teacher page asked for without a session. A page read (GET) goes to the login page and
    back, as before; a form sent (POST) was not saved, so the login page says so and leads back
    to the page the form was on (not to the form's target, which may take POSTs only)."""
    if request.method == "POST":
        flash(UNSENT_MESSAGE, "unsent")
        back_to = page_it_came_from() or url_for("teacher.dashboard")
        return redirect(url_for("auth.login", next=back_to))
    if login_manager.login_message:
        flash(login_manager.login_message, login_manager.login_message_category)
    return redirect(login_url(login_manager.login_view, request.url))


def unsent_form_page() -> tuple[str, str, str, str] | None:
    """For a teacher's form refused for its stale security token: the title, message, button
    label and link of the page that says it was not saved; None for other forms."""
    if not is_teacher_path(request.path):
        return None
    back_to = page_it_came_from() or url_for("teacher.dashboard")
    if current_user.is_authenticated:
        # The session was renewed (a "keep me logged in" cookie) since the page was opened.
        return (
            EXPIRED_TITLE,
            "This page was opened in an earlier session, so what you sent was not saved. "
            "Open the page again: what you typed is put back, ready to save.",
            "Open the page again",
            back_to,
        )
    return (
        UNSENT_TITLE,
        "Your session ended (you logged out in another tab, or it timed out), so what you "
        "sent was not saved. Log in again: you go back to the page, with what you typed put back.",
        "Log in again",
        url_for("auth.login", next=back_to),
    )


def init_app(app: Flask) -> None:
    """Use ask_to_log_in for every page behind login."""
    login_manager.unauthorized_handler(ask_to_log_in)
