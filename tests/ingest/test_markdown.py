"""Markdown uploads: plain paragraphs, the leading heading as the title."""

from __future__ import annotations

import datetime

from quizapp.ingest import ingest_upload

SOURCE = """# The Printing Press

Johannes **Gutenberg** built his press in *Mainz* around 1440,
and it spread across [Europe](https://example.org/europe "Europe") within decades.

![A woodcut of a press](press.png)

```python
print("code is dropped")
```

## Spread

- By 1500 presses worked in more than 250 cities.
- Venice alone had `150` print shops.
1. Numbered items lose their numbers.

> Quoted text keeps its words.

| City | Presses |
|------|---------|
| Venice | 150 |

[europe]: https://example.org/europe
Escaped \\*stars\\* stay.
"""


def test_markdown_becomes_plain_paragraphs_with_the_heading_as_title() -> None:
    article = ingest_upload(SOURCE.encode(), "press.md")
    assert article.title == "The Printing Press"
    assert article.text.split("\n") == [
        "Johannes Gutenberg built his press in Mainz around 1440, and it spread across "
        "Europe within decades.",
        "Spread",
        "By 1500 presses worked in more than 250 cities.",
        "Venice alone had 150 print shops.",
        "Numbered items lose their numbers.",
        "Quoted text keeps its words.",
        "City; Presses",
        "Venice; 150",
        "Escaped *stars* stay.",
    ]


def test_setext_heading_is_the_title() -> None:
    article = ingest_upload(b"River Survey\n============\n\nThe river is 12 km long.\n", "r.md")
    assert article.title == "River Survey"
    assert article.text == "The river is 12 km long."


def test_front_matter_gives_title_and_date() -> None:
    source = b"---\ntitle: 'River Survey'\ndate: 2023-04-05\n---\nThe river is 12 km long.\n"
    article = ingest_upload(source, "r.md")
    assert article.title == "River Survey"
    assert article.published == datetime.date(2023, 4, 5)
    assert article.text == "The river is 12 km long."


def test_snake_case_and_lone_asterisks_are_left_alone() -> None:
    article = ingest_upload(b"The file_name_here costs 2 * 3 = 6 points.\n", "n.md")
    assert article.text == "The file_name_here costs 2 * 3 = 6 points."


def test_markdown_is_chosen_by_name_only_for_text_content() -> None:
    """A .md name does not make HTML content Markdown: content decides first."""
    html = b"<!doctype html><html><head><title>T</title></head><body><p>Hi there.</p></body></html>"
    article = ingest_upload(html, "page.md")
    assert article.text == "Hi there."
    assert article.title == "T"


def test_commonmark_cases_a_line_reader_misses() -> None:
    """Nested emphasis, a link whose address holds parentheses, an indented code block, an HTML
    block and a lazy quote continuation, read as CommonMark reads them."""
    source = (
        b"# Title\n\n"
        b"The ***Danube*** flows past [Vienna](https://en.example/wiki/Vienna_(city)) daily.\n\n"
        b"    indented code is dropped\n\n"
        b'<div class="ad">\nBuy now\n</div>\n\n'
        b"> The river is 2,850 km\nlong, the survey says.\n"
    )
    article = ingest_upload(source, "t.md")
    assert article.title == "Title"
    assert article.text.split("\n") == [
        "The Danube flows past Vienna daily.",
        "The river is 2,850 km long, the survey says.",
    ]
