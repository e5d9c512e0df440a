"""`quizapp generate`: questions from article files (or stdin) as JSON, JSON lines or any export."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

MAX_FILE_BYTES = 20 * 1024 * 1024
TEXT_FORMATS = ("json", "jsonl")


def _read_article(path: str) -> str:
    """The text of a file (or stdin for '-'), or a one-line ClickException saying why not."""
    try:
        raw = sys.stdin.buffer.read(MAX_FILE_BYTES + 1) if path == "-" else _read_bytes(Path(path))
    except OSError as exc:
        raise click.ClickException(
            f"{path}: cannot read the file ({exc.strerror or exc})."
        ) from None
    if len(raw) > MAX_FILE_BYTES:
        raise click.ClickException(
            f"{path}: the file is larger than the {MAX_FILE_BYTES // 2**20} MB limit."
        )
    if b"\x00" in raw[:8192] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise click.ClickException(f"{path}: this looks like a binary file, not text.")
    try:
        if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
            text = raw.decode("utf-16")
        else:
            # A UTF-8 byte-order mark stays in the text: offsets index the text exactly as given.
            text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise click.ClickException(
            f"{path}: the file is not UTF-8 text; save it as UTF-8 and retry."
        ) from None
    if not text.strip():
        raise click.ClickException(f"{path}: the file is empty.")
    return text


def _read_bytes(path: Path) -> bytes:
    with path.open("rb") as handle:
        return handle.read(MAX_FILE_BYTES + 1)


@click.command("generate")
@click.argument("files", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    default="json",
    show_default=True,
    help="json, jsonl (one question set per file, one line each), or an export format: "
    "pdf, key, gift, moodle-xml, qti, qti-canvas, csv, anki, kahoot, quizizz, blooket.",
)
@click.option(
    "--max",
    "max_items",
    type=click.IntRange(min=1),
    default=None,
    help="At most N questions per article.",
)
@click.option(
    "--kinds", default=None, help="Comma-separated question kinds, e.g. multiple_choice,fill_in."
)
@click.option(
    "--seed",
    type=int,
    default=0,
    show_default=True,
    help="Seed for distractor choice and option order.",
)
@click.option(
    "--appendix",
    is_flag=True,
    help="pdf/key: add the article with numbered paragraphs (it holds every answer).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, allow_dash=True),
    default="-",
    help="Output file (default stdout).",
)
def generate_command(
    files: tuple[str, ...],
    fmt: str,
    max_items: int | None,
    kinds: str | None,
    seed: int,
    appendix: bool,
    output: str,
) -> None:
    """Generate questions from article FILES ('-' reads standard input)."""
    from quizapp.nlp import GenerationError, generate
    from quizapp.nlp.pipeline import parse_kinds

    try:
        kind_list = parse_kinds(kinds.split(",")) if kinds else None
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    if fmt not in TEXT_FORMATS and len(files) != 1:
        raise click.ClickException(f"--format {fmt} takes exactly one article file.")
    documents = []
    texts = []
    for path in files:
        text = _read_article(path)
        try:
            qs = generate(text, max_items=max_items, kinds=kind_list, seed=seed)
        except GenerationError as exc:
            raise click.ClickException(f"{path}: {exc}") from None
        if not qs.items and fmt != "jsonl":
            raise click.ClickException(f"{path}: no questions could be made from this text.")
        documents.append(qs.to_dict())
        texts.append(text)
    if fmt == "json":
        payload = (
            json.dumps(
                documents[0] if len(documents) == 1 else documents, ensure_ascii=False, indent=2
            )
            + "\n"
        ).encode()
    elif fmt == "jsonl":
        payload = "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in documents).encode()
    else:
        payload = _export(documents[0], texts[0] if appendix else None, fmt, seed)
    if output == "-":
        sys.stdout.buffer.write(payload)
        sys.stdout.buffer.flush()
    else:
        Path(output).write_bytes(payload)


def _export(document: dict, text: str | None, fmt: str, seed: int) -> bytes:
    """Render a question set with the export registry (PDFs, LMS files, CSV, Anki, games).

    ``text`` is the article for a PDF appendix, only when asked: it prints every answer.
    """
    from quizapp import exports

    try:
        result = exports.export(document, fmt, article_text=text, seed=seed)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    for line in result.warnings:  # items a game's template could not hold
        click.echo(line, err=True)
    return result.data
