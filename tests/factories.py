"""Test factories: make_* functions with sensible defaults and **overrides (need an app context)."""

from __future__ import annotations

import hashlib
import itertools
from datetime import UTC, date, datetime, timedelta
from typing import Any

from werkzeug.security import generate_password_hash

from quizapp.models import (
    Article,
    Attempt,
    Question,
    Quiz,
    QuizStatus,
    Response,
    SchoolClass,
    User,
    db,
)
from quizapp.services.scoring import item_points, score_item

_counter = itertools.count(1)

ARTICLE_TEXT = (
    "Harbour Town Opens a Floating Library\n\n"
    "The town of Kelmouth opened a floating library on 3 May 2024. The boat, called the "
    "Reading Tide, carries 4,200 books and visits 12 villages along the coast.\n\n"
    "The project cost 850,000 euros and was paid for by the Coastal Arts Fund (CAF). "
    "Mayor Ingrid Salo said the boat would reach children who live far from a school.\n\n"
    'Librarian Tomas Berg runs the boat with two volunteers. "Every stop feels like a '
    'festival," he said.\n\n'
    "The library plans a second boat in 2026 if visits keep growing."
)
# (kind, prompt, answer, data, fact type, fact text, quote)
_DEFAULT_QUESTIONS: list[tuple[str, str, str | None, dict[str, Any], str, str, str]] = [
    (
        "multiple_choice",
        "How many books does the Reading Tide carry?",
        "4,200",
        {"options": ["2,100", "4,200", "6,300", "8,400"]},
        "quantity",
        "4,200",
        "The boat, called the Reading Tide, carries 4,200 books and visits 12 villages along the "
        "coast.",
    ),
    (
        "fill_in",
        "The project was paid for by the _____.",
        "Coastal Arts Fund",
        {"accepted": ["Coastal Arts Fund", "CAF"]},
        "organisation",
        "Coastal Arts Fund",
        "The project cost 850,000 euros and was paid for by the Coastal Arts Fund (CAF).",
    ),
    (
        "true_false",
        "Librarian Tomas Berg runs the boat alone.",
        "False",
        {"options": ["True", "False"]},
        "person",
        "Tomas Berg",
        "Librarian Tomas Berg runs the boat with two volunteers.",
    ),
]


# A word-bank passage on the second paragraph's first sentence (the cloze contract's shape).
CLOZE_SENTENCES = (
    "The town of Kelmouth opened a floating library on 3 May 2024. The boat, called the "
    "Reading Tide, carries 4,200 books and visits 12 villages along the coast."
)
# (answer, accepted variants, fact type) per gap, in passage order.
CLOZE_GAPS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("3 May 2024", ("3 May 2024", "May 3, 2024", "3 May"), "date"),
    ("4,200", ("4,200", "4200"), "quantity"),
    ("12", ("12", "twelve"), "quantity"),
)
CLOZE_DISTRACTORS = ("6,300", "9 June 2023")


def cloze_item(
    *,
    text: str = ARTICLE_TEXT,
    sentences: str = CLOZE_SENTENCES,
    gaps: tuple[tuple[str, tuple[str, ...], str], ...] = CLOZE_GAPS,
    distractors: tuple[str, ...] | None = CLOZE_DISTRACTORS,
    item_id: str = "q7",
) -> dict[str, Any]:
    """A cloze item as the generator emits it (see the cloze contract): ``sentences`` of
    ``text`` with each gap's answer cut out as "_____"; a word bank unless distractors is None."""
    start = text.index(sentences)
    prompt_parts: list[str] = []
    blanks: list[dict[str, Any]] = []
    cursor = 0
    for answer, accepted, fact_type in gaps:
        at = sentences.index(answer, cursor)
        prompt_parts.append(sentences[cursor:at] + "_____")
        fact = {
            "type": fact_type,
            "text": answer,
            "start": start + at,
            "end": start + at + len(answer),
        }
        blanks.append({"answer": answer, "accepted": list(accepted), "fact": fact})
        cursor = at + len(answer)
    prompt_parts.append(sentences[cursor:])
    item: dict[str, Any] = {
        "id": item_id,
        "kind": "cloze",
        "prompt": "".join(prompt_parts),
        "answer": blanks[0]["answer"],
        "blanks": blanks,
        "fact": blanks[0]["fact"],
        "source": {
            "quote": sentences,
            "start": start,
            "end": start + len(sentences),
            "paragraph": text[:start].count("\n\n"),
        },
        "explanation": f"The article says: “{sentences}”",
        "difficulty": 0.5,
    }
    if distractors is not None:
        entries = [answer for answer, _accepted, _type in gaps] + list(distractors)
        item["bank"] = sorted(entries, key=str.casefold)
    return item


def make_teacher(**overrides: Any) -> User:
    """A saved teacher; the password is "correct horse" unless ``password=`` is given."""
    n = next(_counter)
    password = overrides.pop("password", "correct horse")
    # A cheap hash keeps the suite fast; the app itself uses scrypt.
    values: dict[str, Any] = {
        "email": f"teacher{n}@school.example",
        "display_name": f"Teacher {n}",
        "password_hash": generate_password_hash(password, method="pbkdf2:sha256:1000"),
    }
    values.update(overrides)
    user = User(**values)
    db.session.add(user)
    db.session.commit()
    return user


def make_article(owner: User | None = None, **overrides: Any) -> Article:
    """A saved article (by default the floating-library text, published 3 May 2024)."""
    owner = owner or make_teacher()
    text = overrides.pop("text", ARTICLE_TEXT)
    values: dict[str, Any] = {
        "owner_id": owner.id,
        "title": "Harbour Town Opens a Floating Library",
        "text": text,
        "sha256": hashlib.sha256(text.encode()).hexdigest(),
        "published_on": date(2024, 5, 4),
        "source_url": "https://news.example/library-boat",
        "source_name": "news.example",
    }
    values.update(overrides)
    article = Article(**values)
    db.session.add(article)
    db.session.commit()
    return article


def make_question(quiz: Quiz, kind: str = "multiple_choice", **overrides: Any) -> Question:
    """A saved question at the end of the quiz; quote and fact spans point into the article.

    ``kind="cloze"`` saves cloze_item() (with a word bank; ``bank=False`` for typed gaps)
    through services.authoring.apply_item, as a generated quiz is saved.
    """
    if kind == "cloze":
        return _make_cloze_question(quiz, **overrides)
    template = next((q for q in _DEFAULT_QUESTIONS if q[0] == kind), _DEFAULT_QUESTIONS[0])
    _, prompt, answer, data, fact_type, fact_text, quote = template
    text = quiz.article.text
    values: dict[str, Any] = {"kind": kind, "prompt": prompt, "answer": answer, "data": dict(data)}
    start = text.find(quote)
    if start >= 0:
        fact_start = text.index(fact_text, start)
        values.update(
            quote=quote,
            quote_start=start,
            quote_end=start + len(quote),
            fact_type=fact_type,
            fact_text=fact_text,
            fact_start=fact_start,
            fact_end=fact_start + len(fact_text),
            paragraph=text[:start].count("\n\n"),  # the headline is not counted
            explanation=f"The article says: “{quote}”",
        )
    values["position"] = len(quiz.questions) + 1
    values.update(overrides)
    question = Question(**values)
    quiz.questions.append(question)
    db.session.commit()
    return question


def _make_cloze_question(quiz: Quiz, *, bank: bool = True, **overrides: Any) -> Question:
    """A saved cloze passage question made from cloze_item() on the quiz's article."""
    from quizapp.services.authoring import apply_item

    item = cloze_item(text=quiz.article.text, distractors=CLOZE_DISTRACTORS if bank else None)
    question = Question(position=len(quiz.questions) + 1)
    apply_item(question, item)
    for key, value in overrides.items():
        setattr(question, key, value)
    quiz.questions.append(question)
    db.session.commit()
    return question


def make_quiz(
    owner: User | None = None,
    article: Article | None = None,
    *,
    kinds: tuple[str, ...] = ("multiple_choice", "fill_in", "true_false"),
    **overrides: Any,
) -> Quiz:
    """A saved quiz (draft by default) with one question per kind in ``kinds``."""
    if article is None:
        article = make_article(owner)
    owner = owner or article.owner
    values: dict[str, Any] = {
        "article_id": article.id,
        "owner_id": owner.id,
        "title": article.title,
        "status": QuizStatus.DRAFT,
    }
    values.update(overrides)
    if values["status"] is not QuizStatus.DRAFT and "join_code" not in values:
        values["join_code"] = f"T{next(_counter):05d}"[-6:]
    quiz = Quiz(**values)
    db.session.add(quiz)
    db.session.commit()
    for kind in kinds:
        make_question(quiz, kind)
    return quiz


def make_attempt(
    quiz: Quiz,
    name: str = "Ada",
    answers: dict[Question, tuple[str | dict[str, str] | None, bool]] | None = None,
    *,
    submitted: bool = True,
    minutes: float = 5.0,
    **overrides: Any,
) -> Attempt:
    """A saved attempt with responses {question: (given, correct)} and the score they give."""
    started = datetime(2026, 3, 2, 9, 0, tzinfo=UTC) + timedelta(minutes=next(_counter))
    answers = answers or {}
    values: dict[str, Any] = {
        "quiz_id": quiz.id,
        "student_name": name,
        "token": f"token-{next(_counter)}",
        "order_seed": 1,
        "started_at": started,
        "submitted_at": started + timedelta(minutes=minutes) if submitted else None,
        "score": float(sum(1 for _, ok in answers.values() if ok)) if submitted else None,
        "max_score": sum(item_points(q.to_item()) for q in quiz.questions if not q.deleted)
        if submitted
        else None,
    }
    values.update(overrides)
    attempt = Attempt(**values)
    for question, (given, correct) in answers.items():
        # A dict is a matching or cloze answer: {"<row or gap>": text}, marked as the app does.
        data = dict(given) if isinstance(given, dict) else None
        credit = 1.0 if correct else 0.0
        if data is not None and question.kind == "cloze":
            credit = score_item(question.to_item(), None, data).credit
        attempt.responses.append(
            Response(
                question_id=question.id,
                given=None if data is not None else given,
                given_data=data,
                correct=correct,
                credit=credit,
            )
        )
    db.session.add(attempt)
    db.session.commit()
    return attempt


def make_class(
    owner: User | None = None,
    names: tuple[str, ...] = ("Ada Lovelace", "Bo Chen", "Cy Okafor"),
    **overrides: Any,
) -> SchoolClass:
    """A saved class with these students, each with a fresh personal code."""
    from quizapp.services.rosters import create_class

    school_class = create_class(
        owner or make_teacher(), overrides.pop("name", "7B Geography"), pasted="\n".join(names)
    )
    for key, value in overrides.items():
        setattr(school_class, key, value)
    db.session.commit()
    return school_class
