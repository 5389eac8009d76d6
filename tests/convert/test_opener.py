"""Numbers in a record's header block (guide §3.3: registry, incoming and outgoing numbers)."""
from __future__ import annotations

from tests.convert.pages import read_text
from toolchain.model import Number, walk

PAGE = "Skip to content\n\nAugust 18, 1975\n\nA Test Record\n\n{}\n\nThe talks went well in the afternoon.\n"


def _numbers(tmp_path, header: str) -> list[tuple[str, str]]:
    return [(n.kind, n.text) for n in walk(read_text(tmp_path, PAGE.format(header)).body)
            if isinstance(n, Number)]


def test_a_bare_number_in_the_header_is_a_registry_number(tmp_path):
    assert _numbers(tmp_path, "SECRET\nPyongyang\n0767s") == [("registry", "0767s")]


def test_a_year_in_parentheses_is_no_registry_number(tmp_path):
    """``Showa 50 (1975) August 18``: the Western year of an era date."""
    assert _numbers(tmp_path, "Showa 50 (1975) August 18\nNorth East Asia Division") == []
