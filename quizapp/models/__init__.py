"""SQLAlchemy 2.0 typed models, one module per aggregate."""

from quizapp.models.article import Article
from quizapp.models.attempt import Attempt, Response
from quizapp.models.base import Base, db
from quizapp.models.practice import PracticeForm, PracticeItem
from quizapp.models.quiz import ExplanationPolicy, Question, Quiz, QuizStatus, StudyAccess
from quizapp.models.regrade import RegradeChange
from quizapp.models.user import User

__all__ = [
    "Article",
    "Attempt",
    "Base",
    "ExplanationPolicy",
    "PracticeForm",
    "PracticeItem",
    "Question",
    "Quiz",
    "QuizStatus",
    "RegradeChange",
    "Response",
    "StudyAccess",
    "User",
    "db",
]
