"""A published quiz on the Danube sample with one question of each kind (browser tests, bench)."""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from werkzeug.security import generate_password_hash

from quizapp.models import Question, Quiz, QuizStatus, db
from quizapp.paths import SAMPLES_DIR
from tests.factories import make_article, make_quiz, make_teacher

SAMPLE = SAMPLES_DIR / "river-survey.txt"
# The seeded teacher's password (see seed_teachers_river_quiz and log_in).
PASSWORD = "correct horse"
# How long a click that makes the server generate questions or render PDFs may wait for the
# answer (Playwright's click waits for the navigation it starts): seconds on a quiet machine,
# past the usual 30 s on a loaded CI machine (33 s seen). The app stops such work itself after
# GENERATE_SECONDS / PRINT_SECONDS (60 s), so this waits a little longer than that.
SERVER_WORK_MS = 90_000


@dataclass(frozen=True)
class SeededQuiz:
    """What a test needs to know about the seeded quiz."""

    quiz_id: int
    join_code: str
    title: str


def _item(text: str, sentence_start: str, answer_span: str, **fields: Any) -> dict[str, Any]:
    """A question's columns with its source sentence and answer span located in the article."""
    start = text.index(sentence_start)
    end = text.index(".", text.index(answer_span, start) + len(answer_span)) + 1
    fact_start = text.index(answer_span, start)
    return {
        "quote": text[start:end],
        "quote_start": start,
        "quote_end": end,
        "fact_text": answer_span,
        "fact_start": fact_start,
        "fact_end": fact_start + len(answer_span),
        "fact_type": fields.pop("fact_type", "other"),
        "explanation": f"The article says: “{text[start:end]}”",
        **fields,
    }


def river_questions(text: str) -> list[dict[str, Any]]:
    """Six hand-made items, one per kind, grounded in the sample article."""
    return [
        _item(
            text,
            "The team sampled water",
            "68",
            kind="multiple_choice",
            prompt="At how many stations did the team sample water?",
            answer="68",
            data={"options": ["34", "68", "102", "136"]},
            fact_type="quantity",
        ),
        _item(
            text,
            "The survey was funded by",
            "European Union",
            kind="fill_in",
            prompt="The survey was funded by the _____ through its Horizon Europe programme.",
            answer="European Union",
            data={"accepted": ["European Union", "EU"]},
            fact_type="organisation",
        ),
        _item(
            text,
            "The study found an average",
            "Budapest",
            kind="true_false",
            prompt="The highest counts were found downstream of Vienna and Linz.",
            answer="False",
            data={"options": ["True", "False"]},
            fact_type="place",
        ),
        _item(
            text,
            "The researchers estimate",
            "1,500 tonnes",
            kind="numeric",
            prompt="How many tonnes of plastic does the river carry into the Black Sea each year?",
            answer="1,500 tonnes",
            data={"value": 1500, "tolerance": 0, "unit": "tonnes"},
            fact_type="quantity",
        ),
        _item(
            text,
            '"The Danube is not just',
            "Hubert Keckeis",
            kind="short_answer",
            prompt="Which professor led the fieldwork?",
            answer="Hubert Keckeis",
            data={"accepted": ["Professor Hubert Keckeis", "Keckeis"]},
            fact_type="person",
        ),
        _item(
            text,
            "Researchers from the University",
            "International Commission for the Protection of the Danube River",
            kind="matching",
            prompt="Match each short name with the organisation.",
            answer=None,
            data={
                "pairs": [
                    ["ICPDR", "International Commission for the Protection of the Danube River"],
                    ["EU", "European Union"],
                ]
            },
            fact_type="organisation",
        ),
    ]


def seed_river_quiz(*, join_code: str | None = None, **settings: Any) -> SeededQuiz:
    """Create a teacher, the Danube article and a published quiz with these settings."""
    text = SAMPLE.read_text(encoding="utf-8")
    teacher = make_teacher(display_name="Ms Seed", password_hash="!")  # seeded data only
    article = make_article(
        teacher,
        title="Scientists Map Plastic Along the Danube",
        text=text,
        published_on=date(2023, 3, 14),
        source_url=None,
        source_name=None,
    )
    quiz = make_quiz(
        teacher,
        article,
        kinds=(),
        title="Plastic in the Danube",
        status=QuizStatus.PUBLISHED,
        join_code=join_code or secrets.token_hex(3).upper(),
        published_at=datetime.now(UTC),
        **settings,
    )
    for position, columns in enumerate(river_questions(text), 1):
        quiz.questions.append(Question(position=position, **columns))
    db.session.commit()
    return SeededQuiz(quiz_id=quiz.id, join_code=quiz.join_code or "", title=quiz.title)


@dataclass(frozen=True)
class SeededQuestion:
    """One seeded question as a test reads it back."""

    id: int
    prompt: str
    answer: str | None


@dataclass(frozen=True)
class TeachersQuiz:
    """The seeded river quiz whose teacher can log in with PASSWORD."""

    quiz_id: int
    join_code: str
    email: str
    by_kind: dict[str, SeededQuestion]


def seed_teachers_river_quiz(
    join_code: str, *, draft: bool = False, **settings: Any
) -> TeachersQuiz:
    """The river quiz (published, or a draft to edit) with its teacher able to log in."""
    seeded = seed_river_quiz(join_code=join_code, **settings)
    quiz = db.session.get(Quiz, seeded.quiz_id)
    if draft:
        quiz.status = QuizStatus.DRAFT
    # A cheap hash: the password is known, and every test logs in once.
    quiz.owner.password_hash = generate_password_hash(PASSWORD, method="pbkdf2:sha256:1000")
    db.session.commit()
    return TeachersQuiz(
        quiz_id=quiz.id,
        join_code=join_code,
        email=quiz.owner.email,
        by_kind={q.kind: SeededQuestion(q.id, q.prompt, q.answer) for q in quiz.questions},
    )


@dataclass(frozen=True)
class SubmittedAttempt:
    """A student's submitted attempt: its id (teacher pages) and token (the student's pages)."""

    id: int
    token: str


def submit_class(join_code: str, answers: dict[str, dict[str, str]]) -> dict[str, SubmittedAttempt]:
    """Each named student joins and submits their answers (form field name -> value)."""
    from quizapp.services import taking

    submitted = {}
    for name, fields in answers.items():
        attempt = taking.join_quiz(join_code, name)
        taking.submit_attempt(attempt, fields)
        submitted[name] = SubmittedAttempt(attempt.id, attempt.token)
    return submitted


def register(page: Any, base_url: str, name: str, email: str, password: str = PASSWORD) -> None:
    """Create a teacher account through the real form (it logs the teacher in)."""
    page.goto(f"{base_url}/auth/register")
    page.get_by_label("Your name").fill(name)
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_label("Repeat the password").fill(password)
    page.get_by_role("button", name="Create account").click()


def log_in(page: Any, base_url: str, email: str, password: str = PASSWORD) -> None:
    """Log a teacher in through the real form and wait for the teacher pages."""
    page.goto(f"{base_url}/auth/login")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(re.compile(r"/teacher"))
