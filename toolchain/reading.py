"""Reading a batch of pages against the register, and reading again only what linking changed.

A batch is read against the register as it was before the batch; linking then
adds entries, which can make names in other pages of the batch recognisable (a
bare surname becomes a known person, a new organisation joins the gazetteer).
Converting the same sources twice must change nothing, so such pages are read
once more and the whole batch is linked again. The reader asks the register
only two things (``readers.wcda_text.Lexicon``), so recording its questions and
answers tells exactly which pages would read differently now: only those are
read again. ``tei-tool convert`` reads in this process, ``tei-tool build`` in
worker processes; both go through ``read_and_link``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from toolchain.diagnostics import Diagnostic
from toolchain.errors import ToolError
from toolchain.link import link_record
from toolchain.model import Record
from toolchain.readers.wcda_text import read_wcda_text


@dataclass
class Answers:
    """The questions one reading asked and what the register answered."""

    surnames: dict[str, bool] = field(default_factory=dict)  # token -> known person?
    gazetteer_text: str = ""  # every text searched for organisations and places

    def still_hold(self, lexicon, new_names: frozenset[tuple[str, str]]) -> bool:
        """Would ``lexicon`` (the grown register) answer the same? ``new_names``: the
        (name, kind) of organisations and places it gained (a name not in the texts cannot
        match; a known name that gained a kind may be found as the other kind now)."""
        if any(name in self.gazetteer_text for name, _ in new_names):
            return False
        return all(lexicon.known_surname(token) == known for token, known in self.surnames.items())


class RecordingLexicon:
    """A register seen through the reader's questions (``Lexicon``), recording them."""

    def __init__(self, lexicon):
        self.lexicon = lexicon
        self._surnames: dict[str, bool] = {}
        self._texts: list[str] = []

    def gazetteer(self, text: str) -> list[tuple[int, int, str]]:
        self._texts.append(text)
        return self.lexicon.gazetteer(text)

    def known_surname(self, token: str) -> bool:
        """The register's answer; a page asks about the same words again and again (every
        capitalised word is asked), and the register does not change while a page is read,
        so a question asked before is answered from the record."""
        known = self._surnames.get(token)
        if known is None:
            known = self._surnames[token] = self.lexicon.known_surname(token)
        return known

    def full_names(self, text: str) -> list[tuple[int, int]]:
        """Full names of the reference persons: fixed, so not recorded."""
        return self.lexicon.full_names(text)

    def answers(self) -> Answers:
        return Answers(dict(self._surnames), "\n".join(self._texts))


@dataclass
class Reading:
    """One page read: its record, the reader's diagnostics and what it asked the register."""

    path: str
    record: Record | None
    diagnostics: list[Diagnostic]
    answers: Answers | None = None


def read_page(path: Path, register, display: str, encoding: str | None = None) -> Reading:
    """Read one page; a page that is no document gives a reading with an error and no record."""
    lexicon = RecordingLexicon(register)
    try:
        record, warnings = read_wcda_text(path, lexicon, encoding, display)
    except ToolError as exc:
        loc = exc.location
        return Reading(str(path), None, [Diagnostic(
            "error", "input", exc.message, loc.path if loc else str(path),
            loc.line if loc else None, loc.col if loc else None)])
    return Reading(str(path), record, warnings, lexicon.answers())


ReadMany = Callable[[list[Path]], Iterable[Reading]]


def read_and_link(paths: list[Path], register, read_many: ReadMany, unlinked: str = "candidate",
                  done: Callable[[Record], None] | None = None
                  ) -> tuple[dict[str, Reading], dict[str, Record], list[Diagnostic]]:
    """Read ``paths`` (with ``read_many``, against the register as it is now), link the
    records in order and, when linking grew the register, read again the pages whose reading
    would now differ and link the whole batch again (module docstring). Linking overlaps
    reading: each record is linked as soon as its reading (or its new reading) arrives.

    ``done`` is called with each record, in order, once its links are final (the caller can
    write it while the other pages are still being read). Returns the final readings by
    path, the linked records by path and the linking warnings."""
    names_before = register.gazetteer_names()
    readings: dict[str, Reading] = {}
    first = read_many(paths)
    try:
        records, diags = _link(first, readings, register, unlinked)
    finally:
        _close(first)
    if register.changed:
        new_names = register.gazetteer_names() - names_before
        stale = [Path(r.path) for r in readings.values()
                 if r.answers is not None and not r.answers.still_hold(register, new_names)]
        final: dict[str, Reading] = {}
        again = read_many(stale)
        try:
            records, diags = _link(_in_order(readings, {str(p) for p in stale}, iter(again)),
                                   final, register, unlinked, done)
        finally:
            _close(again)
        readings = final
    elif done:
        for record in records.values():
            done(record)
    return readings, records, diags


def _close(readings: Iterable[Reading]) -> None:
    """A reading that stops early (Ctrl-C, kill, an error) stops its workers at once."""
    getattr(readings, "close", lambda: None)()


def _in_order(readings: dict[str, Reading], stale: set[str], again: Iterator[Reading]
              ) -> Iterator[Reading]:
    """The batch's readings in order, each stale one replaced by its new reading as soon as
    that arrives (``again``: the new readings in order; a page it lacks keeps its reading)."""
    early: dict[str, Reading] = {}
    for path, reading in readings.items():
        while path in stale and path not in early:
            new = next(again, None)
            if new is None:
                break
            early[new.path] = new
        yield early.pop(path, reading)


def _link(new: Iterable[Reading], readings: dict[str, Reading], register, unlinked: str,
          done: Callable[[Record], None] | None = None) -> tuple[dict[str, Record], list]:
    """Link every record read, in order, as it comes (noted in ``readings``); linking a record
    again replaces its earlier links. ``done`` gets each record once linked."""
    records, diags = {}, []
    for reading in new:
        readings[reading.path] = reading
        if reading.record is not None:
            records[reading.path] = record = reading.record
            diags += link_record(record, register, unlinked)
            if done:
                done(record)
    return records, diags
