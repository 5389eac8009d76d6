"""``tei-tool convert``: source pages -> TEI files + the updated register.

Per file: read (``readers.wcda_text``) -> link names (``link``) -> write
(``writers.tei``); pages whose reading the new register entries would change
are read again (``reading``). A bad file is reported and the others go on. A TEI file an
editor changed since it was generated is not overwritten (unless ``force``).
Outputs are written atomically and only inside the output folder.
"""
from __future__ import annotations

import traceback
from dataclasses import dataclass, field
from pathlib import Path

from toolchain import __version__, xmlio
from toolchain.diagnostics import Diagnostic, Report
from toolchain.errors import Location, ToolError, UsageError
from toolchain.link import link_record
from toolchain.model import Record
from toolchain.reading import Reading, read_and_link, read_page
from toolchain.readers.wcda_text import read_wcda_text
from toolchain.register import Register
from toolchain.sources import display_path, expand_sources
from toolchain.writers.tei import write_tei

REGISTER_FILE = "register.xml"


@dataclass
class ConvertResult:
    report: Report = field(default_factory=Report)
    written: list[Path] = field(default_factory=list)
    unchanged: int = 0
    failed: int = 0
    internal: bool = False

    def summary(self) -> str:
        return (f"tei-tool convert: {len(self.written)} written, {self.unchanged} unchanged, "
                f"{self.failed} failed, {self.report.warnings} warnings")


def convert_paths(sources: list[Path], out_dir: Path, force: bool = False,
                  unlinked: str = "candidate", encoding: str | None = None) -> ConvertResult:
    """Convert every source; see module docstring."""
    result = ConvertResult()
    files, problems = expand_sources(list(sources))
    result.report.extend(problems)
    result.failed += len(problems)
    if not files and not problems:
        raise UsageError("no .txt sources found in the given paths")
    out_dir = xmlio.check_output_folder(out_dir)
    register = Register.load(out_dir / REGISTER_FILE)

    def read_many(paths: list[Path]) -> list[Reading]:
        readings = (_guarded(result, p, lambda p=p: read_page(p, register, display_path(p), encoding))
                    for p in paths)
        return [r for r in readings if r is not None]

    readings, records, link_diags = read_and_link(files, register, read_many, unlinked)
    for reading in readings.values():
        result.report.extend(reading.diagnostics)
        result.failed += reading.record is None
    result.report.extend(link_diags)
    for record in records.values():
        _guarded(result, Path(record.path), lambda r=record: _write(r, out_dir, force, result))
    if records:
        register.save()
    return result


def convert_one(path: Path, register: Register, display: str | None = None,
                unlinked: str = "candidate") -> tuple[Record, bytes, list[Diagnostic]]:
    """Read, link and write one page against ``register`` (which it may extend)."""
    record, warnings = read_wcda_text(path, register, None, display or display_path(path))
    warnings += link_record(record, register, unlinked)
    return record, write_tei(record, __version__), warnings


def _guarded(result: ConvertResult, path: Path, work):
    """Run one file's step; a problem in it is reported and the run goes on."""
    try:
        return work()
    except ToolError as exc:
        loc = exc.location or Location(str(path))
        result.report.add(Diagnostic("error", "input", exc.message, loc.path, loc.line, loc.col))
    except Exception as exc:  # noqa: BLE001 - a bug must not lose the other files
        result.internal = True
        where = traceback.extract_tb(exc.__traceback__)[-1]
        result.report.add(Diagnostic(
            "error", "internal", f"internal error {type(exc).__name__}: {exc} "
            f"(at {Path(where.filename).name}:{where.lineno}; please report)", str(path)))
    result.failed += 1
    return None


def _write(record: Record, out_dir: Path, force: bool, result: ConvertResult) -> None:
    target = xmlio.confined_path(out_dir, f"{record.stem}.xml")
    data = write_tei(record, __version__)
    if target.exists() and target.read_bytes() == data:
        result.unchanged += 1
        return
    xmlio.check_not_edited(target, force)
    xmlio.atomic_write(target, data)
    result.written.append(target)
