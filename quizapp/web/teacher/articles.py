"""Dashboard and the two steps of a new quiz: the article's source, then what to generate."""

from __future__ import annotations

import secrets

from flask import current_app, flash, redirect, render_template, url_for
from flask_login import current_user
from werkzeug.wrappers import Response

from quizapp.services.authoring import AuthoringError
from quizapp.services.authoring import dashboard as dashboard_rows
from quizapp.services.drafting import SourceLimits, create_quiz, ingest_article
from quizapp.web.teacher.blueprint import bp, owned_article_or_404, quiz_url
from quizapp.web.teacher.forms import GenerateForm, SourceForm


@bp.get("/")
def dashboard() -> str:
    """The teacher's articles and quizzes with status and counts."""
    return render_template("teacher/dashboard.html", articles=dashboard_rows(current_user))


def _limits() -> SourceLimits:
    """Article limits from the configuration."""
    config = current_app.config
    return SourceLimits(
        max_bytes=config["URL_FETCH_MAX_BYTES"],
        max_chars=config["ARTICLE_MAX_CHARS"],
        url_timeout=config["URL_FETCH_TIMEOUT"],
        allow_private=config["URL_ALLOW_PRIVATE"],
    )


@bp.route("/articles/new", methods=["GET", "POST"])
def new_article() -> str | Response:
    """Step 1: paste, upload or give a URL; the article is saved and step 2 opens."""
    form = SourceForm()
    if form.validate_on_submit():
        upload = None
        if form.upload.data:
            upload = (form.upload.data.read(), form.upload.data.filename or "upload")
        try:
            article = ingest_article(
                current_user,
                text=form.text.data,
                upload=upload,
                url=form.url.data or None,
                limits=_limits(),
            )
        except AuthoringError as exc:
            form.form_errors.append(str(exc))
        else:
            return redirect(url_for("teacher.new_quiz", article_id=article.id))
    return render_template("teacher/new_article.html", form=form)


@bp.route("/articles/<int:article_id>/quiz", methods=["GET", "POST"])
def new_quiz(article_id: int) -> str | Response:
    """Step 2: confirm title and date, choose kinds and count, generate a draft quiz."""
    article = owned_article_or_404(article_id)
    form = GenerateForm()
    if form.validate_on_submit():
        try:
            quiz = create_quiz(
                article,
                title=form.title.data or "",
                published=form.published.data,
                kinds=form.kinds.data or [],
                count=form.count.data or 20,
                token=form.token.data or None,
            )
        except AuthoringError as exc:
            form.form_errors.append(str(exc))
        else:
            flash(
                f"Made {len(quiz.questions)} questions. Check each one before you publish.",
                "success",
            )
            return redirect(quiz_url(quiz))
    elif not form.is_submitted():
        form.title.data = article.title
        form.published.data = article.published_on
        form.token.data = secrets.token_urlsafe(24)
        # Propose a quiz sized to the article; the teacher may ask for more or fewer.
        from quizapp.nlp import suggested_item_count

        form.count.data = suggested_item_count(article.text)
    return render_template("teacher/new_quiz.html", form=form, article=article)
