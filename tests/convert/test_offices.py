"""Offices the documents give people go into the register, dated by the documents (guide §4)."""
from __future__ import annotations

from pathlib import Path

from lxml import etree

from toolchain.convert import convert_paths

NS = {"t": "http://www.tei-c.org/ns/1.0", "xml": "http://www.w3.org/XML/1998/namespace"}
PAGE = """July 6, 1972
A record
The conversation was held at our request with Cde. Kim Il Sung.
Heo Dam, DPRK Minister of Foreign Affairs, took part in the conversation.
Counsellors V. I. Pelishenko, Military Attaché A. A. D'yakonov and I. A. Gladkov were present.
"""


def occupations(register: Path, xid: str) -> list[tuple[str, str, str]]:
    person = etree.parse(str(register)).find(f".//t:person[@xml:id='{xid}']", NS)
    return [(o.text, o.get("notBefore"), o.get("notAfter")) for o in person.findall("t:occupation", NS)]


def test_office_after_a_name_is_recorded_with_the_document_date(tmp_path):
    (tmp_path / "a.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(PAGE.replace("July 6, 1972", "May 1, 1973"), encoding="utf-8")
    result = convert_paths([tmp_path / "a.txt", tmp_path / "b.txt"], tmp_path / "out")
    assert not result.failed
    assert occupations(tmp_path / "out" / "register.xml", "p-heo-dam") == [
        ("DPRK Minister of Foreign Affairs", "1972-07-06", "1973-05-01")]
    # a title before the next name is no apposition: Pelishenko is not "Military Attaché A"
    assert occupations(tmp_path / "out" / "register.xml", "p-pelishenko-vi") == []
