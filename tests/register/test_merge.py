"""tei-tool register merge: every pointer repointed, nothing else changed, files still valid."""
from __future__ import annotations

import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree

from tests.register.handmade import write_edition
from toolchain import xmlio
from toolchain.register_tools import merge_entries

ROOT = Path(__file__).resolve().parents[2]
T = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def run(*args):
    return subprocess.run([sys.executable, "-m", "toolchain", *map(str, args)], capture_output=True,
                          text=True, cwd=ROOT)


def pointers(folder: Path) -> dict[str, Counter]:
    """reg: pointers (@ref, @sameAs) of every document, by file name."""
    out = {}
    for path in sorted(folder.glob("*.xml")):
        if path.name != "register.xml":
            tree = etree.parse(str(path))
            out[path.name] = Counter(t for a in ("ref", "sameAs") for v in tree.xpath(f"//@{a}")
                                     for t in v.split() if t.startswith("reg:"))
    return out


@pytest.fixture
def edition(tmp_path) -> Path:
    """A copy of the converted edition in tei/ (seeds), or skip when it is not there."""
    if not (ROOT / "tei" / "register.xml").exists():
        pytest.skip("no converted edition in tei/")
    return Path(shutil.copytree(ROOT / "tei", tmp_path / "tei"))


def test_merge_repoints_every_document_and_keeps_files_valid(edition, tei_all):
    before = pointers(edition)
    total = sum(before.values(), Counter())
    persons = [t[4:] for t, _ in total.most_common() if t.startswith("reg:p-")]
    keep, retire = persons[0], persons[1]  # the two most cited persons: in several documents
    originals = {p.name: p.read_bytes() for p in edition.glob("*.xml")}
    retire_names = etree.parse(str(edition / "register.xml")).xpath(
        f"//*[@xml:id='{retire}']/*/text()")

    proc = run("register", "merge", keep, retire, "--tei", edition)
    assert proc.returncode == 0, proc.stderr
    assert f"merged {retire} into {keep}" in proc.stderr

    after = pointers(edition)
    for name, counts in before.items():
        assert after[name][f"reg:{retire}"] == 0
        assert after[name][f"reg:{keep}"] == counts[f"reg:{keep}"] + counts[f"reg:{retire}"]
        data = (edition / name).read_bytes()
        if not counts[f"reg:{retire}"]:
            assert data == originals[name], f"{name} changed although it never pointed to {retire}"
            continue
        assert not xmlio.is_hand_edited(data), f"{name}: fingerprint not renewed"
        # nothing but the pointers and the fingerprint changed
        strip = lambda b: [l for l in b.splitlines() if xmlio.GENERATED_MARK.encode() not in l]  # noqa: E731
        assert strip(data) == strip(originals[name].replace(f'"reg:{retire}"'.encode(), f'"reg:{keep}"'.encode()))
    for path in edition.glob("*.xml"):
        assert tei_all.validate(etree.parse(str(path))), (path.name, tei_all.error_log)

    register = etree.parse(str(edition / "register.xml"))
    retired = register.xpath(f"//*[@xml:id='{retire}']")[0]
    assert retired.get("sameAs") == f"#{keep}" and len(retired) == 0
    kept_names = register.xpath(f"//*[@xml:id='{keep}']/*/text()")
    assert set(retire_names) <= set(kept_names)


def test_merge_moves_facts_and_follows_earlier_merges(tmp_path):
    edition = write_edition(tmp_path / "tei")
    merge_entries("p-gromyco-a", "p-unused-nobody", [edition])  # an earlier merge into the entry retired next
    result = merge_entries("p-gromyko-aa", "p-gromyco-a", [edition])
    assert result.repointed == {str(edition / "doc-b.xml"): 1}
    reg = etree.parse(str(edition / "register.xml"))
    keep = reg.xpath("//*[@xml:id='p-gromyko-aa']")[0]
    assert [(n.get("type"), n.text) for n in keep.findall(f"{T}persName")] == [
        ("main", "A. A. Gromyko"), ("variant", "A. Gromyco"), ("variant", "Nobody Unused")]
    assert keep.find(f"{T}idno").text == "Q000000" and keep.find(f"{T}occupation") is not None
    assert reg.xpath("//*[@xml:id='p-unused-nobody']/@sameAs") == ["#p-gromyko-aa"]
    doc_b = (edition / "doc-b.xml").read_text()
    assert "reg:p-gromyco-a" not in doc_b and doc_b.count("reg:p-gromyko-aa") == 3


def test_merge_keeps_a_hand_edit_visible(tmp_path, edition):
    """A file edited by hand before the merge must stay 'edited' (convert will not overwrite it)."""
    target = next(p for p in sorted(edition.glob("0*.xml")) if "reg:p-" in p.read_text())
    retire = next(t for t in target.read_text().split('"') if t.startswith("reg:p-"))[4:]
    target.write_text(target.read_text().replace("<body>", "<body><!-- editor's note -->"))
    reg = etree.parse(str(edition / "register.xml"))
    keep = next(i for i in reg.xpath("//*[local-name()='person']/@xml:id") if i != retire)
    merge_entries(keep, retire, [edition])
    data = target.read_bytes()
    assert f"reg:{retire}".encode() not in data and b"<!-- editor's note -->" in data
    assert xmlio.is_hand_edited(data)


@pytest.mark.parametrize("args, message", [
    (("p-mao", "p-nobody"), "no register entry 'p-nobody'"),
    (("p-mao", "p-mao"), "cannot merge 'p-mao' into itself"),
    (("p-mao", "pl-beijing"), "'p-mao' is a person and 'pl-beijing' a place"),
])
def test_merge_refuses_wrong_ids_and_writes_nothing(tmp_path, args, message):
    edition = write_edition(tmp_path / "tei")
    before = {p.name: p.read_bytes() for p in edition.iterdir()}
    proc = run("register", "merge", *args, "--tei", edition)
    assert proc.returncode == 2 and message in proc.stderr and proc.stderr.count("\n") == 1
    assert {p.name: p.read_bytes() for p in edition.iterdir()} == before


def test_merge_with_a_broken_document_writes_nothing(tmp_path):
    edition = write_edition(tmp_path / "tei")
    (edition / "doc-c.xml").write_text('<TEI>\n<p ref="reg:p-mao">x</TEI>', encoding="utf-8")
    before = {p.name: p.read_bytes() for p in edition.iterdir()}
    proc = run("register", "merge", "p-mao-zedong", "p-mao", "--tei", edition)
    assert proc.returncode == 1 and "doc-c.xml:2:" in proc.stderr and "Traceback" not in proc.stderr
    assert {p.name: p.read_bytes() for p in edition.iterdir()} == before
