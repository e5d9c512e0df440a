"""The study view of a quiz's article: who may open it, and its highlighted, escaped markup."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from markupsafe import Markup, escape

from quizapp.models import Attempt, Quiz, QuizStatus, StudyAccess
from quizapp.nlp.model import FactType
from quizapp.nlp.module import (
    HIGHLIGHTED,
    FactLine,
    GlossaryKind,
    ModuleSentence,
    StudyModule,
    build_module,
)
from quizapp.services.feedback import feedback_for
from quizapp.services.glossary import GlossaryLine, glossary_lines
from quizapp.services.provenance import Provenance, quiz_provenance

__all__ = [
    "FACT_LABELS",
    "StudyParagraph",
    "StudySentence",
    "StudyView",
    "fact_line_markup",
    "highlight_sentence",
    "module_for",
    "sentence_for_offset",
    "study_open_by_code",
    "study_open_for_attempt",
    "study_view",
]

FACT_LABELS: dict[FactType, str] = {
    FactType.QUANTITY: "Quantities",
    FactType.ORGANISATION: "Organisations",
    FactType.PERSON: "People",
    FactType.PLACE: "Places",
    FactType.DATE: "Dates",
}
# What a highlight is, for its tooltip.
FACT_NAMES: dict[FactType, str] = {
    FactType.QUANTITY: "Quantity",
    FactType.ORGANISATION: "Organisation",
    FactType.PERSON: "Person",
    FactType.PLACE: "Place",
    FactType.DATE: "Date",
}
GLOSSARY_LABELS: dict[GlossaryKind, str] = {
    GlossaryKind.ACRONYM: "Acronyms",
    GlossaryKind.PERSON: "People and their roles",
    GlossaryKind.PLACE: "Places (merged under one name; the sentence that says most in fewest words)",
}


@dataclass(frozen=True, slots=True)
class StudySentence:
    """A sentence ready to show: its anchor number and its escaped, highlighted text."""

    index: int
    html: Markup


@dataclass(frozen=True, slots=True)
class StudyParagraph:
    """A numbered paragraph of the article."""

    number: int
    sentences: tuple[StudySentence, ...]


@dataclass(frozen=True, slots=True)
class GlossaryGroup:
    """Glossary lines of one kind, under their heading."""

    kind: GlossaryKind
    heading: str
    entries: tuple[GlossaryLine, ...]


@dataclass(frozen=True, slots=True)
class FactSheetLine:
    """A fact-sheet line: a label and value, or (no label) the sentence with the value bold."""

    line: FactLine
    sentence_html: Markup


@dataclass(frozen=True, slots=True)
class StudyView:
    """What the study page shows: the article, legend, glossary and fact sheet."""

    quiz: Quiz
    title: str
    standfirst: str | None
    paragraphs: tuple[StudyParagraph, ...]
    legend: tuple[tuple[str, str], ...]
    glossary: tuple[GlossaryGroup, ...]
    fact_sheet: tuple[FactSheetLine, ...]
    provenance: Provenance


@lru_cache(maxsize=32)
def module_for(text: str) -> StudyModule:
    """The learning module of an article text (cached: articles never change once saved)."""
    return build_module(text)


def highlight_sentence(sentence: ModuleSentence) -> Markup:
    """The sentence's text escaped, with each fact wrapped in <mark class="fact fact-TYPE">."""
    pieces: list[Markup | str] = []
    at = sentence.start
    for highlight in sentence.highlights:
        pieces.append(escape(sentence.text[at - sentence.start : highlight.start - sentence.start]))
        inner = escape(
            sentence.text[highlight.start - sentence.start : highlight.end - sentence.start]
        )
        pieces.append(
            Markup('<mark class="fact fact-{kind}" title="{name}">{inner}</mark>').format(
                kind=highlight.fact_type.value,
                name=FACT_NAMES.get(highlight.fact_type, highlight.fact_type.value),
                inner=inner,
            )
        )
        at = highlight.end
    pieces.append(escape(sentence.text[at - sentence.start :]))
    return Markup("").join(pieces)


def fact_line_markup(line: FactLine) -> Markup:
    """The line's sentence escaped with each of its values in <strong>."""
    text = line.sentence_text
    pieces: list[Markup | str] = []
    at = 0
    for start, end in sorted(line.spans):
        if start < at:
            continue
        pieces.append(escape(text[at:start]))
        pieces.append(Markup("<strong>{}</strong>").format(text[start:end]))
        at = end
    pieces.append(escape(text[at:]))
    return Markup("").join(pieces)


def study_view(quiz: Quiz) -> StudyView:
    """The study page of a quiz's article (access is the caller's check)."""
    module = module_for(quiz.article.text)
    paragraphs = tuple(
        StudyParagraph(
            number=n,
            sentences=tuple(StudySentence(s.index, highlight_sentence(s)) for s in paragraph),
        )
        for n, paragraph in enumerate(module.paragraphs, 1)
    )
    lines = glossary_lines(module)
    groups = tuple(
        GlossaryGroup(kind, GLOSSARY_LABELS[kind], entries)
        for kind in GlossaryKind
        if (entries := tuple(e for e in lines if e.kind is kind))
    )
    return StudyView(
        quiz=quiz,
        title=module.title or quiz.article.title,
        standfirst=module.standfirst,
        paragraphs=paragraphs,
        legend=tuple((t.value, FACT_LABELS[t]) for t in HIGHLIGHTED),
        glossary=groups,
        fact_sheet=tuple(FactSheetLine(line, fact_line_markup(line)) for line in module.fact_sheet),
        provenance=quiz_provenance(quiz),
    )


def sentence_for_offset(quiz: Quiz, offset: int) -> int | None:
    """The index of the article sentence holding this offset (a question's quote start)."""
    return module_for(quiz.article.text).sentence_at(offset)


def study_open_by_code(quiz: Quiz) -> bool:
    """Whether anyone with the join code may study the article before taking the quiz."""
    return quiz.status is QuizStatus.PUBLISHED and quiz.study_access is StudyAccess.BEFORE_AND_AFTER


def study_open_for_attempt(attempt: Attempt) -> bool:
    """Whether this attempt's student may open the study view now.

    The study view highlights the answers, so during the attempt only an open-book quiz
    shows it (whatever "study before the quiz" says: that is for before starting). After
    submitting: unless the teacher said never, and only while the feedback settings let the
    student see the correct answers ("never", or "after close" with the quiz still open, hide
    them here too).
    """
    quiz = attempt.quiz
    if quiz.status is QuizStatus.DRAFT:
        return False
    if attempt.submitted_at is None:
        return quiz.open_book and quiz.status is QuizStatus.PUBLISHED
    return quiz.study_access is not StudyAccess.NEVER and feedback_for(quiz).answers
