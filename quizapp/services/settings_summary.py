"""A quiz's settings in a few words, for the teacher's quiz page (what students will meet)."""

from __future__ import annotations

from quizapp.models import ExplanationPolicy, Quiz
from quizapp.services.feedback import feedback_policies

__all__ = ["settings_summary"]

# Each part of the feedback, in the order a later one gives the earlier ones away (an
# explanation quotes the answer, an answer shows right from wrong, ticks add up to the score).
_PARTS = ("their score", "which answers were right", "the correct answers", "the explanations")
_WHEN = {
    ExplanationPolicy.AFTER_SUBMIT: "after submitting",
    ExplanationPolicy.AFTER_CLOSE: "when the quiz closes",
}
_ORDER = (ExplanationPolicy.AFTER_SUBMIT, ExplanationPolicy.AFTER_CLOSE, ExplanationPolicy.NEVER)


def settings_summary(quiz: Quiz) -> tuple[str, ...]:
    """Short phrases: time limit, attempts, the options that are on, and when students see
    each part of their feedback (as it works out: a part shows as soon as a later one does)."""
    phrases = [
        f"Time limit {quiz.time_limit_minutes} min" if quiz.time_limit_minutes else "No time limit",
        f"{quiz.attempts_allowed} attempt{'s' if quiz.attempts_allowed != 1 else ''} per student"
        if quiz.attempts_allowed > 0
        else "Unlimited attempts",
    ]
    phrases += [
        label
        for label, on in (
            ("questions shuffled", quiz.shuffle_questions),
            ("options shuffled", quiz.shuffle_options),
            ("one question per page", quiz.one_per_page),
            ("open book", quiz.open_book),
        )
        if on
    ]
    policies = feedback_policies(quiz)
    effective = [min(policies[index:], key=_ORDER.index) for index in range(len(_PARTS))]
    for policy, when in _WHEN.items():
        shown = [part for part, rule in zip(_PARTS, effective, strict=True) if rule is policy]
        if shown:
            phrases.append(f"{when}, students see {_listed(shown)}")
    if all(rule is ExplanationPolicy.NEVER for rule in effective):
        phrases.append("students see only that they submitted")
    return tuple(phrases)


def _listed(parts: list[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
