"""Source positions of nodes a validator reported: element index → line and column.

The Schematron runs in Saxon on a copy of the lxml tree, so it reports nodes
by position (the element's 1-based index in document order, and for a text
node which text slot of that element). This module turns that back into the
lxml element and a ``line:col``: the line is lxml's ``sourceline`` (the line
where the start tag closes), the column is where ``<name`` stands on it.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from lxml import etree


@dataclass(frozen=True)
class Position:
    """A 1-based line and column (the column may be unknown)."""

    line: int | None
    col: int | None


class Locator:
    """Positions of the elements of one parsed file; built once per file.

    The element list and the source lines (read from ``source_path`` when no
    ``source`` is given, only for columns) are made on the first question: a
    valid document never asks one.
    """

    def __init__(self, tree: etree._ElementTree, source: str | None = None,
                 source_path: Path | None = None):
        self._tree = tree
        self._source = source
        self._source_path = source_path
        self._cols: dict[int, int | None] = {}

    @functools.cached_property
    def _elements(self) -> list[etree._Element]:
        return list(self._tree.getroot().iter(etree.Element))

    @functools.cached_property
    def _lines(self) -> list[str] | None:
        source = self._source
        if source is None and self._source_path is not None:
            try:  # the tree is what counts; a file that went away just has no columns
                source = self._source_path.read_text(encoding="utf-8", errors="replace")
            except OSError:
                return None
        return source.splitlines() if source is not None else None

    def element(self, index: int) -> etree._Element | None:
        """The element with 1-based document-order ``index`` (as XPath counts elements)."""
        return self._elements[index - 1] if 0 < index <= len(self._elements) else None

    def of_element(self, el: etree._Element) -> Position:
        return Position(el.sourceline, self._column(el))

    def of_text(self, el: etree._Element, slot: int) -> Position:
        """Where the words of text slot ``slot`` of ``el`` start.

        Slot 0 is ``el.text``, slot n the tail of child n-1 (what XPath sees as the text
        node after that child). The line is the one of its first non-blank character.
        """
        if slot <= 0 or slot > len(el):
            start, text = self.of_element(el), el.text or ""
        else:
            child = el[slot - 1]
            body = etree.tostring(child, with_tail=False, encoding="unicode")
            start = Position(child.sourceline + body.count("\n") if child.sourceline else None,
                             None)
            text = child.tail or ""
        lead = text[: len(text) - len(text.lstrip())]
        if start.line is None or "\n" not in lead:
            return start
        return Position(start.line + lead.count("\n"), len(lead) - lead.rfind("\n"))

    def at(self, index: int, slot: int) -> Position:
        """The position for a reported (element index, text slot) pair."""
        el = self.element(index)
        if el is None:
            return Position(None, None)
        return self.of_text(el, slot) if slot >= 0 else self.of_element(el)

    def find(self, line: int, name: str) -> etree._Element | None:
        """The first element called ``name`` (local name) whose start tag closes on ``line``."""
        for el in self._elements:
            if el.sourceline == line and etree.QName(el).localname == name:
                return el
        return None

    def _column(self, el: etree._Element) -> int | None:
        key = id(el)
        if key not in self._cols:
            self._cols[key] = self._compute_column(el)
        return self._cols[key]

    def _compute_column(self, el: etree._Element) -> int | None:
        line = el.sourceline
        if self._lines is None or line is None or line > len(self._lines):
            return None
        qname = etree.QName(el).localname
        if el.prefix:
            qname = f"{el.prefix}:{qname}"
        same = [e for e in self._elements if e.sourceline == line and e.tag == el.tag]
        starts = [m.start() + 1 for m in re.finditer(f"<{re.escape(qname)}(?=[\\s/>]|$)",
                                                     self._lines[line - 1])]
        nth = same.index(el)
        if len(starts) == len(same):
            return starts[nth]
        return starts[-1] if starts else 1  # start tag spread over lines: its closing line
