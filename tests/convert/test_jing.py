"""The committed edition and every golden TEI checked by jing, a RELAX NG validator no one here wrote."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(shutil.which("jing") is None, reason="jing not installed (scripts/test.sh installs it)")
def test_jing_accepts_edition_and_goldens():
    files = sorted((ROOT / "tei").glob("*.xml")) + sorted((ROOT / "tests" / "golden").glob("*/*.xml"))
    assert len(files) >= 20
    proc = subprocess.run(["jing", str(ROOT / "schema" / "tei_all.rng"), *map(str, files)],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
