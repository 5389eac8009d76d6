"""A small saxonche wrapper: one Saxon processor, each stylesheet compiled once.

Why: compiling an XSLT 3.0 stylesheet costs far more than running it, and
SaxonC wants one processor per process. Every publisher (HTML site, print
edition) gets a ``Transformer`` and calls ``render`` once per page; the
compiled executables are cached by path for the whole run.
"""
from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from toolchain.errors import ToolError


class TransformError(ToolError):
    """A stylesheet failed to compile or stopped on an input (xsl:message terminate)."""


@functools.lru_cache(maxsize=1)
def _processor():
    """The one SaxonC processor of this process (saxonche is imported lazily)."""
    from saxonche import PySaxonProcessor

    return PySaxonProcessor(license=False)


def _saxon_message(exc: Exception) -> str:
    """First meaningful line of a Saxon error (it adds stack traces below)."""
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0].strip()


class Transformer:
    """Compile-once, render-many access to XSLT 3.0 stylesheets."""

    def __init__(self) -> None:
        self._proc = _processor()
        self._compiler = self._proc.new_xslt30_processor()
        self._compiled: dict[Path, Any] = {}

    def compile(self, stylesheet: Path):
        """The compiled executable of ``stylesheet`` (compiled on first use only)."""
        key = Path(stylesheet).resolve()
        if key not in self._compiled:
            try:
                self._compiled[key] = self._compiler.compile_stylesheet(stylesheet_file=str(key))
            except Exception as exc:  # saxonche raises PySaxonApiError, not importable early
                raise TransformError(f"cannot compile stylesheet: {_saxon_message(exc)}",
                                     None) from None
        return self._compiled[key]

    def parse(self, xml: bytes, base_uri: str = "") -> Any:
        """An XDM document node from XML bytes that were already parsed safely by lxml."""
        try:
            return self._proc.parse_xml(xml_text=xml.decode("utf-8"))
        except Exception as exc:
            raise TransformError(f"{base_uri or 'input'}: {_saxon_message(exc)}") from None

    def _value(self, value: Any) -> Any:
        if isinstance(value, bool):
            return self._proc.make_boolean_value(value)
        if isinstance(value, int):
            return self._proc.make_integer_value(value)
        if isinstance(value, str):
            return self._proc.make_string_value(value)
        if isinstance(value, (list, tuple)):  # an XDM array (saxonche builds no sequences)
            return self._proc.make_array([self._value(item) for item in value])
        return value  # already an XDM value (e.g. a node from ``parse``)

    def _executable(self, stylesheet: Path, params: dict[str, Any]):
        executable = self.compile(stylesheet)
        executable.clear_parameters()
        for name, value in params.items():
            executable.set_parameter(name, self._value(value))
        return executable

    def render(self, stylesheet: Path, params: dict[str, Any], source: Any = None) -> str:
        """Run ``stylesheet`` with ``params``: from its initial template, or on ``source``."""
        executable = self._executable(stylesheet, params)
        try:
            if source is None:
                result = executable.call_template_returning_string()
            else:
                result = executable.transform_to_string(xdm_node=source)
        except Exception as exc:
            raise TransformError(f"{Path(stylesheet).name}: {_saxon_message(exc)}") from None
        if result is None:
            raise TransformError(f"{Path(stylesheet).name}: the transformation produced nothing")
        return result

    def render_to_file(self, stylesheet: Path, params: dict[str, Any], target: Path) -> None:
        """Run ``stylesheet`` from its initial template, serialising straight into ``target``
        (a large page then never exists as a string, here or in Saxon)."""
        executable = self._executable(stylesheet, params)
        try:
            executable.call_template_returning_file(output_file=str(target))
        except Exception as exc:
            raise TransformError(f"{Path(stylesheet).name}: {_saxon_message(exc)}") from None

    def render_strings(self, stylesheet: Path, template: str, params: dict[str, Any]) -> list[str]:
        """Call the named ``template`` of ``stylesheet`` and return the strings it returns
        (unserialised: a template that makes many documents in one call serialises them)."""
        executable = self._executable(stylesheet, params)
        executable.set_result_as_raw_value(True)
        try:
            result = executable.call_template_returning_value(template)
        except Exception as exc:
            raise TransformError(f"{Path(stylesheet).name}: {_saxon_message(exc)}") from None
        finally:
            executable.set_result_as_raw_value(False)
        return [result.item_at(i).string_value for i in range(result.size)] if result else []
