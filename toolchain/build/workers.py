"""Work done in the build's worker processes, with what each worker compiles once.

Each worker loads the register snapshot and compiles the schemas once (in
``init``) and then handles many documents; nothing here is shared between
processes but the files it reads and writes.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from toolchain import xmlio
from toolchain.diagnostics import Diagnostic
from toolchain.register import Register

if TYPE_CHECKING:
    from toolchain.reading import Reading

_register: Register | None = None
_register_path: Path | None = None
_register_stamp: tuple | None = None
_validator = None


def init(register_path: str | None, validate: bool) -> None:
    """Per-worker set-up: the register (read-only here) and the compiled validator."""
    global _register_path, _register_stamp, _validator
    _register_path = Path(register_path) if register_path else None
    _register_stamp = None
    _load_register()
    if validate:
        from toolchain.validate import Validator

        _validator = Validator(schema="project")


def _load_register() -> None:
    """(Re)load the register when its file changed since this worker last read it: a worker
    serves several batches, between which the main process saves the grown register."""
    global _register, _register_stamp
    if _register_path is None:
        return
    stamp = xmlio.file_stamp(_register_path)
    if stamp != _register_stamp:
        _register, _register_stamp = Register.load(_register_path), stamp


def read(path: str, display: str) -> Reading:
    """Read one source page into a record (no linking: that is sequential, in the main process)."""
    from toolchain.reading import read_page  # the readers: only in a build that converts

    _load_register()
    return read_page(Path(path), _register, display)


def check(target: str) -> tuple[str, list[Diagnostic], str, list[str]]:
    """Validate one TEI file with the worker's compiled schemas; note its date and named entries."""
    from toolchain.publish.site import date_key, named_ids

    diags, tree = _validator.validate_and_parse(Path(target))
    if tree is None:
        return target, diags, "", []
    root = tree.getroot()
    return target, diags, date_key(root), sorted(named_ids(root))
