"""A teacher's own data: download all of it as one archive; confirm before deleting a quiz."""

from __future__ import annotations

import io

from flask import render_template, send_file
from flask_login import current_user
from werkzeug.wrappers import Response

from quizapp.services.account_data import account_archive, deletion_summary
from quizapp.web.teacher.blueprint import bp, owned_quiz_or_404


@bp.get("/account/data.zip")
def download_data() -> Response:
    """Every article, quiz, question, attempt and answer of this teacher as a zip."""
    archive = account_archive(current_user)
    response = send_file(
        io.BytesIO(archive.data),
        mimetype="application/zip",
        as_attachment=True,
        download_name=archive.filename,
    )
    response.headers["Cache-Control"] = "private, no-store"
    return response


@bp.get("/quizzes/<int:quiz_id>/delete")
def confirm_delete(quiz_id: int) -> str:
    """The confirmation step before deleting a quiz: what goes with it (works without JS)."""
    quiz = owned_quiz_or_404(quiz_id)
    return render_template("teacher/delete_quiz.html", quiz=quiz, summary=deletion_summary(quiz))
