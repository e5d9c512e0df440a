"""Replacing a distractor of a published quiz: the offered candidates and the one allowed edit."""

from __future__ import annotations

from quizapp.models import Question
from quizapp.models.base import utcnow
from quizapp.nlp import regenerate_distractors
from quizapp.services.authoring import commit_quiz_change

MAX_CANDIDATES = 6
# Key in Question.data listing distractor replacements: [{"old", "new", "at"}], oldest first.
EDIT_LOG = "distractor_edits"


class AnalysisError(ValueError):
    """A replacement the teacher asked for cannot be made; str(exc) is a message for them."""


def _options(question: Question) -> list[str]:
    """A choice question's options as stored."""
    return [str(o) for o in (question.data or {}).get("options") or ()]


def distractor_candidates(question: Question, position: int) -> tuple[str, ...]:
    """New typed distractors to replace the option at ``position`` (1-based); may be empty."""
    options = _options(question)
    if question.kind != "multiple_choice" or not 1 <= position <= len(options):
        return ()
    if options[position - 1] == question.answer:
        return ()
    taken = {o.casefold() for o in options} | {(question.answer or "").casefold()}
    found: list[str] = []
    for seed in range(4):
        fresh = regenerate_distractors(question.quiz.article.text, question.to_item(), seed=seed)
        for option in fresh or ():
            if option.casefold() not in taken and option not in found:
                found.append(option)
        if len(found) >= MAX_CANDIDATES:
            break
    return tuple(found[:MAX_CANDIDATES])


def replace_distractor(
    question: Question, position: int, replacement: str, *, expected: str | None = None
) -> str:
    """Put a new distractor in place of the option at ``position``; returns the old one.

    Allowed on a published quiz as a deliberate, confirmed exception: the question is marked
    edited, and existing attempts are not rescored (a student who chose the old distractor was
    wrong and stays wrong). ``expected`` is the option text the teacher saw, so a stale page
    cannot replace another option.
    """
    options = _options(question)
    if question.kind != "multiple_choice" or not 1 <= position <= len(options):
        raise AnalysisError("Only a multiple-choice distractor can be replaced.")
    old = options[position - 1]
    if old == question.answer:
        raise AnalysisError("That option is the correct answer, not a distractor.")
    if expected is not None and expected != old:
        raise AnalysisError("The options changed since the page was loaded. Please try again.")
    if replacement not in distractor_candidates(question, position):
        raise AnalysisError("Choose one of the offered replacements.")
    options[position - 1] = replacement
    log = [*((question.data or {}).get(EDIT_LOG) or ()), {"old": old, "new": replacement}]
    log[-1]["at"] = utcnow().isoformat()
    question.data = {**(question.data or {}), "options": options, EDIT_LOG: log}
    question.edited = True
    # Bumps the quiz version, so cached copies of the questions are refreshed for new students.
    commit_quiz_change(question.quiz)
    return old
