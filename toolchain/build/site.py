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
* the index, about and register pages are made from those summaries (without
  their mentions of entries: the register page gets only how many documents
  name each entry) and the register, so they never hold the documents;
* the page of each entry (register/ID.html, the documents naming it) is made,
  a run of entries at a time, from the summaries of those documents only.

The page key of a document (its TEI, its neighbours' headers, the register
entries it names, the stylesheets) tells whether its page must be made again;
the key of an entry page (the entry, the summaries of the documents naming it)
likewise.
"""
from __future__ import annotations

import copy
import hashlib
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from toolchain import xmlio
from toolchain.build.state import STATE_DIR, BuildState
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
#: runs of a small rebuild still spread over the workers.
RUN = 16
#: Most documents the entry pages of one run show together (an entry named in more is alone).
ENTRY_RUN_DOCUMENTS = 400
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
        #: it was merged into (h:reg-targets, xslt/html/html-text.xsl)
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


def site_pages(summaries: list[Path], register: Path | None, title: str, out: Path) -> Mentions:
    """Write index.html, about.html and register.html into ``out`` from the documents'
    summaries (files given in the edition's order) and the register; return who names what.

    An encodingDesc that repeats one of an earlier document (with the same inherited
    language) adds no part and no wording to the about page, so only its first copy is
    kept: the input then grows with the edition's distinct principles, not with its
    documents. The mentions of entries are replaced by one count per entry. Saxon writes
    each page straight into a temporary file renamed into place."""
    root = xmlio.parse_xml(register).getroot() if register else None
    mentions = Mentions(register=RegisterView(root) if root is not None else None)
    targets = mentions.register.targets if mentions.register else {}
    seen, parts, first = set(), [], None
    for path in summaries:
        summary = xmlio.parse_xml(path).getroot()
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


def render_entries(named: dict[str, list[tuple[str, int]]], summaries: dict[str, dict],
                   publisher: str, out: str) -> list[str]:
    """Write the pages of a run of entries into ``out``/register; return their file names."""
    folder = Path(out) / ENTRY_DIR
    made = _site.entry_pages(named, summaries, publisher)
    for xid, html in made:
        xmlio.atomic_write(xmlio.confined_path(folder, f"{xid}.html"), html, durable=False)
    return [f"{xid}.html" for xid, _ in made]


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
    entries = out / ENTRY_DIR
    if (todo or state.site_key != site_key or not (out / "index.html").is_file()
            or any(not (entries / f"{xid}.html").is_file() for xid in state.entry_keys)):
        stems = [page_stem(p) for p in sorted(tei_files)]  # the order tei-tool html is given them
        for stale in set(p.stem for p in kept.glob("*.xml")) - set(stems):
            (kept / f"{stale}.xml").unlink()
        mentions = site_pages([kept / f"{s}.xml" for s in stems], register, DEFAULT_TITLE, out)
        entry_pages = _entry_pages(mentions, out, state, stylesheets, runner)
        xmlio.atomic_write(xmlio.confined_path(out, CSS_FILE.name), CSS_FILE.read_bytes(), durable=False)
        if register:
            xmlio.atomic_write(xmlio.confined_path(out, "register.xml"), register.read_bytes(),
                               durable=False)
        state.site_key = site_key
        result.published.append(f"html ({len(todo)} pages, {entry_pages} entry pages)")


def _entry_pages(mentions: Mentions, out: Path, state: BuildState, stylesheets: str, runner) -> int:
    """Make the entry pages whose key changed (the entry, or what the page shows of a
    document naming it: its date, title and mentions); remove those of entries no document
    names any more. Returns how many were made."""
    view, keys = mentions.register, {}
    for xid, docs in mentions.docs.items():
        if view is None or xid not in view.entries:
            continue  # names point to it, but it is no person, organisation or place
        h = hashlib.sha256(f"{stylesheets}|{mentions.publisher}|".encode())
        h.update(etree.tostring(view.entries[xid]))
        for stem, n in sorted(docs):
            h.update(repr((n, sorted(mentions.summaries[stem].items()))).encode())
        keys[xid] = h.hexdigest()
    folder = out / ENTRY_DIR
    todo = [xid for xid, key in keys.items()
            if state.entry_keys.get(xid) != key or not (folder / f"{xid}.html").is_file()]
    runs = [{xid: mentions.docs[xid] for xid in run} for run in _entry_runs(todo, mentions)]
    runner.stage = "render entry pages"  # what the progress display names
    stems = [{stem for docs in run.values() for stem, _ in docs} for run in runs]
    runner.map(render_entries, runs, [{s: mentions.summaries[s] for s in run} for run in stems],
               [mentions.publisher] * len(runs), [str(out)] * len(runs))
    for stale in set(p.stem for p in folder.glob("*.html")) - set(keys):
        (folder / f"{stale}.html").unlink()
    state.entry_keys = keys
    return len(todo)


def _entry_runs(todo: list[str], mentions: Mentions) -> list[list[str]]:
    """Entries grouped for rendering: entries named in few documents together (up to ``RUN``
    entries, ``ENTRY_RUN_DOCUMENTS`` documents), so that a run reads little it does not show."""
    runs: list[list[str]] = []
    size = 0
    for xid in sorted(todo, key=lambda x: (len(mentions.docs[x]), x)):
        n = len(mentions.docs[xid])
        if not runs or len(runs[-1]) >= RUN or size + n > ENTRY_RUN_DOCUMENTS:
            runs.append([])
            size = 0
        runs[-1].append(xid)
        size += n
    return runs
