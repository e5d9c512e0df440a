"""The rendered-PDF cache: repeated downloads get the same bytes, edits render anew, size bounded."""

from __future__ import annotations

import dataclasses
import hashlib
import io
import multiprocessing
from pathlib import Path

import pypdf
import pytest

from quizapp.models import Question, db
from quizapp.services.editing import edit_from_question, update_question
from quizapp.services.print_cache import PrintCache
from tests.conftest import AuthActions
from tests.factories import make_quiz

KINDS = ("multiple_choice", "fill_in", "true_false")


@pytest.fixture
def owned_quiz(app, auth):
    """A draft quiz of the logged-in teacher: its id."""
    teacher = auth.login()
    with app.app_context():
        return make_quiz(db.session.merge(teacher), kinds=KINDS).id


def _url(quiz_id: int, fmt: str, query: str = "") -> str:
    return f"/teacher/quizzes/{quiz_id}/export/{fmt}" + (f"?{query}" if query else "")


def _text(pdf: bytes) -> str:
    return " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)


def _cached_files(app) -> list[Path]:
    return sorted(Path(app.config["PRINT_CACHE_DIR"]).glob("*.bin"))


def test_a_repeated_download_is_the_cached_pdf_even_when_nothing_could_render(
    app, client, owned_quiz
):
    first = client.get(_url(owned_quiz, "pdf"))
    assert first.status_code == 200 and first.data.startswith(b"%PDF")
    [stored] = _cached_files(app)
    assert stored.read_bytes() == first.data
    # No time at all to render: only the cache can answer now.
    app.config["PRINT_SECONDS"] = 0
    again = client.get(_url(owned_quiz, "pdf"))
    assert again.status_code == 200
    assert again.data == first.data
    assert again.headers["Content-Disposition"] == first.headers["Content-Disposition"]
    assert again.headers["Cache-Control"] == "private, no-store"
    # A download never made before still needs the renderer, and says so.
    refused = client.get(_url(owned_quiz, "key"))
    assert refused.status_code == 302


def test_paper_key_size_appendix_and_versions_are_kept_apart(app, client, owned_quiz):
    downloads = {
        query_fmt: client.get(_url(owned_quiz, *query_fmt)).data
        for query_fmt in [
            ("pdf", ""),
            ("key", ""),
            ("pdf", "paper=Letter"),
            ("pdf", "appendix=1"),
            ("pdf", "versions=2"),
        ]
    }
    assert len(set(downloads.values())) == len(downloads)
    assert len(_cached_files(app)) == len(downloads)
    assert "Answer key" in _text(downloads[("key", "")])
    # The zip is the same download whether asked for as the paper or as the key.
    assert (
        client.get(_url(owned_quiz, "key", "versions=2")).data == downloads[("pdf", "versions=2")]
    )
    assert len(_cached_files(app)) == len(downloads)


def test_an_edited_item_gives_a_new_pdf(app, client, owned_quiz):
    before = client.get(_url(owned_quiz, "pdf")).data
    with app.app_context():
        question = db.session.scalars(
            db.select(Question).where(Question.quiz_id == owned_quiz).order_by(Question.id)
        ).first()
        edit = edit_from_question(question)
        update_question(
            question,
            dataclasses.replace(edit, prompt="Which harbour opened a floating library first?"),
            expected_version=None,
        )
    after = client.get(_url(owned_quiz, "pdf")).data
    assert after != before
    assert "floating library first?" in _text(after)
    assert "floating library first?" not in _text(before)
    assert len(_cached_files(app)) == 2


def test_no_cache_when_its_budget_is_zero(make_app, tmp_path):
    app = make_app(PRINT_CACHE_MB=0, PRINT_CACHE_DIR=str(tmp_path / "none"))
    client = app.test_client()
    teacher = AuthActions(app, client).login()
    with app.app_context():
        quiz_id = make_quiz(db.session.merge(teacher), kinds=KINDS).id
    first = client.get(_url(quiz_id, "pdf"))
    assert first.status_code == 200
    assert client.get(_url(quiz_id, "pdf")).data == first.data
    assert not list((tmp_path / "none").glob("*.bin"))


def test_a_broken_cache_folder_costs_a_render_not_the_download(make_app, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    app = make_app(PRINT_CACHE_DIR=str(blocker / "print-cache"))
    client = app.test_client()
    teacher = AuthActions(app, client).login()
    with app.app_context():
        quiz_id = make_quiz(db.session.merge(teacher), kinds=KINDS).id
    first = client.get(_url(quiz_id, "pdf"))
    assert first.status_code == 200 and first.data.startswith(b"%PDF")
    assert client.get(_url(quiz_id, "pdf")).data == first.data


def _key(n: int) -> str:
    return hashlib.sha256(str(n).encode()).hexdigest()


def test_the_cache_keeps_the_most_recently_used_within_its_budget(tmp_path):
    cache = PrintCache(tmp_path / "cache", max_bytes=3000)
    for n in range(3):
        cache.put(_key(n), bytes([n]) * 1000)
    assert cache.get(_key(0)) == bytes([0]) * 1000  # used again: now the newest
    cache.put(_key(3), b"\3" * 1000)
    assert cache.total_bytes() <= 3000
    assert cache.get(_key(1)) is None  # the least recently used went first
    assert [cache.get(_key(n)) is not None for n in (0, 2, 3)] == [True, True, True]
    cache.put(_key(4), b"x" * 3001)  # larger than the whole budget: not kept, nothing dropped
    assert cache.get(_key(4)) is None
    assert cache.total_bytes() == 3000


def test_a_fingerprint_must_be_a_hash(tmp_path):
    cache = PrintCache(tmp_path, max_bytes=1000)
    with pytest.raises(ValueError):
        cache.get("../secret_key")


def _fill(folder: str, worker: int) -> None:
    cache = PrintCache(folder, max_bytes=20_000)
    for n in range(30):
        key = _key(worker * 100 + n)
        cache.put(key, key.encode() * 20)  # 1280 bytes that name their own key
        cache.get(_key((worker + 1) * 100 + n))


def test_worker_processes_share_one_bounded_folder(tmp_path):
    folder = tmp_path / "shared"
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_fill, args=(str(folder), w)) for w in range(4)]
    for process in workers:
        process.start()
    for process in workers:
        process.join(60)
        assert process.exitcode == 0
    cache = PrintCache(folder, max_bytes=20_000)
    files = list(folder.glob("*.bin"))
    assert files and cache.total_bytes() <= 20_000
    for path in files:  # every kept file is whole and is the one its name says
        assert path.read_bytes() == path.stem.encode() * 20
    assert not list(folder.glob(".writing-*"))
