"""Student display names made safe to show and compare: NFKC, no invisible characters."""

from __future__ import annotations

import unicodedata

MIN_NAME_CHARS = 1
MAX_NAME_CHARS = 80
# More combining marks than this on one letter is "Zalgo" text, not a name (Vietnamese needs 2).
MAX_MARKS_PER_LETTER = 3
# Format (zero-width, bidi overrides, soft hyphen), controls, private use, surrogates, unassigned.
_DROPPED_CATEGORIES = frozenset({"Cc", "Cf", "Co", "Cs", "Cn"})
# Scripts whose letters look alike ("Х" Cyrillic, "X" Latin, "Χ" Greek). Nobody's name mixes
# them inside one word, but a spoof of a classmate's name does.
_LOOKALIKE_SCRIPTS = ("LATIN", "CYRILLIC", "GREEK")


class NameRefused(ValueError):
    """The name cannot be used; ``str(error)`` says why, for the person who typed it."""


def normalise_student_name(raw: str | None) -> str:
    """The name in NFKC with invisible and control characters dropped and spaces collapsed.

    Full-width and compatibility letters become plain ones ("Ｓａｍ" -> "Sam"), so two
    students cannot look alike on the teacher's list while differing in hidden characters.
    Raises NameRefused when nothing readable is left or the name is too long.
    """
    text = unicodedata.normalize("NFKC", raw or "")
    kept: list[str] = []
    marks = 0
    for char in text:
        category = unicodedata.category(char)
        if category in _DROPPED_CATEGORIES and not char.isspace():
            continue
        if char.isspace() or category in ("Zs", "Zl", "Zp"):
            kept.append(" ")
            marks = 0
            continue
        if category.startswith("M"):
            marks += 1
            if marks > MAX_MARKS_PER_LETTER:
                continue
        else:
            marks = 0
        kept.append(char)
    name = " ".join("".join(kept).split())
    if not any(unicodedata.category(c)[0] in "LN" for c in name):
        raise NameRefused("Please type your name.")
    if len(name) > MAX_NAME_CHARS:
        raise NameRefused(f"Please use at most {MAX_NAME_CHARS} characters for your name.")
    for word in name.split():
        if len(_lookalike_scripts(word)) > 1:
            raise NameRefused(
                f"“{word}” mixes letters of different alphabets that look alike: "
                "please type your name with one keyboard layout."
            )
    return name


def _lookalike_scripts(word: str) -> set[str]:
    """Which of Latin, Cyrillic and Greek the letters of this word come from."""
    scripts = set()
    for char in word:
        if char.isalpha():
            script = unicodedata.name(char, "").split(" ", 1)[0]
            if script in _LOOKALIKE_SCRIPTS:
                scripts.add(script)
    return scripts


def name_key(name: str) -> str:
    """How two normalised names are compared: case-insensitively ("sam lee" is "Sam Lee")."""
    return name.casefold()
