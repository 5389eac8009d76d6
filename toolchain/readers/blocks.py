"""A record's text as blocks of lines, and the shapes every part of the reader asks about.

A line is a block, unless a bracket opened on it carries on over the short lines
of a header or stamp. Whether a block is running prose (the record's text) or a
header, list or signature line is what cuts a page into its parts (``body``,
``foot``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from toolchain.model import Span
from toolchain.readers.inline import MARKER
from toolchain.readers.lexicon import script_language
from toolchain.readers.source import Line
from toolchain.readers.spacing import collapse

_HEADER_LABEL = re.compile(r"^(To|From|Date|Destination|Subject|Re|Copy|Sent|Received|Issuing|"
                           r"To Whom|Addressee|Place)\b[^:]{0,12}:", re.I)
#: The first line of a record's heading (``RECORD OF CONVERSATION``, ``Ciphered telegram``).
HEAD_START = re.compile(r"^(the\s+)?(record of (a )?conversation|memorandum of (a )?conversation|"
                        r"journal\b|ciphered telegram|telegram\b|minutes\b|transcript\b|report\b|"
                        r"information\b|note\b|letter\b)", re.I)
#: A footnote's text: its marker (``1)``, ``*``, ``[1]``, an editor's ``[i]``) and the note.
FOOTNOTE = re.compile(rf"^(?P<m>{MARKER}|\[(?:\d{{1,3}}|[ivx]{{1,4}})\])\s+(?P<rest>\S.*)$", re.S)
#: A line longer than this is running prose, never part of a multi-line header bracket.
PROSE_CHARS = 120


@dataclass
class TextBlock:
    """Printed lines read together: one line, or a bracket's lines (``[Stamp: ... ]``)."""

    lines: list[Line]

    @cached_property
    def text(self) -> str:
        """The lines joined by spaces (asked for many times: joined once)."""
        return " ".join(ln.text for ln in self.lines)


def group_blocks(lines: list[Line]) -> list[TextBlock]:
    """One block per line, except that an open bracket carries on over short lines."""
    out: list[TextBlock] = []
    nonblank = [ln for ln in lines if not ln.blank]
    i = 0
    while i < len(nonblank):
        ln = nonblank[i]
        depth = _depth(ln.text)
        block = [ln]
        if depth > 0:
            j, d = i + 1, depth
            while j < len(nonblank) and len(nonblank[j].text) <= PROSE_CHARS * 2 and j - i <= 8:
                if len(nonblank[j].text) > PROSE_CHARS and d > 0 and _depth(nonblank[j].text) >= 0:
                    break
                d += _depth(nonblank[j].text)
                if d <= 0:
                    block = nonblank[i:j + 1]
                    break
                j += 1
        out.append(TextBlock(block))
        i += len(block)
    return out


def _depth(text: str) -> int:
    return text.count("[") - text.count("]")


def is_prose_block(block: TextBlock) -> bool:
    """A block of running prose: one of its printed lines reads as prose."""
    return any(is_prose(ln.text) for ln in block.lines)


def is_prose(text: str) -> bool:
    """A line of running prose (the record's text), as opposed to a header line."""
    if _HEADER_LABEL.match(text):
        return False
    words = collapse(text).split()  # (H i g h l y c l a s s i f i e d !: two words)
    lower = sum(1 for w in words if w[:1].islower())
    if len(words) >= 14:
        return True
    if len(text) >= 20 and script_language(text) in ("zh", "ja", "ko"):  # no spaces between words
        return True
    return len(words) >= 4 and lower >= 2 and lower * 3 >= len(words) and text.rstrip()[-1:] in ".!?\"”’"



def span_of(blocks: list[TextBlock]) -> Span:
    """Where ``blocks`` start in the source (the model's position of what they make)."""
    ln = blocks[0].lines[0]
    return Span(ln.no, ln.col)