"""tei-tool register report: on a hand-made edition with known problems, and on the edition in tei/."""
from __future__ import annotations

import json
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest
from lxml import etree

from tests.register.handmade import write_edition
from toolchain import xmlio
from toolchain.register import Register
from toolchain.register_tools import merge_candidates, merge_entries, register_report

ROOT = Path(__file__).resolve().parents[2]
TEI = "{http://www.tei-c.org/ns/1.0}"


def run(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "toolchain", *map(str, args)], capture_output=True,
                          text=True, cwd=cwd)


def line_of(path: Path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text().splitlines(), 1) if text in line)


def test_report_lists_every_kind_of_problem(tmp_path):
    edition = write_edition(tmp_path / "tei")
    report = register_report([edition])
    doc_a = edition / "doc-a.xml"
    assert [(m.text, m.path, m.line) for m in report.unlinked] == [
        ("Ivan Petrov", str(doc_a), line_of(doc_a, "Ivan Petrov"))]
    assert [(m.ref, m.text) for m in report.unresolved] == [("p-missing", "Nobody Known")]
    assert {c["id"]: c["documents"] for c in report.candidates} == {
        "p-mao": ["doc-a.xml"], "p-gromyco-a": ["doc-b.xml"]}
    merges = {(m.a, m.b): m for m in report.merges}
    assert set(merges) == {("p-mao-zedong", "p-mao"), ("p-gromyko-aa", "p-gromyco-a"),
                           ("org-cpsu-cc", "org-cc-cpsu")}
    assert merges[("org-cpsu-cc", "org-cc-cpsu")].reason == "same words in another order"
    assert merges[("p-mao-zedong", "p-mao")].documents == {"p-mao-zedong": ["doc-a.xml"],
                                                           "p-mao": ["doc-a.xml"]}
    assert "one letter apart" in merges[("p-gromyko-aa", "p-gromyco-a")].reason
    assert [u["id"] for u in report.unused] == ["p-unused-nobody", "org-cpsu-cc", "org-cc-cpsu"]
    assert report.failed


def test_report_cli_text_and_json(tmp_path):
    edition = write_edition(tmp_path / "tei")
    text = run("register", "report", edition)
    assert text.returncode == 1, text.stderr  # a pointer names no entry
    doc_a = edition / "doc-a.xml"
    assert f"{doc_a}:{line_of(doc_a, 'Ivan Petrov')}: person 'Ivan Petrov'" in text.stdout
    assert "p-mao-zedong 'Mao Zedong' / p-mao 'Mao': same family name" in text.stdout
    data = json.loads(run("register", "report", edition, "--format", "json").stdout)
    assert data["documents"] == 2 and data["unused"][0]["id"] == "p-unused-nobody"


def test_report_bad_input_is_one_line(tmp_path):
    edition = write_edition(tmp_path / "tei")
    (edition / "doc-c.xml").write_text("<TEI><text>\n<p>unclosed</text></TEI>", encoding="utf-8")
    proc = run("register", "report", edition)
    assert proc.returncode == 1
    assert proc.stderr.count("\n") == 1 and "doc-c.xml:2:" in proc.stderr and "Traceback" not in proc.stderr
    missing = run("register", "report", tmp_path / "nothing")
    assert missing.returncode == 2 and "no such file or folder" in missing.stderr


@pytest.mark.skipif(not (ROOT / "tei" / "register.xml").exists(), reason="no converted edition in tei/")
def test_every_name_in_tei_resolves_to_the_register():
    """Must-show of issue 5: every persName/orgName/placeName in tei/ points to a register entry."""
    report = register_report([ROOT / "tei"])
    assert report.unresolved == []
    register = etree.parse(str(ROOT / "tei" / "register.xml"))
    ids = set(register.xpath("//@xml:id"))
    names = 0
    for path in sorted((ROOT / "tei").glob("*.xml")):
        if path.name == "register.xml":
            continue
        for el in etree.parse(str(path)).iter(f"{TEI}persName", f"{TEI}orgName", f"{TEI}placeName"):
            names += 1
            ref = el.get("ref", "")
            assert ref.startswith("reg:") and ref[4:] in ids, f"{path.name}:{el.sourceline}: {ref!r}"
    assert names > 100


def test_merge_candidates_scale_to_a_large_register():
    """2,000 persons: compared by shared keys, not pair by pair (which took minutes)."""
    rnd = random.Random(5)
    reg = Register(xmlio.parse_bytes(b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><standOff/></TEI>'))
    syllables = ["po", "dgor", "ka", "tu", "shev", "gro", "my", "ko", "brezh", "nev", "rin", "lov", "zhu"]
    for _ in range(2000):
        family = "".join(rnd.choices(syllables, k=3)).capitalize()
        reg.add_candidate("person", f"{rnd.choice('ABVGDEIKLMN')}. {family}")
    reg.add_candidate("person", "A. Kotushev")
    reg.add_candidate("person", "A. B. Katushev")
    start = time.perf_counter()
    found = merge_candidates(reg, {})
    assert time.perf_counter() - start < 5
    assert ("p-kotushev-a", "p-katushev-ab") in {(m.a, m.b) for m in found}


def test_report_lists_pointers_to_merged_entries(tmp_path):
    """A merge run on some documents only leaves the others pointing to the retired id."""
    edition = write_edition(tmp_path / "tei")
    merge_entries("p-mao-zedong", "p-mao", [edition / "doc-b.xml"])
    report = register_report([edition])
    assert [(m.ref, m.text, Path(m.path).name) for m in report.retired] == [
        ("p-mao", "p-mao-zedong", "doc-a.xml"), ("p-mao", "p-mao-zedong", "doc-a.xml")]
    assert "reg:p-mao (merged into p-mao-zedong)" in report.to_text()
    register_before = (edition / "register.xml").read_bytes()
    again = run("register", "merge", "p-mao-zedong", "p-mao", "--tei", edition)
    assert again.returncode == 0 and "2 pointers repointed in 1 documents" in again.stderr
    assert "register.xml already up to date" in again.stderr
    assert (edition / "register.xml").read_bytes() == register_before
    assert register_report([edition]).retired == []
    other = run("register", "merge", "p-gromyko-aa", "p-mao", "--tei", edition)
    assert other.returncode == 2 and "'p-mao' was already merged into 'p-mao-zedong'" in other.stderr
