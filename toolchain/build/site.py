"""The HTML site of a build, a run of pages at a time (so pages render in parallel and alone).

``tei-tool html`` hands the stylesheet the whole edition at once. That does not
scale to thousands of documents nor allow rebuilding one page, so the build
gives the same stylesheet (xslt/html/html.xsl) small editions:

* the pages of a run of documents consecutive in the site's order (document
  date, then stem) are made from one parse of those documents, the headers of
  the documents just before and after the run (the first and last page link to
  them) and the register entries they name, together with each document's
  summary (what the site pages show of it), kept per document in the build's
  state folder;
* the index, about and register pages are made from those summaries and the
  register, so they never hold the documents themselves.

The page key of a document (its TEI, its neighbours' headers, the register
entries it names, the stylesheets) tells whether its page must be made again.
"""
from __future__ import annotations

import copy
import hashlib
import math
import os
import tempfile
from pathlib import Path

from lxml import etree

from toolchain import xmlio
from toolchain.build.state import STATE_DIR, BuildState
from toolchain.publish.html import (CSS_FILE, DEFAULT_TITLE, HTML_XSL, SITE_PAGES, TeiInput,
                                    edition_xml, page_stem)
from toolchain.publish.xslt import Transformer

TEI = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_T = f"{{{TEI}}}"
#: The pointer attributes of every element (one XPath: lxml walks the tree, not Python).
_POINTERS = etree.XPath(" | ".join(f"descendant-or-self::*/@{a}" for a in ("ref", "sameAs", "target", "ana")))
#: Most pages made from one parse: enough to share its set-up, few enough that the
#: runs of a small rebuild still spread over the workers.
RUN = 16
#: Where the build keeps each document's summary (``<stem>.xml``), relative to its output
#: folder: in the state folder, next to the manifest.
SUMMARY_DIR = Path(STATE_DIR) / "site"


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


class SiteRenderer:
    """Renders pages of the site with one compiled stylesheet (one per worker process)."""

    def __init__(self, register_path: Path | None, title: str):
        register = xmlio.parse_xml(register_path).getroot() if register_path else None
        self.view = RegisterView(register) if register is not None else None
        self.title = title
        self.transformer = Transformer()

    def document_pages(self, paths: list[Path], before: Path | None, after: Path | None,
                       out: Path) -> list[tuple[TeiInput, bytes, bytes]]:
        """The pages of documents consecutive in the site's order (``before`` and ``after``
        are the documents next to the run): (document, its HTML, its summary) for each."""
        docs = [_tei_input(p) for p in paths]
        edges = [_tei_input(p, reduce=True) for p in (before, after) if p is not None]
        ids = set().union(*(named_ids(d.root) for d in docs))
        register = self.view.subset(ids) if self.view else None
        edition = self.transformer.parse(edition_xml(edges + docs, register, out, self.title), "edition")
        summaries = self.transformer.render_strings(
            HTML_XSL, "summaries", {"edition": edition, "stems": [d.stem for d in docs]})
        pages = [self.transformer.render(HTML_XSL, {"edition": edition, "page": "document",
                                                    "stem": d.stem}) for d in docs]
        return [(d, html.encode("utf-8"), summary.encode("utf-8"))
                for d, html, summary in zip(docs, pages, summaries)]


def site_pages(summaries: list[Path], register: Path | None, title: str, out: Path) -> None:
    """Write index.html, about.html and register.html into ``out`` from the documents'
    summaries (files given in the edition's order) and the register.

    An encodingDesc that repeats one of an earlier document (with the same inherited
    language) adds no part and no wording to the about page, so only its first copy is
    kept: the input then grows with the edition's distinct principles, not with its
    documents. Saxon writes each page straight into a temporary file renamed into place
    (the register page grows with the edition: it never exists as a string)."""
    seen, parts = set(), []
    for path in summaries:
        summary = xmlio.parse_xml(path).getroot()
        decl = summary.find(f"{_T}encodingDesc")
        if decl is not None:
            key = (summary.get(XML_LANG), etree.tostring(decl))
            if key in seen:
                summary.remove(decl)
            seen.add(key)
        parts.append(etree.tostring(summary, encoding="unicode"))
    root = xmlio.parse_xml(register).getroot() if register else None
    tr = Transformer()
    edition = tr.parse(edition_xml([], root, Path(), title, parts), "edition")
    for page in SITE_PAGES:
        target = xmlio.confined_path(out, f"{page}.html")
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=out)  # see xmlio
        os.close(fd)
        try:
            tr.render_to_file(HTML_XSL, {"edition": edition, "page": page}, Path(tmp))
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


def _tei_input(path: Path, reduce: bool = False) -> TeiInput:
    data = path.read_bytes()
    root = xmlio.parse_bytes(data, str(path)).getroot()
    return TeiInput(path, page_stem(path), data, header_only(root) if reduce else root)


# -- the build's HTML stage

_site = None  # the worker's SiteRenderer


def init_site(register_path: str | None) -> None:
    """Worker set-up for page rendering: parse the register and compile the stylesheet once."""
    global _site
    _site = SiteRenderer(Path(register_path) if register_path else None, DEFAULT_TITLE)


def render_pages(paths: list[str], before: str | None, after: str | None, out: str,
                 summaries: str) -> list[str]:
    """Write the pages of a run of consecutive documents, their TEI copies into ``out`` and
    their summaries into ``summaries``; return the pages' file names."""
    folder, kept = Path(out), Path(summaries)
    made = _site.document_pages([Path(p) for p in paths], Path(before) if before else None,
                                Path(after) if after else None, folder)
    for doc, html, summary in made:
        xmlio.atomic_write(xmlio.confined_path(folder, f"{doc.stem}.html"), html, durable=False)
        xmlio.atomic_write(xmlio.confined_path(folder, f"{doc.stem}.xml"), doc.data, durable=False)
        xmlio.atomic_write(xmlio.confined_path(kept, f"{doc.stem}.xml"), summary, durable=False)
    return [f"{doc.stem}.html" for doc, _, _ in made]


def _runs(todo: list[int], size: int) -> list[list[int]]:
    """Positions to render grouped into runs of consecutive positions, at most ``size`` long."""
    runs: list[list[int]] = []
    for i in todo:
        if runs and runs[-1][-1] == i - 1 and len(runs[-1]) < size:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def html_site(tei_files: list[Path], out: Path, state: BuildState, stylesheets: str,
              register: Path | None, facts, runner, result, site_key: str) -> None:
    """Render the document pages whose key changed, then the site pages if anything changed.

    A document page links each name to its entry (or to the entry it was merged into), so it
    depends on those links and the taxonomies; entries' other contents show on the register page.
    Summaries live in ``out/../SUMMARY_DIR`` (the build's state folder).
    """
    kept = out.parent / SUMMARY_DIR
    kept.mkdir(parents=True, exist_ok=True)
    order = sorted(tei_files, key=lambda p: (state.docs[p.stem].date_key, p.stem))
    todo, keys = [], {}
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
        keys[path.stem] = h.hexdigest()
        if (doc.page_key != keys[path.stem] or not (out / f"{path.stem}.html").is_file()
                or not (kept / f"{page_stem(path)}.xml").is_file()):
            todo.append(i)
    runs = _runs(todo, max(1, min(RUN, math.ceil(len(todo) / (runner.jobs * 4)))))
    runner.map(render_pages, [[str(order[i]) for i in run] for run in runs],
               [str(order[run[0] - 1]) if run[0] else None for run in runs],
               [str(order[run[-1] + 1]) if run[-1] + 1 < len(order) else None for run in runs],
               [str(out)] * len(runs), [str(kept)] * len(runs))
    for i in todo:
        state.docs[order[i].stem].page_key = keys[order[i].stem]
    if todo or state.site_key != site_key or not (out / "index.html").is_file():
        stems = [page_stem(p) for p in sorted(tei_files)]  # the order tei-tool html is given them
        for stale in set(p.stem for p in kept.glob("*.xml")) - set(stems):
            (kept / f"{stale}.xml").unlink()
        site_pages([kept / f"{s}.xml" for s in stems], register, DEFAULT_TITLE, out)
        xmlio.atomic_write(xmlio.confined_path(out, CSS_FILE.name), CSS_FILE.read_bytes(), durable=False)
        if register:
            xmlio.atomic_write(xmlio.confined_path(out, "register.xml"), register.read_bytes(),
                               durable=False)
        state.site_key = site_key
        result.published.append(f"html ({len(todo)} pages)")
