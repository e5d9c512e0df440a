"""Quizzes and their questions (one table for every question kind)."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any, ClassVar

from sqlalchemy import JSON, Boolean, DateTime, Enum, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from quizapp.models.article import Article
from quizapp.models.base import db, utcnow
from quizapp.models.roster import SchoolClass
from quizapp.models.user import User

# The question-set keys kept in Question.data, by kind (a cloze keeps its blanks and bank).
ITEM_DATA_KEYS = ("options", "accepted", "pairs", "value", "tolerance", "unit", "blanks", "bank")


class QuizStatus(enum.StrEnum):
    """Life cycle of a quiz: drafts are edited, published ones taken, closed ones only read."""

    DRAFT = "draft"
    PUBLISHED = "published"
    CLOSED = "closed"


class ExplanationPolicy(enum.StrEnum):
    """When students see one part of their feedback (score, right/wrong, answers, explanations)."""

    AFTER_SUBMIT = "after_submit"
    AFTER_CLOSE = "after_close"
    NEVER = "never"


class StudyAccess(enum.StrEnum):
    """When students may open the study view (the article with its facts, glossary, fact sheet)."""

    BEFORE_AND_AFTER = "before_and_after"
    AFTER_SUBMIT = "after_submit"
    NEVER = "never"


class Quiz(db.Model):
    """A curated set of questions on one article, with its publishing settings."""

    __tablename__ = "quiz"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("article.id", ondelete="CASCADE"), index=True
    )
    owner_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    status: Mapped[QuizStatus] = mapped_column(
        Enum(QuizStatus, native_enum=False, length=20), default=QuizStatus.DRAFT
    )
    join_code: Mapped[str | None] = mapped_column(String(12), unique=True)
    shuffle_questions: Mapped[bool] = mapped_column(Boolean, default=False)
    shuffle_options: Mapped[bool] = mapped_column(Boolean, default=True)
    one_per_page: Mapped[bool] = mapped_column(Boolean, default=False)
    time_limit_minutes: Mapped[int | None] = mapped_column(Integer)
    attempts_allowed: Mapped[int] = mapped_column(Integer, default=1)
    # Feedback, each part on its own: the score, each item's right/wrong, the correct answers
    # and the explanations (which quote the answer's sentence); services/feedback.py reads
    # them. Right/wrong and the answers left None follow `explanations`, as they always did.
    show_score: Mapped[ExplanationPolicy] = mapped_column(
        Enum(ExplanationPolicy, native_enum=False, length=20),
        default=ExplanationPolicy.AFTER_SUBMIT,
        server_default=ExplanationPolicy.AFTER_SUBMIT.name,
    )
    show_marks: Mapped[ExplanationPolicy | None] = mapped_column(
        Enum(ExplanationPolicy, native_enum=False, length=20)
    )
    show_answers: Mapped[ExplanationPolicy | None] = mapped_column(
        Enum(ExplanationPolicy, native_enum=False, length=20)
    )
    explanations: Mapped[ExplanationPolicy] = mapped_column(
        Enum(ExplanationPolicy, native_enum=False, length=20),
        default=ExplanationPolicy.AFTER_SUBMIT,
    )
    open_book: Mapped[bool] = mapped_column(Boolean, default=False)
    # Safe default: the article (answers highlighted) only once the student has submitted.
    study_access: Mapped[StudyAccess] = mapped_column(
        Enum(StudyAccess, native_enum=False, length=20),
        default=StudyAccess.AFTER_SUBMIT,
        server_default=StudyAccess.AFTER_SUBMIT.name,
    )
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    published_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    closed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # When a published quiz closes by itself, as if the teacher pressed "Close the quiz"
    # (services/taking.close_if_due, checked on every join, answer and results page).
    closes_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # Every edit touches updated_at, so the row's UPDATE checks and bumps `version`.
    updated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), onupdate=utcnow)
    # A one-time token from the "generate" form: a double submit finds the first quiz.
    creation_token: Mapped[str | None] = mapped_column(String(64), unique=True)
    # Assigned to a class: students join with their personal code instead of a typed name.
    class_id: Mapped[int | None] = mapped_column(
        ForeignKey("school_class.id", ondelete="SET NULL"), index=True
    )

    article: Mapped[Article] = relationship()
    owner: Mapped[User] = relationship()
    school_class: Mapped[SchoolClass | None] = relationship()
    questions: Mapped[list[Question]] = relationship(
        back_populates="quiz", order_by="Question.position", cascade="all, delete-orphan"
    )

    __mapper_args__: ClassVar[dict[str, Any]] = {"version_id_col": version}


class Question(db.Model):
    """One item: its kind, prompt, answer data (JSON by kind) and the source it quotes."""

    __tablename__ = "question"

    id: Mapped[int] = mapped_column(primary_key=True)
    quiz_id: Mapped[int] = mapped_column(ForeignKey("quiz.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    kind: Mapped[str] = mapped_column(String(30))
    prompt: Mapped[str] = mapped_column(Text)
    answer: Mapped[str | None] = mapped_column(Text)
    # Kind-specific data in the question-set format:
    # options, accepted, pairs, value, tolerance, unit; a cloze passage's blanks and bank.
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    fact_type: Mapped[str | None] = mapped_column(String(30))
    fact_text: Mapped[str | None] = mapped_column(Text)
    fact_start: Mapped[int | None] = mapped_column(Integer)
    fact_end: Mapped[int | None] = mapped_column(Integer)
    quote: Mapped[str | None] = mapped_column(Text)
    quote_start: Mapped[int | None] = mapped_column(Integer)
    quote_end: Mapped[int | None] = mapped_column(Integer)
    paragraph: Mapped[int | None] = mapped_column(Integer)
    explanation: Mapped[str | None] = mapped_column(Text)
    difficulty: Mapped[float | None] = mapped_column(Float)
    edited: Mapped[bool] = mapped_column(Boolean, default=False)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    created_by_teacher: Mapped[bool] = mapped_column(Boolean, default=False)
    # How the question counts after regrading: normal, full_credit (everyone gets the point)
    # or dropped (out of every total); see services/scoring.Marking.
    marking: Mapped[str] = mapped_column(String(20), default="normal", server_default="normal")

    quiz: Mapped[Quiz] = relationship(back_populates="questions")

    @property
    def key_text(self) -> str | None:
        """The answer as teachers read it on one line; a passage lists its gaps in order."""
        if self.kind == "cloze":
            blanks = (self.data or {}).get("blanks") or ()
            return " · ".join(f"({n}) {b.get('answer')}" for n, b in enumerate(blanks, 1))
        return self.answer

    def to_item(self, item_id: str | None = None) -> dict[str, Any]:
        """This question as a question-set format item (what macros and exporters render)."""
        item: dict[str, Any] = {
            "id": item_id or f"q{self.id}",
            "kind": self.kind,
            "prompt": self.prompt,
        }
        if self.kind != "matching":
            item["answer"] = self.answer
        for key in ITEM_DATA_KEYS:
            if key in (self.data or {}):
                item[key] = self.data[key]
        if self.fact_type is not None:
            item["fact"] = {
                "type": self.fact_type,
                "text": self.fact_text,
                "start": self.fact_start,
                "end": self.fact_end,
            }
        if self.quote is not None:
            item["source"] = {
                "quote": self.quote,
                "start": self.quote_start,
                "end": self.quote_end,
                "paragraph": self.paragraph,
            }
        item["explanation"] = self.explanation or ""
        if self.difficulty is not None:
            item["difficulty"] = self.difficulty
        return item
