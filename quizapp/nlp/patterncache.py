"""Compiled regular expressions kept in the local cache, so a process starts without compiling
the generator's few hundred patterns again.

Python compiles a pattern in two steps: a parser and a code generator written in Python (a
fifth of a `quizapp generate` process's CPU time, most of it at import), then a fast C step
that builds the pattern object from the generated code. This module remembers the generated
code of every pattern compiled in the process and, in later processes, hands it straight to
the C step. A pattern is then built from exactly the code the compiler would generate (the
interpreter's version is part of the cache's name, and a check at install compares the two
routes), so matching is unchanged; anything unexpected leaves Python's own compiler in place.
"""

from __future__ import annotations

import atexit
import re
import sys
import threading
from typing import Any

from quizapp.nlp.datacache import RememberedAnswers

try:  # the interpreter's own modules, private: used only where they are as expected
    import _sre
    from re import _compiler, _parser
except ImportError:  # pragma: no cover - another interpreter
    _sre = _compiler = _parser = None  # type: ignore[assignment]

_ORIGINAL = getattr(_compiler, "compile", None)
_LOCK = threading.Lock()
_installed = False
# Generated code by (pattern, flags), read from the cache at the first compile; new entries.
_known: dict[tuple[str, int], tuple[Any, ...]] | None = None
_new: dict[tuple[str, int], tuple[Any, ...]] = {}
_STORE = RememberedAnswers(
    "regex-code",
    # Generated code is only valid for the compiler and engine that made it.
    f"{getattr(_sre, 'MAGIC', 0)}-{sys.hexversion}",
)


def _generated(pattern: str, flags: int) -> tuple[Any, ...]:
    """What Python's ``re._compiler.compile`` hands to the C step for ``pattern``."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (
        int(flags | parsed.state.flags),
        [int(op) for op in code],  # (opcodes are int subclasses that refuse pickling)
        parsed.state.groups - 1,
        groupindex,
        tuple(indexgroup),
    )


def _build(pattern: str, generated: tuple[Any, ...]) -> re.Pattern[str]:
    flags, code, groups, groupindex, indexgroup = generated
    return _sre.compile(pattern, flags, code, groups, dict(groupindex), indexgroup)


def _compile(p: Any, flags: int = 0) -> Any:
    global _known
    if not isinstance(p, str) or flags & re.DEBUG:
        return _ORIGINAL(p, flags)
    key = (p, int(flags))
    if _known is None:
        with _LOCK:
            if _known is None:
                _known = _STORE.known()
    generated = _known.get(key) or _new.get(key)
    if generated is None:
        generated = _generated(p, flags)
        if _written_in_code(p) or _at_module_level():
            _new[key] = generated
    return _build(p, generated)


def _written_in_code(pattern: str) -> bool:
    """Whether the pattern is a constant of the function that asked for it (``re.search(r"...",
    text)`` in a function body, compiled at its first call): the same in every process."""
    # Frames: this function, _compile, re._compile, re.search (or re.compile ...), the caller.
    try:
        caller = sys._getframe(4)
    except ValueError:
        return False
    return pattern in caller.f_code.co_consts


def _at_module_level() -> bool:
    """Whether the pattern is compiled as a module is imported (by its top-level code, or a
    function that code calls): those are the same in every process. Patterns made at run time
    from an article's words ("\\bGallas\\b") are not remembered, or the cache would grow
    with every article."""
    frame = sys._getframe(2)
    while frame is not None:
        if frame.f_code.co_name == "<module>":
            return frame.f_globals.get("__name__") != "__main__"  # (a script's run: not)
        frame = frame.f_back
    return False


def _save() -> None:
    if _new:
        _STORE.add_all(dict(_new))


# Patterns that exercise what the C step is given: flags set inside and outside the pattern,
# named and numbered groups, look-arounds, repeats, classes, case-insensitive Unicode.
_CHECKS = (
    (r"(?i)\b(?P<word>[A-Z][\w'’-]*)(?:\s+(?P=word))?(?=[.,])", 0),
    (r"(?<![\w$£.-])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?(?:bn|m)\b", re.IGNORECASE),
    (r"^(?:Mr|Mrs|Dr)\.?\s+|[^\W\d_]{2,}?$|(a|b)*?c{2,5}", re.MULTILINE | re.VERBOSE),
    (r"“[^”]*”?|\"[^\"]*\"?", 0),
)


def _agrees() -> bool:
    """Whether patterns built from the generated code equal those Python compiles (a pattern
    object compares its flags, text and code)."""
    for pattern, flags in _CHECKS:
        ours, theirs = _build(pattern, _generated(pattern, flags)), _ORIGINAL(pattern, flags)
        if (
            ours != theirs
            or ours.groupindex != theirs.groupindex
            or ours.groups != theirs.groups
            or ours.flags != theirs.flags
        ):
            return False
    return True


def install() -> None:
    """Compile this process's regular expressions from the cached code (once per process)."""
    global _installed
    with _LOCK:
        if _installed or _ORIGINAL is None:
            return
        try:
            usable = _agrees()
        except Exception:  # an interpreter whose internals differ: leave them
            usable = False
        _installed = True
        if not usable:
            return
        _compiler.compile = _compile
        atexit.register(_save)
