"""Cached rendering of answer-page questions: the macro's output depends only on its inputs."""

from __future__ import annotations

import json
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


def init_app(app: Flask) -> None:
    """Expose the cached renderer to templates."""
    app.add_template_global(render_take_question)
