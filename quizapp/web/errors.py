"""Error pages in the site layout (404, 403, 413, CSRF, 500, ...), with the DB rolled back."""

from __future__ import annotations

from flask import Flask, current_app, render_template, request
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException
from werkzeug.wrappers import Response

from quizapp.models import db
from quizapp.web.request_limits import LARGE_BODY_BLUEPRINTS
from quizapp.web.unsent_work import unsent_form_page

MESSAGES: dict[int, tuple[str, str]] = {
    400: ("Bad request", "The page could not understand that request. Go back and try again."),
    403: ("Not allowed", "You do not have permission to see this page."),
    404: (
        "Page not found",
        "There is nothing here. Check the address, or go back to your quizzes.",
    ),
    405: (
        "Not allowed",
        "That action cannot be done this way. Go back and use the page's buttons.",
    ),
    413: (
        "File too large",
        "That file is larger than this site accepts. Try a smaller file, or paste the text.",
    ),
    429: ("Too many attempts", "Please wait a minute before trying again."),
    500: (
        "Something went wrong",
        "Sorry, the server hit a problem. Nothing was half-saved; please try again.",
    ),
}


def _render(status: int, title: str | None = None, message: str | None = None) -> tuple[str, int]:
    """The error page for a status code."""
    default_title, default_message = MESSAGES.get(status, ("Error", "Something went wrong."))
    return (
        render_template(
            "errors/error.html",
            status=status,
            title=title or default_title,
            message=message or default_message,
        ),
        status,
    )


def handle_http(exc: HTTPException) -> tuple[str, int] | Response:
    """Any HTTP error (abort(404) and friends) in the site layout."""
    if (exc.code or 500) >= 500:
        db.session.rollback()
    if isinstance(exc.response, Response):
        # A page built for this error (e.g. the join form's "too many wrong codes").
        return exc.response
    if exc.code == 413:
        return _render(413, *_too_large())
    return _render(exc.code or 500)


def _too_large() -> tuple[str, str]:
    """Title and message for a body over the limit: a teacher's upload (with the limit), or a
    student's or login form (which never carries a file)."""
    if request.blueprint in LARGE_BODY_BLUEPRINTS:
        megabytes = current_app.config["MAX_CONTENT_LENGTH"] / (1024 * 1024)
        return (
            "File too large",
            f"That file is larger than this site accepts (at most {megabytes:g} MB). "
            "Try a smaller file (a .txt or .docx of the same article is much smaller than a "
            "PDF), or paste the text.",
        )
    return (
        "Too much sent at once",
        "That form sent more than this page accepts. Go back and send a shorter answer.",
    )


def handle_csrf(exc: CSRFError) -> tuple[str, int]:
    """A form whose security token is missing or stale (e.g. a page left open very long).
    A teacher's form says it was not saved and how to get what was typed back."""
    unsent = unsent_form_page()
    if unsent is not None:
        title, message, action, link = unsent
        page = render_template(
            "errors/error.html",
            status=400,
            title=title,
            message=message,
            action=action,
            action_url=link,
            unsent=True,
        )
        return page, 400
    return _render(
        400,
        "The form expired",
        "For your security the form could not be accepted. Go back, reload the page and send it "
        "again.",
    )


def handle_server_error(exc: Exception) -> tuple[str, int]:
    """An unexpected error: undo the request's half-done database work, show a calm page."""
    db.session.rollback()
    return _render(500)


def init_app(app: Flask) -> None:
    """Register the error handlers."""
    app.register_error_handler(CSRFError, handle_csrf)
    app.register_error_handler(HTTPException, handle_http)
    app.register_error_handler(500, handle_server_error)
