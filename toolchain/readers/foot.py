"""The foot of a record and where a letter ends (encoding guide §2.1 rows 8-12, §3.3 M-P).

Shapes only, read from the lines' text: signature and salutation lines, the
distribution list and its label, typist codes, registry numbers and dates under
the text, the summary of a page cut off under its foot, and the end of a letter
signed mid-page with what it encloses. ``body.BodyReader`` builds the blocks
from them.
"""
from __future__ import annotations

import re

from toolchain.readers.blocks import FOOTNOTE, HEAD_START, TextBlock, is_prose, is_prose_block
from toolchain.readers.dates import find_dates, parse_full_date
from toolchain.readers.lexicon import is_english
from toolchain.readers.names import find_persons
from toolchain.readers.source import Line

#: ``1 - to Cde. Gromyko``, ``2. - Cde. Fedorenko``, ``1st - to Cde. A. A. Gromyko``, ``1st to the
#: addressee``; a page cut off after the separator (``5th - ``) leaves an item without text.
DIST_ITEM = re.compile(r"^(?:(?P<label>\d{1,2}(?:st|nd|rd|th)?\.?)\s*(?:[-–—]\s*|(?<=[a-z]) (?=to ))"
                       r"(?P<rest>\S.*)?"
                       r"|(?P<count>\d{1,2} ?x) (?P<to>\S.*))$")  # (1x Comrade Florin: one copy)
#: An item of a list printed with a dash and no number (``- Comrade Puja``).
_DASH_ITEM = re.compile(r"^(?P<label>)[-–—•]\s*(?P<rest>\S.*)$")
_DIST_NUMBERED = re.compile(r"^(?P<label>\d{1,2}\.)\s*(?P<rest>\S.*)$")
DIST_HEAD = re.compile(r"^((Copies|Distribution|Sent to|Distributed to|Copies to|CC|(To be )?[Ss]een by)\s*:?"
                       r"|(Distributed|Sent|Circulated) (according to|as per) (a |the )?(distribution )?list\.?"
                       r"|(Printed |Produced |Typed |Made )?(in )?(\d{1,2}|one|two|three|four|five|six|seven|"
                       r"eight|nine|ten|eleven|twelve) cop(y|ies)\.?( \S+){0,3}\s*:?)$", re.I)  # (3 copies. mp)
TYPIST = re.compile(r"^\d{0,3}-?(?:[A-ZА-Я]{1,4}/[a-zа-я]{1,4}|[a-zа-я]{1,4}/[A-ZА-Я]{1,4})$")  # (me/MB)
#: A number alone on its line, maybe labelled (``Nº 480``, ``Incoming Nº M-6843s``), or a file code
#: (``346-V``).
_FOOT_NO = re.compile(r"^(?:(?:Incoming|Outgoing|Ref\.|Reg\.)\s+)?(Nº|№|N°|No\.)\s*\S+$|^\d{1,6}(?:[-/]\w{1,6})+$",
                      re.I)
#: A stamp described on its own line (``[Stamp:] Secretariat of V. M. Molotov``).
_STAMP_LINE = re.compile(r"^\[(?:[^\[\]]{0,40}\s)?stamps?\b[^\[\]]{0,40}\]", re.I)
#: The salutation above a signature (``With comradely greetings,``, ``Yours sincerely,``).
SALUTE = re.compile(r"^(With|Yours|Sincerely|Respectfully|Best|Comradely|Greetings|Kind|Warm)\b.{0,60}"
                    r"(?:,|greetings|regards|respect)$", re.I)  # (With socialist greetings)
#: The Polish mark of a signed original before the name, maybe with the translator's words
#: about the signer (``/-/ Nowak``, ``/-/ [Polish Ambassador in Moscow Wladyslaw] Napieraj``).
_SLASH_MARK = r"/-/\s*(?:\[[^\]]{1,80}\]\s*)?(?-i:[A-Z])"
#: The British mark of a copy's signature (``(Sgd.) F.C. HOW``).
_SGD_MARK = r"\(Sgd\.?\)"
#: ``[signature] (A. PUZANOV)``, ``[handwritten signature] G. [Pushkin]``, ``/signature/ KALASHNIKOV``,
#: ``/I. Kurdyukov/``, ``Signed: N. Popa``, ``"Correctly": GENERAL OF THE ARMY SHTEMENKO`` (who
#: attests the copy)
SIGNATURE_LINE = re.compile(r"^(.{0,60}[\[/](?:handwritten )?signature[\]/]|\(.*\)$|\[[A-Z][^\]]{1,40}\]$"
                            r"|/[^/]{2,40}/$"
                            r"|[^()]{0,80}\((?-i:[A-Z])\.\s?[^()]{1,40}\)$"  # (... OF CUBA (A. ALEKSEYEV))
                            r"|[–-] ?\d{1,4} ?[–-] [^–]{2,40} [–-]$"  # (Hungarian telegrams: – 84 – Ágoston –)
                            r"|Signed:?$|(?-i:Signed:? [A-Z])|" + _SLASH_MARK + "|" + _SGD_MARK
                            + r"|[\"“]?(?:Correct(?:ly)?|True copy)[\"”]?:)", re.I)  # (the copy attested: Verno)
#: A signature mark printed in the line (``... in the MPR [Signature] V[asily]. Pisarev``).
_SIGNATURE_MARK = re.compile(r"[\[/](?:handwritten )?signature[\]/]", re.I)

#: The hour after a foot's date (``18 June 1953, 2:30 p.m.``), maybe a note's call glued to it.
_HOUR = re.compile(r",?\s*(?:at\s+)?\d{1,2}[:.]\d\d(?:\s*[ap]\.m\.(?:\d{1,2}\b)?)?$")


def is_date_only(text: str) -> bool:
    """A line that is a date and nothing else, maybe with its hour (a foot's or header's dateline)."""
    return bool(parse_full_date(_HOUR.sub("", text.strip()).rstrip("."), whole=True))


def signature_like(text: str) -> bool:
    """A signature line: a marked one (``[signature] (A. PUZANOV)``), or a short line mostly in
    capitals (``I. STALIN``, ``AMBASSADOR OF THE USSR``)."""
    words = text.split()
    marked = _SIGNATURE_MARK.search(text) or SIGNATURE_LINE.match(text)  # (an office, then the name)
    if not words or len(words) > (14 if marked else 8) \
            or is_prose(text) and not SIGNATURE_LINE.match(text):
        return False
    letters = [c for c in text if c.isalpha()]
    caps = sum(1 for c in letters if c.isupper())
    return bool(SIGNATURE_LINE.match(text)) or (len(letters) >= 3 and caps / len(letters) > 0.8)


def is_foot_line(text: str) -> bool:
    """A line of a record's foot: distribution list, typist code, number, date (Nº 480, 5 July 1972),
    a stamp."""
    return bool(DIST_ITEM.match(text) or DIST_HEAD.match(text) or TYPIST.match(text)
                or _FOOT_NO.match(text) or is_date_only(text)
                or _STAMP_LINE.match(text) and len(text.split()) <= 10
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
    heading (``1. Important Officials Met`` looks like a distribution item). A page whose
    stored text ends with the whole summary shows it after the signature as a sentence that
    names the writer in the third person (``F.C. How of the Ministry of Supply replies to ...``).
    """
    filled = [i for i, ln in enumerate(lines) if not ln.blank]
    if len(filled) >= 2:
        last, before = lines[filled[-1]], lines[filled[-2]]
        words = last.text.split()
        texts = [lines[k].text for k in filled]
        signature = SIGNATURE_LINE.match(before.text) is not None \
            or salute_at(texts, len(texts) - 1, lowest=0) is not None
        cut = (2 <= len(words) <= SUMMARY_WORDS
               and (words[-1][:1].islower() or signature or len(words) >= _SENTENCE_WORDS)
               and (words[-1][-1:].isalpha() or signature and _reports(last.text))
               or len(words) == 1 and words[0].isalpha() and not signature_like(last.text))
        under_notes = FOOTNOTE.match(before.text) is not None  # (the record's notes, then the summary)
        if words[0][:1].isupper() and cut and (signature or is_foot_line(before.text) or len(words) >= _SENTENCE_WORDS
                                               and (under_notes or _under_foot(texts[:-1]))):
            return lines[:filled[-1]], [last]
    return lines, []


#: A summary's sentence: its subject and a verb of reporting in the present tense, no first person.
_REPORTING = re.compile(r"^.{2,120}?\b(?:replies|writes|reports|informs|describes|discusses|tells|asks"
                        r"|requests|thanks|proposes|conveys|expresses|sends|explains|summarizes|recounts)\b")


def _reports(text: str) -> bool:
    """A sentence of the page's summary, not the record's (``F.C. How ... replies to ...``)."""
    return bool(_REPORTING.match(text)) and not re.search(r"\b(?:I|we|We|my|our|Our)\b", text)


#: Words enough for a sentence of the summary, not a name (``Kim Yu Sun``) or a heading.
_SENTENCE_WORDS = 6


def _under_foot(texts: list[str]) -> bool:
    """The last of ``texts`` is a short line of a record's foot: a foot or signature line is
    among the last three (``(I. Vinogradov)`` / ``No. 25-C-2236`` / ``Zab``)."""
    return bool(texts) and len(texts[-1].split()) <= 6 and not is_prose(texts[-1]) and any(
        is_foot_line(t) or SIGNATURE_LINE.match(t) for t in texts[-3:])


#: ``[Signature] (S. Chervonenko)``, ``/-/ Nowak``, ``Signed: N. Popa``).
_SIGNATURE_MARKED = re.compile(rf"{_SIGNATURE_MARK.pattern}|^\[signed\]|^{_SLASH_MARK}"
                               rf"|^(?-i:Signed:? [A-Z])|^{_SGD_MARK}", re.I)
_SGD = re.compile(rf"^{_SGD_MARK}\s")


def letters(blocks: list[TextBlock], opened: bool = False) -> list[list[TextBlock]]:
    """The documents of a page: a letter signed mid-page, then what it encloses (a report, a
    record of conversation), each with its own signature. A letter ends after a marked
    signature line, or after a salutation and the signer's lines (``With comradely
    greetings, / Col. Josef Houska / Chief of the 1st Administration``), or, when it opened
    with ``Dear ...`` (``opened``: above the first paragraph) or says what it sends (``I am
    sending a report ...``), after the signer's name alone under its last paragraph
    (``J. Herrmann``); and after the distribution list and foot lines under them, when
    paragraphs follow. An unsigned cover note ends after its distribution list and the
    number or date under it (``_unsigned_list_end``)."""
    parts: list[list[TextBlock]] = []
    begin = i = 0
    while i < len(blocks) - 1:
        opened = opened or DEAR.match(blocks[i].text) is not None or _SENDING.match(blocks[i].text) is not None
        end = _letter_end(blocks, i, opened) if i > begin else None
        if end is not None and any(is_prose_block(b) and not FOOTNOTE.match(b.text) for b in blocks[end:]):
            parts.append(blocks[begin:end])
            begin = i = end
            opened = False
        else:
            i += 1
    return parts + [blocks[begin:]]


def _letter_end(blocks: list[TextBlock], i: int, opened: bool = False) -> int | None:
    """Where the letter whose signature starts at ``i`` ends (after its foot), or None;
    ``opened``: the letter opened with ``Dear ...`` or said what it sends."""
    text = blocks[i].text
    if opened and is_prose_block(blocks[i - 1]) and named_alone(text):
        end = i + 1
    elif _SIGNATURE_MARKED.search(text) and signature_like(text):
        end = i + 1
        while end < len(blocks) and (SIGNATURE_LINE.match(blocks[end].text)  # (S. SUZDALEV)
                                     or named_alone(blocks[end].text)):
            end += 1  # (the name under the mark: /signature/ / T. SHTYKOV)
    elif SALUTE.match(text):
        end = i + 1
        while end < len(blocks) and end - i <= 3 and _signer_line(blocks[end].text):
            end += 1
        if end == i + 1:
            return None
    elif (end := _unsigned_list_end(blocks, i)) is None:
        return None
    while end < len(blocks) and (is_foot_line(blocks[end].text) or list_head(blocks, end)):
        end += 1
    return end


def _unsigned_list_end(blocks: list[TextBlock], i: int) -> int | None:
    """The end of the distribution list of an unsigned cover note (``We are sending you ...`` /
    ``1 - to the addressee`` / ``2 - to file`` / ``Nº 946-dv`` / ``7 April 1955``), as Soviet
    ministries sent them: short numbered items right under a paragraph, then a number or date
    line, which a numbered point of the text never has under it."""
    if not is_prose_block(blocks[i - 1]):
        return None
    end = i
    while end < len(blocks) and DIST_ITEM.match(blocks[end].text) and len(blocks[end].text.split()) <= 8:
        end += 1
    if end == i or end == len(blocks) or not (_FOOT_NO.match(blocks[end].text) or is_date_only(blocks[end].text)):
        return None
    return end


#: The salutation a letter opens with (``Dear Comrade Honecker,``).
DEAR = re.compile(r"^(?:My )?Dear\b", re.I)
#: A cover letter's sentence (``I am sending a report about ...``, ``Enclosed is ...``).
_SENDING = re.compile(r"^(?:I|We) (?:am |are )?(?:send|sending|forward|forwarding|enclose|enclosing|transmit"
                      r"|transmitting)\b|^(?:Enclosed|Attached|Herewith) ")


def named_alone(text: str) -> bool:
    """A line that is one person's name and nothing else (``J. Herrmann``, ``I. STALIN``)."""
    name = text.strip()
    return len(name.split()) <= 4 and any(m.start == 0 and m.end == len(name) for m in find_persons(name))


#: The words of an office a signer prints in lower case after the name.
_OFFICE_WORDS = frozenset("""ambassador chargé charge d'affaires d’affaires ad interim counsellor counselor
consul first second third secretary minister envoy attaché attache of the embassy""".split())


def name_and_office_in_lower_case(text: str) -> bool:
    """A signer's name and the office in lower case after it (``Ferenc Rátkai chargé d'affaires
    ad interim``), as Hungarian reports end."""
    m = next((m for m in find_persons(text) if m.start == 0), None)
    rest = text[m.end:].split() if m else []
    return 1 <= len(rest) <= 6 and all(w.lower() in _OFFICE_WORDS and w[:1].islower() for w in rest)


_MARK_LINE = re.compile(r"^\[(?:signed|signature|illegible signature)\]$", re.I)
#: The heading of what a letter encloses.
_ENCLOSED = re.compile(r"^(?:appendix|attachment|enclosure|annex|supplement)\b", re.I)


def salute_at(texts: list[str], end: int, lowest: int = 1) -> int | None:
    """The index of the salutation whose signer's lines run up to ``end`` (``With comradely
    greetings,`` / ``Col. Josef Houska`` / ...): the nearest of the two to four lines above
    ``end``, at index ``lowest`` or later, every line under it a signer's line; else None."""
    for k in range(end - 2, max(lowest - 1, end - 5), -1):
        if SALUTE.match(texts[k]):
            return k if all(_signer_line(t) for t in texts[k + 1:end]) else None
    return None


def _signer_line(text: str) -> bool:
    """A line under a salutation: the signer's name, rank or office (``Col. Josef Houska``,
    ``Ministry of Interior``): a few capitalised words, no sentence."""
    words = text.split()
    if _MARK_LINE.match(text) or _SGD.match(text) and len(words) <= 6:  # [signed], (Sgd.) F.C. HOW
        return True
    if len(words) <= 14 and _name_comma_office(text):
        return True
    return 1 <= len(words) <= 6 and not text.rstrip().endswith((".", ",", ";", ":")) \
        and words[0][:1].isupper() and not HEAD_START.match(text) \
        and not _ENCLOSED.match(text)  # (no RECORD OF A CONVERSATION, no Appendix)


def _name_comma_office(text: str) -> bool:
    """The signer's name and, after a comma, the office (``Wladislaw Gomulka, Central Committee
    of the Polish United Workers Party``): no sentence (no full stop, no word in lower case
    but the small words of a name)."""
    name, comma, office = text.partition(", ")
    return bool(comma) and not text.rstrip().endswith((".", ",", ";", ":")) \
        and all(w[:1].isupper() or w in ("of", "the", "and", "for", "in") for w in office.split()) \
        and 1 <= len(name.split()) <= 4 and all(w[:1].isupper() and not is_english(w.rstrip("."))
                                                for w in name.split())


def header_list(blocks: list[TextBlock]) -> tuple[int, int] | None:
    """Where a header prints its copies' addressees (``Produced in 6 copies for:`` then ``- Comrade
    Puja`` ...), as Hungarian reports do: the label line's index and the end of its items."""
    for i, b in enumerate(blocks):
        if DIST_HEAD.match(b.text):
            j = i + 1
            while j < len(blocks) and header_item(blocks[j].text):
                j += 1
            if j > i + 1:
                return i, j
    return None


def header_item(text: str) -> re.Match | None:
    """An item of a list the header prints: numbered, or after a dash (``- Comrade Puja``)."""
    return DIST_ITEM.match(text) or _DASH_ITEM.match(text)


def list_head(tail: list[TextBlock], i: int) -> bool:
    """A label line (``Copies:``, ``Five copies printed``) right before a list's first item."""
    return (DIST_HEAD.match(tail[i].text) is not None and i + 1 < len(tail)
            and list_item(tail[i + 1].text, under_label=True) is not None)


def list_item(text: str, under_label: bool) -> re.Match | None:
    """A distribution list's item (``1 - Cde. Gromyko``, ``1x Embassy``); under the list's label
    also a numbered line (``1. Cde. Gromyko``) or a plain one (``Comrade Bényei``)."""
    return DIST_ITEM.match(text) or (_DIST_NUMBERED.match(text) or _plain_item(text) if under_label else None)


#: An item printed with neither number nor dash, under a list's label (``Comrade Bényei``).
_PLAIN_ITEM = re.compile(r"^(?P<label>)(?P<rest>\S.{0,60})$")


def _plain_item(text: str) -> re.Match | None:
    """A short line under a list's label that is no other foot line (no label, number or date)."""
    if len(text.split()) > 6 or DIST_HEAD.match(text) or is_foot_line(text) or is_prose(text):
        return None
    return _PLAIN_ITEM.match(text)


def plain_list_above(blocks: list[TextBlock], end: int) -> int | None:
    """Where a list of plain items that ends at ``end`` starts with its label line: the label's
    index, or None (``Distributed to`` / ``Cdes. Stalin`` / ``Molotov`` ...)."""
    k = end - 1
    while k > 0 and end - k <= 15 and _plain_item(blocks[k].text):
        k -= 1
    return k if k < end - 1 and DIST_HEAD.match(blocks[k].text) else None
