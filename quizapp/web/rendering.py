"""Cached rendering of answer-page questions: the macro's output depends only on its inputs."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from flask import Flask, current_app
from markupsafe import Markup

_CACHE_MAX = 4096


def render_take_question(item: dict[str, Any], number: int, given: Any) -> Markup:
    """The question macro in "take" mode, memoised per app by (item, number, given answer).

    Every student of a quiz sees the same few hundred question blocks (options in one of a few
    orders, mostly unanswered), so rendering each once per process halves the answer page's cost.
    """
    cache: dict[str, Markup] = current_app.extensions.setdefault("quizapp_take_cache", {})
    key = json.dumps([item, number, given], sort_keys=True, ensure_ascii=False, default=str)
    html = cache.get(key)
    if html is None:
        macro = current_app.jinja_env.get_template("macros/questions.html").module.render_question
        html = Markup(macro(item, "take", number=number, given=given))
        if len(cache) >= _CACHE_MAX:
            cache.clear()
        cache[key] = html
    return html


CSRF_PLACEHOLDER = "\x00csrf-token\x00"
_PAGE_CACHE_MAX = 512  # pages of ~10 KB: a few MB per worker at most


def render_cached_page(
    key: tuple[Any, ...], template: str, context: Callable[[], dict[str, Any]]
) -> str:
    """A template rendered once per key and process, with this request's CSRF token put in.

    The context is built only when the page is not cached. The key must name everything the
    page shows (the callers pass the attempt, the quiz's
    version, the saved answers and who is logged in); the CSRF token is the one part that
    differs between requests, so it is rendered as a placeholder and filled in afterwards.
    Pages with flashed messages are rendered fresh: the flash must show, and only once.
    """
    from flask import render_template, session
    from flask_wtf.csrf import generate_csrf

    token = generate_csrf()
    if session.get("_flashes"):
        return render_template(template, **context())
    cache: dict[tuple[Any, ...], str] = current_app.extensions.setdefault("quizapp_page_cache", {})
    html = cache.get(key)
    if html is None:
        html = render_template(template, csrf_token=lambda: CSRF_PLACEHOLDER, **context())
        if len(cache) >= _PAGE_CACHE_MAX:
            cache.clear()
        cache[key] = html
    return html.replace(CSRF_PLACEHOLDER, token)


def init_app(app: Flask) -> None:
    """Expose the cached renderer to templates."""
    app.add_template_global(render_take_question)
