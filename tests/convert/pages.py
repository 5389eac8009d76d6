"""Reading a small page written by a test (the reader alone, against a fresh base register)."""
from __future__ import annotations

from pathlib import Path

from toolchain.model import Record
from toolchain.readers.wcda_text import read_wcda_text
from toolchain.register import Register


def read_text(tmp_path: Path, page: str) -> Record:
    """The record of ``page`` (the whole text of a source page)."""
    src = tmp_path / "t.txt"
    src.write_text(page, encoding="utf-8")
    return read_wcda_text(src, Register.load(tmp_path / "register.xml"))[0]
