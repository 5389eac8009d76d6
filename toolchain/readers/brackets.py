"""Bracket parser: the text of a block -> a tree of text runs and brackets.

Translators mark every intervention with square brackets; editors' pages nest
them (``[handwritten: "to file [Archive"]``), double them (``[[5]]``), run them
over several lines (stamps) and glue them to words (``Sik[sic]``). This is a
small stack-based parser, not regex substitution, so nesting, unbalanced and
stray brackets are handled in one place (encoding guide §3.1, §3.4):

* ``[[`` opens a double bracket, closed by ``]]`` (or, failing that, by the
  first single ``]`` - "[[date illegible]");
* a ``]`` with nothing open is a stray bracket, kept as printed;
* brackets still open at the end of the block are closed there and reported.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass
class Run:
    """Plain text between brackets; ``start`` is its offset in the block text."""

    text: str
    start: int


@dataclass
class Bracket:
    """A bracketed span: ``parts`` are its contents, ``start``/``end`` its offsets (end exclusive)."""

    start: int
    double: bool = False
    parts: list["Run | Bracket | StrayBracket"] = field(default_factory=list)
    end: int = -1
    closed: bool = False

    def flat(self) -> str:
        """The content as printed, inner brackets included."""
        out = []
        for p in self.parts:
            if isinstance(p, Run):
                out.append(p.text)
            elif isinstance(p, StrayBracket):
                out.append(p.char)
            else:
                o, c = ("[[", "]]") if p.double else ("[", "]")
                out.append(o + p.flat() + (c if p.closed else ""))
        return "".join(out)


@dataclass
class StrayBracket:
    char: str
    start: int


Part = Run | Bracket | StrayBracket

_BRACKET = re.compile(r"[\[\]]")


def parse_brackets(text: str) -> tuple[list[Part], list[Bracket]]:
    """Parse ``text``; return the top-level parts and the brackets closed by force at the end.

    Jumps from bracket to bracket (``_BRACKET.search``): the text between two
    brackets becomes one ``Run`` without being visited character by character.
    """
    top: list[Part] = []
    stack: list[Bracket] = []
    i, n = 0, len(text)
    while True:
        m = _BRACKET.search(text, i)
        j = m.start() if m else n
        if j > i:
            (stack[-1].parts if stack else top).append(Run(text[i:j], i))
        if m is None:
            break
        if text[j] == "[":
            double = text.startswith("[[", j) and not _closes_single_soon(text, j)
            br = Bracket(start=j, double=double)
            (stack[-1].parts if stack else top).append(br)
            stack.append(br)
            i = j + (2 if double else 1)
        elif not stack:
            top.append(StrayBracket("]", j))
            i = j + 1
        else:
            br = stack.pop()
            width = 2 if br.double and text.startswith("]]", j) else 1
            br.end, br.closed = j + width, True
            i = j + width
    forced = []
    while stack:
        br = stack.pop()
        br.end = n
        forced.append(br)
    return top, forced


def _closes_single_soon(text: str, i: int) -> bool:
    """``[[`` that is really ``[`` + ``[``: the inner bracket closes and the outer goes on.

    ``[[TOP SECRET]]`` and ``[[5]]`` are double. After the first ``]`` the outer
    bracket of ``[[Kim] said ...]`` still finds its own ``]``; that of
    ``[[date illegible]`` does not (on its line), so it is a double closed by one ``]``.
    """
    close = text.find("]", i + 2)
    if close < 0 or text.startswith("]]", close):
        return False
    line_end = text.find("\n", close)
    rest = text[close + 1: line_end if line_end >= 0 else len(text)]
    depth = 1
    for ch in rest:
        depth += (ch == "[") - (ch == "]")
        if depth == 0:
            return True
    return False
