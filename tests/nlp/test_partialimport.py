"""One module of NLTK or TextBlob without their package __init__, and the whole library after."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def run_fresh(code: str) -> str:
    """Run code in a new interpreter (imports are per process) and return what it printed."""
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_one_module_loads_without_the_library_then_the_whole_library_still_works() -> None:
    printed = run_fresh(
        """
        import sys
        from quizapp.nlp.partialimport import import_submodule

        treebank = import_submodule("nltk.tokenize.treebank")
        words = treebank.TreebankWordTokenizer().tokenize("They didn't go.")
        print(words, "numpy" in sys.modules, "nltk.corpus" in sys.modules)

        import nltk  # the package as a whole, as other code would use it
        print(nltk.FreqDist("abracadabra").most_common(1))
        print(nltk.tokenize.TreebankWordTokenizer is treebank.TreebankWordTokenizer)
        print(sys.modules["nltk"] is nltk, "nltk.corpus" in sys.modules)
        """
    )
    assert printed.splitlines() == [
        "['They', 'did', \"n't\", 'go', '.'] False False",
        "[('a', 5)]",
        "True",
        "True True",
    ]


def test_textblob_tagger_module_alone_tags_as_textblob_does() -> None:
    printed = run_fresh(
        """
        import sys
        from quizapp.nlp.partialimport import import_submodule

        english = import_submodule("textblob.en")
        alone = english.tag("The cats ran home", tokenize=False)
        print("nltk" in sys.modules)

        from textblob.en.taggers import PatternTagger  # imports all of TextBlob and NLTK

        print(PatternTagger().tag("The cats ran home", tokenize=False) == alone, alone[1])
        """
    )
    assert printed.splitlines() == ["False", "True ('cats', 'NNS')"]


def test_deferred_modules_load_only_when_used_and_whole_when_asked_for() -> None:
    printed = run_fresh(
        """
        import sys
        from quizapp.nlp import read_document

        doc = read_document("They didn't go. Mr. Smith stayed.")
        print([t.text for t in doc.sentences[0].tokens])
        print("http.client" in sys.modules, "nltk.pathsec" in sys.modules)

        from xml.sax.saxutils import escape, quoteattr  # other code wants the whole module
        print(escape("<a&b>"), quoteattr("x"), "http.client" in sys.modules)
        from nltk.internals import slice_bounds, overridden
        print(slice_bounds.__module__, overridden.__module__)
        import nltk
        print(nltk.FreqDist("abracadabra").most_common(1))
        """
    )
    assert printed.splitlines() == [
        "['They', 'did', \"n't\", 'go', '.']",
        "False False",
        '&lt;a&amp;b&gt; "x" True',
        "nltk.internals nltk.internals",
        "[('a', 5)]",
    ]
