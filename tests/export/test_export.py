"""tei-tool export: the seeds + devset edition as JSON (valid against the JSON Schema, counts equal
to the TEI's) and as CSV; a broken export or broken input is refused with one line."""
from __future__ import annotations

import copy
import csv
import io
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import jsonschema
import pytest
from lxml import etree

from toolchain.convert import convert_paths
from toolchain.export import (INTERVENTION_KINDS, ExportError, SchemaCheck, document_json, export_head,
                              plain_text, validate_export, write_json)

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "schema" / "export.schema.json").read_text())
NS = {"t": "http://www.tei-c.org/ns/1.0"}
#: Interventions counted straight from the TEI (guide §3.3), to check the export's kinds.
XPATH_COUNTS = {
    "supplied": "count(t:text//t:supplied)",
    "foreign": "count(t:text//t:foreign)",
    "stamp": "count(t:text//t:note[@type='stamp'])",
    "handwritten": "count(t:text//t:note[@type='handwritten'])",
    "gap": "count(t:text//t:gap[@reason='omitted'])",
    "unclear": "count(t:text//t:unclear)",
    "corr": "count(t:text//t:corr)",
    "sic": "count(t:text//t:sic[not(parent::t:choice)])",  # one bracket, one intervention
}


def run(*args):
    return subprocess.run([sys.executable, "-m", "toolchain", *map(str, args)], capture_output=True,
                          text=True, cwd=ROOT)


@pytest.fixture(scope="module")
def edition(tmp_path_factory) -> Path:
    """Seeds and devset converted together into one edition with one register."""
    out = tmp_path_factory.mktemp("edition")
    sources = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "golden").glob("d*/d??.txt"))
    assert len(sources) >= 15
    result = convert_paths(sources, out)
    assert not result.failed, result.report.to_text()
    return out


@pytest.fixture(scope="module")
def exported(edition, tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("export") / "edition.json"
    proc = run("export", edition, "--format", "json", "--out", out)
    assert proc.returncode == 0, proc.stderr
    return json.loads(out.read_text(encoding="utf-8"))


def test_export_validates_against_the_json_schema(exported):
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    jsonschema.Draft202012Validator(SCHEMA).validate(exported)


def test_export_counts_equal_the_tei(edition, exported):
    files = sorted(p for p in edition.glob("*.xml") if p.name != "register.xml")
    docs = {d["file"]: d for d in exported["documents"]}
    assert sorted(docs) == [p.name for p in files]
    for path in files:
        root, doc = etree.parse(str(path)).getroot(), docs[path.name]
        assert doc["id"] == root.get("{http://www.w3.org/XML/1998/namespace}id")
        names = root.xpath("t:text//t:persName | t:text//t:orgName | t:text//t:placeName", namespaces=NS)
        linked = Counter(n.get("ref")[4:] for n in names if n.get("ref"))
        assert {e["ref"]: e["count"] for e in doc["entities"]} == dict(linked), path.name
        assert len(doc["unlinked"]) == sum(1 for n in names if not n.get("ref"))
        for kind, xpath in XPATH_COUNTS.items():
            assert doc["interventions"].get(kind, 0) == int(root.xpath(xpath, namespaces=NS)), (path.name, kind)
        assert len(doc["participants"]) == int(root.xpath("count(.//t:particDesc//t:person)", namespaces=NS))
        assert doc["date"]["when"] == (root.xpath("string(.//t:creation/t:date/@when)", namespaces=NS) or None)
        assert doc["words"] == len(doc["text"].split()) > 0
    assert sum(sum(d["interventions"].values()) for d in docs.values()) > 50


def test_export_carries_the_register(edition, exported):
    register = etree.parse(str(edition / "register.xml"))
    ids = set(register.xpath("//t:standOff//@xml:id", namespaces=NS))
    entries = [e for kind in exported["register"].values() for e in kind]
    assert {e["id"] for e in entries} == ids
    by_id = {e["id"]: e for e in entries}
    for doc in exported["documents"]:
        for entity in doc["entities"]:
            assert doc["id"] in by_id[entity["ref"]]["documents"]
    assert any(e["candidate"] for e in entries) and any(e["variants"] for e in entries)


#: Spellings of one entity met in the sample documents (issue 5, "must show").
SAMPLE_VARIANTS = [("N. V. Podgornyy", "N.V. Podgorny"), ("Park Chung Hee", "Park Chung-hee"),
                   ("Heo Dam", "Ho Dam"), ("Kim Gwang-hyeop", "Kim Kwang Hyop"),
                   ("L. I. Brezhnev", "Brezhnev"), ("A. M. PUZANOV", "A. PUZANOV")]


@pytest.mark.parametrize("spellings", SAMPLE_VARIANTS, ids=lambda s: " / ".join(s))
def test_sample_variants_point_to_one_entry(exported, spellings):
    """The variants found in the sample documents point to one register entry each."""
    refs = {form: {e["ref"] for d in exported["documents"] for e in d["entities"] if form in e["forms"]}
            for form in spellings}
    assert all(len(r) == 1 for r in refs.values()), refs
    assert len(set().union(*refs.values())) == 1, refs


def test_csv_has_one_row_per_document(edition, exported, tmp_path):
    out = tmp_path / "edition.csv"
    proc = run("export", edition, "--format", "csv", "--out", out)
    assert proc.returncode == 0, proc.stderr
    rows = list(csv.DictReader(out.open(encoding="utf-8", newline="")))
    docs = {d["id"]: d for d in exported["documents"]}
    assert sorted(r["id"] for r in rows) == sorted(docs)
    for row in rows:
        doc = docs[row["id"]]
        assert row["title"] == doc["title"]
        assert int(row["interventions"]) == sum(doc["interventions"].values())
        assert int(row["mentions"]) == sum(e["count"] for e in doc["entities"])
        assert all(int(row[k]) == doc["interventions"].get(k, 0) for k in INTERVENTION_KINDS)


def test_export_to_stdout(edition):
    proc = run("export", edition / "register.xml", edition / "002_968af83d44314879.xml")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert [d["file"] for d in data["documents"]] == ["002_968af83d44314879.xml"]
    assert "1 documents" in proc.stderr


def test_plain_text_puts_lines_at_breaks_and_list_labels_and_leaves_the_tree_alone():
    """A line per ``lb`` and per labelled list entry; comments print nothing but their tail;
    the document is read, not changed (the export reads it again for names and kinds)."""
    root = etree.fromstring(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><div type="document">'
        '<p>To <persName>A.</persName><lb/>Moscow<!-- note --> city</p>'
        '<note type="distribution"><list><head>Sent to:</head><label>1</label><item>Gromyko'
        '<lb/> (copy)</item><label>2</label><item>file</item></list></note></div></body></text></TEI>')
    before = etree.tostring(root)
    assert plain_text(root) == "To A.\nMoscow city\n\nSent to:\n1Gromyko\n(copy)\n2file"
    assert etree.tostring(root) == before


@pytest.mark.parametrize("damage", [
    lambda d: d["documents"][0].pop("id"),
    lambda d: d["documents"][0]["entities"][0].update(count=0),
    lambda d: d["documents"][0]["interventions"].update(invented=1),
    lambda d: d["documents"][0]["date"].update(when="13 November 1957"),
    lambda d: d["register"]["persons"][0].update(id="P Bad"),
])
def test_schema_rejects_a_broken_export(exported, damage):
    data = copy.deepcopy(exported)
    damage(data)
    with pytest.raises(ExportError, match=r"export does not match export\.schema\.json at (documents|register)/"):
        validate_export(data)


def test_bad_input_is_one_line_and_writes_nothing(edition, tmp_path):
    bad = tmp_path / "tei"
    bad.mkdir()
    (bad / "register.xml").write_bytes((edition / "register.xml").read_bytes())
    (bad / "broken.xml").write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0">\n<text>', encoding="utf-8")
    out = tmp_path / "out.json"
    proc = run("export", bad, "--out", out)
    assert proc.returncode == 1 and not out.exists()
    assert proc.stderr.count("\n") == 1 and "broken.xml:2:" in proc.stderr and "Traceback" not in proc.stderr
    (bad / "broken.xml").write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0">\n<text/></TEI>', encoding="utf-8")
    not_tei = run("export", bad, "--out", out)
    assert not_tei.returncode == 1 and not out.exists()
    assert "broken.xml:1: not a TEI document" in not_tei.stderr and not_tei.stderr.count("\n") == 1
    no_register = run("export", edition / "002_968af83d44314879.xml", "--register", tmp_path / "none.xml")
    assert no_register.returncode == 2 and "none.xml" in no_register.stderr


def test_plain_text_keeps_every_word_and_the_printed_lines(edition, exported):
    """The text is the TEI string value (same words, same order) with lines and blocks apart."""
    docs = {d["file"]: d for d in exported["documents"]}
    for path in sorted(p for p in edition.glob("*.xml") if p.name != "register.xml"):
        body = etree.parse(str(path)).getroot().find("t:text", NS)
        assert docs[path.name]["text"].split() == "".join(body.itertext()).split(), path.name
    seed = docs["002_968af83d44314879.xml"]["text"]
    assert "\n1 Cde. Gromyko\n" in seed and "\n\n" in seed


def test_plain_text_keeps_notes_standing_between_blocks():
    """An orphan footnote (place="bottom", guide §3.3 M) is a block of its own, not dropped."""
    root = etree.fromstring(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><div type="document">'
        '<head type="record">RECORD<lb/>with X</head><p>One.</p>'
        '<note type="authorial" place="bottom">x) An orphan note.</note><p>Two.</p></div></body></text></TEI>')
    assert plain_text(root) == "RECORD\nwith X\n\nOne.\n\nx) An orphan note.\n\nTwo."


@pytest.mark.parametrize("damage", [
    lambda d: d.pop("id"),
    lambda d: d["entities"][0].update(count=0),
    lambda d: d["interventions"].update(invented=1),
    lambda d: d["date"].update(when="13 November 1957"),
    lambda d: d.update(words="many"),
    lambda d: None,
])
def test_fast_and_reference_validators_agree_on_a_document(exported, damage):
    """SchemaCheck runs fastjsonschema and falls back on jsonschema only to explain a
    failure: both must judge every value alike."""
    doc = copy.deepcopy(exported["documents"][0])
    damage(doc)
    check = SchemaCheck()
    reference = jsonschema.Draft202012Validator(check._part_schema("document"))
    if reference.is_valid(doc):
        check.check("document", doc)
    else:
        with pytest.raises(ExportError, match=r"export does not match export\.schema\.json at "):
            check.check("document", doc)


@pytest.mark.parametrize("count", [0, 1, 3])
def test_streamed_json_equals_json_dumps(exported, count):
    data = {**export_head(), "documents": exported["documents"][:count], "register": exported["register"]}
    out = io.StringIO()
    write_json(out, map(document_json, data["documents"]), data["register"])
    assert out.getvalue() == json.dumps(data, ensure_ascii=False, indent=1) + "\n"


@pytest.mark.parametrize("value", [
    {"empty": [], "none": {}, "null": None, "yes": True, "no": False, "half": 1.5, "pair": (1, "x"),
     "escaped": "é\n\u2028\"\\\x01", "deep": [{"x": [1, [2, []]], "y": -3}]},
    [], {}, "just a string",
])
def test_document_json_writes_what_json_dumps_writes(exported, value):
    """document_json has its own indented writer (json's is pure Python): same text as json's."""
    for doc in [*exported["documents"], value]:
        assert document_json(doc) == "  " + json.dumps(doc, ensure_ascii=False, indent=1).replace("\n", "\n  ")
