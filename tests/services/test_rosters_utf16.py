"""Class lists saved by Excel as "Unicode Text" (UTF-16 with its mark, tab-separated) import."""

from __future__ import annotations

import pytest

from quizapp.services import rosters


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_unicode_text_from_excel_gives_the_names(encoding: str) -> None:
    text = "First name\tLast name\r\nZoë\tMüller\r\nBo\tChen\r\n"
    data = text.encode(encoding)
    if encoding != "utf-16":  # Excel writes the mark; the codecs without it do not
        data = ("\ufeff" + text).encode(encoding)
    assert rosters.names_from_csv(data) == ["Zoë Müller", "Bo Chen"]


def test_other_encodings_are_still_refused_not_guessed() -> None:
    with pytest.raises(rosters.RosterError, match="UTF-8"):
        rosters.names_from_csv("Name\nZoë Müller\n".encode("cp1252"))
