"""The document itself: body lines -> blocks (encoding guide §2.1 rows 5-12, §3.3 M-P).

The blocks (``blocks.group_blocks``) are cut into the parts of a record by shape:
the header block up to the first paragraph of running prose (opener, record
head, dateline), the paragraphs, and at the foot the signature, typist code,
distribution list, registry dateline and footnote texts (``foot`` tells their
lines apart). Inline content is read by ``InlineReader``.
"""
from __future__ import annotations

import re

from toolchain.model import (Block, Closer, Dateline, DistItem, Distribution, Footnote, Head,
                             Inline, LineBreak, Name, Opener, Para, Supplied, cut_documents, ends_document, walk)
from toolchain.readers.blocks import (FOOTNOTE, HEAD_START, TextBlock, group_blocks, is_prose_block,
                                      span_of)
from toolchain.readers.foot import (DEAR, DIST_HEAD, DIST_ITEM, SALUTE, TYPIST, header_item,
                                    header_list, is_date_only, is_foot_line, letters, list_head,
                                    list_item, name_and_office_in_lower_case, named_alone, plain_list_above,
                                    salute_at, signature_like)
from toolchain.readers.inline import CALL, GLUED_CALL, InlineReader, is_header_line
from toolchain.readers.lexicon import is_english, script_language
from toolchain.readers.names import HONORIFIC_ALTERNATIVES, NUMBER_SIGN, UPPER
from toolchain.readers.source import Line
from toolchain.readers.spans import BlockText

_HEAD_CONTINUE = re.compile(r"^(with|of|for|during|between|on|period)\b")


_CAPITALISED_RUN = re.compile(rf"(?:(?:{HONORIFIC_ALTERNATIVES})\s+)?"
                              rf"(?P<run>[{UPPER}][\w’'.-]+(?:\s+[{UPPER}][\w’'.-]+){{0,3}})")


#: The signer's office on the line above the name, with a comma (``The Ambassador,``).
_OFFICE_ABOVE = re.compile(r"^(?:The )?(?:[A-Z][a-z]+ ){0,2}(?:Ambassador|Minister|Consul|Envoy|Counsellor|Counselor"
                           r"|Secretary|Director|Chairman|President|Chargé d.Affaires(?: a\.i\.)?),$")


_BRACKET_CALL = re.compile(r"(?<=\S)\[(\d{1,3})\]")


def _may_open(blocks: list[Block]) -> bool:
    """Whether header blocks may follow ``blocks``: the last of their documents (``cut_documents``)
    is closed, or holds only its header so far. A letter whose signature mark stood inside a
    paragraph has no foot and ends no document, and an opener after its paragraphs would be
    invalid TEI (found by the fuzz run)."""
    last = cut_documents(blocks)[-1]
    return any(map(ends_document, last)) or all(isinstance(b, (Opener, Head, Dateline)) for b in last)


class BodyReader:
    """Builds the blocks of one record."""

    def __init__(self, inline: InlineReader):
        self.inline = inline

    def read(self, lines: list[Line], cut_off: bool = False, title: str = "") -> list[Block]:
        """The record's blocks; ``cut_off``: the page stops before its end (no Document
        Information), so its last line is a fragment, never a signer's name. A line repeating
        the page's ``title`` (``..., Memorandum of Conversation with Mengistu, 7 August 1977``)
        belongs to the header, however long."""
        blocks = group_blocks(lines)
        self.cut_off = cut_off
        # a call prints ")" and a bracket call "[": blocks without one are not scanned
        self.call_markers = {m.group()[:-1].lower() for b in blocks if ")" in b.text
                             for m in CALL.finditer(b.text)}
        bracket_calls = {f"[{m.group(1)}]" for b in blocks if "[" in b.text
                         for m in _BRACKET_CALL.finditer(b.text)}
        self.inline.bracket_markers = {m for m in bracket_calls
                                       if any(b.text.startswith(m + " ") for b in blocks)}
        self.inline.glued_calls = _glued_calls(blocks)
        start = next((i for i, b in enumerate(blocks) if is_prose_block(b) and not _repeats(b.text, title)),
                     len(blocks))
        out: list[Block] = self._front(blocks[:start])
        parts = letters(blocks[start:], opened=any(DEAR.match(b.text) for b in blocks[:start]))
        for k, part in enumerate(parts):
            if k and _may_open(out):  # an enclosure: its own header block before its first paragraph
                first = next((i for i, b in enumerate(part) if is_prose_block(b)), len(part))
                out.extend(self._front(part[:first]))
                part = part[first:]
            main, foot = self._split_foot(part, last=k == len(parts) - 1)
            for b in main:
                out.append(self._para_or_footnote(b))
            out.extend(foot)
        return out

    # -- header block

    def _front(self, blocks: list[TextBlock]) -> list[Block]:
        listed = header_list(blocks)
        if listed is not None:  # the copies' addressees, printed in the header
            i, j = listed
            items = [self._dist_item(b, header_item(b.text)) for b in blocks[i + 1:j]]
            distribution = Distribution(items, self._read([blocks[i]], "distribution"), span_of(blocks[i:j]),
                                        place="top")
            return self._front(blocks[:i]) + [distribution] + self._front(blocks[j:])
        out: list[Block] = []
        dateline = None
        if blocks and is_date_only(blocks[-1].text):
            dateline = blocks.pop()
        head_at = next((i for i, b in enumerate(blocks)
                        if (HEAD_START.match(b.text) and len(b.text.split()) <= 15 and "[" not in b.text)
                        or (_HEAD_CONTINUE.match(b.text) and i > 0 and b.text.startswith("with "))), None)
        if head_at is None:
            if blocks:
                out.append(Opener(self._read(blocks, "opener"), span_of(blocks)))
        else:
            end = head_at + 1
            while end < len(blocks) and _HEAD_CONTINUE.match(blocks[end].text):
                end += 1
            if head_at:
                out.append(Opener(self._read(blocks[:head_at], "opener"), span_of(blocks)))
            out.append(Head(self._read(blocks[head_at:end], "head"), span_of(blocks[head_at:])))
            if end < len(blocks):
                out.append(Opener(self._read(blocks[end:], "opener"), span_of(blocks[end:])))
        if dateline:
            out.append(Dateline(self._read([dateline], "dateline"), span_of([dateline])))
        return out

    # -- foot

    def _split_foot(self, blocks: list[TextBlock], last: bool = True) -> tuple[list[TextBlock], list[Block]]:
        """Cut the signature, distribution list, foot dateline and footnote texts off the end
        (of the page, or of a letter signed mid-page when not ``last``)."""
        end = len(blocks)
        notes: list[TextBlock] = []
        while end and (found := self._foot_note_at(blocks, end)) is not None:
            note, size = found
            notes.insert(0, note)
            end -= size
        tail: list[TextBlock] = []
        while end:
            if is_foot_line(blocks[end - 1].text):
                end -= 1
                tail.insert(0, blocks[end])
                continue
            head = plain_list_above(blocks, end)  # (Seen by / Comrade Bényei / Comrade Rátkai)
            if head is None:
                break
            tail[0:0] = blocks[head:end]
            end = head
        signed: list[TextBlock] = []
        salute: list[TextBlock] = []
        at = salute_at([b.text for b in blocks], end)
        if at is not None:
            salute, signed, end = [blocks[at]], blocks[at + 1:end], at
        while not salute and end > 1 and signature_like(blocks[end - 1].text):
            end -= 1
            signed.insert(0, blocks[end])
        # a signer's name line is whole (a cut page's last line is not) and no line's continuation,
        # save the signer's office above it (The Ambassador, / G.W. Boissevain.)
        office_above = end > 2 and _OFFICE_ABOVE.match(blocks[end - 2].text.strip()) is not None
        name_line = (not signed and end > 1 and (self._short_name_line(blocks[end - 1].text)
                                                 or name_and_office_in_lower_case(blocks[end - 1].text))
                     and (office_above or not blocks[end - 2].text.rstrip().endswith(","))
                     and not (self.cut_off and last and end == len(blocks)))
        if name_line:
            end -= 1
            signed = [blocks[end]]
            if office_above:
                end -= 1
                signed.insert(0, blocks[end])
            while end > 1 and (signature_like(blocks[end - 1].text)
                               or len(signed) < 3 and self._short_name_line(blocks[end - 1].text)):
                end -= 1
                signed.insert(0, blocks[end])
        if signed and not salute and end > 1 and SALUTE.match(blocks[end - 1].text):
            end -= 1
            salute = [blocks[end]]
        out: list[Block] = []
        typist = None
        if tail and TYPIST.match(tail[0].text):
            typist = tail.pop(0).text
        if signed or typist:
            out.append(self._closer(salute, signed, typist, name_line))
        out.extend(self._foot_parts(tail))
        out.extend(self._footnote(b) for b in notes)
        return blocks[:end], out

    def _foot_note_at(self, blocks: list[TextBlock], end: int) -> tuple[TextBlock, int] | None:
        """The footnote ending at ``end`` under a record, and how many blocks it spans: a note
        whose call is printed, or a bracketed number's note printed without one (``[1] Written
        in pencil.``, an orphan); its last words may stand in a paragraph of their own
        (``... the advisability of`` / ``the Americans.``)."""
        last = blocks[end - 1]
        if end > 1 and last.text[:1].islower() and self._note_block(blocks[end - 2]) \
                and not blocks[end - 2].text.rstrip().endswith((".", "!", "?")):
            return TextBlock(blocks[end - 2].lines + last.lines), 2
        return (last, 1) if self._note_block(last) else None

    def _note_block(self, b: TextBlock) -> bool:
        m = FOOTNOTE.match(b.text)
        return m is not None and (self._is_footnote(b) or m.group("m").startswith("["))

    @staticmethod
    def _short_name_line(text: str) -> bool:
        """A last short line such as ``24.III.50 Shtykov``, ``Victor Nanu`` or ``Envoy``; a line
        ending in a lower-case word is a phrase or a page cut off (``Puzanov tells the``)."""
        words = text.split()
        if text.rstrip().endswith(".") and named_alone(text.rstrip()[:-1]):  # (G.W. Boissevain.)
            return True
        return 1 <= len(words) <= 4 and not text.rstrip().endswith((".", ",", ";", ":", "?", "!")) and \
            not words[-1][:1].islower() and \
            any(w[:1].isupper() and w.isalpha() and len(w) > 1 for w in words) and not DIST_HEAD.match(text)

    def _closer(self, salute: list[TextBlock], signed: list[TextBlock], typist: str | None,
                name_line: bool) -> Closer:
        """The signature; bare name lines (``Victor Nanu``) give the signer's name as a whole."""
        content = self._read(signed, "closer") if signed else []
        if name_line:
            content = _name_first_capitalised(_unwrap_names(content))
        elif content and not _has_person(content):
            content = _name_first_capitalised(content)
        salute_content = self._read(salute, "closer") if salute else None
        span = span_of(salute + signed) if signed else None
        if content and not _has_person(content):  # no signer named: closing lines, not a signature
            return Closer([], typist, salute_content, span, lines=content)
        return Closer(content, typist, salute_content, span)

    def _foot_parts(self, tail: list[TextBlock]) -> list[Block]:
        out: list[Block] = []
        i = 0
        while i < len(tail):
            head = None
            if list_head(tail, i):
                head, i = self._read([tail[i]], "distribution"), i + 1
            items = []
            while i < len(tail):
                m = list_item(tail[i].text, under_label=head is not None)
                if not m:
                    break
                items.append(self._dist_item(tail[i], m))
                i += 1
            if items:
                out.append(Distribution(items, head, items[0].span))
                continue
            j = i + 1
            while j < len(tail) and not (DIST_ITEM.match(tail[j].text) or list_head(tail, j)):
                j += 1
            out.append(Dateline(self._read(tail[i:j], "dateline"), span_of(tail[i:j])))
            i = j
        return out

    def _dist_item(self, b: TextBlock, m: re.Match) -> DistItem:
        ln = b.lines[0]
        numbered = m.group("label") is not None  # (else: 1x Comrade Florin)
        rest = "rest" if numbered else "to"
        cut = m.start(rest) if m.group(rest) else len(b.text)
        content = self.inline.read_block(
            BlockText.of([Line(ln.no, b.text[cut:], ln.col + cut)]), "distribution")
        return DistItem((m.group("label") if numbered else m.group("count")).rstrip("."), content, span_of([b]))

    # -- paragraphs and footnotes

    def _is_footnote(self, b: TextBlock) -> bool:
        marker = FOOTNOTE.match(b.text).group("m")
        if marker.startswith("["):
            return marker in self.inline.bracket_markers or marker[1:-1] in self.inline.glued_calls
        return not marker[0].isdigit() or marker[:-1].lower() in self.call_markers

    def _para_or_footnote(self, b: TextBlock) -> Block:
        m = FOOTNOTE.match(b.text)
        if m and self._is_footnote(b):
            return self._footnote(b)
        zone = "opener" if len(b.lines) == 1 and is_header_line(b.text) else "body"
        return Para(self._read([b], zone), span_of([b]), lang=script_language(b.text))

    def _footnote(self, b: TextBlock) -> Footnote:
        m = FOOTNOTE.match(b.text)
        ln = b.lines[0]
        cut = m.start("rest")
        first = Line(ln.no, ln.text[cut:], ln.col + cut)
        content = self.inline.read_block(BlockText.of([first] + b.lines[1:]), "body")
        return Footnote(m.group("m"), content, span=span_of([b]))

    def _read(self, blocks: list[TextBlock], zone: str) -> list[Inline]:
        out: list[Inline] = []
        for b in blocks:
            if out:
                out.append(LineBreak())
            out.extend(self.inline.read_block(BlockText.of(b.lines), zone))
        return out


def _repeats(text: str, title: str) -> bool:
    """``text`` starts with the page's title (of 15 characters at least)."""
    head = " ".join(title.split()).casefold()[:60]
    return len(head) >= 15 and " ".join(text.split()).casefold().startswith(head)




_NOTE_NUMBER = re.compile(r"\[(\d{1,2})\] ")


def _glued_calls(blocks: list[TextBlock]) -> frozenset[str]:
    """The numbers of notes ``[1] ...`` whose calls are printed as bare digits glued to the word
    before them, a superscript flattened (``To: MILNIKIEL1``). Only when the calls are the first
    notes' numbers, one each, in order (the others' calls may be in text the page cut off), and
    no ``[1]`` call is printed: ``MiG15`` or ``G7`` is no call."""
    notes = [m.group(1) for b in blocks if (m := _NOTE_NUMBER.match(b.text))]
    if not notes or notes != [str(i) for i in range(1, len(notes) + 1)]:
        return frozenset()
    text = [b.text for b in blocks if not _NOTE_NUMBER.match(b.text)]
    if any(f"[{n}]" in t for t in text for n in notes):  # bracket calls: bracket_markers reads them
        return frozenset()
    calls = [m.group(1) for t in text for m in GLUED_CALL.finditer(t) if m.start() and m.group(1) in notes]
    return frozenset(calls) if calls and calls == notes[:len(calls)] else frozenset()



def _has_person(content: list) -> bool:
    return any(isinstance(n, Name) and n.kind == "person" for n in walk(content))


def _unwrap_names(content: list[Inline]) -> list[Inline]:
    """Person names in ``content`` back to their text (to be recognised again as one)."""
    out: list[Inline] = []
    for c in content:
        person = isinstance(c, Name) and c.kind == "person"
        for piece in _unwrap_names(c.content) if person else [c]:
            if isinstance(piece, str) and out and isinstance(out[-1], str):
                out[-1] += piece
            else:
                out.append(piece)
    return out


def _name_first_capitalised(content: list[Inline]) -> list[Inline]:
    """A signature with no recognised name: the first line holding a name-like capitalised run
    (one word at least that is no English word) is the signer; an honorific before it stays
    outside (``Comrade Bényei``)."""
    for i, c in enumerate(content):
        if isinstance(c, str):
            for m in _CAPITALISED_RUN.finditer(c):
                run = m.group("run").rstrip(".")
                if NUMBER_SIGN.match(c, m.start("run")) or run in ("Sgd", "Signed"):  # (Nº 527; (Sgd.))
                    continue
                if not all(is_english(w) for w in run.split()):  # no "Foreign Affairs"
                    at = m.start("run")
                    return content[:i] + [c[:at], Name("person", [run]), c[at + len(run):]] \
                        + content[i + 1:]
        elif isinstance(c, Supplied) and all(isinstance(x, str) for x in c.content) \
                and "".join(c.content)[:1].isupper():  # ([Kim Il Sung]; not [signed])
            c.content = [Name("person", list(c.content))]
            return content
    return content