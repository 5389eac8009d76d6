"""The HTML site of a build, one page at a time (so pages render in parallel and alone).

``tei-tool html`` hands the stylesheet the whole edition for every page. That
does not scale to thousands of documents nor allow rebuilding one page, so the
build gives the same stylesheet (xslt/html/html.xsl) a small edition per page:

* a document page gets the document, its previous and next documents (in the
  site's order: document date, then stem) and the register entries it names;
* the index, about and register pages get every document reduced to its
  header and its named entities ("light" documents).

The page key of a document (its TEI, its neighbours' headers, the register
entries it names, the stylesheets) tells whether its page must be made again.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from lxml import etree

from toolchain import xmlio
from toolchain.publish.html import CSS_FILE, HTML_XSL, TeiInput, edition_xml, page_stem
from toolchain.publish.xslt import Transformer

TEI = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
_T = f"{{{TEI}}}"
_REF_ATTRS = ("ref", "sameAs", "target", "ana")


def date_key(root: etree._Element) -> str:
    """The site's sort key of a document (as xslt/html/html.xsl sorts: tt:date-key)."""
    date = root.find(f"{_T}teiHeader/{_T}profileDesc/{_T}creation/{_T}date")
    if date is None:
        return ""
    return next((date.get(a) for a in ("when", "notBefore", "from", "notAfter") if date.get(a)), "")


def named_ids(root: etree._Element) -> set[str]:
    """Register ids a document points to (``reg:ID``)."""
    ids = set()
    for el in root.iter():
        for attr in _REF_ATTRS:
            for token in (el.get(attr) or "").split():
                if token.startswith("reg:"):
                    ids.add(token[4:])
    return ids


def light(root: etree._Element) -> etree._Element:
    """A document reduced to its header and the elements that name register entries."""
    out = etree.Element(f"{_T}TEI", dict(root.attrib), nsmap=root.nsmap)
    out.append(_copy(root.find(f"{_T}teiHeader")))
    body = etree.SubElement(etree.SubElement(etree.SubElement(out, f"{_T}text"), f"{_T}body"), f"{_T}p")
    for el in root.iterfind(f"{_T}text//*[@ref]"):
        clone = etree.SubElement(body, el.tag, dict(el.attrib))
        clone.text = "".join(el.itertext())
        clone.tail = " "
    return out


def register_subset(register: etree._Element | None, ids: set[str]) -> etree._Element | None:
    """The register with only the entries ``ids`` name (and those they were merged into)."""
    if register is None:
        return None
    entries = {el.get(XML_ID): el for el in register.iter(f"{_T}person", f"{_T}org", f"{_T}place")}
    wanted = set(ids)
    for i in list(ids):
        same = (entries[i].get("sameAs") or "") if i in entries else ""
        wanted.add(same.lstrip("#").removeprefix("reg:"))
    out = _copy(register)
    for el in list(out.iter(f"{_T}person", f"{_T}org", f"{_T}place")):
        if el.get(XML_ID) not in wanted:
            el.getparent().remove(el)
    return out


def _copy(el: etree._Element | None) -> etree._Element:
    return etree.fromstring(etree.tostring(el)) if el is not None else etree.Element(f"{_T}teiHeader")


def page_key(doc: bytes, neighbours: list[etree._Element], register: etree._Element | None,
             pdf: bool, stylesheets: str) -> str:
    """Everything a document page shows, hashed."""
    h = hashlib.sha256(doc)
    for n in neighbours:
        h.update(etree.tostring(n.find(f"{_T}teiHeader")))
    if register is not None:
        h.update(etree.tostring(register))
    h.update(f"{pdf}:{stylesheets}".encode())
    return h.hexdigest()


class SiteRenderer:
    """Renders pages of the site with one compiled stylesheet (one per worker process)."""

    def __init__(self, register_path: Path | None, title: str):
        self.register = xmlio.parse_xml(register_path).getroot() if register_path else None
        self.title = title
        self.transformer = Transformer()

    def document_page(self, path: Path, prev: Path | None, nxt: Path | None, out: Path) -> bytes:
        """The HTML of one document's page."""
        doc = _tei_input(path)
        docs = [_tei_input(p, reduce=True) for p in (prev, nxt) if p is not None] + [doc]
        register = register_subset(self.register, named_ids(doc.root))
        return self._render(docs, register, out, "document", doc.stem)

    def site_pages(self, paths: list[Path], out: Path) -> dict[str, bytes]:
        """index.html, about.html and register.html from every document's light form."""
        docs = [_tei_input(p, reduce=True) for p in paths]
        return {f"{page}.html": self._render(docs, self.register, out, page, "")
                for page in ("index", "about", "register")} | {CSS_FILE.name: CSS_FILE.read_bytes()}

    def _render(self, docs: list[TeiInput], register, out: Path, page: str, stem: str) -> bytes:
        edition = self.transformer.parse(edition_xml(docs, register, out, self.title), "edition")
        return self.transformer.render(HTML_XSL, {"edition": edition, "page": page,
                                                  "stem": stem}).encode("utf-8")


def _tei_input(path: Path, reduce: bool = False) -> TeiInput:
    data = path.read_bytes()
    root = xmlio.parse_bytes(data, str(path)).getroot()
    return TeiInput(path, page_stem(path), data, light(root) if reduce else root)
