"""Find what the Content-Security-Policy would block in HTML: inline script, handlers, styles."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from quizapp.paths import STATIC_DIR, TEMPLATES_DIR

# Template folders that are never served to a browser (WeasyPrint renders them to PDF).
NOT_SERVED = ("print",)
_SOURCE_PATTERNS = {
    "inline <script>": re.compile(r"<script(?![^>]*\ssrc=)[^>]*>", re.IGNORECASE),
    "<style> block": re.compile(r"<style[\s>]", re.IGNORECASE),
    "on* handler": re.compile(r"\son[a-z]+\s*=", re.IGNORECASE),
    "style attribute": re.compile(r"\sstyle\s*=", re.IGNORECASE),
    "javascript: URL": re.compile(r"""(?:href|src|action)\s*=\s*["']?\s*javascript:""", re.I),
}
# Script that CSP (no 'unsafe-eval', no inline style) would refuse or that writes markup.
_SCRIPT_PATTERNS = {
    "eval": re.compile(r"\beval\s*\("),
    "new Function": re.compile(r"\bnew\s+Function\s*\("),
    "string timer": re.compile(r"set(?:Timeout|Interval)\s*\(\s*[\"'`]"),
    "style attribute": re.compile(r"setAttribute\(\s*[\"']style[\"']"),
    "handler attribute": re.compile(r"setAttribute\(\s*[\"']on[a-z]+[\"']"),
    "innerHTML/outerHTML": re.compile(r"\.(?:inner|outer)HTML\s*="),
    "document.write": re.compile(r"document\.write"),
}


class _Scanner(HTMLParser):
    """Collects CSP violations while parsing one page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = {name.lower(): value or "" for name, value in attrs}
        where = f"<{tag} {' '.join(f'{k}={v!r}' for k, v in attrs)[:120]}>"
        if tag == "script" and not names.get("src"):
            self.problems.append(f"inline <script>: {where}")
        if tag == "style":
            self.problems.append("<style> block")
        for name, value in names.items():
            if name.startswith("on"):
                self.problems.append(f"{name}= handler: {where}")
            if name == "style":
                self.problems.append(f"style= attribute: {where}")
            if name in ("href", "src", "action", "formaction") and value.strip().lower().startswith(
                "javascript:"
            ):
                self.problems.append(f"javascript: URL: {where}")

    handle_startendtag = handle_starttag


def page_violations(html: str) -> list[str]:
    """What the app's CSP would block on this rendered page."""
    scanner = _Scanner()
    scanner.feed(html)
    scanner.close()
    return scanner.problems


def template_violations() -> dict[str, list[str]]:
    """Every served template's source lines that hold inline script, handlers or styles."""
    found: dict[str, list[str]] = {}
    for path in sorted(TEMPLATES_DIR.rglob("*.html")):
        relative = path.relative_to(TEMPLATES_DIR)
        if relative.parts[0] in NOT_SERVED:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for what, pattern in _SOURCE_PATTERNS.items():
                if pattern.search(line):
                    found.setdefault(str(relative), []).append(f"{number}: {what}: {line.strip()}")
    return found


def script_violations(static_dir: Path = STATIC_DIR) -> dict[str, list[str]]:
    """Lines of our JavaScript that the CSP would block, or that build markup from strings."""
    found: dict[str, list[str]] = {}
    for path in sorted(static_dir.rglob("*.js")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for what, pattern in _SCRIPT_PATTERNS.items():
                if pattern.search(line):
                    found.setdefault(path.name, []).append(f"{number}: {what}: {line.strip()}")
    return found
