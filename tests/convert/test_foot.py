"""The end of a page cut off before its Document Information (body.split_cut_summary)."""
from __future__ import annotations

import pytest

from toolchain.readers.body import split_cut_summary
from toolchain.readers.source import Line


def _split(*texts: str) -> tuple[list[str], list[str]]:
    record, summary = split_cut_summary([Line(i, t) for i, t in enumerate(texts, 1)])
    return [ln.text for ln in record], [ln.text for ln in summary]


@pytest.mark.parametrize("last", ["Puzanov tells the", "Puz", "Kim Il Sung expresses his gratitude and"])
def test_words_cut_off_after_the_foot_are_the_summary(last):
    assert _split("5 - to file", "Nº 527", "", "31 August 1957", last) == (
        ["5 - to file", "Nº 527", "", "31 August 1957"], [last])


@pytest.mark.parametrize("lines", [
    ("31 August 1957", "A. PUZANOV"),                 # a signature after a date
    ("31 August 1957", "(A. Puzanov)"),
    ("He said the talks went well.", "Comrade Ambassador also ask"),  # cut inside the record
    ("Nº 527", "Puzanov told Kim Il Sung."),          # a whole sentence: no cut
])
def test_other_last_lines_stay_in_the_record(lines):
    assert _split(*lines) == (list(lines), [])
