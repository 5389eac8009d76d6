"""TEI header writer: the page's facts mirrored in ``teiHeader`` (encoding guide §2.2).

Every word of the page's header and "Document Information" is kept: labels as
text inside ``bibl[@type='WCDA']``, values tagged, and the facts mirrored into
``titleStmt``, ``msDesc``, ``availability``, ``profileDesc`` and ``textClass``.
"""
from __future__ import annotations

import re

from toolchain.model import Agent, InfoField, Record
from toolchain.readers.page import FUNDER_PREFIX
from toolchain.writers.xmlbuild import XML_ID, Element, add_text, el, sub

EDITION_PUBLISHER = "tei-tool edition"
EDITORS = "the editors of the tei-tool edition"
WCDA_PUBLISHER = "History and Public Policy Program Digital Archive, Wilson Center"

NORMALIZATION = (
    "Web-page furniture of the source page was removed{removed}. Every other word of the page is "
    "kept, either in this header (date line, title, funder line, summary, Document Information) or "
    "in the text. Lines holding only no-break spaces were treated as blank lines; runs of spaces "
    "inside a line (scraped columns) were reduced to one; characters are kept as published "
    "(Nº, curly and straight quotes, dashes).")
INTERPRETATION = (
    "Every square-bracketed insertion of the translator is encoded as a typed element with "
    "resp=\"#translator\" (note, supplied, foreign, choice/sic/corr, gap, unclear); the brackets "
    "themselves are not stored and are printed back by the renderer. Interventions of the edition "
    "carry resp=\"#editor\": years supplied for dates printed without one, and the e-mail "
    "obfuscation of the captured page.")


def _reg(ref: str | None) -> str | None:
    return f"reg:{ref}" if ref else None


def header_to_tei(record: Record, rid: str, version: str, mark: str) -> Element:
    """The ``teiHeader`` of a record; ``mark`` is the generated-content fingerprint placeholder."""
    header = el("teiHeader")
    file_desc = sub(header, "fileDesc")
    _title_stmt(sub(file_desc, "titleStmt"), record)
    _publication_stmt(sub(file_desc, "publicationStmt"), record, rid)
    source = sub(file_desc, "sourceDesc")
    _ms_desc(source, record, rid)
    _wcda_bibl(source, record, rid)
    _encoding_desc(sub(header, "encodingDesc"), record)
    _profile_desc(sub(header, "profileDesc"), record)
    rev = sub(header, "revisionDesc")
    sub(rev, "change", who="#editor").text = (
        f"Converted from {record.source} by tei-tool {version}; {mark}")
    return header


def _title_stmt(ts: Element, record: Record) -> None:
    meta = record.meta
    sub(ts, "title", type="main").text = meta.title or meta.date_text or record.stem
    for f in dict.fromkeys(meta.funders + meta.donors):
        sub(ts, "funder", ref=_reg(record.refs.get(("org", f)))).text = f
    tr = sub(ts, "respStmt")
    tr.set(XML_ID, "translator")
    if meta.translator:
        _agent(tr, meta.translator, record)
    else:
        sub(tr, "resp").text = "translated by"
        sub(tr, "name").text = "not named on the page"
    for agent in meta.contributors:
        _agent(sub(ts, "respStmt"), agent, record)
    ed = sub(ts, "respStmt")
    ed.set(XML_ID, "editor")
    sub(ed, "resp").text = "TEI encoding, editorial interventions and entity links by"
    sub(ed, "name").text = EDITORS


def _agent(resp_stmt: Element, agent: Agent, record: Record) -> None:
    sub(resp_stmt, "resp").text = agent.resp
    sub(resp_stmt, "persName", ref=_reg(record.refs.get(("person", agent.name)))).text = agent.name


def _publication_stmt(ps: Element, record: Record, rid: str) -> None:
    sub(ps, "publisher").text = EDITION_PUBLISHER
    sub(ps, "idno", type="edition").text = rid
    av = sub(ps, "availability", status="restricted" if record.meta.rights else "unknown")
    av.set(XML_ID, f"{rid}-rights")
    for para in record.meta.rights or ["The source page states no rights."]:
        _text_with_emails(sub(av, "p"), para)


def _text_with_emails(parent: Element, text: str) -> None:
    pos = 0
    for m in re.finditer(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\[email\s*protected\]", text):
        add_text(parent, text[pos:m.start()])
        email = sub(parent, "email")
        if m.group().startswith("["):
            gap = sub(email, "gap", reason="email-protected", resp="#editor")
            sub(gap, "desc").text = "email protected"
        else:
            email.text = m.group()
        pos = m.end()
    add_text(parent, text[pos:])


def _ms_desc(source: Element, record: Record, rid: str) -> None:
    archives = record.meta.archives
    if not archives:
        return
    ms = sub(source, "msDesc")
    ms.set(XML_ID, f"{rid}-ms")
    ident = sub(ms, "msIdentifier")
    first = archives[0]
    country, settlement = record.archive_location
    if country:
        sub(ident, "country").text = country
    if settlement:
        sub(ident, "settlement").text = settlement
    sub(ident, "repository", ref=_reg(record.refs.get(("org", first.repository)))).text = first.repository
    for kind, value in first.idnos or [("citation", first.printed)]:
        sub(ident, "idno", type=kind).text = value
    for other in archives[1:]:
        alt = sub(ident, "altIdentifier")
        sub(alt, "repository", ref=_reg(record.refs.get(("org", other.repository)))).text = other.repository
        # tei_all allows one idno in altIdentifier: a lone typed number, else the printed reference
        kind, value = other.idnos[0] if len(other.idnos) == 1 else ("citation", other.printed)
        sub(alt, "idno", type=kind).text = value
    contents = sub(ms, "msContents")
    if first.folios:
        item = sub(contents, "msItem")
        sub(item, "locus", **{"from": first.folios[0], "to": first.folios[1]}).text = \
            f"{first.folios[0]}–{first.folios[1]}" if first.folios[0] != first.folios[1] else first.folios[0]
        _text_lang(item, record.meta.language)
    else:
        _text_lang(contents, record.meta.language)


#: ISO 639 codes of the original languages the archive names in its "Language" field.
LANGUAGES = {"russian": "ru", "chinese": "zh", "korean": "ko", "romanian": "ro", "hungarian": "hu",
             "german": "de", "polish": "pl", "czech": "cs", "bulgarian": "bg", "mongolian": "mn",
             "vietnamese": "vi", "japanese": "ja", "english": "en", "french": "fr", "albanian": "sq",
             "serbo-croatian": "sh", "italian": "it", "spanish": "es"}


def _text_lang(parent: Element, language: str | None) -> None:
    """The original's language: from the page's Language field, else from the archive (Russian)."""
    code = LANGUAGES.get((language or "").strip().lower(), None if language else "ru")
    sub(parent, "textLang", mainLang=code).text = (
        "Original in the archive; the text below is the English translation published by the "
        "Wilson Center Digital Archive.")


def _wcda_bibl(source: Element, record: Record, rid: str) -> None:
    """The page's own account of the document, labels kept as printed."""
    meta = record.meta
    bibl = sub(source, "bibl", type="WCDA")
    bibl.set(XML_ID, f"{rid}-wcda")
    sub(bibl, "title").text = meta.title or meta.date_text or record.stem
    add_text(bibl, ", ")
    sub(bibl, "publisher").text = WCDA_PUBLISHER
    add_text(bibl, ". ")
    if meta.date_text:
        sub(bibl, "date", when=meta.date_when, notBefore=meta.date_not_before,
            notAfter=meta.date_not_after).text = meta.date_text
        add_text(bibl, ". ")
    if meta.funder_sentence:
        _funder_sentence(bibl, record)
    if meta.citation and not any(f.label == "Source" for f in meta.info):
        sub(bibl, "bibl", type="citation").text = meta.citation
        add_text(bibl, " ")
    for field in meta.info:
        _info_field(bibl, field, record, rid)
    if meta.uri:
        sub(bibl, "idno", type="URI").text = meta.uri


def _funder_sentence(bibl: Element, record: Record) -> None:
    text = record.meta.funder_sentence
    prefix = FUNDER_PREFIX.match(text)
    cut = prefix.end() if prefix else 0
    add_text(bibl, text[:cut])
    _wrap(bibl, text[cut:], record.meta.funders, "funder", record)
    add_text(bibl, " " if text.endswith(".") else ". ")


def _wrap(parent: Element, text: str, names: list[str], tag: str, record: Record) -> None:
    """Write ``text`` with each of ``names`` wrapped in ``tag`` (with its register ref)."""
    pos = 0
    for name in names:
        at = text.find(name, pos)
        if at < 0:
            continue
        add_text(parent, text[pos:at])
        sub(parent, tag, ref=_reg(record.refs.get(("org", name)))).text = name
        pos = at + len(name)
    add_text(parent, text[pos:])


def _info_field(bibl: Element, field: InfoField, record: Record, rid: str) -> None:
    meta = record.meta
    language = field.label in ("Language", "Original Language")
    if field.printed and field.label:
        add_text(bibl, field.label + (": " if field.values or language else ". "))
    value = " ".join(field.values)
    if not field.values:
        if language:
            sub(bibl, "textLang")
            add_text(bibl, ". ")
        return
    label = field.label
    if label == "Source":
        sub(bibl, "bibl", type="citation").text = value
    elif label == "Rights":
        sub(bibl, "ptr", target=f"#{rid}-rights")
        hidden = [v for v in field.values if v not in meta.rights]
        if hidden:
            add_text(bibl, " " + " ".join(hidden))
        value = ""
    elif label == "Original Uploaded Date":
        sub(bibl, "date", type="uploaded", when=meta.uploaded).text = value
    elif label == "Type":
        sub(bibl, "term", type="wcda-type").text = value
    elif label in ("Language", "Original Language"):
        sub(bibl, "textLang").text = value
    elif label == "Record ID" and value.isdigit():
        sub(bibl, "idno", type="WCDA").text = value
    elif label in ("Subjects", "Subjects Discussed"):
        for i, v in enumerate(field.values):
            add_text(bibl, ", " if i else "")
            sub(bibl, "term", type="subject").text = v
    elif label == "Donors":
        for i, v in enumerate(field.values):
            add_text(bibl, " " if i else "")
            _wrap(bibl, v, meta.donors, "funder", record)
    else:
        add_text(bibl, value)
    add_text(bibl, ". " if not value.endswith(".") else " ")


def _encoding_desc(ed: Element, record: Record) -> None:
    decl = sub(ed, "editorialDecl")
    furniture = sorted(dict.fromkeys(" ".join(f.replace("\u2022", " ").split()) for f in record.meta.furniture))
    removed = (": " + "; ".join(f"\"{f}\"" for f in furniture)) if furniture else " (none on this page)"
    sub(sub(decl, "normalization"), "p").text = NORMALIZATION.format(removed=removed)
    sub(sub(decl, "interpretation"), "p").text = INTERPRETATION
    prefixes = sub(ed, "listPrefixDef")
    pd = sub(prefixes, "prefixDef", ident="reg", matchPattern="([a-z][a-z0-9\\-]*)",
             replacementPattern="register.xml#$1")
    sub(pd, "p").text = ("Pointers of the form reg:ID resolve to the shared entity register of the "
                         "edition (tei/register.xml).")


def _profile_desc(pd: Element, record: Record) -> None:
    meta = record.meta
    if meta.summary:
        abstract = sub(pd, "abstract")
        for para in meta.summary:
            sub(abstract, "p").text = para
    if meta.date_text:
        creation = sub(pd, "creation")
        sub(creation, "date", when=meta.date_when, notBefore=meta.date_not_before,
            notAfter=meta.date_not_after).text = meta.date_text
    lang = sub(pd, "langUsage")
    sub(lang, "language", ident="en").text = "English (translation)"
    if record.has_foreign:
        sub(lang, "language", ident="ru-Latn").text = (
            "Russian, transliterated in Latin script (translator's quotations of the original)")
    people = [p for p in record.participants if p.name.ref]
    if people:
        lp = sub(sub(pd, "particDesc"), "listPerson")
        seen = set()
        for p in people:
            if (p.role, p.name.ref) not in seen:
                seen.add((p.role, p.name.ref))
                sub(lp, "person", role=p.role, sameAs=f"reg:{p.name.ref}")
    tc = sub(pd, "textClass")
    if meta.doc_type:
        sub(sub(tc, "keywords", scheme="reg:tax-wcda-type"), "term").text = meta.doc_type
    if meta.subjects:
        kw = sub(tc, "keywords", scheme="reg:tax-subject")
        for s in meta.subjects:
            sub(kw, "term").text = s
    if record.classifications:
        sub(tc, "catRef", scheme="reg:tax-classification",
            target=" ".join(f"reg:{c}" for c in record.classifications))
    if len(tc) == 0:
        pd.remove(tc)

