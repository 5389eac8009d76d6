"""Run schema/tei-tool.sch on lxml trees with saxonche, as located Diagnostics.

The schema is compiled to XSLT 3.0 (``sch2xslt``) and by Saxon once per
process; each document is then one transformation. Saxon gets the root element
of the tree that ``xmlio.parse_xml`` already read safely, serialised without
its DOCTYPE, so it never opens a file, a DTD or the network itself.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree

from toolchain import xmlio
from toolchain.diagnostics import Diagnostic
from toolchain.errors import ToolError
from toolchain.paths import SCHEMA_DIR
from toolchain.validate.locate import Locator
from toolchain.validate.sch2xslt import compile_schematron

PROJECT_SCH = SCHEMA_DIR / "tei-tool.sch"


class SchematronError(ToolError):
    """The Schematron could not be compiled or stopped on a document (a bug of the rules)."""


@functools.lru_cache(maxsize=1)
def _processor():
    """The one SaxonC processor of this process (saxonche imported lazily)."""
    from saxonche import PySaxonProcessor

    return PySaxonProcessor(license=False)


def _first_line(exc: Exception) -> str:
    return (str(exc).strip() or type(exc).__name__).splitlines()[0].strip()


@dataclass(frozen=True)
class Params:
    """Facts about one document that the rules need besides the document."""

    file_stem: str = ""
    is_register: bool = False
    register: Any = None  #: XDM document node of register.xml (see ``Schematron.load``)
    referenced_ids: frozenset[str] | None = None  #: ids used by documents (register only)


class Schematron:
    """Compile-once, run-many access to a Schematron schema."""

    def __init__(self, schema: Path = PROJECT_SCH):
        self._proc = _processor()
        xslt = compile_schematron(xmlio.parse_xml(schema))
        try:
            self._exe = self._proc.new_xslt30_processor().compile_stylesheet(stylesheet_text=xslt)
        except Exception as exc:  # saxonche's PySaxonApiError is not importable before use
            raise SchematronError(f"{schema}: cannot compile: {_first_line(exc)}") from None

    def load(self, tree: etree._ElementTree) -> Any:
        """An XDM document node for ``tree`` (e.g. the register, loaded once per run).

        Only the root element is handed over: a DOCTYPE would make Saxon's parser fetch
        the external DTD, and validation must never touch the network.
        """
        return self._proc.parse_xml(xml_text=etree.tostring(tree.getroot(), encoding="unicode"))

    def _set(self, params: Params) -> None:
        exe, proc = self._exe, self._proc
        exe.clear_parameters()
        exe.set_parameter("file-stem", proc.make_string_value(params.file_stem))
        exe.set_parameter("is-register", proc.make_boolean_value(params.is_register))
        if params.register is not None:
            exe.set_parameter("register", params.register)
        if params.referenced_ids is not None:
            exe.set_parameter("check-register-use", proc.make_boolean_value(True))
            exe.set_parameter("referenced-ids",
                              proc.make_string_value(" ".join(sorted(params.referenced_ids))))

    def run(self, tree: etree._ElementTree, params: Params, path: str = "",
            locator: Locator | None = None) -> list[Diagnostic]:
        """Diagnostics of every failed assert / fired report, in rule order."""
        self._set(params)
        try:
            out = self._exe.transform_to_string(xdm_node=self.load(tree)) or ""
        except Exception as exc:
            raise SchematronError(f"schematron stopped: {_first_line(exc)}") from None
        locator = locator or Locator(tree)
        diags = []
        for line in out.splitlines():
            rule, role, index, slot, message = line.split("\t", 4)
            pos = locator.at(int(index), int(slot))
            diags.append(Diagnostic(role if role in ("error", "warning") else "error", rule,
                                    message, path, pos.line, pos.col))
        return diags
