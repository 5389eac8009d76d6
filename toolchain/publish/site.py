"""The HTML site made a run of pages at a time, from small inputs (so pages render alone).

Handing the stylesheet (xslt/html/html.xsl) the whole edition at once does not
scale: every page would sort, index and look up the whole edition, so a site
of N documents would cost N² (400 documents took 31 s, 200 took 11 s). Each
call gets a small edition instead:

* the pages of a run of documents consecutive in the site's order (document
  date, then stem) are made from one parse of those documents, the headers of
  the documents just before and after the run (the first and last page link to
  them) and the register entries they name, together with each document's
  summary (what the site pages show of it);
* the index, about and register pages are made from those summaries (without
  their mentions of entries: the register page gets only how many documents
  name each entry) and the register, so they never hold the documents;
* the page of each entry (register/ID.html, the documents naming it) is made,
  a run of entries at a time, from the summaries of those documents only.

``tei-tool html`` makes every page this way in one process (``render_site``);
``tei-tool build`` makes only the pages whose inputs changed, in its workers
(toolchain/build/site.py), and keeps the summaries between builds.
"""
from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from lxml import etree

from toolchain import xmlio
from toolchain.paths import REGISTER_NAME
from toolchain.publish.html import (CSS_FILE, DEFAULT_TITLE, ENTRY_DIR, HTML_XSL, SITE_PAGES,
                                    TeiInput, edition_xml, page_stem)
from toolchain.publish.xslt import Transformer

TEI = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_T = f"{{{TEI}}}"
_TT = "{http://tei-tool/ns}"
_REG_ID = re.compile(r"[a-z][a-z0-9\-]*")
#: The pointer attributes of every element (one XPath: lxml walks the tree, not Python).
_POINTERS = etree.XPath(" | ".join(f"descendant-or-self::*/@{a}" for a in ("ref", "sameAs", "target", "ana")))
#: Most pages made from one parse: enough to share its set-up, few enough that the
#: runs of a small rebuild still spread over the build's workers.
RUN = 16
#: Most documents the entry pages of one run show together (an entry named in more is alone).
ENTRY_RUN_DOCUMENTS = 400


def date_key(root: etree._Element) -> str:
    """The site's sort key of a document (as xslt/html/html.xsl sorts: tt:date-key)."""
    date = root.find(f"{_T}teiHeader/{_T}profileDesc/{_T}creation/{_T}date")
    if date is None:
        return ""
    return next((date.get(a) for a in ("when", "notBefore", "from", "notAfter") if date.get(a)), "")


def named_ids(root: etree._Element) -> set[str]:
    """Register ids a document points to (``reg:ID``)."""
    return {token[4:] for value in _POINTERS(root) for token in value.split() if token.startswith("reg:")}


def header_only(root: etree._Element) -> etree._Element:
    """A document reduced to its header: all a page shows of its previous and next document."""
    out = etree.Element(root.tag, dict(root.attrib), nsmap=root.nsmap)
    header = root.find(f"{_T}teiHeader")
    out.append(header if header is not None else etree.Element(f"{_T}teiHeader"))
    return out


def reg_id(pointer: str) -> str:
    """The register id of a ``reg:`` pointer, '' when it is none (tt:reg-id, xslt/common)."""
    _, found, rest = " ".join(pointer.split()).partition("reg:")
    return rest if found and _REG_ID.fullmatch(rest) else ""


class RegisterView:
    """The register indexed once, to cut out the few entries one page needs."""

    def __init__(self, register: etree._Element):
        self.root = register
        self.entries = {el.get(XML_ID): el
                        for el in register.iter(f"{_T}person", f"{_T}org", f"{_T}place")}
        standoff = register.find(f"{_T}standOff")
        first: dict[str, etree._Element] = {}
        for el in standoff.iter() if standoff is not None else ():
            if el.get(XML_ID):
                first.setdefault(el.get(XML_ID), el)
        #: every id of the standOff -> the id its names link to: its own, or that of the entry
        #: it was merged into (as h:reg-target does, xslt/html/html-text.xsl)
        self.targets = {xid: same if (same := reg_id(el.get("sameAs") or "")) in first else xid
                        for xid, el in first.items()}

    def subset(self, ids: set[str]) -> etree._Element:
        """The register with only the entries ``ids`` name (and those they were merged into)."""
        wanted = set(ids) | {self.targets.get(i, i) for i in ids}
        out = etree.Element(self.root.tag, dict(self.root.attrib), nsmap=self.root.nsmap)
        out.append(copy.deepcopy(self.root.find(f"{_T}teiHeader")))
        standoff = etree.SubElement(out, f"{_T}standOff")
        lists: dict[tuple, etree._Element] = {}
        for xid in sorted(w for w in wanted if w in self.entries):
            el = self.entries[xid]
            parent = el.getparent()
            key = (parent.tag, parent.get("type"))
            if key not in lists:
                lists[key] = etree.SubElement(standoff, parent.tag, dict(parent.attrib))
            lists[key].append(copy.deepcopy(el))
        return out


class SiteRenderer:
    """Renders pages of the site with one compiled stylesheet (one per worker process)."""

    def __init__(self, register_path: Path | None, title: str):
        register = xmlio.parse_xml(register_path).getroot() if register_path else None
        self.view = RegisterView(register) if register is not None else None
        self.title = title
        self.transformer = Transformer()

    def document_pages(self, paths: list[Path], before: Path | None, after: Path | None,
                       pdf_dir: Path) -> list[tuple[TeiInput, bytes, bytes]]:
        """The pages of documents consecutive in the site's order (``before`` and ``after``
        are the documents next to the run; a page links the PDF of its document when
        ``pdf_dir`` holds one): (document, its HTML, its summary) for each."""
        docs = [_tei_input(p) for p in paths]
        edges = [_tei_input(p, reduce=True) for p in (before, after) if p is not None]
        ids = set().union(*(named_ids(d.root) for d in docs))
        register = self.view.subset(ids) if self.view else None
        edition = self.transformer.parse(edition_xml(edges + docs, register, pdf_dir, self.title), "edition")
        summaries = self.transformer.render_strings(
            HTML_XSL, "summaries", {"edition": edition, "stems": [d.stem for d in docs]})
        pages = [self.transformer.render(HTML_XSL, {"edition": edition, "page": "document",
                                                    "stem": d.stem}) for d in docs]
        return [(d, html.encode("utf-8"), summary.encode("utf-8"))
                for d, html, summary in zip(docs, pages, summaries)]

    def entry_pages(self, named: dict[str, list[tuple[str, int]]], summaries: dict[str, dict],
                    publisher: str) -> list[tuple[str, bytes]]:
        """The pages of the entries ``named`` (entry id -> [(page stem, mentions)] of the
        documents naming it, after merges) from those documents' summaries (their
        attributes, by page stem): ids and pages."""
        mentions: dict[str, list[etree._Element]] = {}
        for xid, docs in named.items():
            for stem, n in docs:
                named_in = etree.Element(f"{_TT}named", ref=f"reg:{xid}", n=str(n))
                mentions.setdefault(stem, []).append(named_in)
        parts = []
        for stem, children in mentions.items():
            summary = etree.Element(f"{_TT}summary", summaries[stem])
            summary.extend(children)
            parts.append(etree.tostring(summary, encoding="unicode"))
        register = self.view.subset(set(named))
        edition = self.transformer.parse(edition_xml([], register, Path(), self.title, parts, publisher),
                                         "edition")
        return [(xid, self.transformer.render(HTML_XSL, {"edition": edition, "page": "entry",
                                                          "stem": xid}).encode("utf-8"))
                for xid in named]


@dataclass
class Mentions:
    """Which documents name each entry (after merges), read from the summaries: the site
    pages get only the counts, each entry page the summaries of its documents."""

    #: entry id -> [(page stem, mentions)] of the documents naming it, in summaries' order
    docs: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    #: page stem -> the attributes of its summary (what an entry page shows of a document)
    summaries: dict[str, dict[str, str]] = field(default_factory=dict)
    publisher: str = ""  # the source publisher of the edition's first document (page footers)
    register: RegisterView | None = None

    def entries(self) -> list[str]:
        """The entries that get a page: the persons, organisations and places named."""
        return [xid for xid in self.docs if self.register is not None and xid in self.register.entries]

    def of_entries(self, ids: list[str]) -> tuple[dict[str, list[tuple[str, int]]], dict[str, dict]]:
        """What the pages of the entries ``ids`` are made from (``SiteRenderer.entry_pages``):
        the documents naming each, and the summaries of those documents."""
        named = {xid: self.docs[xid] for xid in ids}
        stems = {stem for docs in named.values() for stem, _ in docs}
        return named, {stem: self.summaries[stem] for stem in stems}


def site_pages(summaries: Iterable[etree._Element], register: Path | None, title: str,
               out: Path) -> Mentions:
    """Write index.html, about.html and register.html into ``out`` from the documents'
    summaries (in the order the documents were given) and the register; return who names
    what.

    An encodingDesc that repeats one of an earlier document (with the same inherited
    language) adds no part and no wording to the about page, so only its first copy is
    kept: the input then grows with the edition's distinct principles, not with its
    documents. The mentions of entries are replaced by one count per entry. Saxon writes
    each page straight into a temporary file renamed into place."""
    root = xmlio.parse_xml(register).getroot() if register else None
    mentions = Mentions(register=RegisterView(root) if root is not None else None)
    targets = mentions.register.targets if mentions.register else {}
    seen, parts, first = set(), [], None
    for summary in summaries:
        decl = summary.find(f"{_T}encodingDesc")
        if decl is not None:
            key = (summary.get(XML_LANG), etree.tostring(decl))
            if key in seen:
                summary.remove(decl)
            seen.add(key)
        _count(summary, targets, mentions)
        mentions.summaries[summary.get("stem", "")] = dict(summary.attrib)
        order = (summary.get("date-key", ""), summary.get("stem", ""))
        if first is None or order < first[0]:
            first = (order, summary.get("publisher", ""))
        parts.append(_without(summary, f"{_TT}named"))
    mentions.publisher = first[1] if first else ""
    parts += [f'<tt:named-in ref="{xid}" docs="{len(docs)}"/>' for xid, docs in mentions.docs.items()]
    tr = Transformer()
    edition = tr.parse(edition_xml([], root, Path(), title, parts), "edition")
    for page in SITE_PAGES:
        with xmlio.atomic_path(xmlio.confined_path(out, f"{page}.html")) as tmp:
            tr.render_to_file(HTML_XSL, {"edition": edition, "page": page}, tmp)
    return mentions


def _count(summary: etree._Element, targets: dict[str, str], into: Mentions) -> None:
    """Add a summary's mentions (tt:named) to ``into``, by the entry they link to."""
    per_entry: dict[str, int] = {}
    for named in summary.iter(f"{_TT}named"):
        target = targets.get(reg_id(named.get("ref", "")))
        if target:
            per_entry[target] = per_entry.get(target, 0) + int(named.get("n", "0"))
    for target, n in per_entry.items():
        into.docs.setdefault(target, []).append((summary.get("stem", ""), n))


def _without(summary: etree._Element, tag: str) -> str:
    """A summary serialised without its ``tag`` children (the tree is changed)."""
    for child in summary.findall(tag):
        summary.remove(child)
    return etree.tostring(summary, encoding="unicode")


def _tei_input(path: Path, reduce: bool = False) -> TeiInput:
    data = path.read_bytes()
    root = xmlio.parse_bytes(data, str(path)).getroot()
    return TeiInput(path, page_stem(path), data, header_only(root) if reduce else root)


def runs(todo: list[int], size: int) -> list[list[int]]:
    """Positions to render grouped into runs of consecutive positions, at most ``size`` long."""
    grouped: list[list[int]] = []
    for i in todo:
        if grouped and grouped[-1][-1] == i - 1 and len(grouped[-1]) < size:
            grouped[-1].append(i)
        else:
            grouped.append([i])
    return grouped


def neighbours(order: list[Path], run: list[int]) -> tuple[Path | None, Path | None]:
    """The documents just before and after a run of positions in ``order`` (or None)."""
    return (order[run[0] - 1] if run[0] else None,
            order[run[-1] + 1] if run[-1] + 1 < len(order) else None)


def entry_runs(todo: list[str], mentions: Mentions) -> list[list[str]]:
    """Entries grouped for rendering: entries named in few documents together (up to ``RUN``
    entries, ``ENTRY_RUN_DOCUMENTS`` documents), so that a run reads little it does not show."""
    grouped: list[list[str]] = []
    size = 0
    for xid in sorted(todo, key=lambda x: (len(mentions.docs[x]), x)):
        n = len(mentions.docs[xid])
        if not grouped or len(grouped[-1]) >= RUN or size + n > ENTRY_RUN_DOCUMENTS:
            grouped.append([])
            size = 0
        grouped[-1].append(xid)
        size += n
    return grouped


def write_document_pages(made: list[tuple[TeiInput, bytes, bytes]], out: Path) -> None:
    """Write the pages ``SiteRenderer.document_pages`` made, and their TEI, into ``out``."""
    for doc, html, _ in made:
        xmlio.atomic_write(xmlio.confined_path(out, f"{doc.stem}.html"), html, durable=False)
        xmlio.atomic_write(xmlio.confined_path(out, f"{doc.stem}.xml"), doc.data, durable=False)


def write_entry_pages(made: list[tuple[str, bytes]], out: Path) -> None:
    """Write the pages ``SiteRenderer.entry_pages`` made into ``out``/register."""
    for xid, html in made:
        xmlio.atomic_write(xmlio.confined_path(out / ENTRY_DIR, f"{xid}.html"), html, durable=False)


def write_assets(register: Path | None, out: Path) -> None:
    """The stylesheet of the pages and the register's TEI (names link into it), into ``out``."""
    xmlio.atomic_write(xmlio.confined_path(out, CSS_FILE.name), CSS_FILE.read_bytes(), durable=False)
    if register:
        xmlio.atomic_write(xmlio.confined_path(out, REGISTER_NAME), register.read_bytes(), durable=False)


def render_site(docs: list[tuple[Path, str]], register: Path | None, out: Path, pdf_dir: Path,
                title: str = DEFAULT_TITLE, progress: Callable[[str, int, int], None] | None = None) -> None:
    """Make every page of the site in this process, writing into ``out`` (``tei-tool html``).
    ``docs``: (TEI file, ``date_key``) in the order given; ``progress`` gets (stage, pages
    made, pages in the stage) after each run."""
    report = progress or (lambda stage, done, total: None)
    renderer = SiteRenderer(register, title)
    order = [path for path, _ in sorted(docs, key=lambda d: (d[1], page_stem(d[0])))]
    summaries: dict[str, bytes] = {}
    for run in runs(list(range(len(order))), RUN):
        made = renderer.document_pages([order[i] for i in run], *neighbours(order, run), pdf_dir)
        write_document_pages(made, out)
        summaries.update((doc.stem, summary) for doc, _, summary in made)
        report("render pages", len(summaries), len(order))
    mentions = site_pages((xmlio.parse_bytes(summaries[page_stem(path)]).getroot() for path, _ in docs),
                          register, title, out)
    ids, done = mentions.entries(), 0
    for run in entry_runs(ids, mentions):
        write_entry_pages(renderer.entry_pages(*mentions.of_entries(run), mentions.publisher), out)
        done += len(run)
        report("render entry pages", done, len(ids))
    write_assets(register, out)
