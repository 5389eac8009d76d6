"""Block text with source positions: join lines, map offsets back to line:col."""
from __future__ import annotations

import bisect
from dataclasses import dataclass

from toolchain.model import Span
from toolchain.readers.source import Line


@dataclass
class BlockText:
    """The text of one block (lines joined by newlines) and where each line starts."""

    text: str
    starts: list[int]
    lines: list[Line]

    @classmethod
    def of(cls, lines: list[Line]) -> "BlockText":
        starts, pos, parts = [], 0, []
        for ln in lines:
            starts.append(pos)
            parts.append(ln.text)
            pos += len(ln.text) + 1
        return cls("\n".join(parts), starts, lines)

    def span(self, offset: int) -> Span:
        """Line and column of a character offset in ``text``."""
        if not self.lines:
            return Span(1, 1)
        i = max(0, bisect.bisect_right(self.starts, offset) - 1)
        ln = self.lines[i]
        return Span(ln.no, ln.col + offset - self.starts[i])
