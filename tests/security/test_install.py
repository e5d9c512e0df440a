"""A stock `pip install .` gets every package the app imports at run time."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def _name(requirement: str) -> str:
    """The normalised distribution name of a requirement string."""
    return re.split(r"[<>=!~\[; ]", requirement, maxsplit=1)[0].lower().replace("_", "-")


@pytest.mark.parametrize(
    ("distribution", "why"),
    [
        ("lxml-html-clean", "jusText imports lxml.html.clean: without it every upload is a 500"),
        ("waitress", "quizapp serve reads whole requests with waitress"),
    ],
)
def test_runtime_packages_are_declared_directly_and_pinned(distribution: str, why: str) -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    declared = {_name(item) for item in project["project"]["dependencies"]}
    assert distribution in declared, why
    pinned = {
        _name(line)
        for line in (REPO / "requirements.lock").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    }
    assert distribution in pinned, why


def test_the_html_cleaner_imports() -> None:
    from lxml.html.clean import Cleaner

    assert Cleaner(scripts=True).clean_html("<p>a<script>b</script></p>") == "<p>a</p>"
