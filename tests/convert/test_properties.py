"""Property-based tests of the converter: random pages assembled from the grammar's pieces.

For every generated page: no crash (a refused page raises ``InputError`` only),
well-formed TEI valid against tei_all, and no word of the page lost.
CI runs a few dozen examples; the long fuzzing run is
``.venv/bin/python -m pytest -m slow tests/convert/test_properties.py``
(10,000 examples, see ``test_fuzz_many``).
"""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from toolchain.convert import convert_one
from toolchain.errors import InputError
from toolchain.register import Register

from .lossless import lost_words

MONTHS = ["January", "March", "May", "June", "July", "August", "November", "December"]
WORDS = st.sampled_from("the delegation said that Party government and of to in we our comrades "
                        "question visit plan economic friendly Soviet Korean Chinese talks letter "
                        "osobye shirokim partiynym aktivom Tsentr".split())
NAMES = st.sampled_from(["Kim Il Sung", "L. I. Brezhnev", "N.V. Podgorny", "Pak Seong-cheol",
                         "Mao Zedong", "Kryukov M.E.", "A. A. D'yakonov", "Heo Dam"])
ODD = st.sampled_from(["Nº", "№", "“", "”", "’", "–", "—", "…", "\u00a0", "é", "ö", "ł", "Ş", "ß",
                       "½", "ﬁ", "\u200b", "\t", "Ω", "中国", "조선", "Москва", "😀"])


@st.composite
def date_text(draw) -> str:
    day, month, year = draw(st.integers(1, 28)), draw(st.sampled_from(MONTHS)), draw(st.integers(1945, 1991))
    return draw(st.sampled_from([f"{day} {month} {year}", f"{month} {day}, {year}", f"{month} {year}",
                                 f"{day} {month}", f"in {year}"]))


@st.composite
def bracket(draw) -> str:
    w = " ".join(draw(st.lists(WORDS, min_size=1, max_size=4)))
    return draw(st.sampled_from([
        f"[{w}]", "[sic]", f"[sic; {w}]", f"[Translator's note: {w}]", f"[Translator’s note: {w} [{w}]]",
        f"[handwritten: {w}]", f"[[{w}]]", "[…]", "[...]", "[?]", f"[CPSU CC stamp: {w} 12345]",
        "[signature]", f"[{w}", f"{w}]", "[[date illegible]", "[email protected]",
        f"[There is a stamp at the end of the page stating {w}]"]))


@st.composite
def sentence(draw) -> str:
    pieces = draw(st.lists(st.one_of(WORDS, WORDS, WORDS, NAMES, date_text(), bracket(), ODD,
                                     NAMES.map(lambda n: f"Cde. {n}")), min_size=3, max_size=25))
    glue = draw(st.sampled_from([" ", " ", "  ", "\u00a0"]))
    text = glue.join(pieces)
    return text[:1].upper() + text[1:] + draw(st.sampled_from([".", "?", ".X)", ".*)", ""]))


@st.composite
def page(draw) -> str:
    lines = []
    if draw(st.booleans()):
        lines.append("Skip to content")
    lines.append(draw(st.sampled_from(["November 13, 1957", "July 6, 1972", "May 14, 1950"])))
    lines.append("From the Journal of " + draw(NAMES) + ", Record of a Conversation with " + draw(NAMES))
    if draw(st.booleans()):
        lines.append("This document was made possible with support from the ROK Ministry of "
                     "Unification, Leon Levy Foundation")
    lines += draw(st.lists(st.sampled_from([
        "[CPSU CC stamp:", "12 July 1972 22900]", "SECRET Copy Nº 1", "TOP SECRET", "Outgoing Nº 252",
        "from the journal of", "RECORD OF A CONVERSATION", "with Cde. KIM IL SUNG", "19 June 1972"]),
        max_size=6))
    lines += draw(st.lists(sentence(), min_size=1, max_size=6))
    if draw(st.booleans()):
        lines += ["SOVIET AMBASSADOR IN THE DPRK", "[signature] (A. PUZANOV)", "6-AP/vp",
                  "1 - Cde. Gromyko", "2 - to file", "Nº 2172-dv", "13 November 1957"]
    if draw(st.booleans()):
        lines += ["x) A note " + draw(sentence()), "*) Another note."]
    if draw(st.booleans()):
        lines += ["Document Information", "Source", "AVPRF F. 0102, Op. 13, Delo 5. Translated for "
                  "NKIDP by Gary Goldberg.", "Record ID", "115932"]
    sep = draw(st.sampled_from(["\n", "\n\n", "\r\n", "\n \n"]))
    return sep.join(lines)


def _check_page(text: str, tmp_path: Path, tei_all: etree.RelaxNG) -> None:
    src = tmp_path / "case.txt"
    src.write_bytes(text.encode("utf-8"))
    try:
        _, data, _ = convert_one(src, Register.load(tmp_path / "register.xml"))
    except InputError:
        return  # refused with a message: allowed for pages with no document
    doc = etree.fromstring(data)
    assert tei_all.validate(doc.getroottree()), (text, tei_all.error_log)
    lost = lost_words(text, data)
    assert not lost, (text, lost)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(text=page())
def test_random_pages_convert_valid_and_lossless(text, tmp_path, tei_all):
    _check_page(text, tmp_path, tei_all)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(soup=st.text(alphabet=st.sampled_from("[]()*xX;: abcSic\n\u00a0.1Nº’"), max_size=200))
def test_bracket_soup_never_crashes(soup, tmp_path, tei_all):
    _check_page("May 14, 1950\nA Title\n" + soup + "\nWe said that it was so.", tmp_path, tei_all)


@pytest.mark.slow
@settings(max_examples=10_000, deadline=None, suppress_health_check=list(HealthCheck))
@given(text=st.one_of(page(), st.text(max_size=400)))
def test_fuzz_many(text, tmp_path, tei_all):
    _check_page(text, tmp_path, tei_all)
