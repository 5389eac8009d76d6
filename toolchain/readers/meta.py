"""The page's facts about the document (encoding guide §2.2): date, title, funders,
summary, and the "Document Information" section (source citation, archive
references, credits, rights, upload date, type, language, record id, donors).

Values are recognised by their shape where the page lost their labels.
"""
from __future__ import annotations

import re

from toolchain.model import Agent, Archive, InfoField, Meta
from toolchain.readers.dates import parse_full_date
from toolchain.readers.lexicon import is_english, is_proper_noun
from toolchain.readers.page import FUNDER_PREFIX, Zones, info_label
from toolchain.readers.source import Line

#: Document types used by the archive (the "Type" vocabulary).
DOC_TYPES = ("Memorandum of Conversation", "Diary Entry", "Telegram", "Cable", "Letter", "Report",
             "Minutes", "Meeting Minutes", "Speech", "Interview", "Note", "Notes", "Memorandum",
             "Resolution", "Decree", "Instructions", "Journal Entry", "Conversation", "Transcript",
             "Information", "Intelligence Report", "Ciphered Telegram")
_RIGHTS = re.compile(r"^(The History and Public Policy Program welcomes|To enquire about|"
                     r"Some documents may be subject)", re.I)
_ARCHIVE = re.compile(r"(?:\((?P<paren>[A-Z][A-Za-z]{2,7})\)"
                      r"|\b(?P<acr>[A-Z]{2,4} [A-Z]{2,3}|[A-Z](?:[A-Z]|[a-z](?=[A-Z])){2,7})\b)[,.]?\s*"  # (AP RF)
                      r"(?=(?:F\.|f\.|[Ff]ond|[Ll]ist[yi]?\b|[Ll]l?\.|[Oo]p\.|[Oo]pis|[Dd]elo|[Pp]apka)\s*\d?)")
#: Without fond/opis markers: a parenthesised acronym, or an acronym opening the citation
#: (``SAPMO-BArch, DY 30/IV 2/20/137``, ``... (PRCFMA), 106-00075-01``, ``Hungarian National
#: Archives (Magyar Országos Levéltár, MOL)``).
#: Either holds two capitals at least: ``(Foundation)`` is a word, no archive's name.
_LOOSE_ARCHIVE = re.compile(r"\((?:[^(),]{1,60},\s*)?"  # (the name in the archive's language, MOL)
                            r"(?P<paren>(?=[A-Za-z-]*[A-Z][A-Za-z-]*[A-Z])[A-Z][A-Za-z-]{1,15}(?: [A-Z]{2,4})?)\)"
                            r"|^\s*(?P<acr>(?=[A-Za-z-]*[A-Z][A-Za-z-]*[A-Z])"
                            r"[A-Z][A-Za-z-]{1,15}(?:\s[A-Z]{2,6}\b)*)(?=[,\s)])")
#: ``Polish Foreign Ministry Archive, DV Z12``, ``National Historical and Central Archives,
#: Bucharest``, ``Státní ústřední archiv (State Central Archive)``, ``Arhiva diplomatică - Ministerul
#: Afacerilor Externe``, ``Archiwum Akt Nowych``: an archive's name opening the citation, up to
#: its comma, bracket or full stop.
_NAMED_ARCHIVE = re.compile(r"\s*(?P<name>(?:[A-Z][^,;()]{0,80}?\s)?(?:[Aa]rchiv(?:e|es|um|o|io)?|Arquivo|Archiwum"
                            r"|Arhiva|Levéltár)\b[^,;()]{0,60}?)"
                            r"(?=[,;(]|\.(?:\s|$)|$)")
_IDNO = re.compile(r"\b(?P<k>[Ff]ond|F\.|f\.|[Oo]pis|[Oo]p\.|[Dd]elo\.?|d\.|[Pp]apka|P\.)\s*"
                   r"(?P<v>\d[0-9A-Za-z]*)")
_IDNO_KIND = {"fond": "fond", "f.": "fond", "opis": "opis", "op.": "opis", "delo": "delo",
              "delo.": "delo", "d.": "delo", "papka": "papka", "p.": "papka"}
_FOLIOS = re.compile(r"\b(?:ll\.|l\.|[Ll]ist[yi]|[Ll]ist|pp\.|[Pp]ages?|[Ff]olios?)\s*"
                     r"(?P<a>\d+)(?:\s*[-–]\s*(?P<b>\d+))?")
_CREDIT = re.compile(r"(?P<resp>(?:[Oo]btained(?: and translated)?|[Cc]ontributed|[Pp]rovided|[Tt]ranslated|"
                     r"[Tt]ranscribed|[Ee]dited)(?: for [A-Z]{2,8})? by)\s+"
                     r"(?P<name>(?:[A-Z]\.|[A-Z][\w'’-]+)(?:\s+(?:[A-Z]\.|[A-Z][\w'’-]+)){0,3})")
_URL = re.compile(r"https?://\S+[\w/]")
_QUOTED_TITLE = re.compile(r"^[\"“](?P<t>.+?),?[\"”]")
_ORG_UNIT = re.compile(r"^(Institute|Center|Centre|Department|School|Faculty|Program|Programme)\b")
_ORG_TOP = re.compile(r"(University|College|Academy)$")


def split_funders(text: str) -> list[str]:
    """``the ROK Ministry of Unification, Leon Levy Foundation`` -> two funders.

    Splits on ", " and " and " only where both parts name an organisation on
    their own (``Institute for Korean Studies, Ohio State University`` is one).
    """
    text = text.strip().rstrip(".").strip()
    text = re.sub(r"^the\s+", "", text)
    out: list[str] = []
    for part in re.split(r"\s+and\s+", text):
        pieces = [p.strip() for p in part.split(", ") if p.strip()]
        merged: list[str] = []
        for p in pieces:
            if merged and _ORG_TOP.search(p) and _ORG_UNIT.match(merged[-1]):
                merged[-1] = f"{merged[-1]}, {p}"
            else:
                merged.append(re.sub(r"^the\s+", "", p))
        out.extend(merged)
    return [f for f in out if f]


def parse_archives(citation: str) -> list[Archive]:
    """Archive references of a Source citation, in order (guide §2.2 "archive")."""
    body = re.sub(r"^.*?Digital Archive,\s*", "", citation) if "Digital Archive," in citation else citation
    out = []
    for segment in re.split(r";\s*(?:and\s+)?", body):
        m = _ARCHIVE.search(segment) or _LOOSE_ARCHIVE.search(segment)
        if not m or m.group("acr") and _is_word(m.group("acr")):  # SEOUL ’88/: a file's title
            continue
        ref = segment if m.group("paren") else segment[m.start():]
        ref = re.split(r"\.\s+(?=[A-Z][a-z])", ref)[0].strip().rstrip(".")
        arch = Archive(m.group("paren") or m.group("acr"), printed=ref)
        for im in _IDNO.finditer(ref):
            kind = _IDNO_KIND[im.group("k").lower()]
            if kind not in (k for k, _ in arch.idnos):
                arch.idnos.append((kind, im.group("v")))
        fm = _FOLIOS.search(ref)
        if fm:
            arch.folios = (fm.group("a"), fm.group("b") or fm.group("a"))
        out.append(arch)
    if not out:  # an archive the citation names with no acronym: its name as printed
        m = _NAMED_ARCHIVE.match(body)
        if m:
            printed = re.split(r"\.\s+(?=[A-Z][a-z])", body)[0].strip().rstrip(".")
            out.append(Archive(m.group("name").strip(), printed=printed))
    return out


def _is_word(acronym: str) -> bool:
    """Capitals that spell a word the dictionary knows (``SEOUL``, ``POLITICAL``): no archive."""
    return " " not in acronym and (is_english(acronym) or is_proper_noun(acronym.capitalize()))


def parse_credits(text: str) -> tuple[Agent | None, list[Agent]]:
    """(translator, other contributors) from ``Contributed by X and translated by Y``."""
    translator, others = None, []
    for m in _CREDIT.finditer(text):
        name = re.sub(r"\.$", "", m.group("name").strip())
        name = re.sub(r"\s+(and|for)$", "", name)
        agent = Agent(m.group("resp")[0].lower() + m.group("resp")[1:], name)
        if "translated" in agent.resp and translator is None:
            translator = agent
        else:
            others.append(agent)
    return translator, others


def read_meta(z: Zones) -> Meta:
    """Fill ``Meta`` from the zones of a page."""
    meta = Meta(furniture=[ln.text for ln in z.furniture])
    if z.date_line:
        meta.date_text = z.date_line.text
        found = parse_full_date(z.date_line.text, whole=True, partial=True)
        if found:
            meta.date_when, meta.date_not_before, meta.date_not_after = (
                found.when, found.not_before, found.not_after)
    if z.title:
        meta.title = z.title.text
    if z.funder:
        meta.funder_sentence = z.funder.text
        meta.funders = split_funders(FUNDER_PREFIX.sub("", z.funder.text))
    meta.summary = [ln.text for ln in z.top_summary]
    for ln in z.widget:
        m = _QUOTED_TITLE.match(ln.text)
        if m:
            meta.citation = ln.text
            meta.title = meta.title or m.group("t").strip().rstrip(",")
        else:
            meta.summary.append(ln.text)
    meta.summary += [ln.text for ln in z.summary]
    _read_info(meta, z.info)
    source = meta.citation
    if not z.date_line:
        _date_of_citation(meta)
    meta.archives = parse_archives(source) if source else []
    meta.translator, meta.contributors = parse_credits(source)
    url = _URL.search(source)
    meta.uri = url.group() if url else None
    return meta


#: The document's date in the citation string, after its quoted title (``," October 29, 1971,``).
_CITATION_DATE = re.compile(r"[\"”],? (?P<date>[A-Z][a-z]+ \d{1,2}, \d{4}),")


def _date_of_citation(meta: Meta) -> None:
    """The document's date from the citation, for a page printed without its date line."""
    m = _CITATION_DATE.search(meta.citation)
    found = parse_full_date(m.group("date"), whole=True) if m else None
    if found:
        meta.date_text, meta.date_when = m.group("date"), found.when


def _read_info(meta: Meta, lines: list[Line]) -> None:
    fields: list[InfoField] = []
    for ln in lines:
        label = info_label(ln.text)
        if label:
            fields.append(InfoField(label, []))
        elif fields and fields[-1].label and _accepts(fields[-1].label, ln.text, fields):
            fields[-1].values.append(ln.text)
        else:
            fields.append(InfoField(_guess_label(ln.text, fields), [ln.text], printed=False))
    meta.info = fields
    for f in fields:
        value = " ".join(f.values).strip()
        if f.label == "Source" and value:
            meta.citation = meta.citation or value
        elif f.label == "Rights":
            meta.rights.extend(f.values)
        elif f.label == "Original Uploaded Date" and value:
            d = parse_full_date(value)
            meta.uploaded = d.when if d else None
        elif f.label == "Type" and value:
            meta.doc_type = value
        elif f.label in ("Language", "Original Language") and value:
            meta.language = value
        elif f.label == "Record ID" and value:
            meta.record_id = value
        elif f.label in ("Subjects", "Subjects Discussed") and value:
            meta.subjects.extend(f.values)
        elif f.label == "Donors" and value:
            for v in f.values:
                meta.donors.extend(split_funders(v))


def _accepts(label: str, text: str, before: list[InfoField]) -> bool:
    """Whether a value line belongs to the label above it (a labelled field's value).

    A line whose shape names another field (the rights sentence after an
    unlabelled citation) starts that field instead.
    """
    if label == "Document Information":
        return False
    guess = _guess_label(text, before)
    if guess and guess != label and guess != "Donors":
        return False
    if label == "Rights":
        return bool(_RIGHTS.match(text))
    if label == "Original Uploaded Date":
        return bool(parse_full_date(text))
    if label == "Record ID":
        return text.strip().isdigit()
    if label == "Type":
        return len(text.split()) <= 5
    return label not in ("Language",) or len(text.split()) <= 3


def _guess_label(text: str, before: list[InfoField]) -> str | None:
    """The label a value would have had, from its shape (labels are often lost)."""
    if _RIGHTS.match(text):
        return "Rights"
    if parse_full_date(text, whole=True):
        return "Original Uploaded Date"
    if _ARCHIVE.search(text) or _CREDIT.search(text) or _NAMED_ARCHIVE.match(text) and "," in text:
        return "Source"  # (an archive's name and the parts of its file: a citation)
    if text.strip() in DOC_TYPES:
        return "Type"
    if text.strip().isdigit():
        return "Record ID"
    if any(f.label == "Record ID" for f in before) and len(text.split()) <= 15:
        return "Donors"
    return None
