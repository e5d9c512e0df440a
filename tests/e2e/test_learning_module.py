"""Study the article, take the quiz, practise the misses until mastered; the teacher's item analysis."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from seed import log_in, seed_river_quiz
from werkzeug.security import generate_password_hash

from quizapp.models import Attempt, PracticeItem, Quiz, QuizStatus, StudyAccess, User, db
from quizapp.services import practice
from tests.factories import make_attempt

PASSWORD = "correct horse battery"


def _practice_answer(item_key: int) -> str:
    """The answer to a practice item in the form it is asked now (read on the server)."""
    row = db.session.get(PracticeItem, item_key)
    assert row is not None
    return str(practice._asked_item(row, practice._current_form(row))["answer"])


def _seed_class(quiz_id: int) -> str:
    """Ten classmates (nobody picks "136") and a teacher who can log in; the teacher's email."""
    quiz = db.session.get(Quiz, quiz_id)
    assert quiz is not None
    mc, fill, tf, numeric = quiz.questions[:4]
    for n in range(10):
        good = n < 6
        make_attempt(
            quiz,
            f"Classmate {n}",
            {
                mc: ("68", True) if good else ("34" if n % 2 else "102", False),
                fill: ("EU", True) if n < 8 else ("UN", False),
                tf: ("False", True) if n % 3 else ("True", False),
                numeric: ("1,500", True) if good else ("900", False),
            },
        )
    teacher = db.session.get(User, quiz.owner_id)
    assert teacher is not None
    teacher.password_hash = generate_password_hash(PASSWORD, method="pbkdf2:sha256:1000")
    db.session.commit()
    return teacher.email


def test_student_studies_takes_practises_and_teacher_replaces_a_distractor(
    live_server: Any,
    new_page: Callable[..., Any],
    shot: Callable[[Any, str], Path],
    check_a11y: Callable[[Any, str], None],
) -> None:
    """The learning module from both sides, in the browser."""
    seeded = live_server.run(
        lambda: seed_river_quiz(join_code="STUDY5", study_access=StudyAccess.BEFORE_AND_AFTER)
    )
    page = new_page()

    # The study view before the quiz, from the join code.
    page.goto(f"{live_server.url}/study/STUDY5")
    assert page.get_by_role("heading", name="Plastic in the Danube").is_visible()
    assert page.locator("mark.fact-quantity").count() >= 3
    assert page.locator("mark.fact-organisation").count() >= 2
    check_a11y(page, "study")
    shot(page, "learning-01-study")
    page.get_by_role("link", name="ICPDR", exact=True).click()
    page.wait_for_url(re.compile(r"#s\d+$"))
    target = page.url.rsplit("#", 1)[1]
    sentence = page.locator(f"#{target}")
    assert "ICPDR" in sentence.inner_text()
    assert sentence.evaluate("el => el.matches(':target')")
    shot(page, "learning-02-glossary-link")

    # Take the quiz: two misses (true/false and short answer), matching left right.
    page.get_by_role("link", name="Take the quiz").first.click()
    page.get_by_label("Your name").fill("Grace")
    page.get_by_role("button", name="Start the quiz").click()
    page.wait_for_url(re.compile(r"/attempt/[\w-]{40,}$"))
    page.get_by_role("radio", name="68").check()
    page.get_by_label(re.compile("Blank in question")).fill("EU")
    page.locator(".q-true_false").get_by_role("radio", name="True").check()  # wrong
    page.locator(".q-numeric").get_by_label("Your answer (a number)").fill("1,500")
    page.locator(".q-short_answer").get_by_label("Your answer").fill("Jane Smith")  # wrong
    page.get_by_label("ICPDR").select_option(
        "International Commission for the Protection of the Danube River"
    )
    page.get_by_label("EU", exact=True).select_option("European Union")
    page.get_by_role("button", name="Submit answers").click()
    page.wait_for_url(re.compile(r"/result$"))
    assert page.get_by_text("4 of 6").is_visible()

    # Each explanation links back to its highlighted sentence.
    page.get_by_role("link", name=re.compile(r"Read it in the article \(question 3\)")).click()
    page.wait_for_url(re.compile(r"/study#s\d+$"))
    target = page.url.rsplit("#", 1)[1]
    assert "Budapest" in page.locator(f"#{target}").inner_text()
    shot(page, "learning-03-study-after")

    # Practise until both misses (and the review item mixed in) are mastered.
    page.get_by_role("link", name="Practise what I missed").first.click()
    page.wait_for_url(re.compile(r"/practice$"))
    progress = page.locator("#practice-progress")
    assert re.fullmatch(r"0 of \d mastered", progress.inner_text())
    total = int(progress.inner_text().split()[2])
    assert total == 3  # the two misses and one right answer to review
    check_a11y(page, "practice")
    shot(page, "learning-04-practice")
    missed_once = False
    for _step in range(12):
        if page.get_by_role("heading", name=re.compile("mastered$")).count():
            break
        key = int(page.locator("input[name=item]").get_attribute("value"))
        answer = live_server.run(lambda key=key: _practice_answer(key))
        form = page.locator("form.practice-form")
        if not missed_once:
            answer, missed_once = "I do not know", True  # one more miss: it must come back
        if form.locator("input[type=radio]").count():
            radio = form.locator(f'input[type=radio][value="{answer}"]')
            (radio if radio.count() else form.locator("input[type=radio]").first).check()
        else:
            form.locator("input[type=text]").fill(answer)
        # From the second answer on, the address before the click already matches: wait
        # for the navigation this click starts, not for the address.
        with page.expect_navigation(url=re.compile(r"/practice\?after=\d+#feedback$")):
            form.get_by_role("button", name="Check my answer").click()
        if _step == 0:
            assert page.get_by_role("heading", name="Not quite: it will come back.").is_visible()
            assert page.locator("#feedback blockquote").is_visible()
            shot(page, "learning-05-feedback")
    assert progress.inner_text() == f"{total} of {total} mastered"
    shot(page, "learning-06-practice-done")
    with live_server.app.app_context():
        # This quiz's attempt: the served database is shared with the other browser tests
        # run by this worker (another one has a student called Grace too).
        attempt = db.session.scalars(
            db.select(Attempt).where(
                Attempt.quiz_id == seeded.quiz_id, Attempt.student_name == "Grace"
            )
        ).one()
        assert attempt.score == 4.0  # practice never changes the graded score

    # The teacher: item analysis with a flagged distractor, replaced after confirming.
    email = live_server.run(lambda: _seed_class(seeded.quiz_id))
    teacher = new_page()
    log_in(teacher, live_server.url, email, PASSWORD)
    teacher.goto(f"{live_server.url}/teacher/quizzes/{seeded.quiz_id}/results")
    teacher.get_by_role("link", name="Item analysis").click()
    teacher.wait_for_url(re.compile(r"/analysis$"))
    assert teacher.get_by_text("11 submitted attempts").is_visible()
    first = teacher.locator(".analysis-item").first
    assert first.get_by_text("A distractor almost nobody chooses").is_visible()
    check_a11y(teacher, "item analysis")
    shot(teacher, "learning-07-item-analysis")
    first.get_by_role("link", name=re.compile("Replace this distractor")).click()
    teacher.get_by_text("not rescored", exact=True).wait_for()
    teacher.locator("input[name=replacement]").first.check()
    chosen = teacher.locator("input[name=replacement]").first.get_attribute("value")
    teacher.get_by_label(re.compile("Yes, change this published quiz")).check()
    shot(teacher, "learning-08-replace")
    teacher.get_by_role("button", name="Replace the distractor").click()
    teacher.wait_for_url(re.compile(r"/analysis#q\d+$"))
    assert teacher.get_by_text(f"Replaced “136” with “{chosen}”.").is_visible()
    assert teacher.locator(".analysis-item").first.get_by_text("edited").is_visible()
    shot(teacher, "learning-09-replaced")
    status = live_server.run(lambda: db.session.get(Quiz, seeded.quiz_id).status)
    assert status is QuizStatus.PUBLISHED


def test_open_book_article_beside_questions_and_fact_sheet_prints_cleanly(
    live_server: Any,
    new_page: Callable[..., Any],
    shot: Callable[[Any, str], Path],
    check_a11y: Callable[[Any, str], None],
) -> None:
    """An open-book quiz shows the highlighted article; the study page prints without chrome."""
    live_server.run(
        lambda: seed_river_quiz(
            join_code="BOOK55", open_book=True, study_access=StudyAccess.BEFORE_AND_AFTER
        )
    )
    page = new_page()
    page.goto(f"{live_server.url}/join/BOOK55")
    page.get_by_label("Your name").fill("Linus")
    page.get_by_role("button", name="Start the quiz").click()
    page.wait_for_url(re.compile(r"/attempt/[\w-]{40,}$"))
    article = page.locator(".open-book .study-article")
    assert article.is_visible() and article.locator("mark.fact-place").count() >= 2
    assert page.get_by_role("radio", name="68").is_visible()
    check_a11y(page, "open-book quiz")
    shot(page, "learning-10-open-book")

    page.goto(f"{live_server.url}/study/BOOK55")
    page.emulate_media(media="print")
    for chrome in (".site-header", ".study-actions", "[data-print-facts]", ".site-footer"):
        assert not page.locator(chrome).first.is_visible(), chrome
    page.evaluate("document.body.classList.add('print-facts')")
    assert not page.locator(".study-article").is_visible()
    assert page.locator("#fact-sheet").is_visible()
    shot(page, "learning-11-fact-sheet-print")
