"""Provenance of a quiz's article: where it came from and the date its facts hold ("as of ...")."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from quizapp.models import Quiz


@dataclass(frozen=True, slots=True)
class Provenance:
    """The article's source and publication date, with a label to show students."""

    title: str
    published: date | None
    source_url: str | None
    source_name: str | None

    @property
    def label(self) -> str | None:
        """E.g. "as of 10 May 2021", or None when the date is unknown."""
        return f"as of {format_date(self.published)}" if self.published else None


def format_date(day: date) -> str:
    """A date as "10 May 2021" (no leading zero, English month)."""
    return f"{day.day} {day:%B %Y}"


def quiz_provenance(quiz: Quiz) -> Provenance:
    """The provenance of the quiz's article (student pages render it with provenance_line)."""
    article = quiz.article
    return Provenance(
        title=article.title,
        published=article.published_on,
        source_url=article.source_url,
        source_name=article.source_name,
    )
