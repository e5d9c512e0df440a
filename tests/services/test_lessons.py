"""Lessons: sections of whole paragraphs, check questions on their section only, marked once."""

from __future__ import annotations

from typing import Any

import pytest

from quizapp.models import Attempt, Quiz, QuizStatus, Response, db
from quizapp.models.lesson import Lesson
from quizapp.paths import SAMPLES_DIR
from quizapp.services import lesson_reports, lessons, publishing, taking
from quizapp.services.authoring import AuthoringError
from tests.factories import make_article, make_quiz


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ([100, 100, 100, 100], [(1, 2), (3, 4)]),
        ([160, 160, 160, 160, 160], [(1, 1), (2, 2), (3, 3), (4, 4), (5, 5)]),
        ([400, 50, 60, 200], [(1, 1), (2, 4)]),
        ([120, 110, 30], [(1, 1), (2, 3)]),
        ([50, 50], [(1, 1), (2, 2)]),
        ([600], [(1, 1)]),
        ([], []),
    ],
)
def test_sections_are_whole_paragraphs_near_225_words_and_at_least_two(
    words: list[int], expected: list[tuple[int, int]]
) -> None:
    """Paragraphs are grouped in order, never split; a short article still gets two steps."""
    assert lessons.split_sections(words) == expected


def _item(
    n: int, paragraph: int, prompt: str, answer: str, kind: str = "fill_in"
) -> dict[str, Any]:
    """A minimal generated item from sentence n of a paragraph."""
    return {
        "id": f"q{n}",
        "kind": kind,
        "prompt": prompt,
        "answer": answer,
        "source": {"start": n * 100, "paragraph": paragraph},
        "fact": {"text": answer},
    }


def test_checks_come_from_their_section_and_never_answer_each_other() -> None:
    """A stem containing another check's answer is skipped, as are other sections' items."""
    section = lessons.SectionPlan(first=2, last=3, spans=((0, 10), (11, 20)))
    items = [
        _item(1, 1, "Who founded the river survey?", "Ana Ruiz"),
        _item(2, 2, "How long is the river?", "2,850 km"),
        _item(3, 2, "The 2,850 km river flows into which sea?", "Black Sea"),
        _item(4, 3, "Which agency measured the plastic?", "ICPDR"),
        _item(5, 3, "In which year did the survey start?", "2019"),
        _item(6, 4, "Who paid for the boat?", "the EU"),
    ]
    chosen = lessons.choose_checks(items, section)
    prompts = [c["prompt"] for c in chosen]
    assert len(chosen) == 3
    assert all(c["source"]["paragraph"] in (2, 3) for c in chosen)
    assert not (
        "How long is the river?" in prompts
        and "The 2,850 km river flows into which sea?" in prompts
    )
    for a in chosen:
        for b in chosen:
            assert a is b or not lessons.gives_away(a, b)


@pytest.fixture
def lesson_quiz(ctx: None) -> Quiz:
    """A lesson drafted from the river survey sample (a real article through the generator)."""
    text = (SAMPLES_DIR / "river-survey.txt").read_text(encoding="utf-8")
    source = make_quiz(article=make_article(text=text, title="Plastic in the Danube"))
    return lessons.create_lesson(source)


def test_a_lesson_has_sections_with_two_or_three_checks_and_an_end_quiz(lesson_quiz: Quiz) -> None:
    """Every section's checks quote a paragraph of that section; an end quiz follows."""
    lesson = lessons.lesson_for_quiz(lesson_quiz.id)
    assert lesson is not None and len(lesson.sections) >= 2
    assert lesson_quiz.status is QuizStatus.DRAFT
    by_section: dict[int | None, list[Any]] = {}
    for item in lesson.items:
        by_section.setdefault(item.section, []).append(item.question)
    for number, section in enumerate(lesson.sections, 1):
        checks = by_section.get(number, [])
        assert 2 <= len(checks) <= 3, (number, [q.prompt for q in checks])
        assert all(section["first"] <= q.paragraph <= section["last"] for q in checks)
    finals = by_section.get(None, [])
    # The end quiz takes the items the checks left over; on this short sample (seven items
    # since the generator refuses verb-phrase blanks) those quote one paragraph.
    assert finals
    assert all(q.paragraph is not None for q in finals)


def test_a_one_paragraph_article_is_refused_with_a_reason(ctx: None) -> None:
    """Too short for sections: the teacher is told why."""
    source = make_quiz(article=make_article(text="Short Title\n\nOne paragraph only, in 1999."))
    with pytest.raises(AuthoringError, match="too short"):
        lessons.create_lesson(source)


def _published(quiz: Quiz) -> Attempt:
    """Publish the lesson and join it as a student."""
    code = publishing.publish_quiz(quiz)
    return taking.join_quiz(code, "Grace")


def test_a_check_answer_is_revealed_only_once_answered_and_counts_once(lesson_quiz: Quiz) -> None:
    """Before answering, the page's item has no answer; the first answer counts, a repeat not."""
    lesson = lessons.lesson_for_quiz(lesson_quiz.id)
    assert lesson is not None
    attempt = _published(lesson_quiz)
    step = lessons.lesson_step(lesson, attempt, 1)
    assert step is not None and step.next_check is not None
    shown = step.next_check.item
    assert "answer" not in shown and "source" not in shown and "explanation" not in shown
    assert lessons.lesson_step(lesson, attempt, 2) is None  # locked until section 1 is done
    question_id = step.next_check.question_id
    first = lessons.answer_check(lesson, attempt, question_id, {f"q{question_id}": "wrong guess"})
    again = lessons.answer_check(lesson, attempt, question_id, {f"q{question_id}": "other"})
    assert first.accepted and not first.correct
    assert not again.accepted
    stored = db.session.scalars(db.select(Response).where(Response.attempt_id == attempt.id)).all()
    assert [(r.question_id, r.given) for r in stored] == [(question_id, "wrong guess")]
    step = lessons.lesson_step(lesson, attempt, 1)
    assert step is not None
    answered = step.checks[0]
    assert answered.answered and answered.item["answer"] and answered.item["source"]["quote"]


def test_the_end_quiz_opens_after_every_section_and_finishes_the_attempt(
    lesson_quiz: Quiz,
) -> None:
    """Answer every check right, then the end quiz; per-section results count the student."""
    lesson = lessons.lesson_for_quiz(lesson_quiz.id)
    assert lesson is not None
    attempt = _published(lesson_quiz)
    assert lessons.final_view(lesson, attempt) is None
    assert not lessons.submit_final(lesson, attempt, {})
    while (number := lessons.current_section(lesson, attempt)) is not None:
        step = lessons.lesson_step(lesson, attempt, number)
        assert step is not None and step.next_check is not None
        question = db.session.get(lessons.Question, step.next_check.question_id)
        assert question is not None
        answer = question.answer or ""
        outcome = lessons.answer_check(lesson, attempt, question.id, {f"q{question.id}": answer})
        assert outcome.accepted and outcome.correct, question.prompt
    view = lessons.final_view(lesson, attempt)
    assert view is not None and view.items
    assert all("answer" not in item for item in view.items)
    assert lessons.submit_final(lesson, attempt, {})
    db.session.refresh(attempt)
    assert attempt.submitted_at is not None
    results = lesson_reports.lesson_results(lesson)
    assert results.students == 1 and results.finished == 1
    assert all(s.completed == 1 and s.share_right == 1.0 for s in results.sections)
    checks = sum(len(s.questions) for s in results.sections)
    assert attempt.score == checks  # the unanswered end quiz earns nothing


def test_deleting_the_lesson_quiz_deletes_the_lesson(lesson_quiz: Quiz) -> None:
    """The lesson row goes with its quiz."""
    publishing.delete_quiz(lesson_quiz)
    assert db.session.scalars(db.select(Lesson)).all() == []


def test_the_worksheet_prints_each_section_with_its_checks_and_no_answers(
    lesson_quiz: Quiz, tmp_path: Any
) -> None:
    """The PDF's text: section 1's words, then its check prompts, before section 2."""
    import shutil
    import subprocess

    if shutil.which("pdftotext") is None:
        pytest.skip("poppler's pdftotext is not installed: apt-get install poppler-utils")
    lesson = lessons.lesson_for_quiz(lesson_quiz.id)
    assert lesson is not None
    pdf = lesson_reports.lesson_worksheet(lesson)
    assert pdf.startswith(b"%PDF")
    path = tmp_path / "sheet.pdf"
    path.write_bytes(pdf)
    text = " ".join(
        subprocess.run(
            ["pdftotext", str(path), "-"], check=True, capture_output=True, text=True
        ).stdout.split()
    )
    # A check's opening words before its blank (the PDF draws the blank as a line).
    openings = [
        " ".join(i.question.prompt.split("_")[0].split()[:4])
        for i in lesson.items
        if i.section == 1
    ]
    opening = next(o for o in openings if len(o.split()) >= 3)
    assert text.index("Section 1: read") < text.index(opening) < text.index("Section 2: read")
    assert "Final quiz" in text
    assert "Correct answer" not in text


def test_questions_the_teacher_adds_go_to_their_paragraphs_section_or_the_end_quiz(
    lesson_quiz: Quiz,
) -> None:
    """Edited in the quiz editor: a question quoting section 2 checks section 2; one with no
    source joins the end quiz."""
    lesson = lessons.lesson_for_quiz(lesson_quiz.id)
    assert lesson is not None
    second = lesson.sections[1]["first"]
    quoted = lessons.Question(
        kind="fill_in", prompt="Added _____ here", answer="x", paragraph=second, position=99
    )
    unsourced = lessons.Question(kind="fill_in", prompt="Free _____", answer="y", position=100)
    lesson_quiz.questions.extend([quoted, unsourced])
    db.session.commit()
    roles = lessons.question_sections(lesson, lesson_quiz.questions)
    assert roles[quoted.id] == 2
    assert roles[unsourced.id] is None


def test_the_lesson_document_places_every_live_question_once_with_its_section_text(
    lesson_quiz: Quiz,
) -> None:
    """What the LMS exports read: each section's paragraphs and checks, the end quiz, every
    live question exactly once (a deleted one nowhere), and the section text as on the page."""
    lesson = lessons.lesson_for_quiz(lesson_quiz.id)
    assert lesson is not None
    deleted = next(i.question for i in lesson.items if i.section is None)
    deleted.deleted = True
    db.session.commit()
    document = lesson_reports.lesson_document(lesson)
    placed = [i for s in document["lesson"]["sections"] for i in s["items"]]
    placed += document["lesson"]["final"]
    live = [q for q in lesson_quiz.questions if not q.deleted]
    assert sorted(placed) == sorted(f"q{q.id}" for q in live)
    assert f"q{deleted.id}" not in placed
    assert {item["id"] for item in document["questions"]} == set(placed)
    sections = document["lesson"]["sections"]
    assert len(sections) == len(lesson.sections)
    text = lesson_quiz.article.text
    first_plan = lessons.section_plans(lesson)[0]
    assert sections[0]["paragraphs"][0] == text[slice(*first_plan.spans[0])].strip()
    for number, section in enumerate(sections, 1):
        mine = {f"q{i.question_id}" for i in lesson.items if i.section == number}
        assert set(section["items"]) == mine


def test_a_check_dropped_in_a_regrade_is_not_asked_of_students_who_start_later(
    lesson_quiz: Quiz,
) -> None:
    """The teacher drops a flawed check: a student starting afterwards never meets it (in its
    section or the count of the end quiz), while one who answered it keeps it."""
    from quizapp.services.regrading import RegradeAction, regrade_question

    lesson = lessons.lesson_for_quiz(lesson_quiz.id)
    assert lesson is not None
    early = _published(lesson_quiz)
    first = lessons.lesson_step(lesson, early, 1)
    assert first is not None and first.next_check is not None
    flawed = db.session.get(lessons.Question, first.next_check.question_id)
    assert flawed is not None
    lessons.answer_check(lesson, early, flawed.id, {f"q{flawed.id}": "a guess"})
    regrade_question(lesson_quiz, flawed, RegradeAction.DROP, teacher=lesson_quiz.owner)
    late = taking.join_quiz(lesson_quiz.join_code, "Hal")
    step = lessons.lesson_step(lesson, late, 1)
    assert step is not None
    assert flawed.id not in {check.question_id for check in step.checks}
    assert len(step.checks) == len(first.checks) - 1
    kept = lessons.lesson_step(lesson, early, 1)
    assert kept is not None and flawed.id in {check.question_id for check in kept.checks}


def test_a_countrys_adjective_in_a_check_shows_the_country_another_asks() -> None:
    kenya = {"kind": "fill_in", "answer": "Kenya", "fact": {"type": "place", "text": "Kenya"}}
    warned = {"kind": "fill_in", "prompt": "_____ warned other Kenyan athletes.", "answer": "AK"}
    assert lessons.gives_away(warned, kenya)
    uganda = {"kind": "fill_in", "prompt": "_____ warned other Ugandan athletes.", "answer": "AK"}
    assert not lessons.gives_away(uganda, kenya)
    jordan = {"kind": "fill_in", "answer": "Jordan", "fact": {"type": "person", "text": "Jordan"}}
    assert not lessons.gives_away({"prompt": "The Jordanian side lost.", "answer": "x"}, jordan)
