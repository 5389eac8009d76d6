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


def test_a_chinese_paragraph_is_prose_and_its_bracket_calls_find_their_notes(tmp_path):
    src = tmp_path / "t.txt"
    src.write_text("November 12, 1950\n\nCable, Zhou Enlai to Chai Junwu\n\n"
                   "(一)金首相[1]拟于最近召开之祖国统一战线中央委员会中亦联合发表声明。\n\n"
                   "[1] 金首相,指朝鲜民主主义人民共和国首相金日成。\n\n"
                   "Premier Kim should issue a statement at the coming meeting of the front.\n", encoding="utf-8")
    _, data, _ = convert_one(src, Register.load(tmp_path / "register.xml"))
    root = etree.fromstring(data)
    body = root.find(f"{TEI}text")
    assert body.find(f".//{TEI}ref[@type='note-call']") is not None
    assert not [t for t in body.itertext() if "[" in t or "]" in t]
    assert [p.get(LANG) for p in body.iter(f"{TEI}p")][0] == "zh"
