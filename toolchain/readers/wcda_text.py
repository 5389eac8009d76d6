"""Reader for WCDA page text: a ``.txt`` page -> ``model.Record``.

Steps: decode and split lines (``source``), cut the page into zones
(``page``), read the header facts (``meta``), read the record's blocks
(``body`` with ``inline``), then tie footnote calls to their notes and find
the participants. The reader builds no XML.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Protocol

from toolchain.diagnostics import Diagnostic
from toolchain.errors import Location, NoDocumentError
from toolchain.model import (Foreign, Footnote, Head, Marking, Name, NoteCall, Para, Participant,
                             Record, walk)
from toolchain.readers.blocks import group_blocks, is_prose_block
from toolchain.readers.body import BodyReader
from toolchain.readers.foot import split_cut_summary
from toolchain.readers.inline import InlineReader, flatten
from toolchain.readers.meta import read_meta
from toolchain.readers.names import find_persons
from toolchain.readers.page import zone_page
from toolchain.readers.source import read_source


class Lexicon(Protocol):
    """What the reader may ask of the register (read-only)."""

    def gazetteer(self, text: str) -> list[tuple[int, int, str]]: ...
    def known_surname(self, token: str) -> bool: ...
    def full_names(self, text: str) -> list[tuple[int, int]]: ...


#: Phrases that give the people named in a paragraph a role, matched as words in any case.
_ROLE_PHRASES = (
    (("recorded by",), "recorder"),
    (("took part", "were present", "was present", "present from", "participated"), "participant"),
)
_ROLE_SENTENCES = tuple((phrases, re.compile(r"\b(?:%s)\b" % "|".join(map(re.escape, phrases)), re.I), role)
                        for phrases, role in _ROLE_PHRASES)


#: "c. Moskovskii": comrade abbreviated, as Czech and Slovak records write it.
_C_COMRADE = re.compile(r"(?<![\w.])c\. [A-Z]")


def read_wcda_text(path: Path, lexicon: Lexicon, encoding: str | None = None,
                   display_path: str | None = None) -> tuple[Record, list[Diagnostic]]:
    """Read one page; raise ``InputError`` for a file that is no document page."""
    where = str(path)  # diagnostics name the file as the user gave it
    lines = read_source(path, encoding)
    zones = zone_page(lines)
    if not zones.info:  # cut off before its Document Information (guide §2.1)
        zones.body, zones.summary = split_cut_summary(zones.body)
    if zones.date_line is None and not any(is_prose_block(b) for b in group_blocks(zones.body)):
        raise NoDocumentError("no recognisable document (no date line and no paragraph of text)",
                              Location(where))
    meta = read_meta(zones)
    year = int(meta.date_when[:4]) if meta.date_when else (
        int(meta.date_not_before[:4]) if meta.date_not_before else None)
    inline = InlineReader(where, year, lexicon.gazetteer, lexicon.known_surname, lexicon.full_names)
    inline.c_is_comrade = any(_C_COMRADE.search(ln.text) for ln in zones.body)
    body = BodyReader(inline).read(zones.body, cut_off=not zones.info, title=meta.title or "")
    record = Record(source=display_path or where, stem=path.stem, meta=meta, body=body, path=where)
    warnings = list(inline.warnings)
    warnings += _link_footnotes(record, inline.calls, where)
    record.participants = _participants(record)
    nodes = list(walk(body))  # one traversal for both questions
    record.classifications = sorted({m.category for m in nodes if isinstance(m, Marking)
                                     and m.kind == "classification" and m.category})
    record.has_foreign = any(isinstance(n, Foreign) for n in nodes)
    return record, warnings


def _link_footnotes(record: Record, calls: list[NoteCall], path: str) -> list[Diagnostic]:
    """Tie each call (``X)``) to the next unused note with the same marker, in order."""
    notes = [b for b in record.body if isinstance(b, Footnote)]
    warnings = []
    used: set[int] = set()
    inside = {id(c): n for n in notes for c in walk(n.content) if isinstance(c, NoteCall)}
    for call in calls:
        key = call.marker.lower()
        note = next((n for i, n in enumerate(notes) if i not in used and n.marker.lower() == key
                     and inside.get(id(call)) is not n), None)
        if note is None:
            sp = call.span
            warnings.append(Diagnostic("warning", "footnote-orphan-call",
                                       f"footnote call {call.marker} has no note text", path,
                                       sp.line if sp else None, sp.col if sp else None))
            continue
        used.add(notes.index(note))
        note.called = True
        call.note = note
    for number, note in enumerate(notes, start=1):
        note.number = number
        if not note.called:
            sp = note.span
            warnings.append(Diagnostic("warning", "footnote-orphan-note",
                                       f"footnote {note.marker} has no call in the text; kept where printed",
                                       path, sp.line if sp else None, sp.col if sp else None))
    return warnings


def _participants(record: Record) -> list[Participant]:
    """Roles of the people of the record (encoding guide §3.3 O)."""
    out: list[Participant] = []
    title = record.meta.title
    m = re.search(r"\b[Jj]ournal of\b(?P<rest>.*)", title)
    if m:
        found = find_persons(m.group("rest"))
        if found:
            out.append(Participant("author", Name("person", [m.group("rest")[found[0].start:found[0].end]])))
    for block in record.body:
        if isinstance(block, Head):
            for n in walk(block.content):
                if isinstance(n, Name) and n.kind == "person":
                    out.append(Participant("interlocutor", n))
                    break
        if isinstance(block, Para):
            text = flatten(block.content)
            # ASCII text holds a phrase only if its lower case does (a quick test before the
            # case-blind search; other text may match through Unicode case folding, e.g. "ſ")
            low = text.lower() if text.isascii() else None
            for phrases, rx, role in _ROLE_SENTENCES:
                if (low is None or any(p in low for p in phrases)) and rx.search(text):
                    for n in walk(block.content):
                        if isinstance(n, Name) and n.kind == "person":
                            n.role = role
                            out.append(Participant(role, n))
                    break
    return out
