"""Which source pages a command reads, and the path the TEI records for each.

Apart from the converter so that a build with nothing to convert (a no-op rebuild)
selects and hashes its sources without importing the readers.
"""
from __future__ import annotations

from pathlib import Path

from toolchain.diagnostics import Diagnostic


def expand_sources(sources: list[Path]) -> tuple[list[Path], list[Diagnostic]]:
    """Files as given, folders as their ``*.txt`` files (sorted); missing paths reported."""
    files, problems = [], []
    for src in sources:
        if src.is_dir():
            files.extend(sorted(p for p in src.glob("*.txt") if p.is_file()))
        elif src.is_file():
            files.append(src)
        else:
            problems.append(Diagnostic("error", "input-missing", "no such file or folder", str(src)))
    return list(dict.fromkeys(files)), problems


def display_path(path: Path) -> str:
    """The source path as recorded in the TEI: relative to the working folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return path.name
