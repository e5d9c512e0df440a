"""Gap-fill passages (cloze items) in the editor: their fields, gap facts and new bank words."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from quizapp.models import Question
from quizapp.nlp.model import BLANK
from quizapp.services.authoring import AuthoringError, commit_quiz_change

MIN_GAPS = 2
MAX_GAPS = 6
MAX_DISTRACTORS = 6

CLOZE_NOT_CONVERTED = (
    "a gap-fill passage asks several facts at once, so it has no single answer to ask another "
    "way; delete it and add a question of that kind instead"
)


def other_forms(answer: str, forms: Sequence[str]) -> list[str]:
    """Accepted forms without blanks or repeats, and never the answer itself."""
    kept: list[str] = []
    for form in (f.strip() for f in forms):
        if form and form.casefold() not in {answer.casefold(), *map(str.casefold, kept)}:
            kept.append(form)
    return kept


def passage_fields(
    prompt: str,
    gap_answers: Sequence[tuple[str, Sequence[str]]],
    distractors: Sequence[str],
    word_bank: bool,
) -> tuple[dict[str, Any], dict[str, str]]:
    """A passage's item fields from the editor (answer, blanks, bank) and the errors, by field:
    2-6 gaps written _____, an answer per gap and, with a bank, distinct entries."""
    fields: dict[str, Any] = {}
    errors: dict[str, str] = {}
    gaps = [
        (a.strip(), forms) for a, forms in gap_answers if a.strip() or any(f.strip() for f in forms)
    ]
    blanks = prompt.count(BLANK)
    if not MIN_GAPS <= blanks <= MAX_GAPS:
        errors["prompt"] = (
            f"Write the passage with {MIN_GAPS} to {MAX_GAPS} gaps, each written {BLANK}."
        )
    elif len(gaps) != blanks:
        errors["gaps"] = f"The passage has {blanks} gaps: give one answer for each, in order."
    elif any(not answer for answer, _forms in gaps):
        errors["gaps"] = "Give the answer of every gap."
    fields["blanks"] = [
        {"answer": answer, "accepted": [answer, *other_forms(answer, forms)]}
        for answer, forms in gaps
    ]
    fields["answer"] = gaps[0][0] if gaps else None
    extra = [d.strip() for d in distractors if d.strip()]
    if word_bank:
        bank = list(dict.fromkeys(answer for answer, _forms in gaps)) + extra
        if len(extra) > MAX_DISTRACTORS:
            errors["distractors"] = f"Give at most {MAX_DISTRACTORS} extra words for the bank."
        elif len({entry.casefold() for entry in bank}) != len(bank):
            errors["distractors"] = (
                "Every word in the bank must be different: an extra word repeats an answer "
                "or another extra word."
            )
        # Sorted, so the bank's order never tells which entry fills which gap.
        fields["bank"] = sorted(bank, key=str.casefold)
    return fields, errors


def keep_gap_facts(question: Question, blanks: list[dict[str, Any]]) -> None:
    """Keep each gap's fact where its answer is unchanged, else find the answer in the quote."""
    before = [b for b in (question.data or {}).get("blanks") or () if isinstance(b, dict)]
    quote, start = question.quote or "", question.quote_start
    cursor = 0
    for n, blank in enumerate(blanks):
        old = before[n] if n < len(before) else {}
        fact = old.get("fact")
        if fact and str(old.get("answer", "")).casefold() == blank["answer"].casefold():
            blank["fact"] = fact
            if isinstance(fact.get("end"), int) and start is not None:
                cursor = max(cursor, fact["end"] - start)
            continue
        at = quote.casefold().find(blank["answer"].casefold(), cursor)
        if at >= 0 and start is not None:
            end = at + len(blank["answer"])
            blank["fact"] = {
                "type": (fact or {}).get("type") or "other",
                "text": quote[at:end],
                "start": start + at,
                "end": start + end,
            }
            cursor = end


def new_bank_words(question: Question) -> bool:
    """Replace a word-bank passage's extra words with new ones the generator makes for its gaps
    (each a wrong option for one gap's fact); False, changing nothing, if there are none."""
    data = dict(question.data or {})
    bank = [str(entry) for entry in data.get("bank") or ()]
    if not bank:
        raise AuthoringError(
            "This passage has no word bank: students type each gap. Edit it to add one."
        )
    from quizapp.nlp import regenerate_distractors as nlp_regenerate

    quiz = question.quiz
    blanks = [b for b in data.get("blanks") or () if isinstance(b, dict)]
    answers = [str(b.get("answer") or "") for b in blanks]
    old = [entry for entry in bank if entry not in answers]
    taken = {e.casefold() for e in bank} | {a.casefold() for a in answers}
    passage = question.prompt.casefold()
    wanted = min(max(len(old), 1), 3)
    fresh: list[str] = []
    for n, blank in enumerate(blanks):
        if len(fresh) >= wanted or not blank.get("fact"):
            continue
        asked = {"kind": "multiple_choice", "answer": answers[n], "fact": blank["fact"]}
        asked["options"] = [answers[n], *old]
        seed = question.id * 1009 + quiz.version * 31 + n
        for option in nlp_regenerate(quiz.article.text, asked, seed=seed) or ():
            folded = option.casefold()
            # A new entry is no answer, not already shown, and not printed in the passage.
            if folded not in taken and folded not in passage and len(fresh) < wanted:
                fresh.append(option)
                taken.add(folded)
                break
    if not fresh:
        return False
    data["bank"] = sorted([*answers, *fresh], key=str.casefold)
    question.data = data
    question.edited = True
    commit_quiz_change(quiz)
    return True
