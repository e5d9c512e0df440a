"""Results pages: per student and per question, and the CSV downloads."""

from __future__ import annotations

import re

from flask import render_template, request
from werkzeug.wrappers import Response

from quizapp.models import Quiz
from quizapp.services.results import quiz_results, results_csv, results_long_csv, time_zone
from quizapp.services.rosters import roster_status
from quizapp.web.teacher.blueprint import bp, join_link, owned_quiz_or_404


@bp.get("/quizzes/<int:quiz_id>/results")
def results(quiz_id: int) -> str:
    """How each student and each question did (students in the ?sort= order)."""
    quiz = owned_quiz_or_404(quiz_id)
    return render_template(
        "teacher/results.html",
        quiz=quiz,
        results=quiz_results(quiz, request.args.get("sort")),
        join_url=join_link(quiz.join_code),
        roster=roster_status(quiz),
    )


def _csv_response(quiz: Quiz, text: str, suffix: str) -> Response:
    """A CSV download that no cache keeps (it names students and their answers)."""
    slug = re.sub(r"[^A-Za-z0-9]+", "-", quiz.title).strip("-").lower()[:60] or "quiz"
    return Response(
        text.encode("utf-8"),
        mimetype="text/csv",
        headers={
            "Content-Disposition": f'attachment; filename="{slug}-{suffix}.csv"',
            "Cache-Control": "private, no-store",
        },
    )


@bp.get("/quizzes/<int:quiz_id>/results.csv")
def results_download(quiz_id: int) -> Response:
    """One row per student, per question the answer, right/wrong/blank and points (?tz=zone)."""
    quiz = owned_quiz_or_404(quiz_id)
    text = results_csv(quiz, time_zone(request.args.get("tz")))
    return _csv_response(quiz, text, "results")


@bp.get("/quizzes/<int:quiz_id>/answers.csv")
def answers_download(quiz_id: int) -> Response:
    """One row per answer (student x question), the long format (?tz=zone)."""
    quiz = owned_quiz_or_404(quiz_id)
    text = results_long_csv(quiz, time_zone(request.args.get("tz")))
    return _csv_response(quiz, text, "answers")
