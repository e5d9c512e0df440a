"""Loaded once by the heavy-work fork server: the libraries jobs use, with their caches warm.

Every job is a fork of that server, so it starts with pypdf, WeasyPrint and the NLP models
loaded and their lazy caches filled (gazetteers, fonts: the first generation or PDF in a fresh
process takes seconds, the next a tenth of that), and the web worker itself never holds them.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

import quizapp.ingest
import quizapp.job_tasks
from quizapp.exports import PAPERS, export
from quizapp.exports.pdf import paper_size, prepare_rendering
from quizapp.nlp import generate

_SAMPLE = Path(__file__).resolve().parent / "samples" / "river-survey.txt"


def _warm_up() -> None:
    """Generate every kind of question from a sample article; print its paper and key once.

    Rendering both compiles both print templates and runs every code path WeasyPrint loads on
    first use, once here instead of in every job; the stylesheet of each paper size is parsed
    here too.
    """
    document = generate(_SAMPLE.read_text(encoding="utf-8"), max_items=20).to_dict()
    prepare_rendering(paper_size(name) for name in PAPERS)
    export(document, "pdf", article_text="Warm-up.")
    export(document, "key")


# Cold caches only make jobs slower: a failed warm-up must never stop the fork server.
with contextlib.suppress(Exception):
    _warm_up()

__all__ = ["quizapp"]
