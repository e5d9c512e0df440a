"""Class rosters: classes (names read by services/roster_names.py), personal codes, slips, who
has started."""

from __future__ import annotations

import enum
import secrets
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError

from quizapp.models import Attempt, Quiz, SchoolClass, Student, User, db
from quizapp.models.base import utcnow
from quizapp.services.roster_names import (
    RosterError,
    given_names,
    names_from_csv,
    names_from_text,
    told_apart,
)
from quizapp.services.student_names import NameRefused, normalise_student_name

__all__ = [
    "MAX_STUDENTS",
    "PERSONAL_CODE_ALPHABET",
    "RosterError",
    "RosterStatus",
    "Slip",
    "StudentProgress",
    "add_students",
    "archive_class",
    "assignable_classes",
    "assigned_quizzes",
    "create_class",
    "format_code",
    "given_names",
    "names_from_csv",
    "names_from_text",
    "normalise_personal_code",
    "owned_class",
    "owned_student",
    "regenerate_code",
    "remove_student",
    "rename_student",
    "restore_class",
    "roster_status",
    "slips",
    "student_for_code",
    "teacher_classes",
]

# The join codes' alphabet: no 0/O, 1/I/L, so a code copied from a paper slip is not misread.
PERSONAL_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
# 31**6 ≈ 887 million codes: guessing one of a class's 30 at the wrong-code rate limit
# (20 a minute) would take centuries.
PERSONAL_CODE_LENGTH = 6
MAX_STUDENTS = 200
MAX_CLASS_NAME_CHARS = 120


class Progress(enum.StrEnum):
    """Where a rostered student is with one quiz."""

    NOT_STARTED = "not started"
    IN_PROGRESS = "in progress"
    SUBMITTED = "submitted"


@dataclass(frozen=True, slots=True)
class StudentProgress:
    """One student's line on the results page: status, attempts and latest score."""

    student_id: int
    name: str
    progress: Progress
    attempts: int
    score: float | None
    max_score: float | None


@dataclass(frozen=True, slots=True)
class RosterStatus:
    """Who of the assigned class has not started, is answering, or has submitted."""

    class_name: str
    students: tuple[StudentProgress, ...]

    def count(self, progress: Progress) -> int:
        """How many students are at this stage."""
        return sum(1 for s in self.students if s.progress is progress)

    @property
    def not_started(self) -> int:
        """Students with no attempt yet."""
        return self.count(Progress.NOT_STARTED)

    @property
    def in_progress(self) -> int:
        """Students with an open attempt."""
        return self.count(Progress.IN_PROGRESS)

    @property
    def submitted(self) -> int:
        """Students whose latest attempt is submitted."""
        return self.count(Progress.SUBMITTED)


@dataclass(frozen=True, slots=True)
class Slip:
    """One cut-out slip: who, which class, the code to type and where."""

    name: str
    class_name: str
    code: str


def format_code(code: str) -> str:
    """A code as printed: two groups of three ("K7QP4Z" -> "K7Q-P4Z"); dashes are optional."""
    return f"{code[:3]}-{code[3:]}" if len(code) == PERSONAL_CODE_LENGTH else code


def normalise_personal_code(code: str | None) -> str:
    """A typed personal code upper-cased, without spaces, dashes or dots."""
    return "".join(c for c in (code or "") if c.isalnum()).upper()[:24]


def _new_code() -> str:
    """A random personal code."""
    return "".join(secrets.choice(PERSONAL_CODE_ALPHABET) for _ in range(PERSONAL_CODE_LENGTH))


def _free_codes(count: int) -> list[str]:
    """``count`` distinct codes no student has (the unique constraint catches a race)."""
    codes: set[str] = set()
    while len(codes) < count:
        wanted = {_new_code() for _ in range(count - len(codes))} - codes
        taken = set(
            db.session.scalars(
                db.select(Student.personal_code).where(Student.personal_code.in_(wanted))
            )
        )
        codes |= wanted - taken
    return sorted(codes, key=lambda _: secrets.randbelow(1 << 30))


def _class_name(name: str) -> str:
    """A class name trimmed; refused when empty or too long."""
    cleaned = " ".join((name or "").split())
    if not cleaned:
        raise RosterError("Give the class a name, for example “7B Geography”.")
    if len(cleaned) > MAX_CLASS_NAME_CHARS:
        raise RosterError(f"Use at most {MAX_CLASS_NAME_CHARS} characters for the class name.")
    return cleaned


def _append_students(school_class: SchoolClass, names: Sequence[str]) -> list[Student]:
    """New students with fresh codes at the end of the roster (no commit)."""
    current = school_class.current_students
    if len(current) + len(names) > MAX_STUDENTS:
        raise RosterError(f"A class can have at most {MAX_STUDENTS} students.")
    position = max((s.position for s in school_class.students), default=0)
    added = []
    named = told_apart(names, (s.name for s in current))
    for offset, (name, code) in enumerate(zip(named, _free_codes(len(names)), strict=True), 1):
        student = Student(name=name, personal_code=code, position=position + offset)
        school_class.students.append(student)
        added.append(student)
    return added


def _commit_codes() -> None:
    """Commit new codes; two teachers drawing the same code at once is reported, not a 500."""
    try:
        db.session.commit()
    except IntegrityError as error:
        db.session.rollback()
        raise RosterError(
            "Making the codes clashed with another class. Please try again."
        ) from error


def create_class(
    owner: User, name: str, *, pasted: str = "", csv_data: bytes | None = None
) -> SchoolClass:
    """A new class owned by this teacher, with a personal code for every student named.

    The names come pasted one per line and/or from a CSV file; the list may be empty
    (students can be added later).
    """
    school_class = SchoolClass(owner_id=owner.id, name=_class_name(name))
    names = given_names(pasted, csv_data)
    db.session.add(school_class)
    _append_students(school_class, names)
    _commit_codes()
    return school_class


def add_students(
    school_class: SchoolClass, *, pasted: str = "", csv_data: bytes | None = None
) -> list[Student]:
    """Add students (each with a new code) to a class, from pasted names and/or a CSV file."""
    names = given_names(pasted, csv_data)
    if not names:
        raise RosterError("Type or upload at least one name.")
    added = _append_students(school_class, names)
    _commit_codes()
    return added


def rename_student(student: Student, name: str) -> None:
    """Change how a student's name is shown, on the roster and on their results so far."""
    try:
        student.name = normalise_student_name(name)
    except NameRefused as error:
        raise RosterError(str(error).replace("your name", "the name")) from error
    db.session.execute(
        update(Attempt)
        .where(Attempt.student_id == student.id)
        .values(student_name=student.name)
        .execution_options(synchronize_session="fetch")
    )
    db.session.commit()


def remove_student(student: Student) -> None:
    """Take a student off the roster: their code stops working; past results stay."""
    student.removed_at = utcnow()
    db.session.commit()


def regenerate_code(student: Student) -> str:
    """Give a student a new code (e.g. a classmate saw theirs); the old one stops working."""
    student.personal_code = _free_codes(1)[0]
    _commit_codes()
    return student.personal_code


def archive_class(school_class: SchoolClass) -> None:
    """Put a class away: no new quizzes or joins; students and results are kept."""
    school_class.archived_at = school_class.archived_at or utcnow()
    db.session.commit()


def restore_class(school_class: SchoolClass) -> None:
    """Bring an archived class back."""
    school_class.archived_at = None
    db.session.commit()


def teacher_classes(owner: User) -> list[SchoolClass]:
    """The teacher's classes, current ones first, each by name."""
    classes = db.session.scalars(
        db.select(SchoolClass).where(SchoolClass.owner_id == owner.id).order_by(SchoolClass.name)
    )
    return sorted(classes, key=lambda c: c.archived_at is not None)


def assignable_classes(owner_id: int, keep: int | None = None) -> list[SchoolClass]:
    """Classes a quiz of this teacher may be assigned to (current ones, and ``keep``)."""
    return [
        c
        for c in db.session.scalars(
            db.select(SchoolClass)
            .where(SchoolClass.owner_id == owner_id)
            .order_by(SchoolClass.name)
        )
        if c.archived_at is None or c.id == keep
    ]


def owned_class(owner: User, class_id: int) -> SchoolClass | None:
    """The teacher's class with this id, or None (someone else's is as good as missing)."""
    school_class = db.session.get(SchoolClass, class_id)
    if school_class is None or school_class.owner_id != owner.id:
        return None
    return school_class


def owned_student(owner: User, class_id: int, student_id: int) -> Student | None:
    """A current student of the teacher's class, or None."""
    school_class = owned_class(owner, class_id)
    student = db.session.get(Student, student_id)
    if school_class is None or student is None or student.class_id != school_class.id:
        return None
    return student if student.removed_at is None else None


def student_for_code(quiz: Quiz, personal_code: str) -> Student | None:
    """The current student of the quiz's class with this personal code, or None."""
    wanted = normalise_personal_code(personal_code)
    if quiz.class_id is None or len(wanted) != PERSONAL_CODE_LENGTH:
        return None
    return db.session.scalars(
        db.select(Student).where(
            Student.personal_code == wanted,
            Student.class_id == quiz.class_id,
            Student.removed_at.is_(None),
        )
    ).first()


def assigned_quizzes(school_class: SchoolClass) -> list[Quiz]:
    """The quizzes assigned to this class, newest first."""
    return list(
        db.session.scalars(
            db.select(Quiz).where(Quiz.class_id == school_class.id).order_by(Quiz.created_at.desc())
        )
    )


def slips(school_class: SchoolClass) -> list[Slip]:
    """A slip for every current student, in roster order."""
    return [
        Slip(name=s.name, class_name=school_class.name, code=format_code(s.personal_code))
        for s in school_class.current_students
    ]


def roster_status(quiz: Quiz) -> RosterStatus | None:
    """For a quiz assigned to a class: each current student's progress; None otherwise."""
    school_class = quiz.school_class
    if school_class is None:
        return None
    attempts: dict[int, list[Attempt]] = {}
    for attempt in db.session.scalars(
        db.select(Attempt)
        .where(Attempt.quiz_id == quiz.id, Attempt.student_id.is_not(None))
        .order_by(Attempt.started_at)
    ):
        attempts.setdefault(attempt.student_id or 0, []).append(attempt)
    rows = []
    for student in school_class.current_students:
        mine = attempts.get(student.id, [])
        latest = mine[-1] if mine else None
        if latest is None:
            progress = Progress.NOT_STARTED
        elif latest.submitted_at is None:
            progress = Progress.IN_PROGRESS
        else:
            progress = Progress.SUBMITTED
        done = [a for a in mine if a.submitted_at is not None]
        rows.append(
            StudentProgress(
                student_id=student.id,
                name=student.name,
                progress=progress,
                attempts=len(mine),
                score=done[-1].score if done else None,
                max_score=done[-1].max_score if done else None,
            )
        )
    return RosterStatus(class_name=school_class.name, students=tuple(rows))
