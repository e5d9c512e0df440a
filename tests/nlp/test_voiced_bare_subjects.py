"""A speaker's name does not say what a bare subject is: "Programs need to be tailored ...,
said _____" (which programs?) was failed as vague by a blind grader, while "Prices rose, the
Halifax said" names whose prices. An adverb between the subject and its verb ("Programs also
need ...") and a "need to" the tagger reads as a noun leave the subject as bare."""

from __future__ import annotations

from quizapp.nlp import read_document
from quizapp.nlp.distractors import build_pools
from quizapp.nlp.facts import extract_facts
from quizapp.nlp.questions.bare_subjects import bare_subject
from quizapp.nlp.questions.base import BuildContext

ARTICLE = (
    "Broadband use overtakes dial-up\n\n"
    "More homes in Ledmore now use broadband than dial-up, figures from the Ledmore statistics "
    "office show.\n\n"
    "Paul Varden, head of software firm Quenton, said firms had been slow to notice.\n\n"
    "Programs also need to be tailored so that they can be installed by users with a slower "
    "connection too, said Varden.\n\n"
    "Quenton sells its software to 40,000 homes in Ledmore.\n"
)


def test_a_bare_plural_subject_before_also_need_to_is_bare() -> None:
    doc = read_document(ARTICLE)
    sentence = next(s for s in doc.sentences if s.text.startswith("Programs"))
    at = sentence.text.index("Varden")
    assert bare_subject(sentence, 0, at, at + len("Varden"), frozenset())


def test_no_stem_asks_who_said_a_claim_about_unnamed_programs() -> None:
    doc = read_document(ARTICLE)
    facts = extract_facts(doc)
    ctx = BuildContext(doc=doc, pools=build_pools(facts, doc), seed=0)
    speaker = next(
        f
        for f in facts
        if f.text == "Varden" and doc.sentences[f.sentence].text.startswith("Programs")
    )
    assert ctx.stem(speaker) is None
