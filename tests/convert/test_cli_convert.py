"""The convert command end to end on the seeds: files written, valid against tei_all."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "toolchain", *args], capture_output=True, text=True,
                          cwd=cwd or ROOT)


def test_convert_seeds_writes_valid_tei(tmp_path, tei_all):
    proc = run("convert", *map(str, SEEDS), "--out", str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    for src in SEEDS:
        out = tmp_path / f"{src.stem}.xml"
        doc = etree.parse(str(out))
        assert tei_all.validate(doc), (out.name, tei_all.error_log)
        assert doc.getroot().get("{http://www.w3.org/XML/1998/namespace}id") == "d-" + src.stem
    assert tei_all.validate(etree.parse(str(tmp_path / "register.xml"))), tei_all.error_log
