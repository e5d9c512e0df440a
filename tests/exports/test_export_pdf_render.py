"""PDF rendering plumbing: batches rendered in worker processes, and the print CSS's speed-ups."""

from __future__ import annotations

import subprocess
import threading
from pathlib import Path

import pytest

from quizapp.exports import export
from quizapp.exports.base import ExportOptions
from quizapp.exports.pdf import _render_workers, build_paper, key_html, paper_html, render_many
from quizapp.exports.pdf import render_pdf as render_one


def test_a_batch_renders_each_document_in_order_as_alone(document):
    paper = build_paper(document, ExportOptions())
    letter = build_paper(document, ExportOptions(paper="Letter"))
    jobs = [
        (paper_html(paper), paper.paper_size),
        (key_html(paper), paper.paper_size),
        (paper_html(letter), letter.paper_size),
    ]
    # On a machine with two or more CPUs this goes through forked workers.
    assert render_many(jobs) == [render_one(html, size) for html, size in jobs]


def test_versions_zip_is_the_same_however_it_was_rendered(document, monkeypatch):
    in_workers = export(document, "pdf", versions=3, seed=4).data
    monkeypatch.setattr("quizapp.exports.pdf._render_workers", lambda jobs: 1)
    assert export(document, "pdf", versions=3, seed=4).data == in_workers


def test_no_fork_from_a_threaded_process():
    # A threaded web server must never fork: another thread may hold a lock the child needs.
    seen: list[int] = []
    worker = threading.Thread(target=lambda: seen.append(_render_workers(4)))
    worker.start()
    worker.join()
    assert seen == [1]
    assert _render_workers(1) == 1


def _pngs(pdf: bytes, folder: Path, name: str, pdftoppm: str) -> list[bytes]:
    """Every page of a PDF as PNG bytes at 50 dpi."""
    path = folder / f"{name}.pdf"
    path.write_bytes(pdf)
    subprocess.run([pdftoppm, "-r", "50", "-png", str(path), str(folder / name)], check=True)
    return [page.read_bytes() for page in sorted(folder.glob(f"{name}-*.png"))]


@pytest.mark.parametrize("size", ["A4", "Letter"])
def test_fixed_matching_table_prints_as_the_automatic_layout_did(
    document, size, tmp_path, pdftoppm
):
    """paper.css lays matching tables out as fixed tables for speed; the page must not move."""
    from weasyprint import CSS, HTML

    from quizapp.exports.pdf import _stylesheet, paper_size

    automatic = CSS(
        string=".p-matching { table-layout: auto; }"
        " .p-matching .p-left { width: 38%; } .p-matching .p-write { width: 14%; }"
    )
    paper = build_paper(document, ExportOptions(paper=size))
    assert any(item["kind"] == "matching" for _, item in paper.items)
    html = paper_html(paper)
    shipped = render_one(html, paper.paper_size)
    before = HTML(string=html).write_pdf(stylesheets=[_stylesheet(paper_size(size)), automatic])
    assert _pngs(shipped, tmp_path, "fixed", pdftoppm) == _pngs(before, tmp_path, "auto", pdftoppm)
