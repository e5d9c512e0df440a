"""Papers a teacher photocopies: no answers unless asked, sized blanks, clean numbers, full names."""

from __future__ import annotations

import copy
import io
import re
from typing import Any

import pypdf
import pytest
from click.testing import CliRunner

from quizapp.cli.generate import generate_command
from quizapp.exports import export
from quizapp.exports.base import ExportOptions, article_paragraphs, slugify
from quizapp.exports.pdf import (
    BLANK_MAX_EM,
    BLANK_MIN_EM,
    blank_em,
    build_paper,
    key_html,
    paper_html,
)
from quizapp.paths import SAMPLES_DIR
from tests.benchmarks.bench_pdf import forty_questions


def _text(data: bytes) -> list[str]:
    """Every page's text as extracted (lines kept)."""
    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages]


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_generate_pdf_prints_the_article_only_with_appendix(tmp_path):
    sample = sorted(SAMPLES_DIR.glob("*.txt"))[0]
    runner = CliRunner()
    plain, with_article = tmp_path / "paper.pdf", tmp_path / "paper-appendix.pdf"
    args = [str(sample), "--format", "pdf", "--max", "6"]
    assert runner.invoke(generate_command, [*args, "-o", str(plain)]).exit_code == 0
    result = runner.invoke(generate_command, [*args, "--appendix", "-o", str(with_article)])
    assert result.exit_code == 0, result.output
    first_line = next(line for line in sample.read_text().splitlines()[1:] if line.strip())
    assert "Thearticle" not in _squash("".join(_text(plain.read_bytes())))
    appendix = _squash("".join(_text(with_article.read_bytes())))
    assert "Thearticle" in appendix and _squash(first_line)[:40] in appendix


def test_appendix_numbers_body_paragraphs_only_wherever_the_headline_stands():
    body = [
        "The council voted on Tuesday to build a floating library on the harbour.",
        "The boat will carry 3,000 books and visit six villages each week.",
        "Librarian Tomas Berg said the first trip would start in May.",
    ]
    trailing = "\n\n".join(
        [
            *body,
            "Harbour Town Opens A Floating Library",
            "A boat of books for six villages.",
            "12 March 2024",
        ]
    )
    paragraphs = article_paragraphs(trailing)
    assert [number for number, _ in paragraphs] == [1, 2, 3, None, None, None]
    leading = "Harbour Town Opens A Floating Library\n\n" + "\n\n".join(body)
    assert [number for number, _ in article_paragraphs(leading)] == [None, 1, 2, 3]


def _fill_in(answer: str, **extra: Any) -> dict[str, Any]:
    return {
        "id": "f1",
        "kind": "fill_in",
        "prompt": "The report was written by _____ last year.",
        "answer": answer,
        "accepted": [answer],
        **extra,
    }


def test_blanks_are_sized_to_the_answer_within_a_floor_and_ceiling():
    short, medium, long_ = (
        blank_em(_fill_in("US")),
        blank_em(_fill_in("the International Energy Agency")),
        blank_em(_fill_in("x" * 63)),
    )
    assert short == BLANK_MIN_EM
    assert BLANK_MIN_EM < medium < BLANK_MAX_EM
    assert long_ == BLANK_MAX_EM
    # The longest accepted variant counts, not only the main answer.
    assert blank_em(_fill_in("IEA", accepted=["IEA", "the International Energy Agency"])) == medium
    document = {"questions": [_fill_in("the International Energy Agency")]}
    html = paper_html(build_paper(document, ExportOptions()))
    assert f'class="p-blank p-w{medium}"' in html


def test_a_numeric_item_with_a_blank_has_one_place_to_write():
    item = {
        "id": "n1",
        "kind": "numeric",
        "prompt": "The boat carries _____ books.",
        "answer": "3,000",
        "value": 3000,
        "tolerance": 0,
    }
    html = paper_html(build_paper({"questions": [item]}, ExportOptions()))
    assert html.count('<span class="p-blank') == 1 and '<span class="p-line' not in html
    without_blank = {**item, "prompt": "How many books does the boat carry?", "unit": "books"}
    html = paper_html(build_paper({"questions": [without_blank]}, ExportOptions()))
    assert html.count('<span class="p-line') == 1 and '<span class="p-blank' not in html


@pytest.mark.parametrize(
    ("value", "tolerance", "printed"),
    [
        (2.3, 0.1, "accept 2.2 to 2.4"),
        (0.00002, 0.00001, "accept 0.00001 to 0.00003"),
        (1360, 10, "accept 1350 to 1370"),
    ],
)
def test_key_ranges_print_as_the_teacher_wrote_them(value, tolerance, printed):
    item = {
        "id": "n1",
        "kind": "numeric",
        "prompt": "How much?",
        "answer": "the figure",
        "value": value,
        "tolerance": tolerance,
    }
    html = key_html(build_paper({"questions": [item]}, ExportOptions()))
    assert printed in html
    assert "e-05" not in html and "9999" not in html


def test_key_adds_no_quote_marks_around_a_quote_that_has_its_own(document):
    item = document["questions"][0]
    item["source"]["quote"] = '"We had doubts," she said; "not groundless."'
    text = "".join(_text(export(document, "key").data))
    assert '“"We had' not in text and '."”' not in text
    assert '"We had doubts," she said; "not groundless."' in text


def test_file_names_keep_whole_words():
    title = (
        "Ministers meet as the row over the harbour library budget grows and the council "
        "faces questions about the rising tension"
    )
    stem = slugify(title)
    assert stem.endswith("tension")
    document = {"article": {"title": title}, "questions": []}
    assert export(document, "gift").filename == f"{stem}.gift.txt"
    cut = slugify(title, limit=50)
    assert title.lower().replace(" ", "-").startswith(cut) and not cut.endswith("-")
    assert re.sub("-", " ", cut) in title.lower()


def _question_numbers(page: str) -> list[int]:
    return [int(n) for n in re.findall(r"(?m)^\s*(\d{1,2})\.\s", page)]


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_no_paper_or_key_ends_with_a_lone_question(paper):
    for count in (13, 40):
        document = forty_questions()
        document["questions"] = document["questions"][:count]
        for fmt in ("pdf", "key"):
            pages = _text(export(document, fmt, paper=paper).data)
            last = [n for n in _question_numbers(pages[-1]) if n >= count - 1]
            assert count in last and count - 1 in last, (fmt, paper, count, pages[-1][:200])


def test_question_numbers_never_touch_the_text():
    """Laid out by WeasyPrint: each number's ink ends well before its question's text starts."""
    from weasyprint import HTML

    from quizapp.exports.pdf import _stylesheet

    document = forty_questions()
    html = paper_html(build_paper(copy.deepcopy(document), ExportOptions()))
    rendered = HTML(string=html).render(stylesheets=[_stylesheet("A4")])
    gaps = []

    def walk(box, prompt_x: float | None) -> None:
        element = getattr(box, "element", None)
        classes = (element.get("class") or "") if element is not None else ""
        if "q-prompt" in classes and hasattr(box, "content_box_x"):
            prompt_x = box.content_box_x()
        if "q-number" in classes and hasattr(box, "text") and prompt_x is not None:
            gaps.append(prompt_x - (box.position_x + box.width))
        for child in getattr(box, "children", ()):
            walk(child, prompt_x)

    for page in rendered.pages:
        walk(page._page_box, None)
    assert len(gaps) == 40
    assert min(gaps) >= 4  # CSS px: at least 3pt of paper between "40." and its text
