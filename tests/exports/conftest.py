"""Fixtures of the export tests: a hand-built question set with every kind and hostile text."""

from __future__ import annotations

import copy
import shutil
from pathlib import Path
from typing import Any

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO_ROOT / "test-artifacts" / "pdf"

TITLE = "Café <b>Society</b>: “Zoë’s” plan"
ARTICLE = (
    "Café Society: £5 million for Saint-Étienne’s library\n"
    "\n"
    "The city council of Saint-Étienne voted on Tuesday to spend £5 million {on} the new library.\n"
    "Mayor Zoë Müller said the project would open in 2026 – two years early, at 8:30 a.m.\n"
    "\n"
    "About 1,360 km of cable = enough to circle the lake; the team used #tags ~ "
    "<script>alert(1)</script>.\n"
    "The library will hold 45,000 books and cost €2.5 million, Kraków’s “twin” says.\n"
    "Łódź and Kraków are twinned with Saint-Étienne, while Nice is twinned with Nîmes.\n"
)


def _span(text: str, needle: str, start: int = 0) -> tuple[int, int]:
    """Offsets of needle in text (from start)."""
    at = text.index(needle, start)
    return at, at + len(needle)


def _item(item_id: str, kind: str, prompt: str, sentence: str, fact: str, **extra: Any) -> dict:
    """A question-set item whose source and fact offsets are exact in ARTICLE."""
    s_start, s_end = _span(ARTICLE, sentence)
    f_start, f_end = _span(ARTICLE, fact, s_start)
    paragraph = sum(1 for line in ARTICLE[:s_start].splitlines() if line.strip())
    item: dict[str, Any] = {"id": item_id, "kind": kind, "prompt": prompt}
    item.update(extra)
    item["fact"] = {"type": "other", "text": fact, "start": f_start, "end": f_end}
    item["source"] = {"quote": sentence, "start": s_start, "end": s_end, "paragraph": paragraph}
    item["explanation"] = f"The article says: “{sentence}”"
    item["difficulty"] = 0.5
    return item


S1 = "The city council of Saint-Étienne voted on Tuesday to spend £5 million {on} the new library."
S2 = "Mayor Zoë Müller said the project would open in 2026 – two years early, at 8:30 a.m."
S3 = (
    "About 1,360 km of cable = enough to circle the lake; the team used #tags ~ "
    "<script>alert(1)</script>."
)
S4 = "The library will hold 45,000 books and cost €2.5 million, Kraków’s “twin” says."
S5 = "Łódź and Kraków are twinned with Saint-Étienne, while Nice is twinned with Nîmes."


def build_document() -> dict[str, Any]:
    """All six kinds, with ~ = # { } : quotes, <script>, accented names, £ € in every field."""
    questions = [
        _item(
            "q1",
            "multiple_choice",
            "How much will Saint-Étienne spend {on} the library? <script>alert('x')</script>",
            S1,
            "£5 million",
            answer="£5 million",
            options=["£2 million", "£5 million", "£8 million", "£11 million"],
        ),
        _item(
            "q2",
            "multiple_choice",
            "Who said the project = early? #1 ~ {tilde}",
            S2,
            "Zoë Müller",
            answer="Zoë Müller",
            options=["Zoë Müller", "José Núñez <img src=x>", "Ana “Ní” Ó Sé", "Ŝtefan ~ Dvořák"],
        ),
        _item(
            "q3",
            "fill_in",
            "Mayor Zoë Müller said the project would open in _____ – two years early, at 8:30 a.m.",
            S2,
            "2026",
            answer="2026",
            accepted=["2026", "in 2026"],
        ),
        _item(
            "q4",
            "true_false",
            "The library will hold 45,000 books & cost €2.5 million: true {or} false?",
            S4,
            "45,000 books",
            answer="True",
            options=["True", "False"],
        ),
        _item(
            "q5",
            "matching",
            "Match each city with its twin: <i>not italic</i>",
            S5,
            "Łódź",
            pairs=[["Łódź", "Saint-Étienne"], ["Nice", "Nîmes = #1"], ["Kraków", "Łódź ~ {x}"]],
        ),
        _item(
            "q6",
            "numeric",
            "How many km of cable (= enough to circle the lake) were laid?",
            S3,
            "1,360",
            answer="1,360 km",
            value=1360,
            tolerance=10,
            unit="km",
        ),
        _item(
            "q7",
            "short_answer",
            "Which currency symbol (€ or £) is used for the book budget: \"quote\" & 'apostrophe'?",
            S4,
            "€2.5 million",
            answer="€2.5 million",
            accepted=["€2.5 million", "2.5 million euros", "=2.5M"],
        ),
        _item(
            "q8",
            "true_false",
            '=HYPERLINK("http://evil") The council voted on Monday.',
            S1,
            "Tuesday",
            answer="False",
            options=["True", "False"],
        ),
    ]
    return {
        "schema": "quizapp/question-set@1",
        "article": {
            "title": "Café Society: £5 million for Saint-Étienne’s library",
            "sha256": "0" * 64,
            "words": len(ARTICLE.split()),
            "sentences": 6,
            "published": "2024-03-12",
        },
        "questions": questions,
    }


@pytest.fixture
def document() -> dict[str, Any]:
    """A fresh copy of the hand-built question set."""
    return copy.deepcopy(build_document())


@pytest.fixture
def article_text() -> str:
    """The article the hand-built items quote."""
    return ARTICLE


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    """test-artifacts/pdf (gitignored), where PDF pages are rendered as PNG for a look."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def pdftoppm() -> str:
    """The pdftoppm executable (poppler-utils); skips when it is missing."""
    path = shutil.which("pdftoppm")
    if path is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    return path
