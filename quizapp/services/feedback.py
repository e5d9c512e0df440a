"""What feedback a student may see now: score, right/wrong per item, answers, explanations."""

from __future__ import annotations

from dataclasses import dataclass

from quizapp.models import ExplanationPolicy, Quiz, QuizStatus

__all__ = ["Feedback", "feedback_for", "feedback_policies", "policy_open"]


@dataclass(frozen=True, slots=True)
class Feedback:
    """Which parts of the feedback a submitted attempt's student sees at this moment.

    Each part that shows implies the ones it gives away: an explanation quotes the answer's
    sentence (so shows the answer), a correct answer beside the student's tells right from
    wrong, and ticks add up to the score.
    """

    score: bool
    marks: bool
    answers: bool
    explanations: bool
    # Parts hidden now that the teacher will show once the quiz closes.
    later: tuple[str, ...]


def policy_open(policy: ExplanationPolicy, quiz: Quiz) -> bool:
    """Whether one part's policy shows it now ("after close" means: the quiz is closed)."""
    if policy is ExplanationPolicy.AFTER_SUBMIT:
        return True
    if policy is ExplanationPolicy.AFTER_CLOSE:
        return quiz.status is QuizStatus.CLOSED
    return False


def feedback_policies(
    quiz: Quiz,
) -> tuple[ExplanationPolicy, ExplanationPolicy, ExplanationPolicy, ExplanationPolicy]:
    """The quiz's policy for the score, right/wrong, the answers and the explanations; unset
    right/wrong and answers follow the explanations (the one setting older quizzes had)."""
    answers = quiz.show_answers or quiz.explanations
    return (quiz.show_score, quiz.show_marks or answers, answers, quiz.explanations)


def feedback_for(quiz: Quiz) -> Feedback:
    """The feedback a student who has submitted may see now under the quiz's settings."""
    policies = feedback_policies(quiz)
    explanations = policy_open(policies[3], quiz)
    answers = explanations or policy_open(policies[2], quiz)
    marks = answers or policy_open(policies[1], quiz)
    score = marks or policy_open(policies[0], quiz)
    parts = (
        ("your score", score, policies[0]),
        ("which answers were right", marks, policies[1]),
        ("the correct answers", answers, policies[2]),
        ("the explanations", explanations, policies[3]),
    )
    later = tuple(
        name
        for name, shown, policy in parts
        if not shown and policy is ExplanationPolicy.AFTER_CLOSE
    )
    return Feedback(
        score=score, marks=marks, answers=answers, explanations=explanations, later=later
    )
