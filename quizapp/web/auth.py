"""Account pages: log in, log out, register (when REGISTRATION_OPEN)."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required, login_user, logout_user
from werkzeug.wrappers import Response

from quizapp.extensions import limiter
from quizapp.services.accounts import AccountError, NewTeacher, authenticate, register_teacher
from quizapp.web.forms_auth import LoginForm, RegisterForm

bp = Blueprint("auth", __name__, url_prefix="/auth")


def _safe_next(target: str | None) -> str:
    """The ?next= target if it stays on this site, else the dashboard."""
    if target and target.startswith("/") and not target.startswith("//"):
        parts = urlsplit(target)
        if not parts.scheme and not parts.netloc:
            return target
    return url_for("teacher.dashboard")


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit("10 per minute; 50 per hour", methods=["POST"])
def login() -> str | Response:
    """Log a teacher in."""
    if current_user.is_authenticated:
        return redirect(url_for("teacher.dashboard"))
    form = LoginForm()
    if form.validate_on_submit():
        user = authenticate(form.email.data or "", form.password.data or "")
        if user is not None:
            login_user(user, remember=form.remember.data)
            return redirect(_safe_next(request.args.get("next")))
        form.form_errors.append("That e-mail and password do not match an account.")
    return render_template(
        "auth/login.html", form=form, registration_open=current_app.config["REGISTRATION_OPEN"]
    )


@bp.route("/register", methods=["GET", "POST"])
@limiter.limit("5 per minute; 20 per hour", methods=["POST"])
def register() -> str | Response:
    """Create a teacher account and log in."""
    if not current_app.config["REGISTRATION_OPEN"]:
        abort(404)
    form = RegisterForm()
    if form.validate_on_submit():
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
            login_user(user)
            flash(f"Welcome, {user.display_name}. Start by giving an article.", "success")
            return redirect(url_for("teacher.new_article"))
    return render_template("auth/register.html", form=form)


@bp.post("/logout")
@login_required
def logout() -> Response:
    """Log out (POST only, so a link elsewhere cannot log a teacher out)."""
    logout_user()
    flash("You are logged out.", "info")
    return redirect(url_for("auth.login"))
