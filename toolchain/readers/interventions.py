"""Classifying one bracket: the decision order of encoding guide §3.1.

Each bracket becomes exactly one model node (one intervention). The first
rule that fits wins; inner brackets are classified on their own by the
caller's recursion (``read_parts``).
"""
from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import Callable, Protocol

from toolchain.model import (Email, Foreign, Gap, Inline, Name, Note, Sic, Stamped, Supplied,
                             Unclear)
from toolchain.readers.brackets import Bracket, Run
from toolchain.readers.lexicon import (EAST_ASIAN_SURNAMES, english_votes, fold, is_demonym,
                                       is_east_asian_surname, is_english, is_other_language_word, is_proper_noun,
                                       is_romanised_given_name, romanisation_key, russian_votes)
from toolchain.readers.names import HONORIFICS, UPPER, find_persons

_ILLEGIBLE = re.compile(r"\b(illegible|unreadable|not legible|indecipherable|undecipherable)\b", re.I)
_OMITTED = re.compile(r"^(…|\.\.\.|\. \. \.|\.\.\.\.)$")
_SIC = re.compile(r"^sic\b\s*[;:,.]?\s*(?P<rest>.*)$", re.I | re.S)
#: ``Translator's note:``, and its short forms ``Trans. note:``, ``Transl. note``, ``Translator note``.
_TRANSLATOR = re.compile(r"^\s*(?:translator(?:[’'`]?s)?|trans\.|transl\.|ed\.|editor(?:[’'`]?s)?)"
                         r"\s+note\s*[:.]?\s*", re.I)  # (and the editors': [Ed. Note: ...])
#: The translator's mark after the note instead (``[meaning a guided missile—trans.]``).
_TRANSLATOR_AFTER = re.compile(r"(?:[-–—]\s*(?:trans|transl|translator)\.?|\((?:trans|transl)\.\))\s*$", re.I)
#: The label the renderer prints back (guide §3.3 K), dropped from the TEI; a short form is kept.
_TRANSLATOR_FULL = re.compile(r"^\s*translator[’'`]?s\s+note\s*[:.]?\s*", re.I)
_HANDWRITTEN = re.compile(r"^\s*(?:handwrit(?:ten|ing)\b|(?:inserted|added|written|corrected|noted) by hand\b)",
                          re.I)
#: A short description of the paper (rule 8): ``[date left blank]``, ``[letterhead with eagle]``.
_PAPER = re.compile(r"\b(?:left blank|blank space|off the page|page break|(?:next|previous) page|blacked out|"
                    r"end (?:of )?(?:the )?page|emphasis in the original|"
                    r"(?:illegible )?signatures (?:and .{0,40})?follow|"
                    r"^(?:the )?(?:state |official |round )?seal$|^signatures(?=:)|"
                    r"letterhead|underlined|crossed out|struck out|"
                    r"torn off|watermark|(?:stamp|seal) and handwriting"
                    r"|(?:two|three|several|\d+) (?:illegible )?signatures)\b", re.I)  # (how many signed)
#: A stamp's label before ``:`` or ``;`` (``[Stamps:]`` before the stamps' words), or the word
#: Stamp, maybe with two words before it, before the stamp's number (``[Stamp 042. 4 January
#: 1961]``, ``[Illegible stamp no 023011]``).
_STAMP_LABEL = re.compile(r"^(?:(?P<label>[^:;\[\]]{0,80}?\bstamps?\b[^:;\[\]]{0,20}?)\s*[:;]"
                          r"|(?:[a-z]+\s+){0,2}?stamp(?:\s+(?:no\.?|nº|№))?(?=\s+\d)"
                          r"|stamps?$)", re.I)  # ([Stamp]: USSR MFA, the label alone in the bracket)
#: Rule 7 (``[signature]``, ``[signatures]``). ``[signed]`` is no signature gap: the guide's
#: rule 7 takes the word signature only, and its rule 12 makes the word supplied.
_SIGNATURE = re.compile(r"^(illegible\s+)?signatures?(\s+illegible)?$", re.I)
_PHYSICAL = re.compile(
    r"^(there (is|are|was|were)\b|the (document|page|text|paper|original)\b|"
    r"the (last|first|second) (page|line|sheet|paragraph|part|word|copy)s?\b|"  # (not the first six months)
    r"on the (margin|back|reverse|first|last|top|bottom)\b|in the margin\b|at the (top|bottom|end)\b|"
    r"this (portion|part|passage|paragraph|sentence|section|line|page)\b|signatures(?=:))",
    re.I)
_SIC_COMMENT = re.compile(r"\b(spelling|unknown|unclear|original|probably|possibly|likely|presumably|"
                          r"should|means?|read|error|mistake|typo|correct|perhaps|apparently|"
                          r"in the text|as in)\b", re.I)
_WORD = re.compile(r"[\w’'-]+")
_MONTH_WORD = re.compile(r"^(January|February|March|April|May|June|July|August|September|October|"
                         r"November|December)$", re.I)
#: An acronym, maybe with a small letter inside or an accent (``MVT``, ``GKEhS``, ``MfS``, ``ÚRO``).
_ACRONYM = rf"[{UPPER}](?:[{UPPER}0-9]|[a-z](?=[A-Z])){{1,9}}\b"
_ACRONYM_END = re.compile(rf"\b{_ACRONYM}\s*$")
#: Only acronyms, maybe joined by small words (``MNO``, ``CC of the BCP``).
_ACRONYMS = re.compile(rf"{_ACRONYM}(?:\s+(?:(?:of|the|and)\s+)*{_ACRONYM})*")
#: A name of two capitalised words or more, maybe joined by small words, at the end of a text
#: (``the Central Committee of the Bulgarian Communist Party``).
_CAPITALISED_NAME_END = re.compile(r"\b[A-Z][a-z]+(?:\s+(?:(?:of|the|and|for)\s+)*[A-Z][a-z]+)+\s*$")
_CAP_RUN_END = re.compile(r"((?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*)\s*$")
_CAP_RUN_START = re.compile(r"^\s*([A-Z][\w’'-]*)")
#: A place noun right after a bracket (``Jagang [Chagang] Province``) ...
_PLACE_AFTER = re.compile(r"^\s*(?:province|county|city|district|region|prefecture|oblast|krai|island|"
                          r"peninsula|bay|river|strait|street|square|avenue|station|airport|harbou?r|"
                          r"port|valley|mountains?|lake|sea)\b", re.I)
#: ... or a list of places after its noun (``the towns of Sariwon, Guseong [Kusong] and``).
_PLACES_BEFORE = re.compile(
    r"\b(?:towns?|cit(?:y|ies)|provinces?|count(?:y|ies)|villages?|districts?|regions?|ports?|"
    r"islands?|areas?|prefectures?|settlements?) of\s+(?:[A-Z][\w’'-]*(?:\s+\[[^\]]*\])?,?\s+"
    r"(?:and\s+)?)*[A-Z][\w’'-]*\s*$")


class Reader(Protocol):
    """What the classifier needs from the inline reader."""

    def read_parts(self, parts: list, zone: str) -> list[Inline]: ...
    def read_text(self, text: str, start: int, zone: str) -> list[Inline]: ...
    def warn(self, offset: int, rule: str, message: str) -> None: ...
    def bracket_call(self, digits: str, glued: bool) -> Inline | None: ...


def words(text: str) -> list[str]:
    return _WORD.findall(text)


#: The translator explaining the word before as a cover name (``Instantsiya [codename for Stalin]``).
_CODE_NAME = re.compile(r"^(?:a |the )?(?:code ?name|cover name|pseudonym|nickname|alias)\b", re.I)


def classify(br: Bracket, reader: Reader, before: str, after: str, zone: str,
             carve: Callable[[int, bool], str | None]) -> Inline:
    """Turn bracket ``br`` into one node. ``before``/``after`` are the neighbouring texts;
    ``carve(n, name)`` removes and returns the last ``n`` words printed before the bracket
    (the whole capitalised name when ``name``), for ``[sic]``."""
    flat = br.flat().strip()
    inner_zone = ("stamp" if zone == "stamp" else
                  "opener-note" if zone in ("opener", "opener-note", "head", "dateline") else "note")
    if br.double:
        if _ILLEGIBLE.search(flat):
            return Gap("illegible", desc=flat)
        return Unclear(reader.read_parts(br.parts, inner_zone))
    stamp_label = _STAMP_LABEL.match(flat)
    # the word stamp with no label before a colon: its number ([Illegible stamp no 023011], even
    # an illegible one's) or nothing ([Stamp]), a stamp before the illegible rule
    unlabelled = stamp_label is not None and stamp_label.group("label") is None
    if unlabelled and (stamp := _stamp(br, reader, inner_zone)):
        return stamp
    if _ILLEGIBLE.search(flat) and len(words(flat)) <= 5 and "[" not in flat and not _PAPER.search(flat):
        return Gap("illegible", desc=flat)
    if _OMITTED.match(flat):
        return Gap("omitted")
    if flat.lower() in ("email protected", "email\u00a0protected"):
        return Email(None)
    m = _SIC.match(flat)
    if m:  # "[sic!]", "[sic?]": the punctuation adds nothing to correct or comment on
        rest = m.group("rest").strip()
        return _sic(rest if re.search(r"\w", rest) else "", br, reader, carve)
    if _TRANSLATOR.match(flat) or _TRANSLATOR_AFTER.search(flat):
        return Note("translator", _strip_label(br, reader, inner_zone))
    if _HANDWRITTEN.match(flat):
        return Note("handwritten", reader.read_parts(br.parts, inner_zone))
    if stamp_label and not unlabelled and (stamp := _stamp(br, reader, inner_zone)):
        return stamp
    if _SIGNATURE.match(flat):
        return Gap("signature", desc=flat)
    if _PHYSICAL.match(flat) and len(words(flat)) >= 5 or _PAPER.search(flat) and len(words(flat)) <= 8:
        return Note("physical", reader.read_parts(br.parts, inner_zone))
    if flat == "?":
        return Supplied("omitted-in-original", ["?"])
    if flat.isdigit():
        call = reader.bracket_call(flat, glued=bool(before) and not before[-1:].isspace())
        if call is not None:
            return call
    if _CODE_NAME.match(flat):
        return Note("translator", reader.read_parts(br.parts, inner_zone), subtype="gloss")
    restated = _restatement(br, reader, before, after, inner_zone)
    if restated is not None:
        return restated
    return _supplied_or_foreign(br, reader, before, after, inner_zone)


def _expanded(acronym: str, before: str) -> bool:
    """The words right before ``acronym`` spell it (``multilateral force [MLF]``), as Schwartz and
    Hearst's rule finds an abbreviation's long form: each of its letters, from the last, is
    found in the words from the end, the first one starting a word, in as many words as the
    acronym has letters or fewer, the last word starting with the acronym's last letter."""
    letters = acronym.lower()
    tail = before.rstrip().lower().split()[-len(letters):]
    if not tail or tail[-1][:1] != letters[-1] or not all(re.sub(r"[’']s$", "", w).isalpha() for w in tail):
        return False
    text = " ".join(tail)
    pos = len(text)
    for k in range(len(letters) - 1, -1, -1):
        pos = text.rfind(letters[k], 0, pos)
        while k == 0 and pos > 0 and text[pos - 1] != " ":
            pos = text.rfind(letters[k], 0, pos)
        if pos < 0:
            return False
    return True


def _strip_label(br: Bracket, reader: Reader, zone: str) -> list[Inline]:
    """Content of a translator's note without its printed label (``Translator's note:``,
    which the renderer prints back; a short form such as ``trans. note:`` stays as printed)."""
    first = br.parts[0]
    m = _TRANSLATOR_FULL.match(first.text)
    if m is None:
        return reader.read_parts(br.parts, zone)
    rest = [Run(first.text[m.end():], first.start + m.end())] + br.parts[1:]
    return reader.read_parts(rest, zone)


def _stamp(br: Bracket, reader: Reader, zone: str) -> Note | None:
    """``[CPSU CC stamp: 12 July 1972 22900]``: label as note text, the rest in ``Stamped``."""
    first = br.parts[0] if br.parts else None
    if not isinstance(first, Run):
        return None
    m = _STAMP_LABEL.match(first.text.lstrip())
    if not m:
        return None
    lead = len(first.text) - len(first.text.lstrip())
    cut = lead + m.end()
    label = reader.read_text(first.text[:cut], first.start, zone)
    rest_parts = [Run(first.text[cut:], first.start + cut)] + br.parts[1:]
    printed = br.flat()[cut:]
    kind = "incoming" if re.search(r"\bincoming\b", printed, re.I) else \
        "outgoing" if re.search(r"\boutgoing\b", printed, re.I) else \
        "registry" if re.search(r"\d", printed) else "other"
    content = reader.read_parts(rest_parts, "stamp")
    space = []
    if content and isinstance(content[0], str) and content[0][:1].isspace():
        space = [content[0][: len(content[0]) - len(content[0].lstrip())]]
        content[0] = content[0].lstrip()
        if not content[0]:
            content = content[1:]
    return Note("stamp", label + space + ([Stamped(kind, content)] if content else []))  # ([Stamps:])


def _sic(rest: str, br: Bracket, reader: Reader, carve) -> Inline:
    """``[sic]``, ``[sic; November]`` (a replacement) or ``[sic; proper spelling unknown]``."""
    is_comment = bool(rest) and (len(words(rest)) > 4 or bool(_SIC_COMMENT.search(rest)))
    correction = rest if rest and not is_comment else None
    n = len(words(correction)) if correction else 1
    printed = carve(n, correction is None)
    offset = br.start + 1
    if not printed:
        reader.warn(br.start, "sic-without-word", "[sic] follows no word; kept as a translator's note")
        return Note("translator", [rest or "sic"], subtype="sic")
    sic = Sic([printed])
    if correction:
        sic.correction = reader.read_text(correction, offset, "note")
    elif rest:
        sic.comment = reader.read_text(rest, offset, "note")
    if correction is None and len(printed.split()) >= 2 and printed[:1].isupper():
        return Name("person", [sic])
    return sic


def _restatement(br: Bracket, reader: Reader, before: str, after: str, zone: str) -> Inline | None:
    """A gloss of the acronym before it, or another romanisation of the name before it."""
    flat = br.flat().strip()
    toks = words(flat)
    if not toks or not all(t[:1].isupper() or t in ("of", "the", "and", "for", "on") or t[:1].isdigit()
                           for t in toks):
        return None
    acronym = _ACRONYM_END.search(before)
    if (acronym and len(toks) >= 2 and (not _CAP_RUN_START.match(after) or _spells(acronym.group().strip(), toks))
            or _ACRONYMS.fullmatch(flat) and (_CAPITALISED_NAME_END.search(before) or _expanded(flat, before))):
        # an acronym expanded, or a name abbreviated (Ministry of National Defense [MNO],
        # multilateral force [MLF])
        return Note("translator", reader.read_parts(br.parts, zone), subtype="gloss")
    prev = _CAP_RUN_END.search(before)
    if prev and all(t[:1].isupper() for t in toks):
        prev_toks = words(prev.group(1))
        for k in range(len(prev_toks)):
            name = " ".join(prev_toks[k:])
            if _same_name(name, flat):
                content = reader.read_parts(br.parts, zone)
                if all(isinstance(c, str) for c in content) and find_persons(name):
                    content = [Name("person", content)]
                return Note("translator", content, subtype="romanization")
        if _translated(prev.group(1), toks):
            return Note("translator", reader.read_parts(br.parts, zone), subtype="gloss")
    return None


def _spells(acronym: str, toks: list[str]) -> bool:
    """The initials of the bracket's words are the acronym before it (``the MPR [Mongolian
    People's Republic] J. Batmunkh``): its expansion, whatever follows, unless the bracket ends
    in a small word and so reads on into the text after it."""
    return "".join(t[0] for t in toks if t[:1].isupper()) == acronym \
        and toks[-1][:1].isupper()  # (the SR [Socialist Republic of] Vietnam reads on: supplied)


def _translated(name: str, toks: list[str]) -> bool:
    """``the newspaper Renmin Ribao [People's Daily]``: a name of two words or more in another
    language (none of them English) and its translation (every word English, no title: not
    ``Kim Il Sung [Party Chairman]``) ending in a noun."""
    printed = words(name)
    return len(printed) >= 2 and len(toks) >= 2 and not any(is_english(w) for w in printed) \
        and all(is_english(t) and t not in HONORIFICS for t in toks) \
        and not is_demonym(toks[-1])  # (the Rhee Syngmann [South Korean] government: whose, not what)


def _same_name(a: str, b: str) -> bool:
    """Two romanisations of one name: nearly the same letters once folded and once the
    consonants the romanisation systems write differently are one (``Gaeseong [Kaesong]``,
    ``Li Jong-ok [Ri Jong Ok]``, ``Kim Du-bong [Kim Tu Phong]``, ``Joseon [Choson]``), with
    the same first letter; or one inside the other (``Andong [Dandong]``, ``Yili [Ili]``: a
    short name only one letter shorter)."""
    fa, fb = _skeleton(a), _skeleton(b)
    if not fa or not fb:
        return False
    short = min(len(fa), len(fb))
    if (short >= 5 or short >= 3 and abs(len(fa) - len(fb)) == 1) and (fa in fb or fb in fa):
        return True
    return fa[0] == fb[0] and SequenceMatcher(None, fa, fb).ratio() >= 0.75


def _skeleton(name: str) -> str:
    """The folded name with the register's romanisation pairs unified, aspirated consonants
    written plain first (ph, th, kh: Phong/Bong) and r as l (Ri/Li)."""
    s = re.sub(r"\s+", "", fold(name)).replace("ph", "p").replace("th", "t").replace("kh", "k")
    return romanisation_key(s).replace("r", "l")


def _is_namey(tok: str) -> bool:
    """A capitalised word that can be (part of) a name: no English word, or one the dictionary
    knows as a name too, or an East Asian family name (``[Xi] Zhongxun``: xi is a Greek letter)."""
    return tok[:1].isupper() and (not is_english(tok) or is_proper_noun(tok)
                                  or is_east_asian_surname(tok))


def _name_context(before: str, after: str) -> bool:
    """A capitalised non-English word right before or after the bracket: it continues a name."""
    prev = _CAP_RUN_END.search(before) if before[-1:] in (" ", "") or before[-1:].isalpha() else None
    if prev and any(_is_namey(t) and t not in HONORIFICS for t in words(prev.group(1))):
        return True
    nxt = _CAP_RUN_START.match(after)
    return bool(nxt and _is_namey(nxt.group(1)))


def _given_names_after_family_name(toks: list[str], before: str) -> bool:
    """``Kim Il [Sung]``, ``Choe Won [Sik]``: romanised given-name syllables right after an East
    Asian name."""
    prev = _CAP_RUN_END.search(before) if before[-1:] == " " else None
    return bool(prev) and words(prev.group(1))[0] in EAST_ASIAN_SURNAMES and len(toks) <= 2 \
        and all(is_romanised_given_name(t) for t in toks)


def _completes_word(flat: str, before: str, after: str) -> bool:
    """``F[oreign] M[inistry]``, ``H[afizullah]``, ``gov[ernmen]t``: the translator completed a
    printed word. Transliterated Russian stands apart from the English it renders, so letters
    glued in front of a lower-case bracket continue a word; glued only after it, the letters
    must make an English word with it (``[Tsentr]I had`` is no word)."""
    if not re.fullmatch(r"[^\W\d_]+(?:['’][^\W\d_]+)*", flat):  # P[eople’s]
        return False
    head = re.search(r"[^\W\d_]+$", before)
    if head and flat[:1].islower():
        return True
    tail = re.match(r"[^\W\d_]+", after)
    return bool(head or tail) and is_english(
        (head.group() if head else "") + flat + (tail.group() if tail else ""))


def _supplied_or_foreign(br: Bracket, reader: Reader, before: str, after: str, zone: str) -> Inline:
    """Rules 11-12 with §3.2: supplied English, names, transliterated Russian."""
    flat = br.flat().strip()
    toks = words(flat)
    content = reader.read_parts(br.parts, zone)
    if _completes_word(flat, before, after):
        return Supplied("omitted-in-original", content)
    capitalised = bool(toks) and all(t[:1].isupper() for t in toks)
    if capitalised and _given_names_after_family_name(toks, before) and all(isinstance(c, str) for c in content):
        return Supplied("identification", [Name("person", content)])  # Kim Il [Sung]: sung is English too
    if capitalised and (any(is_proper_noun(t) for t in toks) or find_persons(flat)
                        or (_name_context(before, after) and any(_is_namey(t) for t in toks))):
        acronym = flat.isupper() and len(flat) <= 6  # [TASS], [MFA]: a name, but no person
        # [Cuban President Osvaldo], [Warsaw Pact Commander-in-Chief]: a title or a people's
        # name among the words, so the bracket as a whole names no person
        named = [m for m in find_persons(flat) if m.start == 0 and m.end == len(flat)]
        titled = not named and any(is_english(t) and not is_east_asian_surname(t) for t in toks)
        place = _PLACE_AFTER.match(after) or _PLACES_BEFORE.search(before)
        if all(isinstance(c, str) for c in content) and not (acronym or titled or place):
            content = [Name("person", content)]
        return Supplied("identification", content)
    if _CAP_RUN_START.match(after) and any(m.end == len(flat) for m in find_persons(flat)):
        # [Minister of Education Armando] Hart: a title and the first name of the man named next
        return Supplied("identification", content)
    english = sum(1 for t in toks if is_english(t))
    if toks and all(t.isdigit() for t in toks):
        reader.warn(br.start, "bracket-undecided", f"[{flat}] holds only digits; encoded as supplied")
        return Supplied("omitted-in-original", content)
    if toks and english == len(toks):
        return Supplied("omitted-in-original", content)
    russian = russian_votes(toks) > english_votes(toks) or (toks and english == 0 and not capitalised)
    if russian and not all(is_other_language_word(t) for t in toks):  # ([secamente]: Portuguese)
        return Foreign(content)
    if toks and english * 2 >= len(toks):
        return Supplied("omitted-in-original", content)
    reader.warn(br.start, "bracket-undecided",
                f"cannot tell whether [{flat}] is supplied English or transliterated Russian; "
                "encoded as supplied")
    return Supplied("omitted-in-original", content)


def is_month(word: str) -> bool:
    return bool(_MONTH_WORD.match(word))
