"""The inline reader: block text -> model inlines.

Brackets are parsed (``brackets``) and classified (``interventions``) first,
so that every intervention is one node; the text between them is then
annotated with the typed items the guide asks for (dates, registry numbers,
classification and copy markings, persons, organisations, places, e-mail
addresses, footnote calls). Which items are looked for depends on the zone
(a registry number is only a number in the opener, a stamp or a dateline).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from toolchain.diagnostics import Diagnostic
from toolchain.model import (Date, Email, Inline, LineBreak, Marking, Name, NoteCall, Number, Sic,
                             Span, Stray, Supplied)
from toolchain.readers.brackets import Run, StrayBracket, parse_brackets
from toolchain.readers.dates import find_dates
from toolchain.readers.interventions import classify, is_month
from toolchain.readers.lexicon import (EAST_ASIAN_SURNAMES, is_east_asian_surname, is_english, is_function_word,
                                       is_given_name, is_proper_noun, is_romanised_given_name)
from toolchain.readers.names import HONORIFICS, UPPER, find_persons, is_first_name_and_patronymic
from toolchain.readers.spacing import SpacedView, collapse
from toolchain.readers.spans import BlockText

#: Where markings (classification, copy) are read: the header, and a heading that prints them
#: (``Telegram to the Romanian Embassy in Teheran, No. 05/003865, 7 August 1967, Top Secret``).
OPENER_ZONES = ("opener", "opener-note", "head")
NUMBER_ZONES = ("opener", "opener-note", "head", "stamp", "dateline", "note")

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
MARKER = r"(?:\*{1,3}|[Xx]{1,2}|\d{1,2})\)"
CALL = re.compile(r"(?:(?<=[.,;:!?\"”’)])(?:\*{1,3}|[Xx]{1,2})|(?<=[^\s\d(\[])(?:\*{1,3}|\d{1,2}))\)"
                   r"(?=\s|$|[.,;:])")
#: The classification markings (their taxonomy categories: ``cls-top-secret``), longest first;
#: the Soviet and Polish top level (osoboi vazhnosti, specjalnego znaczenia) is "of special
#: importance". A marking is printed in capitals or with its first word capitalised.
CLASSIFICATIONS = ("top secret", "strictly secret", "absolutely secret", "completely secret", "secret",
                   "strictly confidential", "highly confidential", "confidential", "highly classified",
                   "for official use only", "of special importance", "of special significance",
                   "internal party material",  # (the SED's Internes Parteimaterial)
                   "extremely sensitive")  # (the KGB's Osoboi vazhnosti, as translated)


def _marking_forms(phrase: str) -> str:
    """``TOP SECRET``, ``Top secret``, ``Top Secret``; its words may be run together, as a
    letter-spaced marking's are once written whole (``H i g h l y c l a s s i f i e d``)."""
    first, *rest = phrase.split()
    title = " ?".join([first.capitalize()] + [f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in rest])
    return f"{phrase.upper().replace(' ', ' ?')}|{title}"


_CLASSIFICATION = re.compile(r"\b(?:%s)\b" % "|".join(map(_marking_forms, CLASSIFICATIONS)))
_CATEGORIES = {p.replace(" ", ""): "cls-" + p.replace(" ", "-") for p in CLASSIFICATIONS}
_COPY = re.compile(r"\b(?:(?:[Cc]opy|COPY)\s*(?:Nº|№|N°|[Nn]o\.?|Nr\.?|#):?|(?:Copy|COPY)(?=\s+\d+\b(?!\s+cop)))"
                   r"\s*(?P<u>_)?(?P<n>\d+)(?(u)_)"  # (Copy No.: 2; Copy #_1_, the number on a blank)
                   r"|\b(?:[Tt]he )?(?:[Oo]nly|[Ss]ingle) [Cc]opy\b"  # (edinstvennyi ekzempliar)
                   r"|\b(?:First|Second|Third|Fourth|Fifth|Sixth|FIRST|SECOND|THIRD) (?:copy|COPY)\b"  # (First copy)
                   r"|\b(?:[Cc]opy|COPY)\s*(?:Nº|№|N°|[Nn]o\.?)\s*only\b"  # (Copy Nº only)
                   r"|\b(?:[Cc]opy|COPY)\s*(?:Nº|№|N°|[Nn]o\.?|#)\s*_{2,}")  # (Copy #___: a blank)
_NUM = r"\d[\w./-]*[A-Za-z0-9]|\d"
_LABELLED_NO = re.compile(
    rf"\b(?P<label>[Oo]utgoing|[Ii]ncoming|[Ii]ssuing|Outg\.|Inc\.|Iskh\.|Vkh\.)\s*"  # (Russian: iskh., vkh.)
    rf"(?:(?:Nº|№|N°|No\.?|Nr\.?|#)\s*)?"
    rf"(?P<num>(?:\(\d\d\) ?)?(?:[A-Z][A-Za-z]?-)?(?:{_NUM}))")  # (Incoming Nº M-9101ss, Outgoing (64) Si-889)
#: After a number sign: a number, maybe led by capitals (``P168/5``, ``P 146/VI``) or in groups of three
#: digits (``Nr. 74 320``); after ``Ref:`` a reference (``381.1-NHK/mo``); the number a record
#: answers (``Copy no. 2 re: no. 222``); ``No`` without its dot and ``file`` before a number
#: (``No 615 / dv``, ``file 003786/63-7``); the year first in parentheses (``No. (63) 774``).
_SIGNED_NO = re.compile(rf"(?:(?:Nº|№|N°|\bNo\.|\bNr\.?|#|\bNumber)[:.]?|\bRef[.:]|\b[Rr]e:\s*no\."
                        rf"|\b(?:No|[Ff]ile)(?= [\d(])"
                        rf"|(?:^|(?<=\n))no\.(?= ?\d))"  # (no. 1025-A/ov opening a line; not our telegram no. 808)
                        rf"\s*(?P<num>\d{{1,3}}(?: \d{{3}})+(?![\w/.-])|\d+ / [a-z]{{1,4}}\b|\(\d{{2,4}}\) ?\d+\b"
                        rf"|(?:[A-Z][A-Za-z]{{0,2}}[ -]?)?(?:{_NUM}))")  # (Nº ST-134/16gs)
_DIGIT = re.compile(r"\d")
#: A note's number printed glued to the word or bracket before it (``MILNIKIEL1``, ``[…]3``),
#: or opening a run of text that follows a bracket.
GLUED_CALL = re.compile(r"(?:(?<=[^\W\d_])|(?<=\])|^)(\d{1,2})(?!\w)")
_YEAR_IN_PARENS = re.compile(r"\((?:19|20)\d\d\)")
_BARE_NO = re.compile(r"(?<![\w./-])(?P<num>\d{4,}(?:-?[a-z]{1,3})?|\d{2,}[-/][a-z]{1,3}|\d{3,}[a-z]{1,3}"
                      r"|(?!\d\d?/\d\d?/\d\d|\d\d?/[IVX]+\b)\d{2,}(?:/[\dA-Z]{1,4}){1,3}"  # not 28/VII
                      r"|(?<=^)\d{3}(?=$))"
                      r"(?![\w-]|/(?!(?:top )?secret\b|confidential\b)\w)")  # 131/1963/top secret
#: A file's number with a dot after the thousands opening a line of the header block or after the
#: Czech label (``022.680/62 Secret``, ``C.j.: 053.181``); not in a heading (``TELEGRAM 066.812``)
#: or in a sentence (``our telegram no. 066.808``).
_DOTTED_NO = re.compile(r"(?:(?<=^)|(?<=\n)|(?<=[CČ]\.j\.: )|(?<=[CČ]\. j\.: ))"
                        r"(?P<num>\d{1,3}\.\d{3}(?:/\d{2,4})?)(?![.\w/-])")
#: A header line in the middle of a page (a second letter's): classification, copy, number.
_HEADER_LINE = re.compile(rf"(?:{_CLASSIFICATION.pattern}|{_COPY.pattern}|(?:Nº|№|N°|No\.)\s*\S+|[.,!\s])+")


@dataclass
class _Txt:
    """Text not yet annotated, with its offset in the block."""

    text: str
    start: int


def category_of(marking: str) -> str:
    """Taxonomy id of a classification marking: ``TOP SECRET`` -> ``cls-top-secret``."""
    return _CATEGORIES[re.sub(r"[^a-z]+", "", marking.lower())]


def flatten(items) -> str:
    """The printed text of inlines (used as left context and for tests)."""
    out = []
    for it in items:
        if isinstance(it, (str,)):
            out.append(it)
        elif isinstance(it, _Txt):
            out.append(it.text)
        elif isinstance(it, LineBreak):
            out.append("\n")
        else:
            for attr in ("content", "correction"):
                val = getattr(it, attr, None)
                if val:
                    out.append(flatten(val))
            for attr in ("text", "desc", "marker", "address"):
                val = getattr(it, attr, None)
                if isinstance(val, str):
                    out.append(val)
    return "".join(out)


class InlineReader:
    """Reads the inlines of one document's blocks; collects warnings and footnote calls."""

    def __init__(self, path: str, doc_year: int | None,
                 gazetteer: Callable[[str], list[tuple[int, int, str]]],
                 known_person: Callable[[str], bool],
                 full_names: Callable[[str], list[tuple[int, int]]]):
        self.path = path
        self.doc_year = doc_year
        self.gazetteer = gazetteer
        self.known_person = known_person
        self.full_names = full_names
        self.warnings: list[Diagnostic] = []
        self.calls: list[NoteCall] = []
        self.bracket_markers: set[str] = set()  # "[1]"-style footnote markers with a note text
        self.glued_calls: frozenset[str] = frozenset()  # numbers of notes called as MILNIKIEL1
        self.block = BlockText("", [], [])
        #: the page writes "c. Puzanov" for comrade (Czech and Slovak records), so a "C. " that
        #: opens a sentence there is that abbreviation too, not an initial
        self.c_is_comrade = False

    # -- entry points

    def read_block(self, block: BlockText, zone: str) -> list[Inline]:
        """All inlines of a block of text printed in ``zone``."""
        self.block = block
        parts, forced = parse_brackets(block.text)
        for br in forced:
            self.warn(br.start, "bracket-unclosed",
                      "bracket not closed in its paragraph; closed at the end of the line")
        return self.read_parts(parts, zone)

    def read_parts(self, parts: list, zone: str) -> list[Inline]:
        items: list = []
        for i, p in enumerate(parts):
            if isinstance(p, Run):
                items.append(_Txt(p.text, p.start))
            elif isinstance(p, StrayBracket):
                self.warn(p.start, "bracket-stray", f"stray '{p.char}' without its partner; kept as printed")
                items.append(Stray(p.char, self.span(p.start)))
            else:
                before = flatten(items)[-200:]
                nxt = parts[i + 1] if i + 1 < len(parts) else None
                after = nxt.text if isinstance(nxt, Run) else ""
                node = classify(p, self, before, after, zone,
                                lambda n, name, items=items: self._carve(items, n, name))
                _set_span(node, self.span(p.start))
                items.append(node)
        return self._annotate(_date_around_supplied(_date_around_sic(items, self.doc_year), self.doc_year), zone)

    def read_text(self, text: str, start: int, zone: str) -> list[Inline]:
        return self._annotate([_Txt(text, start)], zone)

    def span(self, offset: int) -> Span:
        return self.block.span(offset)

    def warn(self, offset: int, rule: str, message: str) -> None:
        sp = self.span(offset)
        self.warnings.append(Diagnostic("warning", rule, message, self.path, sp.line, sp.col))

    # -- [sic] scope

    @staticmethod
    def _carve(items: list, n: int, name: bool) -> str | None:
        """Remove the last ``n`` words (or the trailing capitalised name) printed before a bracket."""
        if not items or not isinstance(items[-1], _Txt):
            return None
        txt = items[-1]
        body = txt.text.rstrip()
        if name:
            m = re.search(rf"(?<![\w.])((?:[{UPPER}][\w’'-]*\.?\s+){{0,3}}[{UPPER}][\w’'-]*)$", body)
            if m:
                toks = m.group(1).split()
                # ... People's Artists of the DPRK Pe Yon [sic]: an acronym before a name is no part
                # of it, nor an English word or an honorific; a family name (Ho Un [sic]) and
                # initials (J. Drygans [sic]) are
                while len(toks) > 1 and (not _INITIAL_WORD.fullmatch(toks[0]) or toks[0] in HONORIFICS) and (
                        is_english(toks[0]) and not _family_name_before(toks) or toks[0].endswith(".")
                        or toks[0].isupper() and not all(t.isupper() for t in toks)):
                    toks.pop(0)
                m = re.search(re.escape(" ".join(toks)) + r"$", body)
        if not name or not m:
            m = re.search(r"(\S+(?:\s+\S+){%d})$" % (n - 1), body)
        if not m:
            return None
        txt.text = body[: m.start()]
        if not txt.text:
            items.pop()
        return m.group(0)

    # -- annotation

    def _annotate(self, items: list, zone: str) -> list[Inline]:
        out: list[Inline] = []
        for i, it in enumerate(items):
            if not isinstance(it, _Txt):
                out.append(it)
                continue
            nxt = items[i + 1] if i + 1 < len(items) else None
            prev = out[-1] if out else None
            first = _completed_initial(out)
            out.extend(self._recognise(it.text, it.start, zone, flatten(out)[-200:], nxt, prev, first))
        return _join_name_parts(out)

    def _recognise(self, printed: str, start: int, zone: str, left: str, nxt, prev=None,
                   first: str | None = None) -> list[Inline]:
        """The nodes of one run of text; ``prev`` and ``nxt`` are the brackets around it, ``first``
        a first name whose initial the translator completed just before it (``V[áclav]``)."""
        view = SpacedView(printed)  # the recognisers read letter-spaced words written whole
        text = view.text
        found: list[tuple[int, int, Callable[[str], Inline]]] = []
        taken = [False] * (len(text) + 1)

        def add(s: int, e: int, build: Callable[[str], Inline]) -> None:
            if s < e and not any(taken[s:e]):
                for k in range(s, e):
                    taken[k] = True
                found.append((s, e, build))

        # Most runs print no "@", ")" or digit: the scans that need one are skipped there.
        digit = _DIGIT.search(text) is not None
        if "@" in text:
            for m in _EMAIL.finditer(text):
                add(m.start(), m.end(), lambda t: Email(t))
        if ")" in text and zone in ("body", "closer", "distribution", "note"):
            for m in CALL.finditer(text):
                add(m.start(), m.end(), self._call)
        if self.glued_calls and digit:  # MILNIKIEL1, and [...]3 right after a bracket
            after_bracket = prev is not None and not isinstance(prev, str)
            for m in GLUED_CALL.finditer(text):
                if m.group(1) in self.glued_calls and (m.start() or after_bracket):
                    add(m.start(), m.end(), lambda t: self._call(f"[{t}]"))
        if zone in OPENER_ZONES or zone == "stamp":  # a header's columns run through its stamps
            for m in _COPY.finditer(text):
                add(m.start(), m.end(), lambda t, n=m.group("n"): Marking("copy", t, number=n))
            for m in _CLASSIFICATION.finditer(text):
                add(m.start(), m.end(), lambda t: Marking("classification", t, category_of(t)))
        for d in find_dates(text, self.doc_year):
            add(d.start, d.end, lambda t, d=d: Date(_lines(t), d.when, d.not_before, d.not_after, d.inferred))
        if digit and (zone in NUMBER_ZONES or zone == "body"):
            for m in _LABELLED_NO.finditer(text):
                kind = "incoming" if m.group("label").lower().startswith(("inc", "vkh")) else "outgoing"
                add(m.start("num"), m.end("num"), lambda t, k=kind: Number(k, t))
        if digit and zone in NUMBER_ZONES:
            for rx in (_SIGNED_NO, _BARE_NO) if zone == "head" else (_SIGNED_NO, _BARE_NO, _DOTTED_NO):
                for m in rx.finditer(text):
                    if rx is _BARE_NO and _YEAR_IN_PARENS.match(text, m.start() - 1):
                        continue  # Showa 50 (1975): a year
                    add(m.start("num"), m.end("num"), lambda t: Number("registry", t))
        for s, e, kind in self.gazetteer(text):
            add(s, e, lambda t, k=kind: Name(k, _lines(t)))
        for m in find_persons(text, left, self.known_person):
            at = m.start + 3 if self.c_is_comrade and text.startswith("C. ", m.start) else m.start
            add(at, m.end, lambda t: Name("person", _lines(t)))
        for s, e in self.full_names(text):  # after the rules: a longer name they found stays whole
            add(s, e, lambda t: Name("person", _lines(t)))
        if _identifies_person(prev) or first:  # [Mikhail Stepanovich] Kapitsa, V[áclav] Dvořák: the surname
            # after the bracket (JELEN1: no call; Peter’s: no ’s)
            m = re.match(rf"\s([{UPPER}][^\W\d_’'-]*(?:['’-][^\W\d_]{{2,}})*)", text)
            # (after a first name, an English word too, unless a very common one:
            # [Minister of Education Armando] Hart, J[an] Lux; not [Leipzig] Spring)
            given = is_given_name(first) if first else _ends_with_given_name(prev)
            if m and (not is_english(m.group(1)) or given
                      and not is_function_word(m.group(1)) and m.group(1) not in HONORIFICS):
                add(m.start(1), m.end(1), lambda t: Name("person", [t]))
        if _identifies_person(nxt) and _opens_with_name(nxt):  # Kim [Il Sung]; not Cuba [... leader Ahmed]
            m = re.search(rf"(?<![\w’'-])([{UPPER}][^\W\d_’'-]*(?:['’-][^\W\d_]+)*)\s*$", text)
            if m and not is_english(m.group(1)):
                add(m.start(1), m.end(1), lambda t: Name("person", [t]))
        if view.pieces:
            found = [(*view.widen(s, e), build) for s, e, build in found]
        return self._assemble(printed, start, sorted(found, key=lambda f: f[0]))

    def _assemble(self, text: str, start: int, found) -> list[Inline]:
        out: list[Inline] = []
        pos = 0
        for s, e, build in found:
            out.extend(_lines(text[pos:s]))
            node = build(text[s:e])
            _set_span(node, self.span(start + s))
            out.append(node)
            pos = e
        out.extend(_lines(text[pos:]))
        return [x for x in out if x != ""]

    def bracket_call(self, digits: str, glued: bool) -> NoteCall | None:
        """``text.[1]``: a footnote call when a note ``[1] ...`` is printed below."""
        marker = f"[{digits}]"
        return self._call(marker) if glued and marker in self.bracket_markers else None

    def _call(self, marker: str) -> NoteCall:
        call = NoteCall(marker, None)  # type: ignore[arg-type]  # linked to its note later
        self.calls.append(call)
        return call


_INITIAL_WORD = re.compile(rf"[{UPPER}][a-z]?\.")


def _family_name_before(toks: list[str]) -> bool:
    """``Ho Un``: an East Asian family name that is also an English word, before a given name."""
    return is_east_asian_surname(toks[0]) and is_romanised_given_name(toks[1])


def is_header_line(text: str) -> bool:
    """``Secret. Copy Nº 5``, ``Nº 946-dv``: a line of header items only (read as an opener's)."""
    text = collapse(text.strip())
    return len(text) <= 60 and _HEADER_LINE.fullmatch(text) is not None


def _person_of(node) -> Name | None:
    """The person a supplied word names (``[Sik]``, ``[Nikita]``), if it is one name word or a
    first name and patronymic (``[Mikhail Stepanovich]``)."""
    if isinstance(node, Supplied) and node.reason == "identification" and len(node.content) == 1:
        inner = node.content[0]
        if isinstance(inner, Name) and inner.kind == "person":
            text = flatten(inner.content)
            if len(text.split()) == 1 or is_first_name_and_patronymic(text):
                return inner
    return None


def _join_name_parts(items: list) -> list:
    """One person name whose part the translator supplied (guide §3.2 rule 2):
    ``Choe Won [Sik]``, ``Mao [Zedong]`` (given names) and ``[Nikita] Khrushchev`` (a first name)."""
    if not any(isinstance(it, Supplied) for it in items):  # nothing supplied, nothing to join
        return items
    out: list = []
    i = 0
    while i < len(items):
        a = items[i]
        b, c = (items[i + 1], items[i + 2]) if i + 2 < len(items) else (None, None)
        if b == " " and isinstance(a, Name) and a.kind == "person" and _person_of(c) is not None \
                and (len(flatten(a.content).split()) >= 2 or flatten(a.content) in EAST_ASIAN_SURNAMES) \
                and is_romanised_given_name(flatten(c.content)):  # Choe Won [Sik], Mao [Zedong]
            c.content = _person_of(c).content
            out.append(Name("person", [*a.content, " ", c], span=a.span))
            i += 3
            continue
        if b == " " and _person_of(a) is not None and isinstance(c, Name) and c.kind == "person" \
                and (is_proper_noun(flatten(a.content)) or not is_english(flatten(a.content))
                     or flatten(a.content) in EAST_ASIAN_SURNAMES):  # ([Xi] Zhongxun)
            a.content = _person_of(a).content
            out.append(Name("person", [a, " ", *c.content], span=a.span))
            i += 3
            continue
        if b == " " and isinstance(c, Name) and c.kind == "person" and _titled_first_name(a):
            # [Foreign Ministry Director Eugeniusz] MILNIKIEL: the bracket as a whole is no name
            # (guide §3.2 rule 2), and its first name alone would be a person of its own
            first = flatten(a.content.pop().content)
            if isinstance(a.content[-1], str):
                a.content[-1] += first
            else:
                a.content.append(first)
        out.append(a)
        i += 1
    return out


def _titled_first_name(node) -> bool:
    """A supplied title ending in a first name alone (``[Minister of Education Armando]``)."""
    if not (isinstance(node, Supplied) and len(node.content) >= 2 and isinstance(node.content[-1], Name)):
        return False
    name = flatten(node.content[-1].content)
    return node.content[-1].kind == "person" and " " not in name and is_given_name(name)


def _identifies_person(node) -> bool:
    return isinstance(node, Supplied) and node.reason == "identification" and any(
        isinstance(c, Name) and c.kind == "person" for c in node.content)


def _completed_initial(out: list) -> str | None:
    """The first name whose initial stands right before the last node, a bracket that completes
    it (``V[áclav]``, ``J[an]``): the word as completed, or None."""
    if len(out) < 2 or not isinstance(out[-1], Supplied) or not isinstance(out[-2], str):
        return None
    m = re.search(rf"(?:^|\s)([{UPPER}])$", out[-2])
    rest = flatten(out[-1].content)
    return m.group(1) + rest if m and rest.isalpha() and rest.islower() else None


def _opens_with_name(node: Supplied) -> bool:
    """The supplied words start with the name (``[Il Sung]``), as the rest of a name printed
    before them does; not a clause that ends in one (``[to be carried out by ... Ahmed]``)."""
    first = next((c for c in node.content if not (isinstance(c, str) and not c.strip())), None)
    return isinstance(first, Name) and first.kind == "person"


def _ends_with_given_name(node: Supplied) -> bool:
    words = flatten(node.content).split()
    return bool(words) and is_given_name(words[-1])


def _lines(text: str) -> list[Inline]:
    """Text with its printed line ends as ``LineBreak`` nodes."""
    if "\n" not in text:
        return [text]
    out: list[Inline] = []
    for i, piece in enumerate(text.split("\n")):
        if i:
            out.append(LineBreak())
        if piece:
            out.append(piece)
    return out


def _set_span(node, span: Span) -> None:
    if hasattr(node, "span") and getattr(node, "span", None) is None:
        node.span = span


_DAY_BEFORE = re.compile(r"(?<![\w.])(\d{1,2})\s+$")
_DAY_MONTH_BEFORE = re.compile(r"(?<![\w.])(\d{1,2}\s+([A-Z][a-z]+))\s+$")
_YEAR = r"1[6-9]\d\d|20\d\d"
_YEAR_AFTER = re.compile(rf"\s+({_YEAR})\b")


def _date_around_supplied(items: list, doc_year: int | None) -> list:
    """A date whose month or year the translator supplied: ``29 [September]`` (the year the
    document's), ``14 November [1963]``: one date around the bracket, which stays supplied."""
    out = list(items)
    for i in range(1, len(out)):
        sup, prev = out[i], out[i - 1]
        if not (isinstance(sup, Supplied) and len(sup.content) == 1 and isinstance(prev, _Txt)
                and isinstance(sup.content[0], (str, Number))):  # ([1963] was read as a number)
            continue
        word = flatten(sup.content).strip()
        nxt = out[i + 1] if i + 1 < len(out) and isinstance(out[i + 1], _Txt) else None
        if is_month(word) and (mp := _DAY_BEFORE.search(prev.text)):
            mn = _YEAR_AFTER.match(nxt.text) if nxt else None
            printed = f"{mp.group(1)} {word}" + (f" {mn.group(1)}" if mn else "")
        elif re.fullmatch(_YEAR, word) and (mp := _DAY_MONTH_BEFORE.search(prev.text)) \
                and is_month(mp.group(2)):
            mn, printed = None, f"{mp.group(1)} {word}"
        else:
            continue
        found = find_dates(printed, doc_year)
        if not found or not found[0].when or found[0].end != len(printed):
            continue
        sup.content = [flatten(sup.content)]  # the year of the date, no registry number
        content = [prev.text[mp.start():], sup] + ([nxt.text[: mn.end()]] if mn else [])
        out[i - 1] = _Txt(prev.text[: mp.start()], prev.start)
        out[i] = Date(content, when=found[0].when, inferred=found[0].inferred)
        if mn:
            out[i + 1] = _Txt(nxt.text[mn.end():], nxt.start + mn.end())
    return out


def _date_around_sic(items: list, doc_year: int | None) -> list:
    """``12 September [sic; November] 1957``: one date around the correction, read as corrected."""
    out = list(items)
    for i in range(1, len(out) - 1):
        sic = out[i]
        if not (isinstance(sic, Sic) and sic.correction and len(sic.correction) == 1
                and isinstance(sic.correction[0], str) and is_month(sic.correction[0].strip())):
            continue
        prev, nxt = out[i - 1], out[i + 1]
        if not (isinstance(prev, _Txt) and isinstance(nxt, _Txt)):
            continue
        mp = re.search(r"(\d{1,2})\s+$", prev.text)
        mn = _YEAR_AFTER.match(nxt.text)
        if not (mp and mn):
            continue
        found = find_dates(f"{mp.group(1)} {sic.correction[0].strip()} {mn.group(1)}", doc_year)
        if not found or not found[0].when:
            continue
        date = Date([prev.text[mp.start():], sic, nxt.text[: mn.end()]], when=found[0].when)
        out[i - 1] = _Txt(prev.text[: mp.start()], prev.start)
        out[i] = date
        out[i + 1] = _Txt(nxt.text[mn.end():], nxt.start + mn.end())
    return out
