"""Where a question's quoted sentence highlights its answer, kept in step with the answer."""

from __future__ import annotations

from quizapp.models import Question


def rehighlight(question: Question, *, drop_stale: bool = False) -> None:
    """Point the highlighted fact at the new answer, when the quote contains it.

    With ``drop_stale`` (a regrade's new key: the old one was wrong), a quote that does not
    contain the new answer loses its highlight rather than keep marking the old answer.
    """
    if not question.quote or question.quote_start is None or not question.answer:
        return
    at = question.quote.casefold().find(question.answer.casefold())
    if at < 0:
        if drop_stale:
            question.fact_text = question.fact_start = question.fact_end = None
        return
    question.fact_start = question.quote_start + at
    question.fact_end = question.fact_start + len(question.answer)
    question.fact_text = question.quote[at : at + len(question.answer)]
    question.fact_type = question.fact_type or "other"
