"""Rate limits on guessing codes: wrong join codes and wrong personal codes, per address."""

from __future__ import annotations

from flask import current_app, g, make_response, render_template, request
from flask_limiter import RequestLimit, RouteLimit
from werkzeug.wrappers import Response as BaseResponse

from quizapp.extensions import limiter
from quizapp.services import joining, taking

__all__ = [
    "limit_wrong_codes",
    "limit_wrong_personal_codes",
    "mark_wrong_code",
    "mark_wrong_personal_code",
]


def _join_limit() -> str:
    """How many wrong join codes one address may try (configurable, e.g. for a big school NAT)."""
    return str(current_app.config["JOIN_RATE_LIMIT"])


def mark_wrong_code() -> None:
    """Count this request against the address's wrong-code limit."""
    g.join_code_missed = True


def _code_missed(_response: BaseResponse) -> bool:
    """Count only requests that tried a code no quiz has: guessing, not a class joining."""
    return bool(g.get("join_code_missed"))


def _too_many_wrong_codes(_limit: RequestLimit) -> BaseResponse:
    """The friendly page when an address has tried too many wrong codes."""
    page = render_template(
        "errors/error.html",
        status=429,
        title="Too many wrong codes",
        message="Too many quiz codes that do not exist were tried from this network. Wait a "
        "minute, check the code with your teacher, then try again.",
    )
    return make_response(page, 429)


def _no_wrong_code_tried() -> bool:
    """Whether this request is beyond the wrong-code limit: it names no code, or a quiz's.

    So a right code always gets in, even from an address that a prankster behind the same
    school network has used up (the limit only ever stops guessing).
    """
    if request.method == "POST":  # the form's code is the one tried, whatever the URL says
        code = request.form.get("code")
    else:
        code = (request.view_args or {}).get("code") or request.args.get("code")
    return not code or taking.code_exists(code)


def limit_wrong_codes() -> RouteLimit:
    """The rate limit on guessing join codes (wrong codes only), shared by every route that
    takes a code: decorate the view, and call mark_wrong_code() when its code matches no quiz."""
    return limiter.shared_limit(
        _join_limit,
        "join-code",
        deduct_when=_code_missed,
        exempt_when=_no_wrong_code_tried,
        on_breach=_too_many_wrong_codes,
    )


def mark_wrong_personal_code() -> None:
    """Count this request against the address's wrong-personal-code limit."""
    g.personal_code_missed = True


def _personal_code_missed(_response: BaseResponse) -> bool:
    """Count only personal codes that are on no roster of the quiz: guessing a classmate's."""
    return bool(g.get("personal_code_missed"))


def _too_many_wrong_personal_codes(_limit: RequestLimit) -> BaseResponse:
    """The friendly page when an address has tried too many wrong personal codes."""
    page = render_template(
        "errors/error.html",
        status=429,
        title="Too many wrong personal codes",
        message="Too many personal codes that are not on the class list were tried from this "
        "network. Wait a minute, check the code on your slip, then try again.",
    )
    return make_response(page, 429)


def _no_wrong_personal_code_tried() -> bool:
    """Whether this request tries no personal code, or a right one: a student with the code on
    their slip always gets in, even once a prankster on the same network spent the limit."""
    personal_code = request.form.get("personal_code") if request.method == "POST" else None
    if not personal_code:
        return True
    code = request.form.get("code") or (request.view_args or {}).get("code")
    return joining.personal_code_fits(code, personal_code)


def limit_wrong_personal_codes() -> RouteLimit:
    """The rate limit on guessing personal codes, counted apart from join codes (same limit)."""
    return limiter.shared_limit(
        _join_limit,
        "personal-code",
        deduct_when=_personal_code_missed,
        exempt_when=_no_wrong_personal_code_tried,
        on_breach=_too_many_wrong_personal_codes,
    )
