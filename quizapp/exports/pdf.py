"""Printable PDFs with WeasyPrint: the student paper, the answer key, and A/B/... versions
(what the pages show is built by exports/pdf_paper.py)."""

from __future__ import annotations

import hashlib
import io
import multiprocessing
import os
import threading
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from quizapp.exports.base import (
    ExportOptions,
    ExportResult,
    document_title,
    slugify,
    teacher_note,
)
from quizapp.exports.pdf_paper import (
    BLANK_MAX_EM,
    BLANK_MIN_EM,
    Paper,
    _blank_width_rules,
    blank_em,
    build_paper,
    paper_size,
)
from quizapp.exports.versions import version_document, version_label
from quizapp.paths import TEMPLATES_DIR

__all__ = [
    "BLANK_MAX_EM",
    "BLANK_MIN_EM",
    "Printing",
    "blank_em",
    "build_paper",
    "export_key",
    "export_paper",
    "key_html",
    "paper_html",
    "paper_size",
    "prepare_rendering",
    "print_out",
    "printing",
    "render_many",
    "render_pdf",
]

PDF_MIMETYPE = "application/pdf"
_ZIP_TIME = (2024, 1, 1, 0, 0, 0)


@lru_cache(maxsize=1)
def _environment():
    """The Jinja environment of the print templates, autoescaping everything."""
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    environment = Environment(
        loader=FileSystemLoader(str(TEMPLATES_DIR)),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    # The shared question macro calls it, as it does in the web app (web/rendering.py).
    environment.globals["teacher_note"] = teacher_note
    return environment


@lru_cache(maxsize=4)
def _stylesheet(size: str):
    """templates/print/paper.css plus the page size, parsed once per size."""
    from weasyprint import CSS

    css = (TEMPLATES_DIR / "print" / "paper.css").read_text(encoding="utf-8")
    rules = _blank_width_rules()
    return CSS(string=f"{css}\n{rules}@page {{ size: {size}; }}\n", url_fetcher=_refusing_fetcher())


@lru_cache(maxsize=1)
def _refusing_fetcher():
    """A URL fetcher that loads nothing but inline data: URLs (no network, no files)."""
    from weasyprint import URLFetcher

    return URLFetcher(allowed_protocols={"data"}, allow_redirects=False)


def render_pdf(html_text: str, size: str) -> bytes:
    """HTML to PDF bytes, with paper.css and no access to any URL or file."""
    from weasyprint import HTML

    document = HTML(string=html_text, base_url=None, url_fetcher=_refusing_fetcher())
    return document.write_pdf(stylesheets=[_stylesheet(size)])


def prepare_rendering(sizes: Iterable[str]) -> None:
    """Parse the stylesheet of each page size now (the fork server), not in every job."""
    for size in sizes:
        _stylesheet(size)


def _render_one(job: tuple[str, str]) -> bytes:
    """render_pdf of one (html, size) pair: the unit of work of a render worker."""
    return render_pdf(*job)


def _render_workers(jobs: int) -> int:
    """How many processes may render a batch: one unless forking is safe here and helps.

    WeasyPrint layout is pure Python, so only processes run in parallel. Forking is safe in a
    single-threaded process that may have children: the CLI, and not a capped heavy-work job
    (daemonic: its CPU and memory caps are per process, so it renders within its own).
    """
    if jobs < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    if threading.active_count() > 1 or multiprocessing.current_process().daemon:
        return 1
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cpus = os.cpu_count() or 1
    return max(1, min(jobs, cpus))


def render_many(jobs: list[tuple[str, str]]) -> list[bytes]:
    """render_pdf of each (html, size) pair, in order; in forked worker processes where allowed.

    Forked workers start with this process's fonts and stylesheets loaded, so each render costs
    what it costs here; the PDFs are byte for byte those of rendering one after another.
    """
    workers = _render_workers(len(jobs))
    if workers == 1:
        return [_render_one(job) for job in jobs]
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        return pool.map(_render_one, jobs, chunksize=1)


def paper_html(paper: Paper) -> str:
    """The student paper as HTML (the question macro in "print" mode)."""
    return _environment().get_template("print/paper.html").render(paper=paper)


def key_html(paper: Paper) -> str:
    """The answer key as HTML."""
    return _environment().get_template("print/key.html").render(paper=paper)


@dataclass(frozen=True, slots=True)
class Printing:
    """What one paper or key download renders: each PDF's file name, HTML and page size.

    Made in milliseconds without WeasyPrint, so the web process can look the download up in
    the rendered-PDF cache (services/print_cache.py) by its fingerprint before rendering.
    """

    pdfs: tuple[tuple[str, str, str], ...]
    filename: str
    mimetype: str

    def fingerprint(self) -> str:
        """A hash of everything that decides the bytes: renderer, stylesheet, names and HTML."""
        digest = hashlib.sha256(_renderer_identity().encode())
        for part in (self.filename, self.mimetype, *(p for pdf in self.pdfs for p in pdf)):
            digest.update(b"\0" + part.encode())
        return digest.hexdigest()


@lru_cache(maxsize=1)
def _renderer_identity() -> str:
    """The WeasyPrint version and the print stylesheet's text: a change to either renders anew."""
    from importlib.metadata import version

    css = (TEMPLATES_DIR / "print" / "paper.css").read_text(encoding="utf-8")
    return f"weasyprint {version('weasyprint')}\n{css}\n{_blank_width_rules()}"


def printing(document: dict[str, Any], fmt: str, options: ExportOptions) -> Printing:
    """The PDFs to render for "pdf" (the paper) or "key"; with versions >= 2, both ask for the
    zip of every version's paper and key: <title>-A.pdf, <title>-A-key.pdf, ..."""
    if options.versions >= 2:
        stem = slugify(document_title(document, options))
        pdfs = []
        for index in range(options.versions):
            label = version_label(index)
            paper = build_paper(
                version_document(document, index, seed=options.seed), options, label=label
            )
            for suffix, html_text in (("", paper_html(paper)), ("-key", key_html(paper))):
                pdfs.append((f"{stem}-{label}{suffix}.pdf", html_text, paper.paper_size))
        return Printing(tuple(pdfs), f"{stem}-versions.zip", "application/zip")
    paper = build_paper(document, options)
    stem = slugify(paper.title)
    if fmt == "key":
        name, html_text = f"{stem}-key.pdf", key_html(paper)
    else:
        name, html_text = f"{stem}.pdf", paper_html(paper)
    return Printing(((name, html_text, paper.paper_size),), name, PDF_MIMETYPE)


def print_out(job: Printing) -> ExportResult:
    """Render a Printing: one PDF, or a zip of them (rendered in worker processes where allowed)."""
    rendered = render_many([(html_text, size) for _, html_text, size in job.pdfs])
    if job.mimetype == PDF_MIMETYPE:
        return ExportResult(rendered[0], job.filename, job.mimetype)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for (name, _, _), data in zip(job.pdfs, rendered, strict=True):
            archive.writestr(zipfile.ZipInfo(name, date_time=_ZIP_TIME), data, zipfile.ZIP_DEFLATED)
    return ExportResult(buffer.getvalue(), job.filename, job.mimetype)


def export_paper(document: dict[str, Any], options: ExportOptions) -> ExportResult:
    """The student paper as a PDF (or, with versions >= 2, a zip of versions and keys)."""
    return print_out(printing(document, "pdf", options))


def export_key(document: dict[str, Any], options: ExportOptions) -> ExportResult:
    """The answer key as a PDF (or, with versions >= 2, the same zip as export_paper)."""
    return print_out(printing(document, "key", options))
