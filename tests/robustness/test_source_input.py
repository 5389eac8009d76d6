"""Source pages of every kind an editor may feed ``tei-tool convert``: each is either converted
(losslessly, valid) or refused in one line naming the file, never with a traceback or a partial file."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parents[2]
SEED = (ROOT / "seeds" / "002_968af83d44314879.txt").read_text(encoding="utf-8")


def convert(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "toolchain", "convert", *args, "--out", "out"],
                          capture_output=True, text=True, cwd=cwd)


def test_unicode_spaces_and_tabs_are_kept_apart(tmp_path, tei_all):
    text = SEED.replace("Cde. Gromyko", "Cde.\u2009Gromyko\tand\u00a0Cde.\u202fPatolichev")
    (tmp_path / "spaces.txt").write_text(text, encoding="utf-8")
    proc = convert(tmp_path, "spaces.txt")
    assert proc.returncode == 0, proc.stderr
    doc = etree.parse(str(tmp_path / "out" / "spaces.xml"))
    assert tei_all.validate(doc)
    words = " ".join("".join(doc.getroot().itertext()).split())
    assert "Gromyko and" in words.replace("\u00a0", " ")


def test_enormous_file_refused_without_reading_it(tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:  # a sparse 50 MB file: cheap to make, must not be read
        fh.truncate(50 * 1024 * 1024)
    proc = subprocess.run(["/usr/bin/time", "-f", "%M", sys.executable, "-m", "toolchain", "convert",
                           "big.txt", "--out", "out"], capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 1
    assert "big.txt: error: [input] file is 50 MB; source pages above 5 MB are refused" in proc.stderr
    peak_kb = int(proc.stderr.strip().splitlines()[-1])
    assert peak_kb < 200_000  # bounded memory: the file was never loaded
    assert not (tmp_path / "out" / "big.xml").exists()


def test_unbalanced_and_unknown_brackets_kept_and_reported(tmp_path):
    text = SEED.replace("informed [Mao]", "informed [Mao [and ]] stray] here {odd} <b>tag</b>")
    (tmp_path / "brackets.txt").write_text(text, encoding="utf-8")
    proc = convert(tmp_path, "brackets.txt")
    assert proc.returncode == 0, proc.stderr
    assert "warning: [bracket-stray]" in proc.stderr
    xml = (tmp_path / "out" / "brackets.xml").read_text(encoding="utf-8")
    assert '<pc type="stray">]</pc>' in xml
    assert "{odd} &lt;b&gt;tag&lt;/b&gt;" in xml  # markup in a source stays text


def test_odd_file_names_stay_in_the_output_folder(tmp_path):
    name = "Документ 1;rm -rf.txt"
    (tmp_path / name).write_text(SEED, encoding="utf-8")
    proc = convert(tmp_path, name)
    assert proc.returncode == 0, proc.stderr
    outputs = [p.name for p in (tmp_path / "out").iterdir()]
    assert "Документ 1;rm -rf.xml" in outputs
    root = etree.parse(str(tmp_path / "out" / "Документ 1;rm -rf.xml")).getroot()
    assert root.get("{http://www.w3.org/XML/1998/namespace}id") == "d-Документ-1-rm--rf"
