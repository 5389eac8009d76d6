"""Paragraphs printed in another script keep their language (xml:lang), for DH users and screen readers."""
from __future__ import annotations

import pytest
from lxml import etree

from toolchain.convert import convert_one
from toolchain.readers.lexicon import script_language
from toolchain.register import Register

TEI = "{http://www.tei-c.org/ns/1.0}"
LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.mark.parametrize("text, lang", [
    ("1. Текст ответа КИМ ИР СЕНА на встречу по переговорам", "ru"),
    ("김일성 동지의 말씀", "ko"), ("毛泽东同志", "zh"), ("日本の外務省", "ja"),
    ("Kim Il Sung [김일성] received the delegation", None),   # a word of another script in English
    ("Nikolay [Николай] Ivanov", None), ("Plain English text.", None),
])
def test_script_language(text, lang):
    assert script_language(text) == lang


def test_a_russian_paragraph_is_marked_russian(tmp_path):
    src = tmp_path / "t.txt"
    src.write_text("July 1, 1951\n\nCiphered Telegram, Razuvaev to Shtemenko\n\n"
                   "The text of the answer was given to Kim Il Sung today at noon.\n\n"
                   "1. Текст ответа КИМ ИР СЕНА на встречу по переговорам мною дан.\n", encoding="utf-8")
    _, data, _ = convert_one(src, Register.load(tmp_path / "register.xml"))
    got = [("".join(p.itertext()).strip()[:3], p.get(LANG)) for p in etree.fromstring(data).iter(TEI + "p")]
    assert ("The", None) in got and ("1. ", "ru") in got, got
