"""Import one module of a large library without running the library's package `__init__` first.

NLTK's and TextBlob's package `__init__` import their whole libraries (numpy included): half a
second of every `quizapp generate`, while the generator uses one tokenizer module of NLTK and
one tagger module of TextBlob, neither of which needs the rest (nor, for the tokenizer, the
helper module NLTK's tokenizer base class imports one function from). lemminflect's modules
import numpy for a model of unknown words only, whose answers the local cache remembers.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import threading
from collections.abc import Callable, Iterable, Mapping
from types import ModuleType

# Imports already serialise per module; this guards the moment a stand-in package is placed.
_LOCK = threading.RLock()


def import_submodule(name: str, deferring: Mapping[str, Iterable[str]] | None = None) -> ModuleType:
    """The module ``name`` ("nltk.tokenize.treebank"), its not-yet-imported parent packages
    standing in un-executed.

    A stand-in package is the module object the import system would have made, with its
    ``__path__``, so its submodules import as usual. The first time anything else asks it for
    a name it does not hold yet (``import nltk; nltk.word_tokenize``), it runs its real
    ``__init__`` in place and answers, so code that wants the whole library still gets it,
    in the same module object.

    ``deferring`` names modules ``name`` imports functions or classes from but uses only on
    paths the caller never or seldom takes (``{"nltk.internals": ["overridden"]}``: NLTK's
    tokenizer base class calls it only to batch sentences, and importing it pulls in NLTK's
    HTTP, e-mail and zip handling). Such a module stands in un-executed too, holding those
    names as forwarders: a call, an attribute asked of one, or any other name asked of the
    module runs the real module in place first, so other code importing it later gets the
    whole module.
    """
    with _LOCK:
        parts = name.split(".")
        for depth in range(1, len(parts)):
            package = ".".join(parts[:depth])
            if package not in sys.modules:
                _place_stand_in(package)
        for module, functions in (deferring or {}).items():
            if module not in sys.modules:
                _place_deferred(module, tuple(functions))
        return importlib.import_module(name)


def _place_deferred(name: str, functions: tuple[str, ...]) -> None:
    parent, _, child = name.rpartition(".")
    if parent and parent not in sys.modules:
        importlib.import_module(parent)  # a library's own packages already stand in
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        return  # not found: the import of ``name`` will say so
    module = importlib.util.module_from_spec(spec)

    def run_in_place() -> ModuleType:
        with _LOCK:
            if module.__dict__.get("__getattr__") is complete_on_first_use:
                del module.__dict__["__getattr__"]
                spec.loader.exec_module(module)
        return module

    def complete_on_first_use(attribute: str):
        if attribute.startswith("__") and attribute.endswith("__") and attribute != "__all__":
            # The import system probing (``__path__`` for ``from ... import``): not a use.
            raise AttributeError(f"module {name!r} has no attribute {attribute!r}")
        return getattr(run_in_place(), attribute)

    for function in functions:
        setattr(module, function, _Forwarder(function, run_in_place))
    module.__getattr__ = complete_on_first_use
    sys.modules[name] = module
    if parent:
        setattr(sys.modules[parent], child, module)


class _Forwarder:
    """Stands in for a function or class of a deferred module: calling it, or asking it for an
    attribute (``ModelLemmaInData.wordToVec``: a class used through its class methods), runs
    the real module first and answers from the real object."""

    def __init__(self, name: str, run_in_place: Callable[[], ModuleType]) -> None:
        self.__name__ = self.__qualname__ = name
        self._run_in_place = run_in_place

    def _real(self):
        return getattr(self._run_in_place(), self.__name__)

    def __call__(self, *args, **kwargs):
        return self._real()(*args, **kwargs)

    def __getattr__(self, attribute: str):
        # Only names the forwarder itself lacks come here (never __name__ or _run_in_place).
        return getattr(self._real(), attribute)


def _place_stand_in(package: str) -> None:
    spec = importlib.util.find_spec(package)
    if spec is None or spec.loader is None or spec.submodule_search_locations is None:
        importlib.import_module(package)  # not a package we can stand in for: import it whole
        return
    module = importlib.util.module_from_spec(spec)

    def complete_on_first_use(attribute: str):
        # `from nltk import redos` asks the package for a submodule: import just that one.
        if not attribute.startswith("__"):
            try:
                found = importlib.util.find_spec(f"{package}.{attribute}")
            except (ImportError, ValueError):
                found = None
            if found is not None:
                return importlib.import_module(f"{package}.{attribute}")
        with _LOCK:
            if module.__dict__.get("__getattr__") is complete_on_first_use:
                del module.__dict__["__getattr__"]
                spec.loader.exec_module(module)
        return getattr(module, attribute)

    module.__getattr__ = complete_on_first_use
    sys.modules[package] = module
    if "." in package:
        parent, _, child = package.rpartition(".")
        setattr(sys.modules[parent], child, module)
