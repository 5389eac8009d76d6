"""Reading a source page: bytes -> checked, normalised lines with line numbers.

Refuses what is not a text page (empty, binary, not UTF-8, enormous) with a
located ``InputError``; normalises BOM, CRLF/CR and Unicode spaces the way the
encoding guide (§3.3 T) asks, keeping every printed character.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from toolchain.errors import InputError, Location

#: Largest source page accepted. WCDA pages are a few dozen KB.
MAX_SOURCE_BYTES = 5 * 1024 * 1024

_SPACES = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_BLANK = re.compile(rf"^[\s{_SPACES}\u200b\ufeff]*$")
_COLUMN_GAP = re.compile(rf"[ \t{_SPACES}]{{2,}}")
_TRIM = " " + _SPACES
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Line:
    """One printed line: its 1-based number, its text (trimmed) and its first column."""

    no: int
    text: str
    col: int = 1

    @property
    def blank(self) -> bool:
        return not self.text


def decode(data: bytes, path: str, encoding: str | None = None) -> str:
    """Decode a source page, refusing binary and non-UTF-8 input with a located message."""
    if not data.strip():
        raise InputError("empty file: no text to convert", Location(path))
    if b"\x00" in data[:8192]:
        raise InputError("binary file (NUL bytes), not a text page", Location(path))
    if encoding:
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError) as exc:
            raise InputError(f"cannot decode as {encoding}: {exc}", Location(path)) from None
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        raise InputError("UTF-16 text; convert it to UTF-8 or pass --encoding utf-16",
                         Location(path))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InputError(f"not UTF-8 (byte 0x{data[exc.start]:02x}); pass --encoding "
                         "(e.g. cp1252) if you know the encoding", Location(path, line, col)) from None
    bad = _CONTROL.search(text)
    if bad and len(_CONTROL.findall(text)) > 8:
        raise InputError("binary file (control characters), not a text page", Location(path))
    return text


def split_lines(text: str) -> list[Line]:
    """Split into lines (CRLF, CR, LF), trimming each and folding column gaps.

    Lines holding only spaces or no-break spaces become blank lines; a run of
    two or more spaces inside a line (a scraped column gap) becomes one space;
    a single no-break space between words is kept as printed.
    """
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    # Controls and column gaps are replaced in the whole text at once: neither
    # holds a line end, and trimming a line after folding its gaps or before is the same.
    text = _CONTROL.sub(" ", text.replace("\t", " "))
    folded = _COLUMN_GAP.sub(" ", text).split("\n")
    out = []
    for no, raw in enumerate(text.split("\n"), start=1):
        if _BLANK.match(raw):
            out.append(Line(no, ""))
            continue
        col = len(raw) - len(raw.lstrip(_TRIM)) + 1
        out.append(Line(no, folded[no - 1].strip(_TRIM), col))
    return out


def read_source(path: Path, encoding: str | None = None) -> list[Line]:
    """Read and split a source page (an oversized file is refused before it is read)."""
    try:
        size = path.stat().st_size
        if size > MAX_SOURCE_BYTES:
            raise InputError(f"file is {size // (1024 * 1024)} MB; source pages above "
                             f"{MAX_SOURCE_BYTES // (1024 * 1024)} MB are refused", Location(str(path)))
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", Location(str(path))) from None
    return split_lines(decode(data, str(path), encoding))
