"""SQLAlchemy 2.0 typed models, one module per aggregate."""

from quizapp.models.article import Article
from quizapp.models.attempt import Attempt, AttemptEnd, Response
from quizapp.models.base import Base, db
from quizapp.models.practice import PracticeForm, PracticeItem
from quizapp.models.quiz import ExplanationPolicy, Question, Quiz, QuizStatus, StudyAccess
from quizapp.models.rate_limit import RateLimitCounter
from quizapp.models.regrade import RegradeChange
from quizapp.models.roster import SchoolClass, Student
from quizapp.models.user import User

__all__ = [
    "Article",
    "Attempt",
    "AttemptEnd",
    "Base",
    "ExplanationPolicy",
    "PracticeForm",
    "PracticeItem",
    "Question",
    "Quiz",
    "QuizStatus",
    "RateLimitCounter",
    "RegradeChange",
    "Response",
    "SchoolClass",
    "Student",
    "StudyAccess",
    "User",
    "db",
]
