"""Teacher downloads of a quiz: printable PDFs (paper, key, A/B versions) and LMS/data files."""

from __future__ import annotations

import io

from flask import Blueprint, abort, flash, redirect, request, send_file, url_for
from flask_login import current_user, login_required
from werkzeug.wrappers import Response

from quizapp.exports import FORMATS, MAX_VERSIONS
from quizapp.exports.base import ExportResult
from quizapp.services.exporting import HeavyWorkError, NothingToExport, export_owned_quiz

bp = Blueprint("exports", __name__, url_prefix="/teacher/quizzes")


@bp.get("/<int:quiz_id>/export/<fmt>")
@login_required
def download(quiz_id: int, fmt: str) -> Response:
    """Send the quiz in one format; ?paper=A4|Letter, ?appendix=1, ?versions=2 for PDFs.

    404 for an unknown format or a quiz that is not the teacher's (no hint that it exists);
    a PDF over its limits (time, memory, versions), or a quiz with no question the format
    holds, goes back to the quiz page with the reason.
    """
    if fmt not in FORMATS:
        abort(404)
    raw_versions = request.args.get("versions", "1")
    if not raw_versions.isdigit() or not 1 <= int(raw_versions) <= MAX_VERSIONS:
        abort(400)
    versions = int(raw_versions)
    try:
        result = export_owned_quiz(
            current_user,
            quiz_id,
            fmt,
            paper=request.args.get("paper", "A4"),
            versions=versions,
            appendix=request.args.get("appendix") in ("1", "on", "true"),
        )
    except (HeavyWorkError, NothingToExport) as exc:
        flash(str(exc), "error")
        return redirect(url_for("teacher.quiz", quiz_id=quiz_id, _anchor="downloads"))
    except ValueError:
        abort(400)
    if result is None:
        abort(404)
    return send_export(result)


def send_export(result: ExportResult) -> Response:
    """An export as a download that no shared cache keeps: the files hold the answers."""
    response = send_file(
        io.BytesIO(result.data),
        mimetype=result.mimetype,
        as_attachment=True,
        download_name=result.filename,
    )
    response.headers["Cache-Control"] = "private, no-store"
    return response
