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
import hashlib
from pathlib import Path

from lxml import etree

from toolchain import xmlio
from toolchain.build.state import BuildState
from toolchain.publish.html import CSS_FILE, DEFAULT_TITLE, HTML_XSL, TeiInput, edition_xml, page_stem
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


# -- the build's HTML stage

_site = None  # the worker's SiteRenderer


def init_site(register_path: str | None) -> None:
    """Worker set-up for page rendering: parse the register and compile the stylesheet once."""
    global _site
    _site = SiteRenderer(Path(register_path) if register_path else None, DEFAULT_TITLE)


def render_page(path: str, prev: str | None, nxt: str | None, out: str) -> str:
    """Write one document's page and its TEI copy into ``out``; return the page's file name."""
    src, folder = Path(path), Path(out)
    html = _site.document_page(src, Path(prev) if prev else None, Path(nxt) if nxt else None, folder)
    stem = page_stem(src)
    xmlio.atomic_write(xmlio.confined_path(folder, f"{stem}.html"), html, durable=False)
    xmlio.atomic_write(xmlio.confined_path(folder, f"{stem}.xml"), src.read_bytes(), durable=False)
    return f"{stem}.html"


def html_site(tei_files: list[Path], out: Path, state: BuildState, stylesheets: str,
              register: Path | None, facts, runner, result, site_key: str) -> None:
    """Render the document pages whose key changed, then the site pages if anything changed.

    A document page links each name to its entry (or to the entry it was merged into), so it
    depends on those links and the taxonomies; entries' other contents show on the register page.
    """
    order = sorted(tei_files, key=lambda p: (state.docs[p.stem].date_key, p.stem))
    todo = []
    for i, path in enumerate(order):
        doc = state.docs[path.stem]
        prev = order[i - 1] if i else None
        nxt = order[i + 1] if i + 1 < len(order) else None
        h = hashlib.sha256(f"{doc.tei}:{stylesheets}:{facts.taxonomies}".encode())
        for n in (prev, nxt):
            h.update(f"|{n.stem}:{state.docs[n.stem].tei}".encode() if n else b"|")
        for ref in doc.named:
            h.update(f"{ref}={facts.links.get(ref, '')};".encode())
        h.update(str((out / f"{path.stem}.pdf").is_file()).encode())
        key = h.hexdigest()
        if doc.page_key != key or not (out / f"{path.stem}.html").is_file():
            todo.append((path, prev, nxt, key))
    runner.map(render_page, [str(t[0]) for t in todo], [str(t[1]) if t[1] else None for t in todo],
               [str(t[2]) if t[2] else None for t in todo], [str(out)] * len(todo))
    for path, _, _, key in todo:
        state.docs[path.stem].page_key = key
    if todo or state.site_key != site_key or not (out / "index.html").is_file():
        pages = SiteRenderer(register, DEFAULT_TITLE).site_pages(sorted(tei_files), out)
        if register:
            pages["register.xml"] = register.read_bytes()
        for name, data in pages.items():
            xmlio.atomic_write(xmlio.confined_path(out, name), data, durable=False)
        state.site_key = site_key
        result.published.append(f"html ({len(todo)} pages)")
