"""The question generator: pure functions from article text to frozen question sets."""

from quizapp.nlp.patterncache import install as _install_pattern_cache

# Before the submodules compile their patterns (see patterncache: a speed-up only).
_install_pattern_cache()

from quizapp.nlp.document import read_document  # noqa: E402
from quizapp.nlp.editing import convert_item, kind_choices, regenerate_distractors  # noqa: E402
from quizapp.nlp.model import Document, FactType, Item, QuestionKind, QuestionSet  # noqa: E402
from quizapp.nlp.pipeline import GenerationError, generate, suggested_item_count  # noqa: E402

__all__ = [
    "Document",
    "FactType",
    "GenerationError",
    "Item",
    "QuestionKind",
    "QuestionSet",
    "convert_item",
    "generate",
    "kind_choices",
    "read_document",
    "regenerate_distractors",
    "suggested_item_count",
]
