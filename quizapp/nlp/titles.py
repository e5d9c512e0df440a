"""Titles of works an article introduces by their kind: "her 2000 album Drama", "the musical Oliver!"."""

from __future__ import annotations

from quizapp.nlp.model import Document, Fact

# The kinds of work whose title a teacher asks ("Which album ...?").
WORK_NOUNS = frozenset(
    {
        "album",
        "single",
        "song",
        "hit",
        "film",
        "movie",
        "novel",
        "book",
        "play",
        "musical",
        "opera",
        "series",
        "sitcom",
        "documentary",
        "game",
        "sequel",
        "track",
    }
)


def titled_work(fact: Fact, doc: Document) -> bool:
    """An untyped name right after a work noun ("album Drama", "single, Superstar,") that is
    the whole title: no capitalised word, figure or colon runs on after it ("film Nightmare
    On Elm Street", "game Halo 2" were cut short), and the noun is no award's category
    ("a best film Oscar")."""
    sentence = doc.sentences[fact.sentence]
    tokens = sentence.tokens
    before = [t for t in tokens if t.end <= fact.start]
    if before and before[-1].text == ",":
        before = before[:-1]
    if not before or before[-1].text not in WORK_NOUNS or before[-1].tag.startswith("VB"):
        return False  # ("persuaded DiCaprio to play Hughes": a verb, no kind of work)
    if len(before) > 1 and before[-2].text.lower() == "best":
        return False
    after = next((t for t in tokens if t.start >= fact.end), None)
    if after is None:
        return True
    runs_on = after.start == fact.end or after.text[:1].isupper() or after.text[:1].isdigit()
    return not (runs_on and after.text not in (",", ".", "!", "?", ";", ")", "'s"))
