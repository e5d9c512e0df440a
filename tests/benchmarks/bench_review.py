"""Review benchmark (not a test): "items due today" for one student among 180,000 cards.

Run: python tests/benchmarks/bench_review.py [--database sqlite|postgresql] [--lookups 1000]
Migrates a fresh database (a temp SQLite file, or PostgreSQL: a new database on the server in
QUIZAPP_BENCH_DATABASE_URL, else a throwaway cluster from .ci/postgres), fills it with
30 classes x 30 students x 200 scheduled review cards (due dates spread over 60 days), then
times quizapp.services.spaced_review.due_today and review_home for random students, in-process.
Prints the query plan, a table and, last, `review: cards=N due_p50_ms=A due_p99_ms=B
home_p50_ms=C home_p99_ms=D`. Target: due_today p99 < 50 ms (the (student_id, due) index).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_load import Database, percentile, postgres_database, sqlite_database  # noqa: E402

CLASSES = 30
STUDENTS = 30
ITEMS = 200
QUIZZES = 10  # of ITEMS // QUIZZES questions each
NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def fill(app: object, rng: random.Random) -> list[int]:
    """Teacher, article, quizzes, classes, students and every card; returns the student ids."""
    from quizapp.models import (
        Article,
        Question,
        Quiz,
        QuizStatus,
        ReviewCard,
        SchoolClass,
        Student,
        User,
        db,
    )

    teacher = User(email="bench@school.example", display_name="Bench", password_hash="!")
    db.session.add(teacher)
    db.session.flush()
    article = Article(owner_id=teacher.id, title="Bench", text="Bench text.", sha256="0" * 64)
    db.session.add(article)
    db.session.flush()
    question_ids: list[int] = []
    for n in range(QUIZZES):
        quiz = Quiz(
            article_id=article.id,
            owner_id=teacher.id,
            title=f"Quiz {n}",
            status=QuizStatus.PUBLISHED,
            join_code=f"BEN{n:03d}",
        )
        for k in range(ITEMS // QUIZZES):
            quiz.questions.append(
                Question(position=k, kind="fill_in", prompt=f"Q{n}.{k} _____", answer="x")
            )
        db.session.add(quiz)
        db.session.flush()
        question_ids += [q.id for q in quiz.questions]
    student_ids: list[int] = []
    for c in range(CLASSES):
        school_class = SchoolClass(owner_id=teacher.id, name=f"Class {c}")
        for s in range(STUDENTS):
            school_class.students.append(
                Student(name=f"Student {c}.{s}", personal_code=f"{c:02d}{s:02d}XY", position=s)
            )
        db.session.add(school_class)
        db.session.flush()
        student_ids += [s.id for s in school_class.students]
    db.session.commit()
    rows = []
    for student_id in student_ids:
        for question_id in question_ids:
            due = NOW + timedelta(hours=rng.uniform(-72, 60 * 24))
            rows.append(
                {
                    "student_id": student_id,
                    "question_id": question_id,
                    "state": 2,
                    "stability": rng.uniform(1, 40),
                    "difficulty": rng.uniform(1, 10),
                    "due": due,
                    "last_review": due - timedelta(days=2),
                    "reviews": 1,
                    "lapses": 0,
                    "other_checked": True,
                    "created_at": NOW,
                    "version": 2,
                }
            )
            if len(rows) == 5000:
                db.session.execute(db.insert(ReviewCard), rows)
                rows = []
    if rows:
        db.session.execute(db.insert(ReviewCard), rows)
    db.session.commit()
    return student_ids


def timed(call: object, repeat: int) -> list[float]:
    """Milliseconds of each of ``repeat`` calls."""
    spent = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()  # type: ignore[operator]
        spent.append((time.perf_counter() - started) * 1000)
    return spent


def run(database: Database, lookups: int) -> str:
    """Fill, then time the lookups; returns the summary line."""
    from flask_migrate import upgrade
    from sqlalchemy import text

    from quizapp import create_app
    from quizapp.models import ReviewCard, Student, db
    from quizapp.paths import MIGRATIONS_DIR
    from quizapp.services import spaced_review

    app = create_app({"SQLALCHEMY_DATABASE_URI": database.url, "SECRET_KEY": "bench"})
    rng = random.Random(13)
    with app.app_context():
        upgrade(directory=str(MIGRATIONS_DIR))
        started = time.perf_counter()
        student_ids = fill(app, rng)
        cards = db.session.scalar(db.select(db.func.count(ReviewCard.id)))
        print(f"filled {cards} cards in {time.perf_counter() - started:.1f} s ({database.label})")
        if db.engine.dialect.name == "postgresql":
            db.session.execute(text("ANALYZE"))
            db.session.commit()
        query = (
            db.select(db.func.count())
            .select_from(ReviewCard)
            .where(
                ReviewCard.student_id == student_ids[0], ReviewCard.due < spaced_review.day_end(NOW)
            )
        )
        explain = "EXPLAIN QUERY PLAN" if db.engine.dialect.name == "sqlite" else "EXPLAIN"
        compiled = query.compile(db.engine, compile_kwargs={"literal_binds": True})
        for line in db.session.execute(text(f"{explain} {compiled}")):
            print("plan:", " ".join(str(part) for part in line))
        picks = [rng.choice(student_ids) for _ in range(lookups)]
        due_ms: list[float] = []
        home_ms: list[float] = []
        for student_id in picks:
            due_ms += timed(lambda sid=student_id: spaced_review.due_today(sid, NOW), 1)
            student = db.session.get(Student, student_id)
            home_ms += timed(lambda s=student: spaced_review.review_home(s, NOW), 1)
            db.session.expunge_all()
        sample = spaced_review.due_today(student_ids[0], NOW)
    print(f"| what ({database.label}) | calls | p50 ms | p99 ms |")
    print("|---|---|---|---|")
    for name, values in (("due_today", due_ms), ("review_home", home_ms)):
        print(
            f"| {name} | {len(values)} | {percentile(values, 0.5):.2f} | "
            f"{percentile(values, 0.99):.2f} |"
        )
    print(f"(a student has {sample} of {ITEMS} items due today)")
    return (
        f"review: cards={cards} due_p50_ms={percentile(due_ms, 0.5):.2f} "
        f"due_p99_ms={percentile(due_ms, 0.99):.2f} home_p50_ms={percentile(home_ms, 0.5):.2f} "
        f"home_p99_ms={percentile(home_ms, 0.99):.2f}"
    )


def main() -> int:
    """Parse arguments, run, print the summary line last."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--lookups", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        database = (
            sqlite_database(Path(folder)) if args.database == "sqlite" else postgres_database()
        )
        try:
            line = run(database, args.lookups)
        finally:
            database.close()
    print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
