"""Validate TEI files: RELAX NG (project or tei_all) plus, for the project, Schematron.

``Validator`` compiles its schemas once and is then called once per file
(``validate_and_parse`` also returns the parsed tree, so a caller that reads the
document too parses it once); the build pipeline can keep one per worker process
(it pickles as its settings and compiles again when unpickled: ~0.3 s for the
project schema). Registers are read once and read again only when their file
changes. ``validate_paths`` is what ``tei-tool validate`` runs: files and
folders, register.xml validated as the register, one bad file never stopping
the others.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from lxml import etree

from toolchain import xmlio
from toolchain.diagnostics import Diagnostic, Report
from toolchain.errors import InputError
from toolchain.paths import REGISTER_NAME
from toolchain.validate.locate import Locator
from toolchain.validate.rng import RelaxNG
from toolchain.validate.schematron import Params, Schematron, SchematronError

WELL_FORMED = "well-formed"
UNREADABLE = "unreadable"
#: libxml2 refuses a repeated xml:id while parsing; that is the guide's rule id-unique.
_DUPLICATE_ID_RE = re.compile(r"ID \S+ already defined")
_REG_RE = re.compile(r"(?:^|\s)reg:([A-Za-z0-9_.\-]+)")


class Validator:
    """Compiled schemas plus the registers met so far; ``validate_file`` per document."""

    def __init__(self, schema: str = "project", register: str | Path | None = None):
        self.schema = schema
        self.register = Path(register) if register else None
        self._rng = RelaxNG(schema)
        self._sch = Schematron() if schema == "project" else None
        self._registers: dict[Path, tuple[tuple, object]] = {}
        self._used: dict[Path, tuple[tuple, frozenset[str]]] = {}
        self._resolved: dict[Path, Path] = {}

    def __getstate__(self) -> dict:
        return {"schema": self.schema, "register": self.register}

    def __setstate__(self, state: dict) -> None:
        self.__init__(**state)

    def validate_file(self, path: str | Path) -> list[Diagnostic]:
        """Diagnostics for one file; a malformed or unreadable file gives one error."""
        return self.validate_and_parse(path)[0]

    def validate_and_parse(self, path: str | Path
                           ) -> tuple[list[Diagnostic], etree._ElementTree | None]:
        """``validate_file``'s diagnostics and the tree it parsed (None when the file is
        unreadable or malformed), for a caller that reads the document too (the build takes
        its date and named entries): one parse instead of two. Validation leaves the tree
        as parsed."""
        path = Path(path)
        try:
            tree = xmlio.parse_xml(path)
        except InputError as exc:
            loc = exc.location
            rule = (UNREADABLE if exc.message.startswith("cannot read")
                    else "id-unique" if _DUPLICATE_ID_RE.search(exc.message) else WELL_FORMED)
            return [Diagnostic("error", rule, exc.message, str(path),
                               loc.line if loc else None, loc.col if loc else None)], None
        return self._validate(tree, path, Locator(tree, source_path=path)), tree

    def validate_tree(self, tree: etree._ElementTree, path: str | Path,
                      source: str | None = None) -> list[Diagnostic]:
        """Diagnostics for a parsed tree; ``path`` names the file (its stem, its register)."""
        return self._validate(tree, Path(path), Locator(tree, source))

    def _validate(self, tree: etree._ElementTree, path: Path,
                  locator: Locator) -> list[Diagnostic]:
        diags = self._rng.run(tree, str(path), locator)
        if self._sch is not None:
            try:
                diags += self._sch.run(tree, self._params(path), str(path), locator)
            except SchematronError as exc:  # a rule that cannot cope: this file only
                diags.append(Diagnostic("error", "schematron", exc.message, str(path)))
        return diags

    def _register_path(self, path: Path) -> Path:
        return self.register or path.parent / REGISTER_NAME

    def _params(self, path: Path) -> Params:
        is_register = path.name == REGISTER_NAME
        reg_path = self._resolve(path if is_register else self._register_path(path))
        return Params(file_stem=path.stem, is_register=is_register,
                      register=self._load_register(reg_path),
                      referenced_ids=self._referenced(path.parent) if is_register else None)

    def _resolve(self, path: Path) -> Path:
        """``path.resolve()``, once per register path (a realpath costs an lstat per path part)."""
        resolved = self._resolved.get(path)
        if resolved is None:
            resolved = self._resolved[path] = path.resolve()
        return resolved

    def _load_register(self, path: Path):
        """The register as an XDM document, or None when it is missing or unusable."""
        stamp = _stamp([path])
        cached = self._registers.get(path)
        if cached is None or cached[0] != stamp:
            try:
                doc = self._sch.load(xmlio.parse_xml(path))
            except InputError:
                doc = None
            self._registers[path] = cached = (stamp, doc)
        return cached[1]

    def _referenced(self, folder: Path) -> frozenset[str]:
        """Register ids the documents of ``folder`` point to (for ``register-unused``)."""
        folder = folder.resolve()
        docs = [d for d in sorted(folder.glob("*.xml")) if d.name != REGISTER_NAME]
        stamp = _stamp(docs)
        cached = self._used.get(folder)
        if cached is None or cached[0] != stamp:
            used: set[str] = set()
            for doc in docs:
                try:
                    tree = xmlio.parse_xml(doc)
                except InputError:
                    continue
                for el in tree.iter(etree.Element):
                    for value in el.attrib.values():
                        used.update(_REG_RE.findall(value))
            self._used[folder] = cached = (stamp, frozenset(used))
        return cached[1]


def _stamp(paths: list[Path]) -> tuple:
    """What changes when one of ``paths`` is written, added or removed."""
    out = []
    for p in paths:
        try:
            out.append((str(p), xmlio.file_stamp(p)))
        except OSError:
            out.append((str(p), None))
    return tuple(out)


@dataclass
class Result:
    """Diagnostics of a run, the files validated and whether some input was unreadable."""

    report: Report = field(default_factory=Report)
    files: list[Path] = field(default_factory=list)
    unreadable: bool = False


def collect(paths: Iterable[str | Path], result: Result) -> list[Path]:
    """The XML files named by ``paths`` (folders searched recursively, hidden files skipped)."""
    files: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            files.extend(f for f in sorted(p.rglob("*.xml"))
                         if not any(part.startswith(".") for part in f.relative_to(p).parts))
        elif p.is_file():
            files.append(p)
        else:
            result.unreadable = True
            result.report.add(Diagnostic("error", UNREADABLE, "no such file or folder", str(p)))
    return files


def validate_paths(paths: Iterable[str | Path], schema: str = "project",
                   register: str | Path | None = None) -> Result:
    """Validate every file under ``paths``; schemas are compiled once for the whole run."""
    result = Result()
    files = collect(paths, result)
    if register is not None and not Path(register).is_file():
        result.unreadable = True
        result.report.add(Diagnostic("error", UNREADABLE, "register not found", str(register)))
        return result
    if not files:
        return result
    validator = Validator(schema, register)
    for path in files:
        diags = validator.validate_file(path)
        if any(d.rule == UNREADABLE for d in diags):
            result.unreadable = True
        result.report.extend(diags)
        result.files.append(path)
    return result
