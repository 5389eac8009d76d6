"""The build's JSON and CSV export: made one document at a time from a cache, byte for byte
what ``tei-tool export`` writes, and only the documents whose inputs changed are exported again."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

from lxml import etree

from toolchain.build.pipeline import STATE_DIR, build
from toolchain.export import build_export, to_csv

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted((ROOT / "seeds").glob("*.txt"))[:3]
NS = {"t": "http://www.tei-c.org/ns/1.0", "xml": "http://www.w3.org/XML/1998/namespace"}


def _build(src: Path, out: Path):
    result = build([src], out, out / "tei", jobs=2, publish=("json",))
    assert not result.failed, result.report.to_text()
    return result


def _assert_same_as_export(out: Path) -> None:
    files = sorted(p for p in (out / "tei").glob("*.xml") if p.name != "register.xml")
    data = build_export(files, out / "tei" / "register.xml")
    assert (out / "edition.json").read_text(encoding="utf-8") == json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    assert (out / "edition.csv").read_text(encoding="utf-8") == to_csv(data)


def _cache_times(out: Path) -> dict[str, int]:
    return {p.stem: p.stat().st_mtime_ns for p in (out / STATE_DIR / "export").glob("*.json")
            if not p.name.endswith(".meta.json")}


def test_export_equals_tei_tool_export_and_is_redone_only_where_needed(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for s in SOURCES:
        shutil.copy(s, src / s.name)
    out = tmp_path / "out"
    first_build = _build(src, out)
    assert {"convert: read, link and write", "convert", "validate", "export"} <= set(first_build.stages)
    assert "tei-tool build: convert: read, link and write " in first_build.timings()  # what --timings prints
    _assert_same_as_export(out)
    first = _cache_times(out)
    assert set(first) == {s.stem for s in SOURCES}

    again = _build(src, out)  # nothing changed: nothing exported
    assert again.published == [] and _cache_times(out) == first
    assert "convert: read, link and write" not in again.stages

    # a new main name for an entry that one document names as a participant: that document's
    # export shows the name, so it (and only the documents naming that entry) is exported again
    register = out / "tei" / "register.xml"
    tree = etree.parse(str(register))
    doc = etree.parse(str(out / "tei" / f"{SOURCES[0].stem}.xml"))
    ref = doc.xpath("//t:particDesc//t:person/@sameAs", namespaces=NS)[0].removeprefix("reg:")
    entry = tree.xpath(f"//*[@xml:id='{ref}']", namespaces=NS)[0]
    entry[0].text = "Renamed For The Test"
    tree.write(str(register), encoding="UTF-8", xml_declaration=True)
    _build(src, out)
    _assert_same_as_export(out)
    assert "Renamed For The Test" in (out / "edition.json").read_text(encoding="utf-8")
    redone = {stem for stem, t in _cache_times(out).items() if t != first[stem]}
    naming = {p.stem for p in (out / "tei").glob("*.xml") if f"reg:{ref}" in p.read_text(encoding="utf-8")}
    assert SOURCES[0].stem in redone and redone <= naming < set(first)
