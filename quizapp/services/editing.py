"""Editing a draft's questions: validated edits, delete/restore, reorder, regenerate, convert."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

from quizapp.models import Question, Quiz
from quizapp.models.quiz import ITEM_DATA_KEYS
from quizapp.nlp.model import BLANK
from quizapp.services.authoring import (
    ALL_KINDS,
    EDITABLE_KINDS,
    AuthoringError,
    active_questions,
    apply_item,
    check_version,
    commit_quiz_change,
    require_draft,
)
from quizapp.services.highlights import rehighlight
from quizapp.services.passages import (
    CLOZE_NOT_CONVERTED,
    keep_gap_facts,
    new_bank_words,
    passage_fields,
)


class ItemInvalid(AuthoringError):
    """An edit that breaks an item's rules; ``errors`` maps field names to messages."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("Please correct the marked fields.")
        self.errors = errors


@dataclass(frozen=True, slots=True)
class QuestionEdit:
    """The fields a teacher can set on a question (fields foreign to its kind are ignored)."""

    kind: str
    prompt: str
    answer: str = ""
    options: tuple[str, ...] = ()
    accepted: tuple[str, ...] = ()
    pairs: tuple[tuple[str, str], ...] = ()
    value: str = ""
    tolerance: str = ""
    unit: str = ""
    explanation: str = ""
    quote: str = ""
    # cloze: per gap (answer, other accepted forms); wrong entries of the word bank, and
    # whether students choose from a bank at all (else they type each gap).
    gaps: tuple[tuple[str, tuple[str, ...]], ...] = ()
    distractors: tuple[str, ...] = ()
    word_bank: bool = True


def parse_number(text: str) -> float | None:
    """A number as a teacher types it ("1,360", "2.5", "-3"), or None."""
    cleaned = text.strip().replace(",", "").replace("\u2212", "-")
    if not re.fullmatch(r"[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?", cleaned):
        return None
    number = float(cleaned)
    return number if math.isfinite(number) else None


def _distinct(values: list[str]) -> bool:
    """True if no two values are equal ignoring case and spacing (students could not tell
    "River  Quell" from "River Quell" on the page)."""
    folded = [" ".join(v.split()).casefold() for v in values]
    return len(set(folded)) == len(folded)


def validate_edit(edit: QuestionEdit) -> dict[str, Any]:
    """Check an edit against its kind's rules; return the item fields, or raise ItemInvalid."""
    if edit.kind not in EDITABLE_KINDS:
        raise ValueError(f"unknown question kind: {edit.kind!r}")
    errors: dict[str, str] = {}
    prompt = edit.prompt.strip()
    answer = edit.answer.strip()
    fields: dict[str, Any] = {"kind": edit.kind, "prompt": prompt, "answer": answer or None}
    if not prompt:
        errors["prompt"] = "Write the question."
    if edit.kind == "multiple_choice":
        options = [o.strip() for o in edit.options if o.strip()]
        if len(options) < 2:
            errors["options"] = "Give at least two options."
        elif not _distinct(options):
            errors["options"] = "Each option must be different."
        if not answer:
            errors["answer"] = "Mark the correct option."
        elif answer not in options:
            errors["answer"] = "The correct answer must be one of the options."
        fields["options"] = options
    elif edit.kind == "true_false":
        if answer not in ("True", "False"):
            errors["answer"] = "Choose True or False."
        fields["options"] = ["True", "False"]
    elif edit.kind in ("fill_in", "short_answer"):
        if edit.kind == "fill_in" and prompt.count(BLANK) != 1:
            errors["prompt"] = f"The sentence must contain exactly one blank, written {BLANK}."
        if not answer:
            errors["answer"] = "Give the correct answer."
        # Other forms only: the answer is always right, and "Also accepted" must not repeat it.
        accepted: list[str] = []
        for form in (a.strip() for a in edit.accepted):
            if form and form.casefold() not in {answer.casefold(), *map(str.casefold, accepted)}:
                accepted.append(form)
        fields["accepted"] = accepted
    elif edit.kind == "numeric":
        value = parse_number(edit.value)
        tolerance = parse_number(edit.tolerance) if edit.tolerance.strip() else 0.0
        if value is None:
            errors["value"] = "The answer must be a number, such as 1360 or 2.5."
        if tolerance is None or (tolerance is not None and tolerance < 0):
            errors["tolerance"] = "The tolerance must be a number of 0 or more."
        unit = edit.unit.strip()
        fields.update(value=value, tolerance=tolerance, unit=unit or None)
        fields["answer"] = f"{edit.value.strip()} {unit}".strip()
    elif edit.kind == "matching":
        pairs = [(a.strip(), b.strip()) for a, b in edit.pairs if a.strip() or b.strip()]
        if any(not a or not b for a, b in pairs):
            errors["pairs"] = "Fill in both sides of every pair."
        elif len(pairs) < 2:
            errors["pairs"] = "Give at least two pairs."
        elif not _distinct([a for a, _ in pairs]) or not _distinct([b for _, b in pairs]):
            errors["pairs"] = "Each item on each side must be different."
        fields["pairs"] = [list(p) for p in pairs]
        fields["answer"] = None
    elif edit.kind == "cloze":
        found, problems = passage_fields(prompt, edit.gaps, edit.distractors, edit.word_bank)
        fields.update(found)
        errors.update(problems)
    if errors:
        raise ItemInvalid(errors)
    fields["explanation"] = edit.explanation.strip() or None
    return fields


def _set_fields(question: Question, fields: dict[str, Any]) -> None:
    """Write validated fields onto a question (data is replaced so the JSON change is saved)."""
    if fields["kind"] == "cloze":
        keep_gap_facts(question, fields["blanks"])
    question.kind = fields["kind"]
    question.prompt = fields["prompt"]
    question.answer = fields["answer"]
    question.data = {key: fields[key] for key in ITEM_DATA_KEYS if fields.get(key) is not None}
    question.explanation = fields["explanation"]
    question.edited = True
    if question.kind == "cloze":
        # The item's fact is its first gap's (the contract), for tools that read one answer.
        first = (fields["blanks"][0].get("fact") if fields["blanks"] else None) or {}
        if first:
            question.fact_type, question.fact_text = first.get("type"), first.get("text")
            question.fact_start, question.fact_end = first.get("start"), first.get("end")
        return
    rehighlight(question)


def edit_from_question(question: Question) -> QuestionEdit:
    """The current values of a question, for pre-filling its edit form."""
    data = question.data or {}
    value = data.get("value")
    return QuestionEdit(
        kind=question.kind,
        prompt=question.prompt,
        answer=question.answer or "",
        options=tuple(data.get("options") or ()),
        accepted=tuple(data.get("accepted") or ()),
        pairs=tuple((p[0], p[1]) for p in data.get("pairs") or ()),
        value="" if value is None else f"{value:g}",
        tolerance="" if data.get("tolerance") is None else f"{data['tolerance']:g}",
        unit=data.get("unit") or "",
        explanation=question.explanation or "",
        quote=question.quote or "",
        gaps=tuple(
            (str(b.get("answer") or ""), tuple(str(a) for a in b.get("accepted") or ()))
            for b in data.get("blanks") or ()
        ),
        distractors=tuple(
            str(entry)
            for entry in data.get("bank") or ()
            if entry not in {b.get("answer") for b in data.get("blanks") or ()}
        ),
        word_bank=bool(data.get("bank")) or question.kind != "cloze",
    )


def update_question(
    question: Question, edit: QuestionEdit, *, expected_version: int | None
) -> None:
    """Apply a teacher's validated edit to a question."""
    quiz = question.quiz
    check_version(quiz, expected_version)
    require_draft(quiz)
    _set_fields(question, validate_edit(edit))
    commit_quiz_change(quiz)


def add_question(quiz: Quiz, edit: QuestionEdit, *, expected_version: int | None) -> Question:
    """Add the teacher's own question at the end; a quote copied from the article is located."""
    check_version(quiz, expected_version)
    require_draft(quiz)
    fields = validate_edit(edit)
    quote = " ".join(edit.quote.split())
    question = Question(position=len(quiz.questions) + 1, created_by_teacher=True)
    if quote:
        start = _find_in_text(quiz.article.text, quote)
        if start is None:
            raise ItemInvalid({"quote": "That sentence is not in the article; copy it exactly."})
        end = _span_end(quiz.article.text, start, quote)
        question.quote = quiz.article.text[start:end]
        question.quote_start, question.quote_end = start, end
        from quizapp.services.coverage import paragraph_of

        question.paragraph = paragraph_of(quiz.article.text, start)
    _set_fields(question, fields)
    quiz.questions.append(question)
    commit_quiz_change(quiz)
    return question


def _find_in_text(text: str, quote: str) -> int | None:
    """Where the quote starts in the text, matching any run of whitespace as one space."""
    pattern = r"\s+".join(re.escape(word) for word in quote.split())
    match = re.search(pattern, text)
    return match.start() if match else None


def _span_end(text: str, start: int, quote: str) -> int:
    """Where the whitespace-tolerant match of the quote that starts at ``start`` ends."""
    pattern = r"\s+".join(re.escape(word) for word in quote.split())
    match = re.compile(pattern).match(text, start)
    return match.end() if match else start + len(quote)


def set_deleted(question: Question, deleted: bool, *, expected_version: int | None) -> None:
    """Soft-delete a question, or restore it."""
    quiz = question.quiz
    check_version(quiz, expected_version)
    require_draft(quiz)
    question.deleted = deleted
    question.edited = True
    commit_quiz_change(quiz)


def move_question(question: Question, step: int, *, expected_version: int | None) -> None:
    """Move a question up (step -1) or down (step +1) among the quiz's active questions."""
    quiz = question.quiz
    check_version(quiz, expected_version)
    require_draft(quiz)
    ordered = sorted(quiz.questions, key=lambda q: (q.deleted, q.position, q.id or 0))
    for position, item in enumerate(ordered, 1):
        item.position = position
    visible = active_questions(quiz)
    visible.sort(key=lambda q: q.position)
    index = visible.index(question)
    target = index + step
    if 0 <= target < len(visible):
        other = visible[target]
        question.position, other.position = other.position, question.position
    commit_quiz_change(quiz)


def regenerate_distractors(question: Question, *, expected_version: int | None) -> bool:
    """Ask the generator for new wrong options; False (nothing changed) if it has none."""
    quiz = question.quiz
    check_version(quiz, expected_version)
    require_draft(quiz)
    if question.kind == "cloze":
        return new_bank_words(question)
    if question.kind != "multiple_choice":
        raise AuthoringError("Only multiple-choice questions have distractors.")
    try:
        from quizapp.nlp import regenerate_distractors as nlp_regenerate
    except ImportError as exc:  # an older generator without this helper
        raise AuthoringError("New wrong options cannot be made in this version.") from exc

    options = nlp_regenerate(
        quiz.article.text, question.to_item(), seed=question.id * 1009 + quiz.version
    )
    if not options or question.answer not in options:
        return False
    question.data = {**(question.data or {}), "options": list(options)}
    question.edited = True
    commit_quiz_change(quiz)
    return True


def convert_question(question: Question, kind: str, *, expected_version: int | None) -> bool:
    """Turn a question into another kind via the generator; False if it cannot."""
    if kind not in ALL_KINDS:
        raise ValueError(f"unknown question kind: {kind!r}")
    quiz = question.quiz
    check_version(quiz, expected_version)
    require_draft(quiz)
    if kind == question.kind:
        return True
    if question.kind == "cloze":
        raise AuthoringError(CLOZE_NOT_CONVERTED[:1].upper() + CLOZE_NOT_CONVERTED[1:] + ".")
    try:
        from quizapp.nlp import convert_item
    except ImportError as exc:  # an older generator without this helper
        raise AuthoringError("Questions cannot change kind in this version.") from exc

    item = convert_item(
        quiz.article.text, question.to_item(), kind, seed=question.id + quiz.version
    )
    if not item or item.get("kind") != kind:
        return False
    apply_item(question, item)
    question.edited = True
    commit_quiz_change(quiz)
    return True


def convertible_kinds(quiz: Quiz) -> dict[int, KindChoices]:
    """Per generated question of a draft: the kinds it can become, and why not the others.

    Questions a teacher wrote (no quote in the article) get no entry: they cannot change kind.
    """
    from quizapp.nlp import kind_choices

    questions = [q for q in active_questions(quiz) if q.quote]
    # A passage asks several facts at once: the quiz page says so instead of offering kinds.
    questions = [q for q in questions if q.kind != "cloze"]
    out: dict[int, KindChoices] = {}
    if not questions or quiz.article is None:
        return out
    choices = kind_choices(quiz.article.text, [q.to_item() for q in questions])
    for question, by_kind in zip(questions, choices, strict=True):
        kinds = [k for k in ALL_KINDS if k in by_kind]
        out[question.id] = KindChoices(
            possible=tuple(k for k in kinds if by_kind[k] is None),
            refused=tuple((k, by_kind[k] or "") for k in kinds if by_kind[k] is not None),
        )
    return out


@dataclass(frozen=True, slots=True)
class KindChoices:
    """The kinds a question can be changed into, and each refused kind with the reason."""

    possible: tuple[str, ...]
    refused: tuple[tuple[str, str], ...]
