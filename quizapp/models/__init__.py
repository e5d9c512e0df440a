"""SQLAlchemy 2.0 typed models, one module per aggregate."""

from quizapp.models.article import Article
from quizapp.models.attempt import Attempt, AttemptEnd, Response
from quizapp.models.base import Base, db
from quizapp.models.lesson import Lesson, LessonItem
from quizapp.models.practice import PracticeForm, PracticeItem
from quizapp.models.quiz import ExplanationPolicy, Question, Quiz, QuizStatus, StudyAccess
from quizapp.models.rate_limit import RateLimitCounter
from quizapp.models.regrade import RegradeChange
from quizapp.models.review import ReviewCard, ReviewLog
from quizapp.models.roster import SchoolClass, Student
from quizapp.models.unit import Unit, UnitStep
from quizapp.models.user import User

__all__ = [
    "Article",
    "Attempt",
    "AttemptEnd",
    "Base",
    "ExplanationPolicy",
    "Lesson",
    "LessonItem",
    "PracticeForm",
    "PracticeItem",
    "Question",
    "Quiz",
    "QuizStatus",
    "RateLimitCounter",
    "RegradeChange",
    "Response",
    "ReviewCard",
    "ReviewLog",
    "SchoolClass",
    "Student",
    "StudyAccess",
    "Unit",
    "UnitStep",
    "User",
    "db",
]
