"""Printable PDFs with WeasyPrint: the student paper, the answer key, and A/B/... versions."""

from __future__ import annotations

import hashlib
import io
import math
import multiprocessing
import os
import threading
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from quizapp.exports.base import (
    ExportOptions,
    ExportResult,
    QuotePart,
    accepted_answers,
    article_paragraphs,
    document_title,
    items_of,
    numeric_range,
    numeric_text,
    quote_parts,
    slugify,
    teacher_note,
)
from quizapp.exports.versions import matching_right_column, version_document, version_label
from quizapp.nlp.model import BLANK
from quizapp.paths import TEMPLATES_DIR

Item = dict[str, Any]
LETTERS = "ABCDEFGHIJ"
PAPER_SIZES = {"A4": "A4", "LETTER": "letter"}
PDF_MIMETYPE = "application/pdf"
# Width of a written-in blank, in em of the paper's text: handwriting takes about 0.75em a
# character; never so short a name cannot fit, never longer than fits beside the text.
BLANK_EM_PER_CHAR = 0.75
BLANK_MIN_EM = 7
BLANK_MAX_EM = 30
_ZIP_TIME = (2024, 1, 1, 0, 0, 0)


@dataclass(frozen=True, slots=True)
class KeyEntry:
    """One question's line in the answer key."""

    number: int
    kind: str
    prompt: str
    answers: tuple[str, ...]
    accepted: tuple[str, ...] = ()
    quote: tuple[QuotePart, ...] = ()
    paragraph: int | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class Paper:
    """Everything a print template shows, computed here so templates only loop and branch."""

    title: str
    article_title: str | None
    article_date: str | None
    version: str | None
    items: tuple[tuple[int, Item], ...]
    instructions: tuple[str, ...]
    keys: tuple[KeyEntry, ...] = ()
    appendix: tuple[tuple[int | None, str], ...] = ()
    paper_size: str = "A4"


def paper_size(name: str) -> str:
    """The CSS page size for "A4" or "Letter" (any case)."""
    size = PAPER_SIZES.get(str(name).strip().upper())
    if size is None:
        raise ValueError(f"unknown paper size: {name!r}")
    return size


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


def _date_label(value: str | None) -> str | None:
    """An ISO date as "12 March 2024"; other text as given."""
    if not value:
        return None
    try:
        day = date.fromisoformat(str(value))
    except ValueError:
        return str(value)
    return f"{day.day} {day:%B %Y}"


def _instructions(items: list[Item]) -> tuple[str, ...]:
    """How to answer, only for the kinds on this paper."""
    kinds = {item.get("kind") for item in items}
    lines = ["Answer every question. Use a pen and write clearly."]
    if kinds & {"multiple_choice", "true_false"}:
        lines.append("Multiple choice and true/false: tick one box.")
    if kinds & {"fill_in", "short_answer", "numeric"}:
        lines.append(
            "Write your answer on the line; give numbers with their unit where one is shown."
        )
    if "matching" in kinds:
        lines.append("Matching: write the letter of the right-hand item beside each numbered item.")
    if "cloze" in kinds:
        lines.append(
            "Passages: write a word or phrase in each numbered gap (from the box if given)."
        )
    return tuple(lines)


def _accepted_extra(item: Item) -> tuple[str, ...]:
    """Accepted variants other than the answer itself."""
    answer = item.get("answer")
    seen: list[str] = []
    for value in item.get("accepted") or []:
        if value and value != answer and value not in seen:
            seen.append(value)
    return tuple(seen)


def _key_answers(item: Item) -> tuple[str, ...]:
    """The answer lines: "C — text" for choices, "1 → B (text)" for matching."""
    kind = item.get("kind")
    if kind == "multiple_choice":
        options = list(item.get("options") or [])
        if item.get("answer") in options:
            return (f"{LETTERS[options.index(item['answer'])]} — {item['answer']}",)
    if kind == "matching":
        rights = list(item.get("right_options") or [])
        lines = []
        for n, (left, right) in enumerate(item.get("pairs") or [], 1):
            letter = LETTERS[rights.index(right)] if right in rights else "?"
            lines.append(f"{n}. {left} → {letter} ({right})")
        return tuple(lines)
    if kind == "cloze":
        return tuple(_gap_key_line(n, blank, item) for n, blank in enumerate(item["blanks"], 1))
    if kind == "numeric":
        answer = str(item.get("answer") or numeric_text(item.get("value")))
        if item.get("unit") and item["unit"] not in answer:
            answer = f"{answer} {item['unit']}"
        bounds = numeric_range(item)
        if bounds and bounds[0] != bounds[1]:
            answer += f" (accept {bounds[0]} to {bounds[1]})"
        return (answer,)
    return (str(item.get("answer") or ""),)


def _gap_key_line(number: int, blank: Item, item: Item) -> str:
    """ "(2) 1,360 km (also 1360 km)": a passage's gap, its answer and, when typed, variants."""
    line = f"({number}) {blank.get('answer')}"
    others = [] if item.get("bank") else _accepted_extra(blank)
    return line + (f" (also {', '.join(others)})" if others else "")


def _numbered_gaps(prompt: str) -> str:
    """A passage's gaps numbered as on the paper: "(1) _____ ... (2) _____"."""
    parts = prompt.split(BLANK)
    return parts[0] + "".join(f"({n}) {BLANK}{part}" for n, part in enumerate(parts[1:], 1))


def key_entry(number: int, item: Item) -> KeyEntry:
    """The answer-key line of one item: answers, highlighted quote, paragraph."""
    parts = tuple(quote_parts(item))
    source = item.get("source") or {}
    return KeyEntry(
        number=number,
        kind=str(item.get("kind")),
        prompt=_numbered_gaps(str(item.get("prompt") or ""))
        if item.get("kind") == "cloze"
        else str(item.get("prompt") or ""),
        answers=_key_answers(item),
        accepted=_accepted_extra(item),
        quote=parts,
        paragraph=source.get("paragraph"),
        note=teacher_note(item),
    )


def blank_em(item: Item) -> float:
    """How wide to print an item's answer blank: from its longest accepted answer, in em."""
    answers = accepted_answers(item) or [str(item.get("answer") or "")]
    if item.get("kind") == "numeric":
        answers.append(numeric_text(item.get("value")))
    longest = max(len(answer) for answer in answers)
    width = longest * BLANK_EM_PER_CHAR + 2
    # Whole em: the width is a class (.p-w12) from _blank_width_rules, since the shared question
    # macro is also served under a CSP that refuses style attributes.
    return min(max(math.ceil(width), BLANK_MIN_EM), BLANK_MAX_EM)


def _blank_width_rules() -> str:
    """One CSS class per blank width blank_em can give (.p-w7 ... .p-w30)."""
    return "".join(
        f".p-w{em} {{ width: {em}em; }}\n" for em in range(BLANK_MIN_EM, BLANK_MAX_EM + 1)
    )


def _appendix_lines(text: str, title: str | None) -> tuple[tuple[int | None, str], ...]:
    """The article's lines for the appendix, without a headline that repeats its title.

    The appendix already opens with the title (and date); a pasted article usually starts with
    the same headline, which printed it twice in a row.
    """

    def same(line: str) -> bool:
        return (
            bool(title) and " ".join(line.split()).casefold() == " ".join(title.split()).casefold()
        )

    return tuple(
        (n, line) for n, line in article_paragraphs(text) if n is not None or not same(line)
    )


def build_paper(
    document: dict[str, Any], options: ExportOptions, *, label: str | None = None
) -> Paper:
    """The printable view of one version of the document (its items already in version order)."""
    article = document.get("article") or {}
    items: list[Item] = []
    for item in items_of(document):
        if item.get("kind") == "matching":
            item = {
                **item,
                "right_options": matching_right_column(item, seed=options.seed, label=label or "A"),
            }
        elif item.get("kind") in ("fill_in", "short_answer", "numeric"):
            item = {**item, "print_blank_em": blank_em(item)}
        elif item.get("kind") == "cloze":
            # One width for every gap of a passage, so no gap's size hints at its answer.
            widths = [blank_em({"kind": "fill_in", **b}) for b in item.get("blanks") or []]
            item = {**item, "print_blank_em": max(widths, default=BLANK_MIN_EM)}
        items.append(item)
    numbered = tuple(enumerate(items, 1))
    appendix = ()
    if options.article_text:
        appendix = _appendix_lines(options.article_text, article.get("title"))
    return Paper(
        title=document_title(document, options),
        article_title=article.get("title"),
        article_date=_date_label(article.get("published")),
        version=label,
        items=numbered,
        instructions=_instructions(items),
        keys=tuple(key_entry(n, item) for n, item in numbered),
        appendix=appendix,
        paper_size=paper_size(options.paper),
    )


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
