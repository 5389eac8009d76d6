"""Bad input for ``tei-tool convert``: one clear line naming the file, exit 1, no traceback,
no partial output; good files in the same run are still converted."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "002_968af83d44314879.txt"


def convert(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "toolchain", "convert", *args], capture_output=True,
                          text=True, cwd=cwd)


BAD = {
    "empty.txt": (b"", "empty file"),
    "blank.txt": (b" \n\n\t\n", "empty file"),
    "binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file"),
    "latin1.txt": ("May 14, 1950\nA title\nCaf\u00e9 cr\u00e8me was served to the delegation."
                   .encode("latin-1"), "not UTF-8"),
    "nodoc.txt": (b"Skip to content\nSearch in\nhello\n", "no recognisable document"),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_file_is_reported_in_one_line(name, tmp_path):
    data, message = BAD[name]
    src = tmp_path / name
    src.write_bytes(data)
    out = tmp_path / "out"
    proc = convert(str(src), "--out", str(out), cwd=tmp_path)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    problem = [ln for ln in proc.stderr.splitlines() if ": error: " in ln]
    assert len(problem) == 1 and problem[0].startswith(str(src)) and message in problem[0], proc.stderr
    assert not (out / f"{src.stem}.xml").exists()
    assert not list(out.glob(".*.tmp")) if out.exists() else True


def test_non_utf8_error_points_at_the_byte(tmp_path):
    src = tmp_path / "latin1.txt"
    src.write_bytes(BAD["latin1.txt"][0])
    proc = convert(str(src), "--out", str(tmp_path / "out"), cwd=tmp_path)
    assert f"{src}:3:4: error:" in proc.stderr


def test_bad_file_does_not_stop_the_others(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    proc = convert(str(tmp_path / "empty.txt"), str(SEED), "--out", str(tmp_path / "out"), cwd=tmp_path)
    assert proc.returncode == 1
    assert (tmp_path / "out" / f"{SEED.stem}.xml").exists()
    assert "1 written, 0 unchanged, 1 failed" in proc.stderr


def test_encoding_option_decodes_legacy_text(tmp_path):
    src = tmp_path / "latin1.txt"
    src.write_bytes(BAD["latin1.txt"][0])
    proc = convert(str(src), "--out", str(tmp_path / "out"), "--encoding", "latin-1", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "Café crème" in (tmp_path / "out" / "latin1.xml").read_text(encoding="utf-8")


def test_bom_and_crlf_give_the_same_tei(tmp_path):
    text = SEED.read_bytes()
    outputs = []
    for variant, data in (("lf", text), ("crlf", b"\xef\xbb\xbf" + text.replace(b"\n", b"\r\n")),
                          ("cr", text.replace(b"\n", b"\r"))):
        folder = tmp_path / variant
        folder.mkdir()
        (folder / SEED.name).write_bytes(data)
        proc = convert(SEED.name, "--out", "out", cwd=folder)
        assert proc.returncode == 0, proc.stderr
        outputs.append((folder / "out" / f"{SEED.stem}.xml").read_bytes())
    assert outputs[0] == outputs[1] == outputs[2]


def test_missing_path_is_reported(tmp_path):
    proc = convert(str(tmp_path / "nope.txt"), "--out", str(tmp_path / "out"), cwd=tmp_path)
    assert proc.returncode == 1
    assert "nope.txt: error: [input-missing] no such file or folder" in proc.stderr


def test_hand_edited_tei_is_not_overwritten(tmp_path):
    out = tmp_path / "out"
    assert convert(str(SEED), "--out", str(out), cwd=tmp_path).returncode == 0
    target = out / f"{SEED.stem}.xml"
    edited = target.read_text(encoding="utf-8").replace("Gromyko", "Gromyko (edited)")
    target.write_text(edited, encoding="utf-8")
    proc = convert(str(SEED), "--out", str(out), cwd=tmp_path)
    assert proc.returncode == 1
    assert "edited by hand" in proc.stderr and str(target) in proc.stderr
    assert target.read_text(encoding="utf-8") == edited
    proc = convert(str(SEED), "--out", str(out), "--force", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "(edited)" not in target.read_text(encoding="utf-8")
    assert (out / f"{SEED.stem}.xml.bak").read_text(encoding="utf-8") == edited
