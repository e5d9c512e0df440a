"""Results pages: per student and per question, and the CSV download."""

from __future__ import annotations

import re

from flask import render_template
from werkzeug.wrappers import Response

from quizapp.services.results import quiz_results, results_csv
from quizapp.services.rosters import roster_status
from quizapp.web.teacher.blueprint import bp, join_link, owned_quiz_or_404


@bp.get("/quizzes/<int:quiz_id>/results")
def results(quiz_id: int) -> str:
    """How each student and each question did."""
    quiz = owned_quiz_or_404(quiz_id)
    return render_template(
        "teacher/results.html",
        quiz=quiz,
        results=quiz_results(quiz),
        join_url=join_link(quiz.join_code),
        roster=roster_status(quiz),
    )


@bp.get("/quizzes/<int:quiz_id>/results.csv")
def results_download(quiz_id: int) -> Response:
    """The per-student results as a CSV file (UTF-8 with BOM, formula-safe)."""
    quiz = owned_quiz_or_404(quiz_id)
    slug = re.sub(r"[^A-Za-z0-9]+", "-", quiz.title).strip("-").lower()[:60] or "quiz"
    return Response(
        results_csv(quiz).encode("utf-8"),
        mimetype="text/csv",
        headers={
            "Content-Disposition": f'attachment; filename="{slug}-results.csv"',
            # Students' names and scores: kept out of every cache, like the other exports.
            "Cache-Control": "private, no-store",
        },
    )
