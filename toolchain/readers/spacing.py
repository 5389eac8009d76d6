"""Letter-spaced words: ``Comrade H e g e n``, ``H i g h l y c l a s s i f i e d !``.

German and Czech typists emphasised a name or a marking by spacing out its
letters (Sperrsatz), and translations keep it. The source text stays as it is
printed (lossless); the recognisers read a *view* of the text in which each
spaced word is written whole, of the same length, so that every offset found
in the view is an offset of the text.
"""
from __future__ import annotations

import re

#: Three letters or more, each alone between single spaces; spaced words in a row, two spaces
#: or more apart (``W a l t e r  U l b r i c h t``); the wider space a typist often leaves
#: before them (``Hermann   A x e n``).
_LETTERS = r"[^\W\d_](?: [^\W\d_]){2,}(?!\w)"
_SPACED = re.compile(rf"(?P<lead>(?<=\S)[ \u00a0]{{2,}})?(?<!\w){_LETTERS}(?:[ \u00a0]{{2,}}{_LETTERS})*")
_WORD = re.compile(_LETTERS)


def _written_whole(m: re.Match) -> str:
    """A run of spaced words written whole, one space apart, after one space if one led it."""
    return (" " if m.group("lead") else "") + " ".join(
        w.group().replace(" ", "") for w in _WORD.finditer(m.group()))


def collapse(text: str) -> str:
    """``text`` with each letter-spaced word written whole (``Comrade Hegen``)."""
    return _SPACED.sub(_written_whole, text)


class SpacedView:
    """A text and its view: letter-spaced words written whole, one space apart, each run of
    them padded with spaces to its printed length. ``pieces`` pairs each whole word's span
    in the view with its span in the text."""

    def __init__(self, text: str):
        self.pieces: list[tuple[int, int, int, int]] = []
        self.text = text
        spaced = list(_SPACED.finditer(text))
        if not spaced:  # (most runs of a page)
            return
        view = list(text)
        for m in spaced:
            view[m.start():m.end()] = _written_whole(m).ljust(m.end() - m.start())
            at = m.start() + bool(m.group("lead"))
            for w in _WORD.finditer(text, m.start(), m.end()):
                size = (len(w.group()) + 1) // 2
                self.pieces.append((at, at + size, w.start(), w.end()))
                at += size + 1
        self.text = "".join(view)

    def widen(self, start: int, end: int) -> tuple[int, int]:
        """A span found in the view, as a span of the text: it starts at the first letter of
        the spaced word it starts in and ends at the last letter of the word it ends in."""
        new_start, new_end = start, end
        for view_start, view_end, text_start, text_end in self.pieces:
            if view_start <= start < view_end:
                new_start = text_start
            if view_start < end <= view_end:
                new_end = text_end
        return new_start, new_end
