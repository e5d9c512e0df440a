"""The student side: join with a code and a name, answer (autosaved), submit, see the result."""

from __future__ import annotations

import re
import secrets

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    flash,
    jsonify,
    make_response,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_login import current_user
from itsdangerous import BadSignature, URLSafeSerializer
from werkzeug.wrappers import Response as BaseResponse
from wtforms import HiddenField, StringField
from wtforms.validators import DataRequired, Length, Optional

from quizapp.models import Attempt
from quizapp.services import attempt_pages, joining, lessons, taking
from quizapp.services.student_names import MAX_NAME_CHARS
from quizapp.web.code_limits import (
    limit_wrong_codes,
    limit_wrong_personal_codes,
    mark_wrong_code,
    mark_wrong_personal_code,
)
from quizapp.web.form_text import CheckedForm, unstorable_fields
from quizapp.web.ids import row_number
from quizapp.web.rendering import render_cached_page

bp = Blueprint("play", __name__)

COOKIE = "quizapp_attempts"
COOKIE_MAX_AGE = 60 * 60 * 24 * 60
REMEMBERED = 20
UNSTORABLE_ANSWER = (
    "An answer held an invisible control character that cannot be saved (such as NUL). "
    "It has been taken out and your answers are saved: check them and submit again."
)


_NONCE = re.compile(r"[A-Za-z0-9_-]{16,64}")


@bp.app_template_global()
def new_join_nonce() -> str:
    """A one-time value for a join form, issued as the form is rendered: the attempt that form
    starts keeps it, so the same form sent twice starts one attempt (services/taking.py)."""
    return secrets.token_urlsafe(24)


def _sent_nonce(form: JoinForm) -> str:
    """The join form's one-time value as sent, if it has the shape of one we issue."""
    value = form.join_nonce.data or ""
    return value if _NONCE.fullmatch(value) else ""


def _strip(value: str | None) -> str | None:
    """Trim a typed value (WTForms filter)."""
    return " ".join(value.split()) if isinstance(value, str) else value


class JoinForm(CheckedForm):
    """The join screen: the quiz's code, and the name the teacher will see or a personal code."""

    code = StringField(
        "Quiz code",
        validators=[DataRequired("Type the code your teacher gave you."), Length(max=40)],
        filters=[_strip],
        render_kw={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"},
    )
    # Not required here: a quiz for a class asks for the personal code instead (the service
    # says which is missing).
    name = StringField(
        "Your name",
        validators=[
            Optional(),
            Length(max=MAX_NAME_CHARS * 2, message="Please use at most 80 characters."),
        ],
        description="Your teacher sees this name next to your score.",
        render_kw={"autocomplete": "name", "maxlength": MAX_NAME_CHARS},
    )
    # The form's one-time value (new_join_nonce); one of another shape is ignored.
    join_nonce = HiddenField()
    personal_code = StringField(
        "Your personal code",
        validators=[Optional(), Length(max=40)],
        filters=[_strip],
        description="The code on the slip from your teacher, for example 4KD-M7Q. "
        "Capitals and dashes do not matter.",
        render_kw={
            "autocomplete": "off",
            "autocapitalize": "characters",
            "spellcheck": "false",
            "maxlength": 20,
        },
    )


def _serializer() -> URLSafeSerializer:
    """Signs the browser's list of attempt tokens."""
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt="quizapp-attempts")


def _remembered_tokens() -> list[str]:
    """The attempt tokens this browser's signed cookie holds (newest first)."""
    raw = request.cookies.get(COOKIE)
    if not raw:
        return []
    try:
        tokens = _serializer().loads(raw)
    except BadSignature:
        return []
    return (
        [t for t in tokens if isinstance(t, str)][:REMEMBERED] if isinstance(tokens, list) else []
    )


def _set_remembered(response: BaseResponse, tokens: list[str]) -> BaseResponse:
    """Store this list of attempt tokens in the browser's signed cookie."""
    response.set_cookie(
        COOKIE,
        _serializer().dumps(tokens[:REMEMBERED]),
        max_age=COOKIE_MAX_AGE,
        httponly=True,
        samesite="Lax",
        secure=bool(current_app.config.get("SESSION_COOKIE_SECURE")),
    )
    return response


def _remember(response: BaseResponse, token: str) -> BaseResponse:
    """Add the token to the browser's signed cookie, so a lost tab or refresh can resume."""
    tokens = _remembered_tokens()
    if tokens[:1] == [token]:
        return response
    return _set_remembered(response, [token, *[t for t in tokens if t != token]])


def _attempt_or_404(token: str) -> Attempt:
    """The attempt with this token; 404 for unknown ones (no hint that others exist)."""
    attempt = taking.find_attempt(token)
    if attempt is None:
        abort(404)
    return attempt


def _join(form: JoinForm, status: int = 200) -> BaseResponse | tuple[str, int]:
    """Handle the join form: start or resume an attempt, or show why not."""
    code = form.code.data or ""
    if form.validate_on_submit():
        try:
            attempt = joining.join_quiz(
                code,
                name=form.name.data or "",
                personal_code=form.personal_code.data or "",
                known_tokens=_remembered_tokens(),
                nonce=_sent_nonce(form),
            )
        except taking.NoAttemptsLeft as error:
            flash(str(error), "info")
            if error.last_token:
                return redirect(url_for("play.result", token=error.last_token))
            form.form_errors.append(str(error))
        except taking.TakingError as error:
            form.form_errors.append(str(error))
            status = 410 if isinstance(error, taking.QuizClosed) else 200
            if isinstance(error, taking.QuizNotFound):
                mark_wrong_code()
            if isinstance(error, joining.WrongPersonalCode):
                mark_wrong_personal_code()
        else:
            return _remember(redirect(url_for("play.take", token=attempt.token)), attempt.token)
    # Each page of the form is a new form: sending it makes one attempt, however often it is
    # sent (a double click without JavaScript, a resend).
    form.join_nonce.data = new_join_nonce()
    ask_code = joining.asks_personal_code(code)
    mine = joining.attempts_in_browser(code, _remembered_tokens())
    page = render_template(
        "play/join.html",
        form=form,
        resume=mine.unfinished,
        submitted=mine.submitted,
        ask_code=ask_code,
    )
    return page, status


@bp.route("/join", methods=["GET", "POST"])
@limit_wrong_codes()
@limit_wrong_personal_codes()
def join() -> BaseResponse | tuple[str, int]:
    """The join screen: code and name (or personal code)."""
    form = JoinForm()
    if request.method == "GET" and request.args.get("code"):
        form.code.data = _strip(request.args["code"])
    return _join(form)


@bp.route("/join/<code>", methods=["GET", "POST"])
@limit_wrong_codes()
@limit_wrong_personal_codes()
def join_code(code: str) -> BaseResponse | tuple[str, int]:
    """The join link a teacher shares: the code is filled in, a closed quiz says so at once."""
    form = JoinForm()
    if request.method == "GET":
        form.code.data = code
        try:
            taking.find_quiz(code)
        except taking.TakingError as error:
            form.form_errors.append(str(error))
            if isinstance(error, taking.QuizNotFound):
                mark_wrong_code()
            return _join(form, status=410 if isinstance(error, taking.QuizClosed) else 404)
    return _join(form)


@bp.post("/join/<code>/someone-else")
def forget_attempts(code: str) -> BaseResponse:
    """Forget this browser's attempts at this quiz ("Not you? Start as someone else")."""
    wanted = taking.normalise_join_code(code)
    kept = []
    for token in _remembered_tokens():
        attempt = taking.find_attempt(token)
        if (
            attempt is not None
            and taking.normalise_join_code(attempt.quiz.join_code or "") != wanted
        ):
            kept.append(token)
    response = redirect(url_for("play.join_code", code=code))
    return _set_remembered(response, kept)


@bp.get("/attempt/<token>")
def take(token: str) -> BaseResponse | str:
    """The answer page: every question (or one, when the quiz pages them), prefilled."""
    attempt = _attempt_or_404(token)
    if taking.enforce_deadline(attempt):
        return redirect(url_for("play.result", token=token))
    if lessons.lesson_for_quiz(attempt.quiz_id) is not None:
        # A lesson is taken section by section (web/lessons.py), never all on one page.
        return _remember(redirect(url_for("lessons.start", token=token)), token)
    page = request.args.get("page", type=row_number)
    if taking.deadline_of(attempt) is None:
        # Reloads of the same answer page (the common case in a lesson) reuse its HTML.
        key = (
            "take",
            attempt.id,
            attempt.quiz_id,
            attempt.quiz.version,
            page,
            tuple(sorted((r.question_id, str(r.updated_at)) for r in attempt.responses)),
            current_user.get_id() if current_user.is_authenticated else None,
        )
        html = render_cached_page(
            key,
            "play/take.html",
            lambda: {"view": attempt_pages.take_view(attempt, page=page)},
        )
    else:  # the clock on the page changes every second
        view = attempt_pages.take_view(attempt, page=page)
        html = render_template("play/take.html", view=view)
    response = make_response(html)
    response.headers["Cache-Control"] = "no-store"
    return _remember(response, token)


@bp.post("/attempt/<token>")
def answer(token: str) -> BaseResponse:
    """The plain form's Save / Previous / Next / Submit: saves everything, works without JS."""
    attempt = _attempt_or_404(token)
    if lessons.lesson_for_quiz(attempt.quiz_id) is not None:
        # A lesson's checks are marked once, as they are answered (web/lessons.py): this form
        # must not rewrite one after its feedback showed the right answer.
        return redirect(url_for("lessons.start", token=token))
    action = request.form.get("action", "save")
    if action == "submit" and not unstorable_fields():
        taking.submit_attempt(attempt, request.form)
        return redirect(url_for("play.result", token=token))
    try:
        taking.save_answers(attempt, request.form)
    except taking.AttemptLocked as error:
        flash(str(error), "info")
        return redirect(url_for("play.result", token=token))
    page = request.form.get("page", type=row_number)
    if unstorable_fields():
        # Saved without the character, not submitted: the student checks the answer first.
        flash(UNSTORABLE_ANSWER, "error")
        return redirect(url_for("play.take", token=token, page=page) + "#main")
    if page is not None and action in ("next", "previous"):
        page += 1 if action == "next" else -1
    elif action.startswith("page-") and action[5:].isdigit():
        page = int(action[5:])
    else:
        flash("Your answers are saved.", "success")
    return redirect(url_for("play.take", token=token, page=page) + "#main")


@bp.post("/attempt/<token>/save")
def autosave(token: str) -> tuple[Response, int]:
    """Autosave from the page script: answers the page's form holds; says only whether saved."""
    attempt = _attempt_or_404(token)
    if lessons.lesson_for_quiz(attempt.quiz_id) is not None:
        message = "A lesson saves each answer when you check it."
        return jsonify({"saved": False, "message": message}), 409
    try:
        taking.save_answers(attempt, request.form)
    except taking.AttemptLocked as error:
        # The page reloads on 409 and lands on the result, which says why.
        return jsonify({"saved": False, "message": str(error)}), 409
    return jsonify({"saved": True}), 200


@bp.get("/attempt/<token>/result")
def result(token: str) -> BaseResponse | str:
    """The score, and per question the answer, the verdict and (policy allowing) the quote."""
    attempt = _attempt_or_404(token)
    if not taking.enforce_deadline(attempt):
        return redirect(url_for("play.take", token=token))
    view = attempt_pages.result_view(attempt)
    response = make_response(render_template("play/result.html", view=view))
    response.headers["Cache-Control"] = "no-store"
    return _remember(response, token)
