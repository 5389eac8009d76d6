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

import copy
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


class RegisterView:
    """The register indexed once, to cut out the few entries one page needs."""

    def __init__(self, register: etree._Element):
        self.root = register
        self.entries = {el.get(XML_ID): el
                        for el in register.iter(f"{_T}person", f"{_T}org", f"{_T}place")}

    def subset(self, ids: set[str]) -> etree._Element:
        """The register with only the entries ``ids`` name (and those they were merged into)."""
        wanted = set(ids)
        for i in ids:
            same = self.entries[i].get("sameAs") or "" if i in self.entries else ""
            wanted.add(same.lstrip("#").removeprefix("reg:"))
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


def _copy(el: etree._Element | None) -> etree._Element:
    return etree.fromstring(etree.tostring(el)) if el is not None else etree.Element(f"{_T}teiHeader")


class SiteRenderer:
    """Renders pages of the site with one compiled stylesheet (one per worker process)."""

    def __init__(self, register_path: Path | None, title: str):
        self.register = xmlio.parse_xml(register_path).getroot() if register_path else None
        self.view = RegisterView(self.register) if self.register is not None else None
        self.title = title
        self.transformer = Transformer()

    def document_page(self, path: Path, prev: Path | None, nxt: Path | None, out: Path) -> bytes:
        """The HTML of one document's page."""
        doc = _tei_input(path)
        docs = [_tei_input(p, reduce=True) for p in (prev, nxt) if p is not None] + [doc]
        register = self.view.subset(named_ids(doc.root)) if self.view else None
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
