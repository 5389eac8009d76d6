"""Golden tests of the converter: every seed and devset page against its expected model and TEI.

Reader and writer are checked apart, as in pandoc: ``<stem>.model.txt`` is the
model dump (a writer change never breaks it), ``<stem>.xml`` the TEI. Each
case is converted alone against the packaged base register, so a case never
depends on the others.

Regenerate after an intended change with ``scripts/test.sh tests/golden --accept``
and review ``git diff tests/golden``.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from toolchain.convert import convert_one
from toolchain.model import dump
from toolchain.readers.wcda_text import read_wcda_text
from toolchain.register import Register

HERE = Path(__file__).resolve().parent
CASES = sorted(p.name for p in HERE.iterdir() if p.is_dir() and not p.name.startswith(("_", ".")))


def _check(path: Path, actual: str, accept: bool) -> None:
    if accept or not path.exists():
        path.write_text(actual, encoding="utf-8")
        if not accept:
            pytest.fail(f"{path.name} did not exist; written now, review it")
        return
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"{path.relative_to(HERE)} differs (rerun with --accept to update)"


@pytest.mark.parametrize("case", CASES)
def test_reader_model(case, tmp_path, accept):
    src = HERE / case / f"{case}.txt"
    record, _ = read_wcda_text(src, Register.load(tmp_path / "register.xml"), display_path=f"{case}.txt")
    _check(HERE / case / f"{case}.model.txt", dump(record.body) + "\n", accept)


@pytest.mark.parametrize("case", CASES)
def test_writer_tei(case, tmp_path, accept, tei_all, project_rng):
    src = HERE / case / f"{case}.txt"
    _, data, _ = convert_one(src, Register.load(tmp_path / "register.xml"), display=f"{case}.txt")
    _check(HERE / case / f"{case}.xml", data.decode("utf-8"), accept)
    doc = etree.fromstring(data)
    assert tei_all.validate(doc.getroottree()), tei_all.error_log
    assert project_rng.validate(doc.getroottree()), project_rng.error_log  # the ODD keeps what we write


def test_every_sample_has_a_golden_case():
    root = HERE.parents[1]
    samples = {p.stem for p in (root / "seeds").glob("*.txt")}
    assert samples <= set(CASES)
    assert len(CASES) >= 15
