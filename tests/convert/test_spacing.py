"""Letter-spaced words (``Comrade H e g e n``): read whole, printed as they are."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.convert.pages import read_text
from toolchain.model import Marking, Name, Opener, walk
from toolchain.readers.spacing import SpacedView, collapse

PAGE = "Skip to content\n\nMarch 3, 1965\n\nA Test Letter\n\n{}\n\nWe send you the information on the conference as agreed.\n"


@pytest.mark.parametrize("printed, whole", [
    ("Comrade H e g e n", "Comrade Hegen"),
    ("Comrade Hermann   A x e n", "Comrade Hermann Axen"),          # the wider space before it
    ("W a l t e r  U l b r i c h t said", "Walter Ulbricht said"),  # spaced words in a row
    ("H i g h l y c l a s s i f i e d !", "Highlyclassified !"),
    ("points a b and the U S", "points a b and the U S"),           # two letters: no spaced word
])
def test_collapse(printed, whole):
    assert collapse(printed) == whole


@given(st.text(alphabet="ab AB.\n\u00a0", max_size=40))
def test_the_view_keeps_every_offset(text):
    """The view is as long as the text, and equal to it outside the spaced words."""
    view = SpacedView(text)
    assert len(view.text) == len(text)
    inside = {k for _, _, start, end in view.pieces for k in range(start, end)}
    lead = {k for k in range(len(text)) if text[k] in " \u00a0"}
    assert all(view.text[k] == text[k] for k in range(len(text)) if k not in inside | lead)


def test_a_spaced_word_found_in_the_view_is_the_printed_word():
    view = SpacedView("Comrade  W a l t e r  U l b r i c h t  and")
    walter = view.text.index("Walter")
    assert view.widen(walter, walter + len("Walter Ulbricht")) == (9, 37)


def test_letter_spaced_names_are_persons_and_registered_whole(tmp_path):
    record = read_text(tmp_path, PAGE.format("Comrade Hermann   A x e n\nBerlin\n\nDear Comrade H e g e n!"))
    persons = [n for n in walk(record.body) if isinstance(n, Name) and n.kind == "person"]
    assert [" ".join("".join(p.content).split()) for p in persons] == ["Hermann A x e n", "H e g e n"]


def test_a_letter_spaced_classification_belongs_to_the_header(tmp_path):
    record = read_text(tmp_path, PAGE.format("(illegible). 267 261/01\n\nH i g h l y c l a s s i f i e d !"))
    assert isinstance(record.body[0], Opener)
    markings = [(m.text, m.category) for m in walk(record.body) if isinstance(m, Marking)]
    assert markings == [("H i g h l y c l a s s i f i e d", "cls-highly-classified")]
    assert record.classifications == ["cls-highly-classified"]
