"""SQLAlchemy 2.0 typed models, one module per aggregate."""

from quizapp.models.article import Article
from quizapp.models.attempt import Attempt, Response
from quizapp.models.base import Base, db
from quizapp.models.quiz import ExplanationPolicy, Question, Quiz, QuizStatus
from quizapp.models.user import User

__all__ = [
    "Article",
    "Attempt",
    "Base",
    "ExplanationPolicy",
    "Question",
    "Quiz",
    "QuizStatus",
    "Response",
    "User",
    "db",
]
