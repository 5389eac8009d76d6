"""Builds shared by the print tests: each volume is laid out once per session.

Editions: "seeds" is a snapshot of tei/ (the converted seeds, refreshed by the
converter while we work, hence the copy), skipped when tei/ holds no TEI yet;
"fixtures" are the hand-written TEI files of tests/print/fixtures.
Page images of the first pages go to tests/_output/print/ for a human to look at.
"""
from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from .pdftext import Pdf, load_docs
from toolchain.publish.pdf import publish_pdf

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).parent / "fixtures"
OUTPUT = ROOT / "tests" / "_output" / "print"
EDITIONS = ["seeds", "fixtures"]


def _source(name: str, tmp: Path) -> Path:
    if name == "fixtures":
        return FIXTURES
    tei = ROOT / "tei"
    files = [p for p in tei.glob("*.xml") if p.name != "register.xml"]
    if not files or not (tei / "register.xml").exists():
        pytest.skip("tei/ holds no converted seeds yet")
    snap = tmp / "tei"
    snap.mkdir()
    for p in files + [tei / "register.xml"]:
        shutil.copy2(p, snap / p.name)
    return snap


@dataclass
class Built:
    """One edition's volume: its documents in volume order and the PDF read back."""

    name: str
    docs: list
    pdf: Pdf
    path: Path


@pytest.fixture(scope="session", params=EDITIONS)
def volume(request, tmp_path_factory) -> Built:
    tmp = tmp_path_factory.mktemp(request.param)
    src = _source(request.param, tmp)
    out = tmp / "volume.pdf"
    publish_pdf([src], volume=out)
    _page_images(out, request.param)
    return Built(request.param, load_docs(src), Pdf(out), out)


def _page_images(pdf: Path, name: str, first_pages: int = 6) -> None:
    """PNG images of the first pages (pdftoppm from poppler-utils) for a look by eye."""
    if shutil.which("pdftoppm") is None:
        return
    OUTPUT.mkdir(parents=True, exist_ok=True)
    for old in OUTPUT.glob(f"{name}-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-r", "80", "-png", "-f", "1", "-l", str(first_pages),
                    str(pdf), str(OUTPUT / name)], check=True)
