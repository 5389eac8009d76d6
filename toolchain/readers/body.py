"""The document itself: body lines -> blocks (encoding guide §2.1 rows 5-12, §3.3 M-P).

Lines are grouped into blocks (a line is a block, unless a bracket carries on
over the short lines of a header or stamp), then cut into the parts of a
record by shape: the header block up to the first paragraph of running
prose (opener, record head, dateline), the paragraphs, and at the foot the
signature, typist code, distribution list, registry dateline and footnote
texts. Inline content is read by ``InlineReader``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from toolchain.model import (Block, Closer, Dateline, DistItem, Distribution, Footnote, Head,
                             Inline, LineBreak, Name, Opener, Para, Span, Supplied, walk)
from toolchain.readers.dates import find_dates, parse_full_date
from toolchain.readers.inline import CALL, GLUED_CALL, MARKER, InlineReader, is_header_line
from toolchain.readers.lexicon import is_english, script_language
from toolchain.readers.names import HONORIFIC_ALTERNATIVES, NUMBER_SIGN, UPPER, find_persons
from toolchain.readers.source import Line
from toolchain.readers.spacing import collapse
from toolchain.readers.spans import BlockText

_HEADER_LABEL = re.compile(r"^(To|From|Date|Destination|Subject|Re|Copy|Sent|Received|Issuing|"
                           r"To Whom|Addressee|Place)\b[^:]{0,12}:", re.I)
_HEAD_START = re.compile(r"^(the\s+)?(record of (a )?conversation|memorandum of (a )?conversation|"
                         r"journal\b|ciphered telegram|telegram\b|minutes\b|transcript\b|report\b|"
                         r"information\b|note\b|letter\b)", re.I)
_HEAD_CONTINUE = re.compile(r"^(with|of|for|during|between|on|period)\b")
#: ``1 - to Cde. Gromyko``, ``2. - Cde. Fedorenko``, ``1st - to Cde. A. A. Gromyko``; a page cut off
#: after the separator (``5th - ``) leaves an item without text.
_DIST_ITEM = re.compile(r"^(?:(?P<label>\d{1,2}(?:st|nd|rd|th)?\.?)\s*[-–—]\s*(?P<rest>\S.*)?"
                        r"|(?P<count>\d{1,2} ?x) (?P<to>\S.*))$")  # (1x Comrade Florin: one copy)
#: An item of a list printed with a dash and no number (``- Comrade Puja``).
_DASH_ITEM = re.compile(r"^(?P<label>)[-–—•]\s*(?P<rest>\S.*)$")
_DIST_NUMBERED = re.compile(r"^(?P<label>\d{1,2}\.)\s*(?P<rest>\S.*)$")
_DIST_HEAD = re.compile(r"^((Copies|Distribution|Sent to|Distributed to|Copies to|CC|(To be )?[Ss]een by)\s*:?"
                        r"|(Distributed|Sent|Circulated) (according to|as per) (a |the )?(distribution )?list\.?"
                        r"|(Printed |Produced |Typed |Made )?(in )?(\d{1,2}|one|two|three|four|five|six|seven|"
                        r"eight|nine|ten|eleven|twelve) cop(y|ies)( \S+){0,3}\s*:?)$", re.I)
_TYPIST = re.compile(r"^\d{0,3}-?(?:[A-ZА-Я]{1,4}/[a-zа-я]{1,4}|[a-zа-я]{1,4}/[A-ZА-Я]{1,4})$")  # (me/MB)
_FOOT_NO = re.compile(r"^(Nº|№|N°|No\.)\s*\S+$")
_CAPITALISED_RUN = re.compile(rf"(?:(?:{HONORIFIC_ALTERNATIVES})\s+)?"
                              rf"(?P<run>[{UPPER}][\w’'.-]+(?:\s+[{UPPER}][\w’'.-]+){{0,2}})")
_FOOTNOTE = re.compile(rf"^(?P<m>{MARKER}|\[\d{{1,3}}\])\s+(?P<rest>\S.*)$", re.S)
_BRACKET_CALL = re.compile(r"(?<=\S)\[(\d{1,3})\]")
_SALUTE = re.compile(r"^(With|Yours|Sincerely|Respectfully|Best|Comradely|Greetings|Kind|Warm)\b.{0,60}"
                     r"(?:,|greetings|regards|respect)$", re.I)  # (With socialist greetings)
#: ``[signature] (A. PUZANOV)``, ``/signature/ KALASHNIKOV``, ``/I. Kurdyukov/``, ``Signed: N. Popa``,
#: ``"Correctly": GENERAL OF THE ARMY SHTEMENKO`` (who attests the copy)
_SIGNATURE_LINE = re.compile(r"^(.{0,60}[\[/]signature[\]/]|\(.*\)$|\[[A-Z][^\]]{1,40}\]$|/[^/]{2,40}/$"
                             r"|[^()]{0,80}\((?-i:[A-Z])\.\s?[^()]{1,40}\)$"  # (... OF CUBA (A. ALEKSEYEV))
                             r"|[–-] ?\d{1,4} ?[–-] [^–]{2,40} [–-]$"  # (Hungarian telegrams: – 84 – Ágoston –)
                             r"|Signed:?$|(?-i:Signed:? [A-Z])|/-/\s*(?-i:[A-Z])"
                             r"|[\"“]?(?:Correct(?:ly)?|True copy)[\"”]?:)", re.I)  # (the copy attested: Verno)
#: A signature mark printed in the line (``... in the MPR [Signature] V[asily]. Pisarev``).
_SIGNATURE_MARK = re.compile(r"[\[/]signature[\]/]", re.I)

#: A line longer than this is running prose, never part of a multi-line header bracket.
PROSE_CHARS = 120


@dataclass
class _Block:
    lines: list[Line]

    @cached_property
    def text(self) -> str:
        """The lines joined by spaces (asked for many times: joined once)."""
        return " ".join(ln.text for ln in self.lines)


def group_blocks(lines: list[Line]) -> list[_Block]:
    """One block per line, except that an open bracket carries on over short lines."""
    out: list[_Block] = []
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
        out.append(_Block(block))
        i += len(block)
    return out


def _depth(text: str) -> int:
    return text.count("[") - text.count("]")


def is_prose_block(block: _Block) -> bool:
    """A block of running prose: one of its printed lines reads as prose."""
    return any(_is_prose(ln.text) for ln in block.lines)


def _is_prose(text: str) -> bool:
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


#: The hour after a foot's date (``18 June 1953, 2:30 p.m.``), maybe a note's call glued to it.
_HOUR = re.compile(r",?\s*(?:at\s+)?\d{1,2}[:.]\d\d(?:\s*[ap]\.m\.(?:\d{1,2}\b)?)?$")


def _is_date_only(text: str) -> bool:
    return bool(parse_full_date(_HOUR.sub("", text.strip()).rstrip("."), whole=True))


def _signature_like(text: str) -> bool:
    words = text.split()
    marked = _SIGNATURE_MARK.search(text) or _SIGNATURE_LINE.match(text)  # (an office, then the name)
    if not words or len(words) > (14 if marked else 8) \
            or _is_prose(text) and not _SIGNATURE_LINE.match(text):
        return False
    letters = [c for c in text if c.isalpha()]
    caps = sum(1 for c in letters if c.isupper())
    return bool(_SIGNATURE_LINE.match(text)) or (len(letters) >= 3 and caps / len(letters) > 0.8)


def is_foot_line(text: str) -> bool:
    """A line of a record's foot: distribution list, typist code, number, date (Nº 480, 5 July 1972)."""
    return bool(_DIST_ITEM.match(text) or _DIST_HEAD.match(text) or _TYPIST.match(text)
                or _FOOT_NO.match(text) or _is_date_only(text)
                or (_DIST_NUMBERED.match(text) and len(text.split()) <= 8)
                or (find_dates(text) and re.search(r"(Nº|№|No\.)\s*\S+", text) and len(text.split()) <= 6))


#: The most words a page's summary holds (WCDA summaries are one or two sentences).
SUMMARY_WORDS = 80


def split_cut_summary(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """(record lines, summary lines) of a page cut off before its Document Information.

    Cut inside the summary, such a page ends with the summary's first words right after the
    record's foot (``Nº 482`` / ``1 August 1957`` / ``Puzanov tells the``, or only ``Puz``):
    a line after a foot line that breaks off at a lower-case word, or that is a capitalised
    word and no signature, is the summary, not a signature or a paragraph of the record;
    after a signature line (``Signed: N. Popa``) or the signer's lines under a salutation
    (``Yours sincerely,`` / ``Kim Yu Sun``), a line that breaks off inside any word.
    A summary is a sentence or two: a longer line is the record's paragraph after a numbered
    heading (``1. Important Officials Met`` looks like a distribution item).
    """
    filled = [i for i, ln in enumerate(lines) if not ln.blank]
    if len(filled) >= 2:
        last, before = lines[filled[-1]], lines[filled[-2]]
        words = last.text.split()
        texts = [lines[k].text for k in filled]
        signature = _SIGNATURE_LINE.match(before.text) is not None \
            or _salute_at(texts, len(texts) - 1, lowest=0) is not None
        cut = (2 <= len(words) <= SUMMARY_WORDS
               and (words[-1][:1].islower() or signature or len(words) >= _SENTENCE_WORDS)
               and words[-1][-1:].isalpha()
               or len(words) == 1 and words[0].isalpha() and not _signature_like(last.text))
        if words[0][:1].isupper() and cut and (signature or is_foot_line(before.text)
                                               or len(words) >= _SENTENCE_WORDS and _under_foot(texts[:-1])):
            return lines[:filled[-1]], [last]
    return lines, []


#: Words enough for a sentence of the summary, not a name (``Kim Yu Sun``) or a heading.
_SENTENCE_WORDS = 6


def _under_foot(texts: list[str]) -> bool:
    """The last of ``texts`` is a short line of a record's foot: a foot or signature line is
    among the last three (``(I. Vinogradov)`` / ``No. 25-C-2236`` / ``Zab``)."""
    return bool(texts) and len(texts[-1].split()) <= 6 and not _is_prose(texts[-1]) and any(
        is_foot_line(t) or _SIGNATURE_LINE.match(t) for t in texts[-3:])


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
        parts = _letters(blocks[start:], opened=any(_DEAR.match(b.text) for b in blocks[:start]))
        for k, part in enumerate(parts):
            if k:  # an enclosure: its own header block before its first paragraph
                first = next((i for i, b in enumerate(part) if is_prose_block(b)), len(part))
                out.extend(self._front(part[:first]))
                part = part[first:]
            main, foot = self._split_foot(part, last=k == len(parts) - 1)
            for b in main:
                out.append(self._para_or_footnote(b))
            out.extend(foot)
        return out

    # -- header block

    def _front(self, blocks: list[_Block]) -> list[Block]:
        listed = _header_list(blocks)
        if listed is not None:  # the copies' addressees, printed in the header
            i, j = listed
            items = [self._dist_item(b, _DIST_ITEM.match(b.text) or _DASH_ITEM.match(b.text)) for b in blocks[i + 1:j]]
            distribution = Distribution(items, self._read([blocks[i]], "distribution"), _span(blocks[i:j]), place="top")
            return self._front(blocks[:i]) + [distribution] + self._front(blocks[j:])
        out: list[Block] = []
        dateline = None
        if blocks and _is_date_only(blocks[-1].text):
            dateline = blocks.pop()
        head_at = next((i for i, b in enumerate(blocks)
                        if (_HEAD_START.match(b.text) and len(b.text.split()) <= 15 and "[" not in b.text)
                        or (_HEAD_CONTINUE.match(b.text) and i > 0 and b.text.startswith("with "))), None)
        if head_at is None:
            if blocks:
                out.append(Opener(self._read(blocks, "opener"), _span(blocks)))
        else:
            end = head_at + 1
            while end < len(blocks) and _HEAD_CONTINUE.match(blocks[end].text):
                end += 1
            if head_at:
                out.append(Opener(self._read(blocks[:head_at], "opener"), _span(blocks)))
            out.append(Head(self._read(blocks[head_at:end], "head"), _span(blocks[head_at:])))
            if end < len(blocks):
                out.append(Opener(self._read(blocks[end:], "opener"), _span(blocks[end:])))
        if dateline:
            out.append(Dateline(self._read([dateline], "dateline"), _span([dateline])))
        return out

    # -- foot

    def _split_foot(self, blocks: list[_Block], last: bool = True) -> tuple[list[_Block], list[Block]]:
        """Cut the signature, distribution list, foot dateline and footnote texts off the end
        (of the page, or of a letter signed mid-page when not ``last``)."""
        end = len(blocks)
        notes: list[_Block] = []
        while end and (found := self._foot_note_at(blocks, end)) is not None:
            note, size = found
            notes.insert(0, note)
            end -= size
        tail: list[_Block] = []
        while end:
            if is_foot_line(blocks[end - 1].text):
                end -= 1
                tail.insert(0, blocks[end])
                continue
            head = _plain_list_above(blocks, end)  # (Seen by / Comrade Bényei / Comrade Rátkai)
            if head is None:
                break
            tail[0:0] = blocks[head:end]
            end = head
        signed: list[_Block] = []
        salute: list[_Block] = []
        at = _salute_at([b.text for b in blocks], end)
        if at is not None:
            salute, signed, end = [blocks[at]], blocks[at + 1:end], at
        while not salute and end > 1 and _signature_like(blocks[end - 1].text):
            end -= 1
            signed.insert(0, blocks[end])
        # a signer's name line is whole (a cut page's last line is not) and no line's continuation
        name_line = (not signed and end > 1 and self._short_name_line(blocks[end - 1].text)
                     and not blocks[end - 2].text.rstrip().endswith(",")
                     and not (self.cut_off and last and end == len(blocks)))
        if name_line:
            end -= 1
            signed = [blocks[end]]
            while end > 1 and (_signature_like(blocks[end - 1].text)
                               or len(signed) < 3 and self._short_name_line(blocks[end - 1].text)):
                end -= 1
                signed.insert(0, blocks[end])
        if signed and not salute and end > 1 and _SALUTE.match(blocks[end - 1].text):
            end -= 1
            salute = [blocks[end]]
        out: list[Block] = []
        typist = None
        if tail and _TYPIST.match(tail[0].text):
            typist = tail.pop(0).text
        if signed or typist:
            out.append(self._closer(salute, signed, typist, name_line))
        out.extend(self._foot_parts(tail))
        out.extend(self._footnote(b) for b in notes)
        return blocks[:end], out

    def _foot_note_at(self, blocks: list[_Block], end: int) -> tuple[_Block, int] | None:
        """The footnote ending at ``end`` under a record, and how many blocks it spans: a note
        whose call is printed, or a bracketed number's note printed without one (``[1] Written
        in pencil.``, an orphan); its last words may stand in a paragraph of their own
        (``... the advisability of`` / ``the Americans.``)."""
        last = blocks[end - 1]
        if end > 1 and last.text[:1].islower() and self._note_block(blocks[end - 2]) \
                and not blocks[end - 2].text.rstrip().endswith((".", "!", "?")):
            return _Block(blocks[end - 2].lines + last.lines), 2
        return (last, 1) if self._note_block(last) else None

    def _note_block(self, b: _Block) -> bool:
        m = _FOOTNOTE.match(b.text)
        return m is not None and (self._is_footnote(b) or m.group("m").startswith("["))

    @staticmethod
    def _short_name_line(text: str) -> bool:
        """A last short line such as ``24.III.50 Shtykov``, ``Victor Nanu`` or ``Envoy``; a line
        ending in a lower-case word is a phrase or a page cut off (``Puzanov tells the``)."""
        words = text.split()
        return 1 <= len(words) <= 4 and not text.rstrip().endswith((".", ",", ";", ":", "?", "!")) and \
            not words[-1][:1].islower() and \
            any(w[:1].isupper() and w.isalpha() and len(w) > 1 for w in words) and not _DIST_HEAD.match(text)

    def _closer(self, salute: list[_Block], signed: list[_Block], typist: str | None,
                name_line: bool) -> Closer:
        """The signature; bare name lines (``Victor Nanu``) give the signer's name as a whole."""
        content = self._read(signed, "closer") if signed else []
        if name_line:
            content = _name_first_capitalised(_unwrap_names(content))
        elif content and not _has_person(content):
            content = _name_first_capitalised(content)
        salute_content = self._read(salute, "closer") if salute else None
        span = _span(salute + signed) if signed else None
        if content and not _has_person(content):  # no signer named: closing lines, not a signature
            return Closer([], typist, salute_content, span, lines=content)
        return Closer(content, typist, salute_content, span)

    def _foot_parts(self, tail: list[_Block]) -> list[Block]:
        out: list[Block] = []
        i = 0
        while i < len(tail):
            head = None
            if _list_head(tail, i):
                head, i = self._read([tail[i]], "distribution"), i + 1
            items = []
            while i < len(tail):
                m = _list_item(tail[i].text, under_label=head is not None)
                if not m:
                    break
                items.append(self._dist_item(tail[i], m))
                i += 1
            if items:
                out.append(Distribution(items, head, items[0].span))
                continue
            j = i + 1
            while j < len(tail) and not (_DIST_ITEM.match(tail[j].text) or _list_head(tail, j)):
                j += 1
            out.append(Dateline(self._read(tail[i:j], "dateline"), _span(tail[i:j])))
            i = j
        return out

    def _dist_item(self, b: _Block, m: re.Match) -> DistItem:
        ln = b.lines[0]
        numbered = m.group("label") is not None  # (else: 1x Comrade Florin)
        rest = "rest" if numbered else "to"
        cut = m.start(rest) if m.group(rest) else len(b.text)
        content = self.inline.read_block(
            BlockText.of([Line(ln.no, b.text[cut:], ln.col + cut)]), "distribution")
        return DistItem((m.group("label") if numbered else m.group("count")).rstrip("."), content, _span([b]))

    # -- paragraphs and footnotes

    def _is_footnote(self, b: _Block) -> bool:
        marker = _FOOTNOTE.match(b.text).group("m")
        if marker.startswith("["):
            return marker in self.inline.bracket_markers or marker[1:-1] in self.inline.glued_calls
        return not marker[0].isdigit() or marker[:-1].lower() in self.call_markers

    def _para_or_footnote(self, b: _Block) -> Block:
        m = _FOOTNOTE.match(b.text)
        if m and self._is_footnote(b):
            return self._footnote(b)
        zone = "opener" if len(b.lines) == 1 and is_header_line(b.text) else "body"
        return Para(self._read([b], zone), _span([b]), lang=script_language(b.text))

    def _footnote(self, b: _Block) -> Footnote:
        m = _FOOTNOTE.match(b.text)
        ln = b.lines[0]
        cut = m.start("rest")
        first = Line(ln.no, ln.text[cut:], ln.col + cut)
        content = self.inline.read_block(BlockText.of([first] + b.lines[1:]), "body")
        return Footnote(m.group("m"), content, span=_span([b]))

    def _read(self, blocks: list[_Block], zone: str) -> list[Inline]:
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


#: A signature mark that ends a letter wherever it stands on the page (``/signature/ KALASHNIKOV``,
#: ``[Signature] (S. Chervonenko)``, ``/-/ Nowak``, ``Signed: N. Popa``).
_SIGNATURE_MARKED = re.compile(rf"{_SIGNATURE_MARK.pattern}|^\[signed\]|^/-/\s*(?-i:[A-Z])"
                               r"|^(?-i:Signed:? [A-Z])", re.I)


def _letters(blocks: list[_Block], opened: bool = False) -> list[list[_Block]]:
    """The documents of a page: a letter signed mid-page, then what it encloses (a report, a
    record of conversation), each with its own signature. A letter ends after a marked
    signature line, or after a salutation and the signer's lines (``With comradely
    greetings, / Col. Josef Houska / Chief of the 1st Administration``), or, when it opened
    with ``Dear ...`` (``opened``: above the first paragraph) or says what it sends (``I am
    sending a report ...``), after the signer's name alone under its last paragraph
    (``J. Herrmann``); and after the distribution list and foot lines under them, when
    paragraphs follow."""
    parts: list[list[_Block]] = []
    begin = i = 0
    while i < len(blocks) - 1:
        opened = opened or _DEAR.match(blocks[i].text) is not None or _SENDING.match(blocks[i].text) is not None
        end = _letter_end(blocks, i, opened) if i > begin else None
        if end is not None and any(is_prose_block(b) and not _FOOTNOTE.match(b.text) for b in blocks[end:]):
            parts.append(blocks[begin:end])
            begin = i = end
            opened = False
        else:
            i += 1
    return parts + [blocks[begin:]]


def _letter_end(blocks: list[_Block], i: int, opened: bool = False) -> int | None:
    """Where the letter whose signature starts at ``i`` ends (after its foot), or None;
    ``opened``: the letter opened with ``Dear ...`` or said what it sends."""
    text = blocks[i].text
    if opened and is_prose_block(blocks[i - 1]) and _named_alone(text):
        end = i + 1
    elif _SIGNATURE_MARKED.search(text) and _signature_like(text):
        end = i + 1
        while end < len(blocks) and _SIGNATURE_LINE.match(blocks[end].text):  # (S. SUZDALEV)
            end += 1
    elif _SALUTE.match(text):
        end = i + 1
        while end < len(blocks) and end - i <= 3 and _signer_line(blocks[end].text):
            end += 1
        if end == i + 1:
            return None
    else:
        return None
    while end < len(blocks) and (is_foot_line(blocks[end].text) or _list_head(blocks, end)):
        end += 1
    return end


#: The salutation a letter opens with (``Dear Comrade Honecker,``).
_DEAR = re.compile(r"^(?:My )?Dear\b", re.I)
#: A cover letter's sentence (``I am sending a report about ...``, ``Enclosed is ...``).
_SENDING = re.compile(r"^(?:I|We) (?:am |are )?(?:send|sending|forward|forwarding|enclose|enclosing|transmit"
                      r"|transmitting)\b|^(?:Enclosed|Attached|Herewith) ")


def _named_alone(text: str) -> bool:
    """A line that is one person's name and nothing else (``J. Herrmann``, ``I. STALIN``)."""
    name = text.strip()
    return len(name.split()) <= 4 and any(m.start == 0 and m.end == len(name) for m in find_persons(name))


_MARK_LINE = re.compile(r"^\[(?:signed|signature|illegible signature)\]$", re.I)
#: The heading of what a letter encloses.
_ENCLOSED = re.compile(r"^(?:appendix|attachment|enclosure|annex|supplement)\b", re.I)


def _salute_at(texts: list[str], end: int, lowest: int = 1) -> int | None:
    """The index of the salutation whose signer's lines run up to ``end`` (``With comradely
    greetings,`` / ``Col. Josef Houska`` / ...): the nearest of the two to four lines above
    ``end``, at index ``lowest`` or later, every line under it a signer's line; else None."""
    for k in range(end - 2, max(lowest - 1, end - 5), -1):
        if _SALUTE.match(texts[k]):
            return k if all(_signer_line(t) for t in texts[k + 1:end]) else None
    return None


def _signer_line(text: str) -> bool:
    """A line under a salutation: the signer's name, rank or office (``Col. Josef Houska``,
    ``Ministry of Interior``): a few capitalised words, no sentence."""
    words = text.split()
    if _MARK_LINE.match(text):  # [signed], [signature]
        return True
    return 1 <= len(words) <= 6 and not text.rstrip().endswith((".", ",", ";", ":")) \
        and words[0][:1].isupper() and not _HEAD_START.match(text) \
        and not _ENCLOSED.match(text)  # (no RECORD OF A CONVERSATION, no Appendix)


def _header_list(blocks: list[_Block]) -> tuple[int, int] | None:
    """Where a header prints its copies' addressees (``Produced in 6 copies for:`` then ``- Comrade
    Puja`` ...), as Hungarian reports do: the label line's index and the end of its items."""
    for i, b in enumerate(blocks):
        if _DIST_HEAD.match(b.text):
            j = i + 1
            while j < len(blocks) and (_DIST_ITEM.match(blocks[j].text) or _DASH_ITEM.match(blocks[j].text)):
                j += 1
            if j > i + 1:
                return i, j
    return None


def _list_head(tail: list[_Block], i: int) -> bool:
    """A label line (``Copies:``, ``Five copies printed``) right before a list's first item."""
    return (_DIST_HEAD.match(tail[i].text) is not None and i + 1 < len(tail)
            and _list_item(tail[i + 1].text, under_label=True) is not None)


def _list_item(text: str, under_label: bool) -> re.Match | None:
    """A distribution list's item (``1 - Cde. Gromyko``, ``1x Embassy``); under the list's label
    also a numbered line (``1. Cde. Gromyko``) or a plain one (``Comrade Bényei``)."""
    return _DIST_ITEM.match(text) or (_DIST_NUMBERED.match(text) or _plain_item(text) if under_label else None)


#: An item printed with neither number nor dash, under a list's label (``Comrade Bényei``).
_PLAIN_ITEM = re.compile(r"^(?P<label>)(?P<rest>\S.{0,60})$")


def _plain_item(text: str) -> re.Match | None:
    """A short line under a list's label that is no other foot line (no label, number or date)."""
    if len(text.split()) > 6 or _DIST_HEAD.match(text) or is_foot_line(text) or _is_prose(text):
        return None
    return _PLAIN_ITEM.match(text)


def _plain_list_above(blocks: list[_Block], end: int) -> int | None:
    """Where a list of plain items that ends at ``end`` starts with its label line: the label's
    index, or None (``Distributed to`` / ``Cdes. Stalin`` / ``Molotov`` ...)."""
    k = end - 1
    while k > 0 and end - k <= 15 and _plain_item(blocks[k].text):
        k -= 1
    return k if k < end - 1 and _DIST_HEAD.match(blocks[k].text) else None


_NOTE_NUMBER = re.compile(r"\[(\d{1,2})\] ")


def _glued_calls(blocks: list[_Block]) -> frozenset[str]:
    """The numbers of notes ``[1] ...`` whose calls are printed as bare digits glued to the word
    before them, a superscript flattened (``To: MILNIKIEL1``). Only when every such note has one
    call, in the notes' order, and no ``[1]`` call is printed: ``MiG15`` or ``G7`` is no call."""
    notes = [m.group(1) for b in blocks if (m := _NOTE_NUMBER.match(b.text))]
    if not notes or notes != [str(i) for i in range(1, len(notes) + 1)]:
        return frozenset()
    text = [b.text for b in blocks if not _NOTE_NUMBER.match(b.text)]
    if any(f"[{n}]" in t for t in text for n in notes):  # bracket calls: bracket_markers reads them
        return frozenset()
    calls = [m.group(1) for t in text for m in GLUED_CALL.finditer(t) if m.start() and m.group(1) in notes]
    return frozenset(notes) if calls == notes else frozenset()


def _span(blocks: list[_Block]) -> Span:
    ln = blocks[0].lines[0]
    return Span(ln.no, ln.col)


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
                if NUMBER_SIGN.match(c, m.start("run")):  # Nº 527: a number, no signer
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
