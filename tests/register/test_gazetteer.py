"""The register's gazetteer finds organisation and place names as whole words, longest first."""
from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from toolchain.register import Register

NAMES = ["USSR", "DPRK", "Korea", "North Korea", "Ministry of Foreign Affairs", "Pyongyang"]
PIECES = NAMES + ["-", "x", " ", "a", "K", "\n", "'", "(", "Ministry", "of"]


def _register(tmp_path: Path) -> Register:
    register = Register.load(tmp_path / "register.xml")
    for i, name in enumerate(NAMES):
        register.add_candidate("place" if i % 2 else "org", name)
    return register


def _reference(text: str) -> list[tuple[int, int]]:
    """The rule in its plainest form: a name not joined to a word or hyphen on either side."""
    names = sorted(NAMES, key=len, reverse=True)
    rx = re.compile(r"(?<![\w-])(?:%s)(?![\w-])" % "|".join(map(re.escape, names)))
    return [m.span() for m in rx.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=12))
def test_gazetteer_matches_whole_names_only(tmp_path_factory, pieces):
    register = _register(tmp_path_factory.mktemp("reg"))
    text = "".join(pieces)
    assert [(s, e) for s, e, _ in register.gazetteer(text)] == _reference(text)


def test_gazetteer_kinds(tmp_path):
    found = _register(tmp_path).gazetteer("talks in Pyongyang with the Ministry of Foreign Affairs")
    assert [kind for _, _, kind in found] == ["place", "org"]
