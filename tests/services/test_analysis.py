"""Item analysis: the statistics on hand-computed cases, the page data, replacing a distractor."""

from __future__ import annotations

import pytest

from quizapp.models import Attempt, Question, QuizStatus, db
from quizapp.services import analysis
from quizapp.services.analysis import (
    Flag,
    discrimination,
    facility,
    histogram,
    item_flags,
    option_counts,
)
from tests.factories import make_attempt, make_quiz


def test_facility_is_the_share_correct() -> None:
    assert facility([True, False, True, True]) == 0.75
    assert facility([]) is None


def test_discrimination_compares_top_and_bottom_27_percent() -> None:
    # Ten students by total score 10..1; 27 % of 10 rounds to groups of 3.
    totals = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1]
    correct = [True, True, False, True, False, True, False, False, False, True]
    # Upper (10, 9, 8): 2 of 3 right; lower (3, 2, 1): 1 of 3 right.
    assert discrimination(totals, correct) == pytest.approx(2 / 3 - 1 / 3)


def test_discrimination_is_negative_when_weaker_students_do_better() -> None:
    totals = [4, 3, 2, 1]
    assert discrimination(totals, [False, True, True, True]) == pytest.approx(-1.0)


def test_discrimination_sorts_by_score_not_by_input_order() -> None:
    assert discrimination([1, 5, 3, 9], [False, True, False, True]) == pytest.approx(1.0)


def test_discrimination_needs_two_students_and_matching_lengths() -> None:
    assert discrimination([3], [True]) is None
    with pytest.raises(ValueError):
        discrimination([1, 2], [True])


def test_option_counts_list_every_option_and_ignore_blanks() -> None:
    chosen = ["A", "B", None, "A", "gone"]
    assert option_counts(chosen, ["A", "B", "C"]) == {"A": 2, "B": 1, "C": 0}


def test_histogram_bins_scores_with_100_in_the_top_bin() -> None:
    assert histogram([0, 9.9, 10, 55, 99, 100]) == (2, 1, 0, 0, 0, 1, 0, 0, 0, 2)


@pytest.mark.parametrize(
    ("fac", "disc", "rates", "attempts", "expected"),
    [
        (0.95, 0.2, [0.3], 12, (Flag.TOO_EASY,)),
        (0.2, 0.2, [0.3], 12, (Flag.TOO_HARD,)),
        (0.6, -0.1, [0.3, 0.04], 12, (Flag.NEGATIVE_DISCRIMINATION, Flag.WEAK_DISTRACTOR)),
        (0.6, -0.1, [0.0], 9, ()),  # too few attempts for these two
        (0.6, 0.3, [0.05, 0.2], 20, ()),  # 5 % exactly still works
    ],
)
def test_item_flags(
    fac: float, disc: float, rates: list[float], attempts: int, expected: tuple[Flag, ...]
) -> None:
    assert item_flags(fac, disc, rates, attempts=attempts) == expected


@pytest.mark.parametrize(
    ("fac", "attempts", "answered", "expected"),
    [
        (0.0, 7, 0, (Flag.MOSTLY_BLANK,)),  # nobody answered: not "too hard"
        (0.1, 10, 4, (Flag.MOSTLY_BLANK,)),
        (0.2, 10, 5, (Flag.TOO_HARD,)),  # half answered: the facility speaks
        (0.95, 10, 10, (Flag.TOO_EASY,)),
    ],
)
def test_a_question_most_students_left_blank_is_flagged_for_that_not_as_too_hard(
    fac: float, attempts: int, answered: int, expected: tuple[Flag, ...]
) -> None:
    assert item_flags(fac, None, [], attempts=attempts, answered=answered) == expected


def _class(quiz_status: QuizStatus = QuizStatus.PUBLISHED, students: int = 10) -> Question:
    """A quiz whose multiple-choice item nobody answers with "8,400"; returns that question."""
    quiz = make_quiz(status=quiz_status)
    mc, fill, tf = quiz.questions
    for n in range(students):
        good = n < students // 2
        make_attempt(
            quiz,
            f"Student {n}",
            {
                mc: ("4,200", True) if good else ("2,100" if n % 2 else "6,300", False),
                fill: ("Coastal Arts Fund", True) if n < 7 else ("CAF fund", False),
                tf: ("False", True) if n % 3 else ("True", False),
            },
        )
    return mc


def test_quiz_analysis_figures_and_weak_distractor(ctx: None) -> None:
    mc = _class()
    report = analysis.quiz_analysis(mc.quiz)
    assert report.attempts == 10 and report.enough
    item = report.items[0]
    assert item.facility == 0.5
    assert item.discrimination == pytest.approx(1.0)  # the top five all right, bottom all wrong
    counts = {o.text: (o.count, o.weak, o.is_answer) for o in item.options}
    assert counts["4,200"] == (5, False, True)
    assert counts["8,400"] == (0, True, False)
    assert Flag.WEAK_DISTRACTOR in item.flags
    assert sum(report.histogram) == 10


def test_quiz_analysis_waits_for_enough_attempts(ctx: None) -> None:
    mc = _class(students=4)
    item = analysis.quiz_analysis(mc.quiz).items[0]
    assert item.discrimination is None
    assert not any(o.weak for o in item.options)
    assert Flag.WEAK_DISTRACTOR not in item.flags


def test_replace_distractor_on_a_published_quiz(ctx: None) -> None:
    mc = _class()
    quiz = mc.quiz
    version = quiz.version
    scores = sorted(a.score for a in db.session.scalars(db.select(Attempt)))
    position = mc.data["options"].index("8,400") + 1
    candidates = analysis.distractor_candidates(mc, position)
    assert candidates and not set(candidates) & set(mc.data["options"])
    old = analysis.replace_distractor(mc, position, candidates[0], expected="8,400")
    assert old == "8,400"
    db.session.expire_all()
    question = db.session.get(Question, mc.id)
    assert question is not None
    assert question.data["options"][position - 1] == candidates[0]
    assert question.edited and question.answer == "4,200"
    assert question.quiz.version > version
    assert sorted(a.score for a in db.session.scalars(db.select(Attempt))) == scores
    # The new distractor has no attempts of its own yet: counted apart, and not flagged.
    item = analysis.quiz_analysis(question.quiz).items[0]
    new = item.options[position - 1]
    assert (new.text, new.added, new.attempts, new.weak) == (candidates[0], True, 0, False)
    assert Flag.WEAK_DISTRACTOR not in item.flags


def test_replace_distractor_refuses_the_answer_and_strangers(ctx: None) -> None:
    mc = _class(students=2)
    answer_at = mc.data["options"].index("4,200") + 1
    with pytest.raises(analysis.AnalysisError):
        analysis.replace_distractor(mc, answer_at, "1,000")
    with pytest.raises(analysis.AnalysisError):
        analysis.replace_distractor(mc, 1 if answer_at != 1 else 2, "not a candidate")
    with pytest.raises(analysis.AnalysisError):
        analysis.replace_distractor(mc, 1 if answer_at != 1 else 2, "x", expected="stale")
