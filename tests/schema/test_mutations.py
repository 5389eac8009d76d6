"""Mutation check of the issue: break valid files in the typical ways and assert each break is
caught with the right rule id on the right line.

Files: the hand-made base fixture, the guide's worked example (with a register made for it) and
every converted tei/*.xml that is currently free of errors (the converter's own problems are
reported by `tei-tool validate tei/`, not here).
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from lxml import etree

from toolchain import xmlio

from .cases import BASE, REGISTER

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT.parent / "shared" / "docs" / "example-002.xml"
T = "{http://www.tei-c.org/ns/1.0}"
INTERVENTIONS = ("supplied", "gap", "unclear", "corr", "foreign", "note")


def _register_for(text: str) -> str:
    """A register holding every reg: id that ``text`` points to."""
    ids = sorted(set(re.findall(r"reg:([a-z][a-z0-9\-]*)", text)))
    entries = "".join(f'<person xml:id="{i}"><persName type="main">{i}</persName></person>'
                      for i in ids if not i.startswith(("tax-", "cls-", "type-")))
    cats = "".join(f'<category xml:id="{i}"><catDesc>{i}</catDesc></category>'
                   for i in ids if i.startswith(("cls-", "type-")))
    return (f'<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="register"><teiHeader><fileDesc>'
            "<titleStmt><title>r</title></titleStmt><publicationStmt><p>p</p></publicationStmt>"
            "<sourceDesc><p>s</p></sourceDesc></fileDesc><encodingDesc><classDecl>"
            f'<taxonomy xml:id="tax-classification">{cats}</taxonomy><taxonomy xml:id="tax-wcda-type"/>'
            "<taxonomy xml:id=\"tax-subject\"/></classDecl></encodingDesc></teiHeader>"
            f"<standOff><listPerson>{entries}</listPerson></standOff></TEI>")


def _sources(tmp_path_factory, validator) -> list[Path]:
    folder = tmp_path_factory.mktemp("valid")
    (folder / "doc1.xml").write_text(BASE, encoding="utf-8")
    (folder / "register.xml").write_text(REGISTER, encoding="utf-8")
    files = [folder / "doc1.xml"]
    if EXAMPLE.exists():
        ex = tmp_path_factory.mktemp("example")
        text = EXAMPLE.read_text(encoding="utf-8")
        (ex / "d-002_968af83d44314879.xml").write_text(text, encoding="utf-8")
        (ex / "register.xml").write_text(_register_for(text), encoding="utf-8")
        files.append(ex / "d-002_968af83d44314879.xml")
    tei = ROOT / "tei"
    if (tei / "register.xml").exists():
        conv = tmp_path_factory.mktemp("tei")
        shutil.copy(tei / "register.xml", conv)
        for doc in sorted(tei.glob("*.xml")):
            if doc.name != "register.xml":
                shutil.copy(doc, conv)
                files.append(conv / doc.name)
    return [f for f in files if not [d for d in validator.validate_file(f) if d.severity == "error"]]


@pytest.fixture(scope="module")
def valid_files(tmp_path_factory, validator):
    files = _sources(tmp_path_factory, validator)
    assert len(files) >= 2, "the base fixture and the worked example must both be valid"
    return files


def _first(tree, xpath):
    found = tree.xpath(xpath, namespaces={"t": T[1:-1]})
    return found[0] if found else None


def drop_resp(tree):
    el = _first(tree, "//t:text//*[@resp][" + " or ".join(f"self::t:{n}" for n in INTERVENTIONS) + "]")
    del el.attrib["resp"]
    return "resp-required", el


def dangling_pointer(tree):
    el = _first(tree, "//t:body//t:p")
    el.set("corresp", "#nowhere-at-all")
    return "ptr-resolves", el


def leftover_sic(tree):
    el = _first(tree, "//t:body//t:p")
    el.text = "word [sic] " + (el.text or "")
    return "no-labels", el  # no-brackets fires too


def bad_date(tree):
    el = _first(tree, "//t:profileDesc/t:creation/t:date")
    el.attrib.pop("notBefore", None), el.attrib.pop("notAfter", None)
    el.set("when", "1957-02-30")
    return "date-castable", el


def missing_repository(tree):
    rep = _first(tree, "//t:msDesc/t:msIdentifier/t:repository")
    parent = rep.getparent()
    parent.remove(rep)
    return "prov-repository", parent


MUTATIONS = [drop_resp, dangling_pointer, leftover_sic, bad_date, missing_repository]


@pytest.mark.parametrize("mutate", MUTATIONS, ids=lambda m: m.__name__)
def test_mutation_is_caught_with_rule_and_line(mutate, valid_files, validator):
    """Each of the valid files, broken by ``mutate``, reports the rule on the element's line."""
    for original in valid_files:
        tree = xmlio.parse_xml(original)
        rule, el = mutate(tree)
        path = tree.getpath(el)
        saved = original.read_bytes()
        try:  # same name (the root id must stay the file stem), restored afterwards
            original.write_bytes(etree.tostring(tree, xml_declaration=True, encoding="UTF-8"))
            line = xmlio.parse_xml(original).xpath(path)[0].sourceline
            diags = validator.validate_file(original)
        finally:
            original.write_bytes(saved)
        hits = [d for d in diags if d.rule == rule and d.severity == "error"]
        assert any(d.line == line for d in hits), \
            (original.name, rule, line, [d.to_text() for d in diags])
