"""Account pages: log in, log out, register (when REGISTRATION_OPEN)."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    g,
    make_response,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_limiter import RequestLimit
from flask_login import current_user, login_required, login_user, logout_user
from werkzeug.wrappers import Response

from quizapp.extensions import limiter
from quizapp.services.accounts import (
    AccountError,
    NewTeacher,
    authenticate,
    change_password,
    end_all_sessions,
    normalise_email,
    register_teacher,
    start_session,
)
from quizapp.web.forms_auth import LoginForm, PasswordForm, RegisterForm

bp = Blueprint("auth", __name__, url_prefix="/auth")

# Only refused passwords count, per address and per account: a teacher who mistypes now and
# then is never locked out, a script guessing one account's password is, from any address.
LOGIN_FAILURES_PER_ADDRESS = "10 per minute; 50 per hour"
LOGIN_FAILURES_PER_ACCOUNT = "10 per 15 minutes"
# Counted: accounts created and addresses found taken; a form with a typo is not counted.
REGISTRATIONS_PER_ADDRESS = "5 per minute; 20 per hour"


def _safe_next(target: str | None) -> str:
    """The ?next= target if it stays on this site, else the dashboard."""
    if target and target.startswith("/") and not target.startswith("//"):
        parts = urlsplit(target)
        if not parts.scheme and not parts.netloc:
            return target
    return url_for("teacher.dashboard")


def _login_failed(_response: Response) -> bool:
    """Count this request against the login limits: a password was checked and refused."""
    return bool(g.get("login_failed"))


def _registration_tried(_response: Response) -> bool:
    """Count this request against the registration limit: it reached the account service."""
    return bool(g.get("registration_tried"))


def _account_key() -> str:
    """The account a login names (its normalised e-mail); empty skips the per-account limit."""
    email = request.form.get("email", "")
    return "account:" + normalise_email(email)[:254] if email.strip() else ""


def _account_of_current_user() -> str:
    """The logged-in teacher's account, for the limit on wrong current passwords."""
    return f"account-id:{current_user.id}" if current_user.is_authenticated else ""


def _too_many_logins(_limit: RequestLimit) -> Response:
    """The page when too many wrong passwords were tried (for this account or address)."""
    page = render_template(
        "errors/error.html",
        status=429,
        title="Too many wrong passwords",
        message="Too many wrong passwords were tried for this account or from this network. "
        "Wait a few minutes, then try again.",
    )
    return make_response(page, 429)


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(
    LOGIN_FAILURES_PER_ADDRESS,
    methods=["POST"],
    deduct_when=_login_failed,
    on_breach=_too_many_logins,
)
@limiter.limit(
    LOGIN_FAILURES_PER_ACCOUNT,
    key_func=_account_key,
    methods=["POST"],
    deduct_when=_login_failed,
    on_breach=_too_many_logins,
)
def login() -> str | Response:
    """Log a teacher in."""
    if current_user.is_authenticated:
        return redirect(url_for("teacher.dashboard"))
    form = LoginForm()
    if form.validate_on_submit():
        user = authenticate(form.email.data or "", form.password.data or "")
        if user is not None:
            login_user(start_session(user), remember=form.remember.data)
            return redirect(_safe_next(request.args.get("next")))
        g.login_failed = True
        form.form_errors.append("That e-mail and password do not match an account.")
    return render_template(
        "auth/login.html", form=form, registration_open=current_app.config["REGISTRATION_OPEN"]
    )


@bp.route("/register", methods=["GET", "POST"])
@limiter.limit(REGISTRATIONS_PER_ADDRESS, methods=["POST"], deduct_when=_registration_tried)
def register() -> str | Response:
    """Create a teacher account and log in."""
    if not current_app.config["REGISTRATION_OPEN"]:
        abort(404)
    form = RegisterForm()
    if form.validate_on_submit():
        g.registration_tried = True
        try:
            user = register_teacher(
                NewTeacher(
                    form.email.data or "", form.display_name.data or "", form.password.data or ""
                )
            )
        except AccountError as exc:
            target = form.email.errors if "e-mail" in str(exc) else form.form_errors
            target.append(str(exc))
        else:
            login_user(start_session(user))
            flash(f"Welcome, {user.display_name}. Start by giving an article.", "success")
            return redirect(url_for("teacher.new_article"))
    return render_template("auth/register.html", form=form)


@bp.post("/logout")
@login_required
def logout() -> Response:
    """Log out everywhere (POST only, so a link elsewhere cannot log a teacher out): every
    session and remember-me cookie of this teacher, copied or not, stops working."""
    end_all_sessions(current_user._get_current_object())
    logout_user()
    flash("You are logged out.", "info")
    return redirect(url_for("auth.login"))


@bp.route("/password", methods=["GET", "POST"])
@login_required
@limiter.limit(
    LOGIN_FAILURES_PER_ACCOUNT,
    key_func=_account_of_current_user,
    methods=["POST"],
    deduct_when=_login_failed,
    on_breach=_too_many_logins,
)
def password() -> str | Response:
    """Change the password: every other session and remember-me cookie stops working."""
    form = PasswordForm()
    if form.validate_on_submit():
        user = current_user._get_current_object()
        try:
            changed = change_password(user, form.current.data or "", form.password.data or "")
        except AccountError as exc:
            form.password.errors = [*form.password.errors, str(exc)]
        else:
            if changed:
                login_user(start_session(user))  # this browser stays logged in
                flash("Your password is changed. Other devices are logged out.", "success")
                return redirect(url_for("teacher.dashboard"))
            g.login_failed = True
            form.current.errors = [*form.current.errors, "That is not your current password."]
    return render_template("auth/password.html", form=form)
