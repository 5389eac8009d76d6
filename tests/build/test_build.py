"""``tei-tool build``: parallel equals sequential, incremental equals clean, no-op does nothing,
one build per output folder, and a killed build leaves only whole files behind."""
from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from lxml import etree

from toolchain.build.pipeline import STATE_DIR, build

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted((ROOT / "seeds").glob("*.txt"))[:3]
PUBLISH = ("html",)


def outputs(folder: Path) -> dict[str, bytes]:
    """Every output file (not the build's own state) by relative path."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and STATE_DIR not in p.parts}


def make(tmp: Path, name: str, jobs: int = 1, sources: Path | None = None):
    out = tmp / name
    src = sources or tmp / "src"
    if not src.exists():
        src.mkdir()
        for s in SOURCES:
            shutil.copy(s, src / s.name)
    return build([src], out, out / "tei", jobs=jobs, publish=PUBLISH), out


def test_parallel_build_equals_sequential(tmp_path):
    seq, out1 = make(tmp_path, "seq", jobs=1)
    par, out2 = make(tmp_path, "par", jobs=2)
    assert not seq.failed and not par.failed, seq.report.to_text()
    assert outputs(out1) == outputs(out2)
    assert len([n for n in outputs(out1) if n.count("/") == 1 and n.endswith(".html")]) == 3 + 3
    register = (out1 / "html" / "register.html").read_text(encoding="utf-8")
    entries = sorted(n.removeprefix("html/") for n in outputs(out1) if n.startswith("html/register/"))
    assert entries and entries == sorted(set(re.findall(r'href="(register/[^"#]+)"', register)))


def test_noop_rebuild_does_nothing(tmp_path):
    make(tmp_path, "out")
    before = outputs(tmp_path / "out")
    again, _ = make(tmp_path, "out")
    assert (again.converted, again.validated, again.published) == (0, 0, [])
    assert outputs(tmp_path / "out") == before


def _same_as_clean(tmp_path: Path, out: Path, sources: Path) -> None:
    clean = tmp_path / "clean"
    shutil.copytree(out / "tei", clean / "tei")  # the edition folder is the input of a clean build
    result = build([sources], clean, clean / "tei", jobs=1, publish=PUBLISH)
    assert not result.failed, result.report.to_text()
    assert outputs(out) == outputs(clean)


def test_source_change_rebuilds_only_that_document(tmp_path):
    make(tmp_path, "out")
    src = tmp_path / "src" / SOURCES[1].name
    src.write_text(src.read_text(encoding="utf-8").replace("Kim Il Sung", "Kim Il-sung", 1), encoding="utf-8")
    again, out = make(tmp_path, "out")
    assert again.converted == 1 and again.validated >= 1
    page = (out / "html" / f"{SOURCES[1].stem}.html").read_text(encoding="utf-8")
    assert "Kim Il-sung" in page
    _same_as_clean(tmp_path, out, tmp_path / "src")


def test_hand_edited_tei_is_kept_and_published(tmp_path):
    _, out = make(tmp_path, "out")
    tei = out / "tei" / f"{SOURCES[0].stem}.xml"
    tei.write_text(tei.read_text(encoding="utf-8").replace("Cde. ", "Comrade ", 1), encoding="utf-8")
    again, _ = make(tmp_path, "out")
    assert again.converted == 0
    assert any(d.rule == "tei-edited" for d in again.report.items)
    assert "Comrade " in tei.read_text(encoding="utf-8")
    _same_as_clean(tmp_path, out, tmp_path / "src")


def test_register_change_rerenders_the_register_page(tmp_path):
    _, out = make(tmp_path, "out")
    register = out / "tei" / "register.xml"
    tree = etree.parse(str(register))
    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    entry = tree.find(".//t:person[@xml:id='p-kim-il-sung']", {**ns, "xml": "http://www.w3.org/XML/1998/namespace"})
    etree.SubElement(entry, "{http://www.tei-c.org/ns/1.0}persName", type="variant").text = "Kim Ir Sen"
    tree.write(str(register), encoding="UTF-8", xml_declaration=True)
    again, _ = make(tmp_path, "out")
    # a new spelling changes no pointer's target: nothing to validate, and the document pages
    # (which link names by id) stay; the register page shows it (and equals a clean build below)
    assert again.converted == 0 and again.validated == 0
    assert again.published == ["html (0 pages, 1 entry pages)"]  # the page of that entry
    assert "Kim Ir Sen" in (out / "html" / "register.html").read_text(encoding="utf-8")
    assert "Kim Ir Sen" in (out / "html" / "register" / "p-kim-il-sung.html").read_text(encoding="utf-8")
    _same_as_clean(tmp_path, out, tmp_path / "src")


def test_stylesheet_change_rerenders_every_page(tmp_path, monkeypatch):
    _, out = make(tmp_path, "out")
    from toolchain.build import pipeline

    real = pipeline.fingerprints
    monkeypatch.setattr(pipeline, "fingerprints", lambda: {**real(), "html": "edited stylesheets"})
    again, _ = make(tmp_path, "out")
    assert again.converted == 0 and again.validated == 0
    assert again.published == [f"html (3 pages, {len(list((out / 'html' / 'register').glob('*.html')))} entry pages)"]
    _same_as_clean(tmp_path, out, tmp_path / "src")


def test_second_build_of_the_same_folder_is_refused(tmp_path):
    out = tmp_path / "out"
    (out / STATE_DIR).mkdir(parents=True)
    import fcntl

    with open(out / STATE_DIR / "lock", "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        proc = subprocess.run([sys.executable, "-m", "toolchain", "build", str(SOURCES[0]), "--out", str(out),
                               "--tei", str(out / "tei"), "--no-pdf"], capture_output=True, text=True)
    assert proc.returncode == 1
    assert "another tei-tool build is writing this folder" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_no_pdf_and_no_json_skip_those_outputs_until_asked_for(tmp_path):
    out = tmp_path / "out"
    args = [sys.executable, "-m", "toolchain", "build", str(SOURCES[0]), "--out", str(out),
            "--tei", str(out / "tei"), "--no-pdf"]
    skipped = subprocess.run(args + ["--no-json"], capture_output=True, text=True)
    assert skipped.returncode == 0, skipped.stderr
    assert (out / "html" / "index.html").is_file()
    assert not (out / "edition.json").exists() and not (out / "edition.pdf").exists()
    assert "json" not in skipped.stderr.splitlines()[-1]
    asked = subprocess.run(args, capture_output=True, text=True)
    assert asked.returncode == 0, asked.stderr
    assert (out / "edition.json").is_file() and (out / "edition.csv").is_file()
    assert "0 converted, 0 validated, json;" in asked.stderr  # the export only: nothing else changed


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL])
def test_killed_build_leaves_whole_files_and_the_next_build_completes(tmp_path, sig, tei_all):
    src = tmp_path / "src"
    src.mkdir()
    for i, s in enumerate(sorted((ROOT / "tests" / "golden").glob("*/*.txt"))):
        if not s.name.endswith(".model.txt"):
            shutil.copy(s, src / f"k{i:02d}_{s.name}")
    out = tmp_path / "out"
    args = [sys.executable, "-m", "toolchain", "build", str(src), "--out", str(out), "--tei",
            str(out / "tei"), "--no-pdf", "--jobs", "2"]
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.time() + 60
    while time.time() < deadline and not list((out / "tei").glob("*.xml")):
        time.sleep(0.05)
    os.killpg(proc.pid, sig)
    proc.wait(timeout=60)
    for xml in (out / "tei").glob("*.xml"):  # every TEI file there is whole and valid
        assert tei_all.validate(etree.parse(str(xml))), xml
    for page in (out / "html").glob("*.html") if (out / "html").exists() else []:
        assert page.read_text(encoding="utf-8").rstrip().endswith("</html>"), page
    done = subprocess.run(args, capture_output=True, text=True)
    assert "Traceback" not in done.stderr
    assert not list(out.rglob(".*.tmp"))
    assert (out / "html" / "index.html").exists()
    assert "tei-tool build:" in done.stderr


def _middle(out: Path) -> Path:
    """The TEI file of the document whose page links both a previous and a next one."""
    for page in sorted((out / "html").glob("*.html")):
        text = page.read_text(encoding="utf-8")
        if 'rel="prev"' in text and 'rel="next"' in text:
            return out / "tei" / f"{page.stem}.xml"
    raise AssertionError("no document has two neighbours")


def test_a_text_change_remakes_that_page_and_a_title_change_its_neighbours_too(tmp_path):
    """A page shows of the documents next to it only their date and title: editing the text of
    a document makes its page only; editing its title makes its neighbours' pages too."""
    _, out = make(tmp_path, "out")
    tei = _middle(out)
    text = tei.read_text(encoding="utf-8")
    body = text.index("<body>")
    tei.write_text(text[:body] + text[body:].replace("<p>", "<p>Newly added words. ", 1), encoding="utf-8")
    again, _ = make(tmp_path, "out")
    assert again.published[0].startswith("html (1 pages, ")
    assert "Newly added words." in (out / "html" / f"{tei.stem}.html").read_text(encoding="utf-8")
    _same_as_clean(tmp_path, out, tmp_path / "src")
    shutil.rmtree(tmp_path / "clean")
    text = tei.read_text(encoding="utf-8")
    title = re.search(r'<title type="main">([^<]*)</title>', text).group(1)
    tei.write_text(text.replace(title, "A renamed record", 1), encoding="utf-8")
    again, _ = make(tmp_path, "out")
    assert again.published[0].startswith("html (3 pages, ")
    neighbours = [p for p in (out / "html").glob("*.html")
                  if p.stem != tei.stem and "A renamed record" in p.read_text(encoding="utf-8")]
    assert {p.name for p in neighbours} >= {"index.html"} and len(neighbours) >= 3  # index + 2 pages
    _same_as_clean(tmp_path, out, tmp_path / "src")
