"""Teacher pages: dashboard, new quiz from an article, review and edit, publish, results."""

from quizapp.web.teacher import articles, questions, quizzes, results
from quizapp.web.teacher.blueprint import bp

__all__ = ["articles", "bp", "questions", "quizzes", "results"]
