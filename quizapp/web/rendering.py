"""Rendering reused across requests: answer-page question blocks and whole answer pages.

Both are pure functions of their inputs, memoised per app (so per worker process); the keys
name everything the output shows, and the caches are bounded.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from flask import Flask, current_app, render_template, session
from flask_wtf.csrf import generate_csrf
from markupsafe import Markup

from quizapp.exports.base import teacher_note
from quizapp.services.results import points_text

T = TypeVar("T")
CSRF_PLACEHOLDER = "\x00csrf-token\x00"
QUESTION_CACHE_MAX = 4096
PAGE_CACHE_MAX = 512  # pages of ~10 KB: a few MB per worker at most


def _memo(name: str, limit: int, key: Hashable, build: Callable[[], T]) -> T:
    """build() once per key in the app's cache `name`, emptied when it reaches `limit`."""
    cache: dict[Hashable, T] = current_app.extensions.setdefault(name, {})
    # One lookup and a local result: another request thread may clear the cache at any moment.
    value = cache.get(key)
    if value is None:
        value = build()
        if len(cache) >= limit:
            cache.clear()
        cache[key] = value
    return value


def render_take_question(item: dict[str, Any], number: int, given: Any) -> Markup:
    """The question macro in "take" mode, memoised by (item, number, given answer).

    Every student of a quiz sees the same few hundred question blocks (options in one of a few
    orders, mostly unanswered), so each is rendered once per process.
    """

    def build() -> Markup:
        macro = current_app.jinja_env.get_template("macros/questions.html").module.render_question
        return Markup(macro(item, "take", number=number, given=given))

    key = json.dumps([item, number, given], sort_keys=True, ensure_ascii=False, default=str)
    return _memo("quizapp_take_cache", QUESTION_CACHE_MAX, key, build)


def render_cached_page(
    key: tuple[Any, ...], template: str, context: Callable[[], dict[str, Any]]
) -> str:
    """A template rendered once per key, with this request's CSRF token put in.

    The key must name everything the page shows (the caller passes the attempt, the quiz's
    version, the saved answers and who is logged in); the context is built only on a miss. The
    CSRF token is the one part that differs between requests, so it is rendered as a
    placeholder and filled in afterwards. Pages with flashed messages are rendered fresh: the
    flash must show, and only once.
    """
    token = generate_csrf()
    if session.get("_flashes"):
        return render_template(template, **context())

    def build() -> str:
        return render_template(template, csrf_token=lambda: CSRF_PLACEHOLDER, **context())

    return _memo("quizapp_page_cache", PAGE_CACHE_MAX, key, build).replace(CSRF_PLACEHOLDER, token)


def init_app(app: Flask) -> None:
    """Expose the cached question renderer, the teacher's-note test and the points format
    (filter ``points``) to templates."""
    app.add_template_global(render_take_question)
    app.add_template_global(teacher_note)
    app.add_template_filter(points_text, "points")
