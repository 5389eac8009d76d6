"""``tei-tool pdf``: per-document PDFs, and bad input reported in one line with nothing written."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest

from .pdftext import flat, load_docs, tokens, contains_run

FIXTURES = Path(__file__).parent / "fixtures"


def pdf_cmd(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "toolchain", "pdf", *args],
                          capture_output=True, text=True, cwd=cwd)


def test_per_document_pdfs_are_named_by_stem(tmp_path):
    out = tmp_path / "site"
    proc = pdf_cmd(str(FIXTURES), "--per-document", str(out), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    docs = load_docs(FIXTURES)
    assert sorted(p.name for p in out.iterdir()) == sorted(d.path.stem + ".pdf" for d in docs)
    for doc in docs:
        reader = pypdf.PdfReader(str(out / (doc.path.stem + ".pdf")))
        pages = [flat(p.extract_text()) for p in reader.pages]
        assert reader.metadata.title == doc.title
        assert contains_run(tokens(pages[0]), tokens(doc.title))
        assert not re.search(r"\bDocument \d", pages[0], re.I)   # no volume numbering
        assert all(f"{doc.date} · " in p for p in pages[:-1])     # running head on text pages
        assert pages[-1].startswith("Source ") and doc.title in pages[-1]


BAD = {
    "broken.xml": (b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader>\n', r":\d+:\d+: not well-formed XML"),
    "html.xml": (b"<html><body/></html>", r":1:1: root element is <html>, not a TEI document"),
    "entity.xml": (b'<!DOCTYPE TEI [<!ENTITY a "aaaa">]><TEI/>', r":1:1: DOCTYPE with an internal subset"),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_tei_one_line_exit_1_nothing_written(name, tmp_path):
    data, pattern = BAD[name]
    src = tmp_path / "in"
    shutil.copytree(FIXTURES, src)
    (src / name).write_bytes(data)
    out = tmp_path / "volume.pdf"
    out.write_bytes(b"previous volume")
    proc = pdf_cmd(str(src), "--out", str(out), "--per-document", str(tmp_path / "per"), cwd=tmp_path)
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert re.search(re.escape(str(src / name)) + pattern, lines[0]), lines[0]
    assert out.read_bytes() == b"previous volume"                # not clobbered, not half-written
    assert not (tmp_path / "per").exists()


@pytest.mark.parametrize("args, message", [
    ([str(FIXTURES)], "--out FILE.pdf and/or --per-document DIR"),
    (["missing-folder", "--out", "v.pdf"], "missing-folder: no such file or folder"),
])
def test_usage_errors_exit_2(args, message, tmp_path):
    proc = pdf_cmd(*args, cwd=tmp_path)
    assert proc.returncode == 2 and message in proc.stderr, proc.stderr
    assert not list(tmp_path.iterdir())


def test_without_register_the_index_uses_printed_names(tmp_path):
    shutil.copy2(FIXTURES / "f02_note.xml", tmp_path / "f02_note.xml")
    out = tmp_path / "v.pdf"
    proc = pdf_cmd(str(tmp_path / "f02_note.xml"), "--out", str(out), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "warning: [pdf-register]" in proc.stderr
    text = "\n".join(p.extract_text() for p in pypdf.PdfReader(str(out)).pages)
    assert re.search(r"Nam Il \d", text) and re.search(r"Kim Il Sung \d", text)
