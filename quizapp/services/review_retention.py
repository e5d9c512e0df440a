"""The teacher's view of spaced review: retention per student, per fact and per week."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from quizapp.models import ReviewCard, ReviewLog, SchoolClass, db
from quizapp.services.review_cards import SCHEDULER, as_utc, day_end, fsrs_card, sync_cards

__all__ = ["ClassRetention", "RetentionLine", "class_retention"]


# ---------------------------------------------------------------- the teacher's view


@dataclass(frozen=True, slots=True)
class RetentionLine:
    """One student's or one fact's review record: cards, due, reviews, right, predicted recall."""

    label: str
    cards: int
    due: int
    reviews: int
    right: int
    recall: float | None

    @property
    def share_right(self) -> float | None:
        """Right reviews over reviews (the retention students showed)."""
        return self.right / self.reviews if self.reviews else None


@dataclass(frozen=True, slots=True)
class ClassRetention:
    """Retention in a class: per student, per fact, and per week of reviews."""

    students: tuple[RetentionLine, ...]
    facts: tuple[RetentionLine, ...]
    weeks: tuple[tuple[str, int, int], ...]


def _line(
    label: str, cards: Sequence[ReviewCard], logs: Sequence[ReviewLog], now: datetime
) -> RetentionLine:
    """Aggregate cards and their reviews (not the first answers) into one line."""
    reviews = [log for log in logs if log.card_version > 0]
    recall = [SCHEDULER.get_card_retrievability(fsrs_card(c), now) for c in cards]
    return RetentionLine(
        label=label,
        cards=len(cards),
        due=sum(1 for c in cards if as_utc(c.due) < day_end(now)),
        reviews=len(reviews),
        right=sum(1 for log in reviews if log.correct),
        recall=sum(recall) / len(recall) if recall else None,
    )


def class_retention(school_class: SchoolClass, now: datetime) -> ClassRetention:
    """Each student's and each fact's retention, and right answers per week of reviews."""
    now = as_utc(now)
    students = school_class.current_students
    for student in students:
        sync_cards(student)
    ids = [s.id for s in students]
    cards = list(db.session.scalars(db.select(ReviewCard).where(ReviewCard.student_id.in_(ids))))
    logs = list(
        db.session.scalars(
            db.select(ReviewLog)
            .join(ReviewCard, ReviewCard.id == ReviewLog.card_id)
            .where(ReviewCard.student_id.in_(ids))
        )
    )
    logs_of: dict[int, list[ReviewLog]] = {}
    for log in logs:
        logs_of.setdefault(log.card_id, []).append(log)
    by_student = []
    for student in students:
        mine = [c for c in cards if c.student_id == student.id]
        by_student.append(
            _line(student.name, mine, [g for c in mine for g in logs_of.get(c.id, [])], now)
        )
    by_fact = []
    for question_id in sorted({c.question_id for c in cards}):
        theirs = [c for c in cards if c.question_id == question_id]
        prompt = theirs[0].question.prompt
        by_fact.append(
            _line(prompt, theirs, [g for c in theirs for g in logs_of.get(c.id, [])], now)
        )
    weeks: dict[str, list[int]] = {}
    for log in sorted(logs, key=lambda g: as_utc(g.reviewed_at)):
        if log.card_version == 0:
            continue
        moment = as_utc(log.reviewed_at)
        monday = (moment - timedelta(days=moment.weekday())).date().isoformat()
        weeks.setdefault(monday, [0, 0])
        weeks[monday][0] += 1
        weeks[monday][1] += int(log.correct)
    return ClassRetention(
        students=tuple(by_student),
        facts=tuple(sorted(by_fact, key=lambda line: (line.share_right or 0, line.label))),
        weeks=tuple((week, n, right) for week, (n, right) in weeks.items()),
    )
