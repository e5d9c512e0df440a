"""Import one module of a large library without running the library's package `__init__` first.

NLTK's and TextBlob's package `__init__` import their whole libraries (numpy included): half a
second of every `quizapp generate`, while the generator uses one tokenizer module of NLTK and
one tagger module of TextBlob, neither of which needs the rest.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import threading
from types import ModuleType

# Imports already serialise per module; this guards the moment a stand-in package is placed.
_LOCK = threading.RLock()


def import_submodule(name: str) -> ModuleType:
    """The module ``name`` ("nltk.tokenize.treebank"), its not-yet-imported parent packages
    standing in un-executed.

    A stand-in package is the module object the import system would have made, with its
    ``__path__``, so its submodules import as usual. The first time anything else asks it for
    a name it does not hold yet (``import nltk; nltk.word_tokenize``), it runs its real
    ``__init__`` in place and answers, so code that wants the whole library still gets it,
    in the same module object.
    """
    with _LOCK:
        parts = name.split(".")
        for depth in range(1, len(parts)):
            package = ".".join(parts[:depth])
            if package not in sys.modules:
                _place_stand_in(package)
        return importlib.import_module(name)


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
