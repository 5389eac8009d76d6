"""Every Schematron rule and every closed value list: failing fixtures fire the rule id on the
right line with the right role, passing fixtures do not (tests/schema/cases.py holds the table)."""
from __future__ import annotations

import pytest
from lxml import etree

from toolchain import xmlio
from toolchain.validate.odd2rng import ODD_PATH, read_odd
from toolchain.validate.sch2xslt import rule_ids
from toolchain.validate.schematron import PROJECT_SCH

from .cases import CASES, Case

SCH_IDS = rule_ids(xmlio.parse_xml(PROJECT_SCH))
CLOSED = read_odd(xmlio.parse_xml(ODD_PATH))[1]
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _id(case: Case) -> str:
    same = [c for c in CASES if (c.rule, c.kind) == (case.rule, case.kind)]
    return f"{case.rule}-{case.kind}{same.index(case)}"


def test_every_rule_id_has_a_failing_and_a_passing_fixture():
    for rule, roles in SCH_IDS.items():
        for kind in ("fail", "pass"):
            assert any(c.rule == rule and c.kind == kind for c in CASES), f"{rule}: no {kind} fixture"
        failing_roles = {c.role for c in CASES if c.rule == rule and c.kind == "fail"}
        assert failing_roles <= roles, f"{rule}: fixtures expect {failing_roles}, schema has {roles}"
    assert {c.rule for c in CASES} <= set(SCH_IDS), "fixtures for rules the schema does not have"


def test_base_fixture_and_register_are_clean(tmp_path, validator):
    doc = Case("-", "error", "pass").write(tmp_path)
    assert validator.validate_file(doc) == []
    assert validator.validate_file(tmp_path / "register.xml") == []


@pytest.mark.parametrize("case", [c for c in CASES if c.kind == "fail"], ids=_id)
def test_failing_fixture_fires_its_rule(case, tmp_path, validator):
    diags = validator.validate_file(case.write(tmp_path))
    hits = [d for d in diags if d.rule == case.rule]
    assert hits, f"{case.rule} did not fire: {[d.to_text() for d in diags]}"
    assert any(d.severity == case.role and d.line == case.expected_line() for d in hits), \
        [d.to_text() for d in hits]


@pytest.mark.parametrize("case", [c for c in CASES if c.kind == "pass"], ids=_id)
def test_passing_fixture_does_not_fire_its_rule(case, tmp_path, validator):
    diags = validator.validate_file(case.write(tmp_path))
    assert not [d for d in diags if d.rule == case.rule and d.severity == "error"]
    if case.role == "error" or case.rule in ("name-linked", "register-unused", "prov-record-id"):
        assert not [d for d in diags if d.rule == case.rule], [d.to_text() for d in diags]
    assert not [d for d in diags if d.rule in ("relaxng", "schematron")], [d.to_text() for d in diags]


def _element_with(tree: etree._ElementTree, element: str, attr: str) -> etree._Element:
    """The first ``element`` of the base fixture (preferring one that has ``attr``)."""
    found = tree.findall(f".//{{http://www.tei-c.org/ns/1.0}}{element}")
    key = XML_LANG if attr == "xml:lang" else attr
    assert found, f"base.xml has no <{element}>"
    return next((e for e in found if e.get(key) is not None), found[0]), key


def _with_value(tmp_path, element, attr, value):
    tree = xmlio.parse_bytes(Case("-", "error", "pass").texts()[0].encode(), "doc1.xml")
    el, key = _element_with(tree, element, attr)
    el.set(key, value)
    Case("-", "error", "pass").write(tmp_path)
    path = tmp_path / "doc1.xml"
    path.write_bytes(etree.tostring(tree, xml_declaration=True, encoding="UTF-8"))
    return path, xmlio.parse_xml(path).xpath(tree.getpath(el))[0].sourceline


@pytest.mark.parametrize("element,attr", sorted(CLOSED), ids=lambda v: str(v))
def test_closed_list_rejects_other_values(element, attr, tmp_path, validator):
    path, line = _with_value(tmp_path, element, attr, "not-in-the-list")
    hits = [d for d in validator.validate_file(path) if d.rule == "relaxng"]
    assert any(d.line == line and "closed list" in d.message and f"@{attr}" in d.message
               for d in hits), [d.to_text() for d in hits]


@pytest.mark.parametrize("element,attr", sorted(CLOSED), ids=lambda v: str(v))
def test_closed_list_accepts_each_listed_value(element, attr, tmp_path, validator):
    for value in CLOSED[(element, attr)]:
        path, _ = _with_value(tmp_path, element, attr, value)
        diags = [d for d in validator.validate_file(path) if d.rule == "relaxng"]
        assert diags == [], (value, [d.to_text() for d in diags])
