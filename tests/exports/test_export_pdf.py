"""PDF student paper, answer key and versions: read back with pypdf, rendered to PNG for a look."""

from __future__ import annotations

import copy
import http.server
import io
import re
import subprocess
import threading
import zipfile
from pathlib import Path
from typing import ClassVar

import pypdf
import pytest

from quizapp.exports import export
from quizapp.exports.base import ExportOptions
from quizapp.exports.pdf import build_paper, key_html, paper_html, render_pdf
from quizapp.paths import SAMPLES_DIR

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def _pages(data: bytes) -> list[str]:
    """The text of every page, whitespace removed (line wrapping varies)."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    return [re.sub(r"\s+", "", page.extract_text()) for page in reader.pages]


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _in_order(haystack: str, needles: list[str]) -> bool:
    """True if every needle occurs in haystack, each after the previous one."""
    at = 0
    for needle in needles:
        found = haystack.find(_squash(needle), at)
        if found < 0:
            return False
        at = found + len(_squash(needle))
    return True


def _expected_paper_text(item: dict) -> list[str]:
    """What the paper must show of an item, in reading order."""
    if item["kind"] == "fill_in" or (item["kind"] == "numeric" and "_____" in item["prompt"]):
        # A blank prints as a line, not underscores (a numeric blank's unit is in its prompt).
        return [part for part in item["prompt"].split("_____") if part.strip()]
    texts = [item["prompt"]]
    if item["kind"] == "multiple_choice":
        texts += item["options"]
    elif item["kind"] == "true_false":
        texts += ["True", "False"]
    elif item["kind"] == "matching":
        texts += [left for left, _ in item["pairs"]]
    elif item["kind"] == "numeric" and item.get("unit"):
        texts.append(item["unit"])
    return texts


def test_paper_shows_every_prompt_and_option_in_order(document):
    text = "".join(_pages(export(document, "pdf").data))
    expected = [t for item in document["questions"] for t in _expected_paper_text(item)]
    assert _in_order(text, expected)
    for item in document["questions"]:
        for _, right in item.get("pairs", []):
            assert _squash(right) in text
    for label in ("Name", "Class", "Date", "Instructions", "12 March 2024"):
        assert _squash(label) in text


def test_paper_never_shows_answers_explanations_or_quotes(document):
    html = paper_html(build_paper(document, ExportOptions()))
    assert "2.5 million euros" not in html  # an accepted variant
    assert "The article says" not in html
    assert "1360" not in html  # the numeric value


def test_hostile_markup_is_printed_as_text(document):
    html = paper_html(build_paper(document, ExportOptions(quiz_title="<script>x()</script>")))
    assert "<script>" not in html and "<img" not in html and "<i>" not in html
    assert "&lt;script&gt;alert(" in html
    text = "".join(_pages(export(document, "pdf", quiz_title="<b>Bold</b>").data))
    assert _squash("<script>alert('x')</script>") in text
    assert "<b>Bold</b>" in text


def test_unicode_prints_with_dejavu_and_no_missing_glyphs(document):
    data = export(document, "pdf").data
    text = "".join(_pages(data))
    for sample in (
        "Zoë Müller",
        "Dvořák",
        "Łódź",
        "Kraków",
        "Nîmes",
        "£5 million",
        "€2.5",
        "“Ní”",
        "–",
        "Ŝtefan",
    ):
        assert _squash(sample) in text
    reader = pypdf.PdfReader(io.BytesIO(data))
    fonts = {
        str(font.get_object()["/BaseFont"]).split("+")[-1]
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert fonts and all(name.startswith("DejaVu-Sans") for name in fonts), fonts
    if DEJAVU.exists():
        from fontTools.ttLib import TTFont

        cmap = TTFont(str(DEJAVU))["cmap"].getBestCmap()
        printed = {c for item in document["questions"] for c in str(item) if not c.isspace()}
        assert not [c for c in printed if ord(c) not in cmap]


def test_key_has_every_answer_with_letter_quote_and_paragraph(document):
    data = export(document, "key").data
    text = "".join(_pages(data))
    assert _squash("B — £5 million") in text
    assert _squash("A — Zoë Müller") in text
    for item in document["questions"]:
        if item["kind"] == "matching":
            for left, right in item["pairs"]:
                assert _squash(left) in text and _squash(right) in text
        else:
            assert _squash(item["answer"]) in text
        assert _squash(item["source"]["quote"]) in text
        assert f"¶{item['source']['paragraph']}" in text
    assert _squash("Also accept: 2.5 million euros · =2.5M") in text
    assert _squash("1,360 km (accept 1350 to 1370)") in text


def test_key_highlights_the_answer_in_the_quote(document):
    html = key_html(build_paper(document, ExportOptions()))
    assert '<strong class="hit">£5 million</strong>' in html
    assert '<strong class="hit">Zoë Müller</strong>' in html


def test_matching_key_letters_follow_the_printed_column(document):
    paper = build_paper(document, ExportOptions(seed=3))
    item = dict(paper.items)[5]
    rights = item["right_options"]
    assert sorted(rights) == sorted(right for _, right in item["pairs"])
    assert rights != [right for _, right in item["pairs"]]
    entry = paper.keys[4]
    for n, (left, right) in enumerate(item["pairs"], 1):
        assert f"{n}. {left} → {'ABC'[rights.index(right)]} ({right})" in entry.answers


def test_pages_have_footer_and_questions_are_never_split(document):
    big = copy.deepcopy(document)
    big["questions"] = [
        dict(item, id=f"q{n}") for n, item in enumerate(document["questions"] * 5, 1)
    ]
    pages = _pages(export(big, "pdf").data)
    assert len(pages) >= 3
    for n, page in enumerate(pages, 1):
        assert f"Page{n}of{len(pages)}" in page
    for item in document["questions"]:
        if item["kind"] == "multiple_choice":
            for page in pages:
                if _squash(item["prompt"]) in page:
                    assert all(_squash(option) in page for option in item["options"])


@pytest.mark.parametrize(("paper", "width"), [("A4", 595), ("Letter", 612), ("letter", 612)])
def test_paper_size(document, paper, width):
    reader = pypdf.PdfReader(io.BytesIO(export(document, "pdf", paper=paper).data))
    assert round(float(reader.pages[0].mediabox.width)) == width


def test_appendix_numbers_paragraphs_as_the_items_do(document, article_text):
    pages = _pages(export(document, "pdf", article_text=article_text).data)
    appendix = pages[-1]
    assert appendix.startswith("Thearticle") or "Thearticle" in appendix
    assert _squash("¶1 The city council of Saint-Étienne") in appendix
    assert _squash("¶5 Łódź and Kraków") in appendix
    assert "¶6" not in appendix


def _versions(document: dict, seed: int = 7) -> dict[str, bytes]:
    """The files of the versions zip by name."""
    result = export(document, "pdf", versions=2, seed=seed)
    assert result.mimetype == "application/zip" and result.filename.endswith("-versions.zip")
    archive = zipfile.ZipFile(io.BytesIO(result.data))
    return {name: archive.read(name) for name in archive.namelist()}


def test_versions_hold_the_same_items_in_a_different_order(document):
    files = _versions(document)
    suffixes = sorted(name.rsplit("library-", 1)[-1] for name in files)
    assert suffixes == ["A-key.pdf", "A.pdf", "B-key.pdf", "B.pdf"]
    assert (
        export(document, "key", versions=2, seed=7).data
        == export(document, "pdf", versions=2, seed=7).data
    )
    paper_a = next(data for name, data in files.items() if name.endswith("-A.pdf"))
    paper_b = next(data for name, data in files.items() if name.endswith("-B.pdf"))
    text_a, text_b = "".join(_pages(paper_a)), "".join(_pages(paper_b))
    prompts = [_squash(item["prompt"].split("_____")[0]) for item in document["questions"]]
    positions_a = [text_a.find(p) for p in prompts]
    positions_b = [text_b.find(p) for p in prompts]
    assert -1 not in positions_a and -1 not in positions_b
    order_a = sorted(range(len(prompts)), key=positions_a.__getitem__)
    order_b = sorted(range(len(prompts)), key=positions_b.__getitem__)
    assert order_a != order_b
    for data, label in ((paper_a, "A"), (paper_b, "B")):
        for page in _pages(data):
            assert f"Version{label}" in page


def test_version_keys_match_their_papers(document):
    from quizapp.exports.versions import version_document

    doc_b = version_document(document, 1, seed=7)
    paper_b = build_paper(doc_b, ExportOptions(seed=7), label="B")
    for (number, item), entry in zip(paper_b.items, paper_b.keys, strict=True):
        assert entry.number == number
        if item["kind"] == "multiple_choice":
            letter = "ABCD"[item["options"].index(item["answer"])]
            assert entry.answers == (f"{letter} — {item['answer']}",)
        if item["kind"] == "true_false":
            assert item["options"] == ["True", "False"]


def test_numeric_options_keep_numeric_order(document):
    from quizapp.exports.versions import version_document

    for index in range(1, 5):
        item = version_document(document, index, seed=index)["questions"]
        money = next(i for i in item if i["id"] == "q1")
        assert money["options"] == ["£2 million", "£5 million", "£8 million", "£11 million"]


def test_versions_are_deterministic_from_the_seed(document):
    from quizapp.exports.versions import version_document

    assert version_document(document, 1, seed=5) == version_document(document, 1, seed=5)
    orders = {
        tuple(i["id"] for i in version_document(document, 1, seed=s)["questions"]) for s in range(6)
    }
    assert len(orders) > 1


class _CountingHandler(http.server.BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.hits.append(self.path)
        self.send_response(404)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


def test_rendering_fetches_no_url():
    server = http.server.HTTPServer(("127.0.0.1", 0), _CountingHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        html = (
            f'<html><head><link rel="stylesheet" href="{base}/a.css">'
            f"<style>@import url({base}/b.css);"
            f"@font-face {{ font-family: X; src: url({base}/f.ttf); }}"
            f"body {{ background: url({base}/bg.png); font-family: X; }}</style></head>"
            f'<body><img src="{base}/i.png"><img src="file:///etc/hostname"><p>ok</p></body></html>'
        )
        data = render_pdf(html, "A4")
    finally:
        server.shutdown()
        server.server_close()
    assert data.startswith(b"%PDF")
    assert _CountingHandler.hits == []


def test_png_of_page_one_for_a_look(document, article_text, artifacts_dir, pdftoppm):
    """Writes test-artifacts/pdf/{paper,key}-1.png: open them to check the layout by eye."""
    for fmt, stem in (("pdf", "paper"), ("key", "key")):
        pdf_path = artifacts_dir / f"{stem}.pdf"
        pdf_path.write_bytes(
            export(document, fmt, article_text=article_text, quiz_title="Café quiz").data
        )
        subprocess.run(
            [
                pdftoppm,
                "-png",
                "-r",
                "70",
                "-f",
                "1",
                "-l",
                "1",
                str(pdf_path),
                str(artifacts_dir / stem),
            ],
            check=True,
            timeout=60,
        )
        png = artifacts_dir / f"{stem}-1.png"
        assert png.stat().st_size > 10_000


def test_generated_sample_prints(artifacts_dir):
    """A question set from the real generator prints every prompt, and its key every answer."""
    from quizapp.nlp import generate

    sample = sorted(SAMPLES_DIR.glob("*.txt"))[0]
    text = sample.read_text(encoding="utf-8")
    document = generate(text, max_items=20).to_dict()
    assert document["questions"]
    paper = export(document, "pdf", article_text=text)
    all_text = "".join(_pages(paper.data))
    expected = [t for item in document["questions"] for t in _expected_paper_text(item)]
    assert _in_order(all_text, expected)
    key_text = "".join(_pages(export(document, "key").data))
    for item in document["questions"]:
        if item["kind"] != "matching":
            assert _squash(item["answer"]) in key_text
        assert f"¶{item['source']['paragraph']}" in key_text
    (artifacts_dir / "sample.pdf").write_bytes(paper.data)


def test_appendix_paragraph_numbers_match_the_generator(tmp_path):
    """Every generated item's ¶ number points at the appendix paragraph holding its quote."""
    from quizapp.nlp import generate

    for sample in sorted(SAMPLES_DIR.glob("*.txt")):
        text = sample.read_text(encoding="utf-8")
        document = generate(text, max_items=15).to_dict()
        paper = build_paper(document, ExportOptions(article_text=text))
        numbered = {number: para for number, para in paper.appendix if number}
        for item in document["questions"]:
            source = item["source"]
            assert source["quote"] in numbered[source["paragraph"]], (sample.name, item["id"])
