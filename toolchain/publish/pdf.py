"""Publish stage, print edition: TEI → print HTML (xslt/print) → PDF (WeasyPrint).

The documents are read safely, put in date order and wrapped with the register
in one ``teiCorpus`` so the stylesheet can lay out the whole volume in one
pass (title page, principles, contents, documents, person index, sources).

A volume is rendered twice: the first layout tells on which page every name
anchor landed, the second prints the person index with each page once. Only
the back matter changes between the passes, so the pages before it (contents,
documents) are laid out identically and the TOC's CSS page numbers stay true.
"""
from __future__ import annotations

import copy
import os
from dataclasses import dataclass, field
from typing import Iterable, Sequence

from lxml import etree

from toolchain import xmlio
from toolchain.diagnostics import Diagnostic, Report
from toolchain.errors import UsageError
from toolchain.paths import REGISTER_NAME, XSLT_DIR
from toolchain.publish.html import TeiInput, collect_tei_paths, find_register, load_tei

TEI_NS = "http://www.tei-c.org/ns/1.0"
PRINT_XSL = XSLT_DIR / "print" / "print.xsl"
_T = f"{{{TEI_NS}}}"


@dataclass
class Edition:
    """The documents of one build, in volume order, and the register they point into."""

    docs: list[TeiInput]
    register: etree._Element | None
    report: Report = field(default_factory=Report)


def _date_key(root: etree._Element) -> str:
    """Earliest possible day of the document date; undated documents sort last."""
    for date in root.iterfind(f"{_T}teiHeader/{_T}profileDesc/{_T}creation/{_T}date"):
        key = date.get("when") or date.get("notBefore") or date.get("notAfter")
        if key:
            return key
    return "9999"


def load_edition(paths: Iterable[os.PathLike | str]) -> Edition:
    """Read every TEI file and the register beside them, as the HTML edition does
    (same file selection, checks and output stems, so its PDF links resolve)."""
    files = collect_tei_paths(paths)
    docs = sorted((load_tei(f) for f in files), key=lambda d: (_date_key(d.root), d.path.name))
    report = Report()
    reg_path = find_register(files, Report())
    register = xmlio.parse_xml(reg_path).getroot() if reg_path else None
    if register is None:
        report.add(Diagnostic("warning", "pdf-register",
                              f"no {REGISTER_NAME} next to the TEI files: the index uses printed names",
                              str(files[0].parent / REGISTER_NAME)))
    return Edition(docs, register, report)


def corpus_bytes(docs: Sequence[etree._Element], register: etree._Element | None) -> bytes:
    """The stylesheet's input: a teiCorpus of the documents, then the register."""
    corpus = etree.Element(f"{_T}teiCorpus", nsmap={None: TEI_NS})
    header = etree.SubElement(corpus, f"{_T}teiHeader")
    title_stmt = etree.SubElement(etree.SubElement(header, f"{_T}fileDesc"), f"{_T}titleStmt")
    etree.SubElement(title_stmt, f"{_T}title").text = "tei-tool print edition"
    for root in docs:
        corpus.append(copy.deepcopy(root))
    if register is not None:
        reg = copy.deepcopy(register)
        reg.set("{http://www.w3.org/XML/1998/namespace}id", "register")
        corpus.append(reg)
    return etree.tostring(corpus, encoding="UTF-8")


class Printer:
    """The print stylesheet through the shared saxonche wrapper (compiled once per run)."""

    def __init__(self) -> None:
        from toolchain.publish.xslt import Transformer

        self._xslt = Transformer()

    def html(self, corpus: bytes, layout: str, pages: dict[str, int] | None = None) -> str:
        """Print HTML of a corpus; ``pages`` maps name anchors to pages (second pass)."""
        params = {"layout": layout}
        if pages is not None:
            params["pages"] = self._xslt.parse(_pages_xml(pages))
        return self._xslt.render(PRINT_XSL, params, self._xslt.parse(corpus))


def _pages_xml(pages: dict[str, int]) -> bytes:
    root = etree.Element("pages")
    for anchor, page in pages.items():
        etree.SubElement(root, "a", id=anchor, page=str(page))
    return etree.tostring(root, encoding="UTF-8")


def _render(html: str):
    """Lay out print HTML with WeasyPrint; stylesheet and fonts resolve from xslt/print."""
    from weasyprint import HTML  # lazy: heavy import, only for PDF output

    return HTML(string=html, base_url=str(PRINT_XSL.parent) + "/").render()


def _anchor_pages(document) -> dict[str, int]:
    """Page (1-based) of every name anchor in a rendered document."""
    return {name: number
            for number, page in enumerate(document.pages, start=1)
            for name in page.anchors if name.startswith("pn-")}


def publish_pdf(paths: Iterable[os.PathLike | str], volume: os.PathLike | str | None = None,
                per_document: os.PathLike | str | None = None) -> Report:
    """Print the TEI files as a volume PDF and/or one ``<stem>.pdf`` per document.

    Every input is read and checked before anything is written, and each PDF is
    written atomically, so bad input never leaves a half-written file.
    """
    if volume is None and per_document is None:
        raise UsageError("say where to write: --out FILE.pdf and/or --per-document DIR")
    edition = load_edition(paths)
    printer = Printer()
    if volume is not None:
        xmlio.atomic_write(volume, build_volume(edition, printer))
    if per_document is not None:
        for doc in edition.docs:
            html = printer.html(corpus_bytes([doc.root], edition.register), "document")
            xmlio.atomic_write(xmlio.confined_path(per_document, doc.stem + ".pdf"),
                               _render(html).write_pdf())
    return edition.report


def build_volume(edition: Edition, printer: Printer) -> bytes:
    """The volume PDF; laid out twice so the index prints real, de-duplicated pages."""
    corpus = corpus_bytes([d.root for d in edition.docs], edition.register)
    first = _render(printer.html(corpus, "volume"))
    final = _render(printer.html(corpus, "volume", _anchor_pages(first)))
    return final.write_pdf()
