"""Fixtures for ingestion tests: document builders and a loopback web server."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from ingest_helpers import ARTICLE_HTML, LocalServer, make_docx, make_pdf, start_server


@pytest.fixture
def server() -> Iterator[LocalServer]:
    """A loopback HTTP server whose routes the test fills in; shut down after the test."""
    local, shut_down = start_server()
    try:
        yield local
    finally:
        shut_down()


@pytest.fixture(name="make_docx")
def make_docx_fixture() -> Callable[..., bytes]:
    """The .docx builder, as a fixture."""
    return make_docx


@pytest.fixture(name="make_pdf")
def make_pdf_fixture() -> Callable[..., bytes]:
    """The PDF builder, as a fixture."""
    return make_pdf


@pytest.fixture(name="article_html")
def article_html_fixture() -> str:
    """A small news page with a script, a style, an event handler and a javascript: link."""
    return ARTICLE_HTML
