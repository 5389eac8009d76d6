"""The Schematron compiler: rule order, assert vs report, messages, lets as parameters, and
refusal of what it does not implement."""
from __future__ import annotations

import pytest
from lxml import etree

from toolchain.errors import InputError
from toolchain.validate.sch2xslt import compile_schematron

SCH = "http://purl.oclc.org/dsdl/schematron"


def _schema(body: str, binding: str = "xslt3") -> etree._ElementTree:
    return etree.ElementTree(etree.fromstring(
        f'<schema xmlns="{SCH}" queryBinding="{binding}"><ns prefix="t" uri="urn:t"/>{body}</schema>'))


def _run(body: str, xml: str, **params) -> list[list[str]]:
    from toolchain.validate.schematron import _processor

    proc = _processor()
    exe = proc.new_xslt30_processor().compile_stylesheet(
        stylesheet_text=compile_schematron(_schema(body)))
    for name, value in params.items():
        exe.set_parameter(name, proc.make_string_value(value))
    out = exe.transform_to_string(xdm_node=proc.parse_xml(xml_text=xml)) or ""
    return [line.split("\t") for line in out.splitlines()]


DOC = '<t:a xmlns:t="urn:t"><t:b n="1"/><t:b n="2">text</t:b><t:c/></t:a>'


def test_first_matching_rule_of_a_pattern_wins_and_patterns_are_independent():
    rows = _run('<pattern><rule context="t:b[@n=1]"><assert id="r1" test="false()">one</assert></rule>'
                '<rule context="t:b"><assert id="r2" test="false()">any b</assert></rule></pattern>'
                '<pattern><rule context="t:b"><report id="r3" role="warning" test="@n=2">'
                'b <value-of select="@n"/> is <name/></report></rule></pattern>', DOC)
    assert [(r[0], r[1], r[2]) for r in rows] == [("r1", "error", "2"), ("r2", "error", "3"),
                                                  ("r3", "warning", "3")]
    assert rows[2][4] == "b 2 is t:b"


def test_text_nodes_report_their_slot_and_lets_are_parameters():
    rows = _run('<let name="word" value="\'none\'"/><pattern><rule context="text()">'
                '<assert id="w" test="not(contains(., $word))">found</assert></rule></pattern>',
                DOC, word="text")
    assert rows == [["w", "error", "3", "0", "found"]]


def test_a_mode_visits_exactly_the_nodes_its_contexts_match():
    """Each pattern is applied to ``//(alternative)`` of its contexts' top-level alternatives:
    a ``|`` inside a predicate, a string or parentheses is not a split, rooted paths stay rooted,
    ``except`` keeps its meaning."""
    rows = _run('<pattern><rule context="t:b[@n = (\'|\', \'2\')] | /t:a/t:c | (@n)[. = 1]">'
                '<report id="r" test="true()"><name/></report></rule>'
                '<rule context="text()[. != \'a|b\']"><report id="t" test="true()">t</report></rule>'
                '</pattern><pattern><rule context="t:* except t:b">'
                '<report id="e" test="true()"><name/></report></rule></pattern>', DOC)
    assert [(r[0], r[2], r[3], r[4]) for r in rows] == [
        ("r", "2", "-1", "n"), ("r", "3", "-1", "t:b"), ("t", "3", "0", "t"), ("r", "4", "-1", "t:c"),
        ("e", "1", "-1", "t:a"), ("e", "4", "-1", "t:c")]


@pytest.mark.parametrize("body,binding,message", [
    ("", "xslt", "queryBinding"),
    ('<pattern><rule context="*"><assert test="true()">no id</assert></rule></pattern>', "xslt3",
     "needs an id"),
    ('<pattern><rule context="*"><extends rule="x"/></rule></pattern>', "xslt3", "unsupported"),
    ('<phase id="p"/>', "xslt3", "unsupported"),
    ('<pattern><rule context=".[@n]"><assert id="a" test="true()">x</assert></rule></pattern>',
     "xslt3", "predicate pattern"),
    ('<pattern><rule context="t:b[current()/@n]"><assert id="a" test="true()">x</assert></rule>'
     "</pattern>", "xslt3", "current"),
])
def test_unsupported_constructs_are_refused(body, binding, message):
    with pytest.raises(InputError, match=message):
        compile_schematron(_schema(body, binding))
