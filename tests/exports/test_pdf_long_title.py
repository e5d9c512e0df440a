"""A headline long enough to wrap prints whole on the first page of the paper and the key; the
running header of later pages is one line beside a whole version label."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile

import pytest

from quizapp.exports import export

TITLE = (
    "Harbour council votes to turn the old ferry terminal into a floating library that will "
    "carry three thousand books to six island villages every week from May, after a long "
    "campaign by parents, teachers and the ferry crews who said the outer villages had waited "
    "far too long for books"
)


def _document() -> dict:
    item = {
        "id": "f1",
        "kind": "fill_in",
        "prompt": "The boat was named after _____ by the council.",
        "answer": "Tomas Berg",
        "accepted": ["Tomas Berg"],
    }
    # Enough items for a second page, where the running header shows.
    items = [{**item, "id": f"f{n}"} for n in range(30)]
    return {"article": {"title": TITLE, "published": "2024-03-12"}, "questions": items}


def _pages(pdf: bytes) -> list[str]:
    """Each page's text as laid out, by poppler's pdftotext (only what lies on the page)."""
    text = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode("utf-8")
    return text.split("\f")


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def version_a() -> dict[str, bytes]:
    """Version A's paper and key from the two-version download, keyed "pdf" and "key"."""
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler's pdftotext is not installed: apt-get install poppler-utils")
    archive = zipfile.ZipFile(io.BytesIO(export(_document(), "pdf", versions=2).data))
    files = {name: archive.read(name) for name in archive.namelist()}
    return {
        "pdf": next(data for name, data in files.items() if name.endswith("-A.pdf")),
        "key": next(data for name, data in files.items() if name.endswith("-A-key.pdf")),
    }


@pytest.mark.parametrize("fmt", ["pdf", "key"])
def test_a_long_headline_prints_whole_on_the_first_page(fmt: str) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler's pdftotext is not installed: apt-get install poppler-utils")
    first = _squash(_pages(export(_document(), fmt).data)[0])
    assert first.startswith(TITLE), first[:400]


@pytest.mark.parametrize("fmt", ["pdf", "key"])
def test_the_running_header_is_one_line_beside_a_whole_version_label(
    version_a: dict[str, bytes], fmt: str
) -> None:
    pages = _pages(version_a[fmt])
    assert _squash(pages[0]).count(TITLE) >= 1
    second = [line for line in pages[1].splitlines() if line.strip()]
    header = second[0]
    # The header starts the title and ends on the version label, on one line.
    assert header.strip().startswith(TITLE[:40]), header
    assert header.rstrip().endswith("Version A"), header
    # The rest of the title does not wrap onto further lines over the questions.
    assert "far too long for books" not in pages[1]
    assert not any(line.strip().startswith(("Ver", "sion")) for line in second[1:])
