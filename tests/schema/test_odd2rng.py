"""The generated project RNG is current, narrower than tei_all, and the generator refuses what it
does not understand."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import etree

from toolchain import xmlio
from toolchain.errors import InputError
from toolchain.validate import odd2rng

TEI = "http://www.tei-c.org/ns/1.0"


def _odd(spec: str) -> etree._ElementTree:
    return etree.ElementTree(etree.fromstring(
        f'<TEI xmlns="{TEI}"><text><body><schemaSpec ident="t" start="TEI">{spec}'
        "</schemaSpec></body></text></TEI>"))


MINIMAL = ('<moduleRef key="x" include="TEI teiHeader fileDesc titleStmt title publicationStmt p '
           'sourceDesc text body note"/>')


def test_committed_rng_is_up_to_date():
    """Fails when schema/tei-tool.odd or tei_all changed without
    `python -m toolchain.validate.odd2rng` (which rewrites schema/tei-tool.rng)."""
    assert odd2rng.PROJECT_RNG.read_bytes() == odd2rng.generate_files(), \
        "schema/tei-tool.rng is out of date: run python -m toolchain.validate.odd2rng"


def test_check_option_reports_out_of_date(monkeypatch, tmp_path):
    stale = tmp_path / "tei-tool.rng"
    stale.write_bytes(b"<grammar/>")
    monkeypatch.setattr(odd2rng, "PROJECT_RNG", stale)
    assert odd2rng.main(["--check"]) == 1
    assert odd2rng.main([]) == 0 and odd2rng.main(["--check"]) == 0


@pytest.fixture(scope="module")
def tiny_rng():
    """tei_all cut down to a dozen elements, with note/@type closed."""
    odd = _odd(MINIMAL + '<elementSpec ident="note" mode="change"><attList><attDef ident="type" '
               'mode="change"><valList type="closed"><valItem ident="a"/><valItem ident="b"/>'
               "</valList></attDef></attList></elementSpec>")
    data = odd2rng.generate(xmlio.parse_xml(odd2rng.TEI_ALL_RNG), odd)
    return etree.RelaxNG(etree.fromstring(data))


def _doc(body: str) -> etree._ElementTree:
    return etree.ElementTree(etree.fromstring(
        f'<TEI xmlns="{TEI}"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt>'
        "<publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc>"
        f"</teiHeader><text><body>{body}</body></text></TEI>"))


def test_generated_schema_keeps_listed_elements_and_closes_values(tiny_rng):
    assert tiny_rng.validate(_doc('<p>x <note type="a">n</note></p>')), tiny_rng.error_log
    assert not tiny_rng.validate(_doc('<p>x <note type="c">n</note></p>'))
    assert not tiny_rng.validate(_doc("<p>x <hi>removed element</hi></p>"))


def test_unknown_element_in_include_is_an_error():
    with pytest.raises(InputError, match="not in tei_all: nosuchelement"):
        odd2rng.generate(xmlio.parse_xml(odd2rng.TEI_ALL_RNG),
                         _odd(MINIMAL.replace("note", "note nosuchelement")))


@pytest.mark.parametrize("spec,message", [
    ('<elementSpec ident="note" mode="delete"/>', 'only mode="change"'),
    ('<elementSpec ident="note" mode="change"><attList><attDef ident="type" mode="change">'
     '<valList type="open"><valItem ident="a"/></valList></attDef></attList></elementSpec>',
     "only closed valLists"),
    ('<elementSpec ident="note" mode="change"><attList><attDef ident="nosuch" mode="change">'
     '<valList type="closed"><valItem ident="a"/></valList></attDef></attList></elementSpec>',
     "found 0 times"),
])
def test_unsupported_odd_constructs_are_refused(spec, message):
    with pytest.raises(InputError, match=message):
        odd2rng.generate(xmlio.parse_xml(odd2rng.TEI_ALL_RNG), _odd(MINIMAL + spec))


def test_odd_documents_every_schematron_rule_id():
    from toolchain.validate.sch2xslt import rule_ids
    from toolchain.validate.schematron import PROJECT_SCH

    documented = {i.text for i in xmlio.parse_xml(odd2rng.ODD_PATH).iter(f"{{{TEI}}}ident")}
    assert set(rule_ids(xmlio.parse_xml(PROJECT_SCH))) <= documented


@pytest.mark.skipif(shutil.which("jing") is None, reason="jing not installed (scripts/setup.sh --test)")
def test_jing_agrees_with_lxml_on_the_generated_schema(tmp_path):
    """A second RELAX NG implementation accepts the generated grammar and judges like libxml2
    (libxml2 once rejected files without saying why when the grammar kept notAllowed)."""
    bad = tmp_path / "bad.xml"
    base = Path(__file__).with_name("base.xml")
    bad.write_text(base.read_text().replace('<seg type="typist">', '<seg type="secretary">'))
    ok = subprocess.run(["jing", str(odd2rng.PROJECT_RNG), str(base)], capture_output=True, text=True)
    assert ok.returncode == 0, ok.stdout
    fail = subprocess.run(["jing", str(odd2rng.PROJECT_RNG), str(bad)], capture_output=True, text=True)
    assert fail.returncode == 1 and "typist" in fail.stdout
