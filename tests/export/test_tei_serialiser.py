"""The TEI writers' own tree and serialiser (toolchain/writers/xmlbuild.py) write the bytes lxml
writes for the same tree: escaping, empty elements, tails, the namespace, xml: attributes."""
from __future__ import annotations

import pytest
from lxml import etree

from toolchain.writers.xmlbuild import TEI_NS, XML_ID, XML_LANG, add_text, el, indent, sub, tostring

TRICKY = "a & b < c > d \"q\" 'a' \r\n\t]]> é – \u2028 \U0001f600 \x7f\x85"


def build(make, child):
    """The same document made by ``make``/``child`` (ours or lxml's)."""
    root = make("TEI")
    root.set(XML_ID, "d1")
    root.set(XML_LANG, "en")
    header = child(root, "teiHeader")
    title = child(child(header, "titleStmt"), "title", type=TRICKY)
    title.text = TRICKY
    child(header, "revisionDesc").text = ""
    p = child(child(root, "text"), "p", n="1")
    p.set("n", "2")  # set again: keeps its place
    p.text = "x"
    child(p, "lb").tail = TRICKY
    child(p, "persName", ref="reg:p-a").text = "A"
    return root


def lxml_child(parent, tag, **attrs):
    return etree.SubElement(parent, f"{{{TEI_NS}}}{tag}", attrs)


def test_serialiser_writes_what_lxml_writes():
    ours = build(el, sub)
    theirs = build(lambda tag: etree.Element(f"{{{TEI_NS}}}{tag}", nsmap={None: TEI_NS}), lxml_child)
    assert tostring(ours) == etree.tostring(theirs, xml_declaration=True, encoding="UTF-8")
    indent(ours)
    assert tostring(ours).startswith(b"<?xml version='1.0' encoding='UTF-8'?>\n<TEI xmlns=")
    assert b"\n <teiHeader>\n  <titleStmt>" in tostring(ours)


@pytest.mark.parametrize("bad", ["\x00", "\x0c", "\ufffe", "\ud800"])
def test_serialiser_refuses_what_xml_cannot_hold(bad):
    root = el("TEI")
    add_text(sub(root, "p"), f"a{bad}b")
    with pytest.raises(ValueError):
        tostring(root)
