"""Teacher pages: dashboard, new quiz from an article, review and edit, publish, results."""

from quizapp.web.teacher import (
    account,
    analysis,
    articles,
    classes,
    questions,
    quizzes,
    results,
    review,
)
from quizapp.web.teacher.blueprint import bp

__all__ = [
    "account",
    "analysis",
    "articles",
    "bp",
    "classes",
    "questions",
    "quizzes",
    "results",
    "review",
]
