"""The question generator: pure functions from article text to frozen question sets."""

from quizapp.nlp.document import read_document
from quizapp.nlp.editing import convert_item, kind_choices, regenerate_distractors
from quizapp.nlp.model import Document, FactType, Item, QuestionKind, QuestionSet
from quizapp.nlp.pipeline import GenerationError, generate, suggested_item_count

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
