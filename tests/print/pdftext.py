"""What a reader of the printed volume sees, read back from the PDF with pypdf.

The print tests check the PDF, not the HTML that produced it: page texts are
extracted page by page and compared with facts taken independently from the
TEI (lxml), so a layout bug (a note on the wrong page, a TOC number that is
off by one) shows up as a failed assertion.
"""
from __future__ import annotations

import copy
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pypdf
from lxml import etree

TEI = "{http://www.tei-c.org/ns/1.0}"
NS = {"t": "http://www.tei-c.org/ns/1.0"}


def tokens(text: str) -> list[str]:
    """Word tokens, case-folded: the unit of the "every word is printed" checks."""
    return re.findall(r"\w+", text.casefold())


def flat(text: str) -> str:
    """Whitespace collapsed, so lines broken by the layout compare equal."""
    return re.sub(r"\s+", " ", text).strip()


def contains_run(haystack: list[str], needle: list[str]) -> bool:
    """True when ``needle`` occurs as a contiguous run of tokens in ``haystack``."""
    n = len(needle)
    return n == 0 or any(haystack[i:i + n] == needle for i in range(len(haystack) - n + 1))


@dataclass
class Doc:
    """Facts of one TEI document, read with lxml (not through the stylesheet)."""

    path: Path
    root: etree._Element

    @property
    def title(self) -> str:
        return flat("".join(self.root.find(f"{TEI}teiHeader//{TEI}titleStmt/{TEI}title").itertext()))

    @property
    def date(self) -> str:
        d = self.root.find(f"{TEI}teiHeader//{TEI}creation/{TEI}date")
        return flat("".join(d.itertext())) if d is not None else "undated"

    @property
    def sort_key(self) -> str:
        d = self.root.find(f"{TEI}teiHeader//{TEI}creation/{TEI}date")
        return (d.get("when") or d.get("notBefore") or "9999") if d is not None else "9999"

    @property
    def text(self) -> etree._Element:
        return self.root.find(f"{TEI}text")

    def foot_notes(self) -> list[etree._Element]:
        """Notes printed at the foot of the page: called authorial notes, translator's notes."""
        return self.text.xpath(
            ".//t:note[@type='authorial'][@place='foot']"
            " | .//t:note[@type='translator'][not(@subtype)][not(ancestor::t:note)]", namespaces=NS)

    def names(self) -> list[etree._Element]:
        return self.text.xpath(".//t:persName", namespaces=NS)


def load_docs(folder: Path) -> list[Doc]:
    """The folder's documents in the order the volume must print them (by date)."""
    docs = [Doc(p, etree.parse(str(p)).getroot())
            for p in sorted(folder.glob("*.xml")) if p.name != "register.xml"]
    return sorted(docs, key=lambda d: (d.sort_key, d.path.name))


def words_before(note: etree._Element) -> list[str]:
    """Tokens printed in the note's block (p, opener, head) before its call.

    The call is the note's ref[@type="note-call"] or, without one, the note itself.
    Notes that go to the foot of the page and calls are not part of the block's text.
    """
    tree = note.getroottree()
    root = copy.deepcopy(tree.getroot())
    mine = root.getroottree().xpath(tree.getpath(note))[0]
    xml_id = note.get("{http://www.w3.org/XML/1998/namespace}id") or "-"
    call = root.xpath("//t:ref[@type='note-call'][@target=$t]", namespaces=NS, t="#" + xml_id)
    anchor = call[0] if call else mine
    block = anchor.xpath("ancestor::*[self::t:p or self::t:opener or self::t:head][1]",
                         namespaces=NS)[0]
    anchor.tail = MARK + (anchor.tail or "")
    for el in block.xpath(".//t:ref[@type='note-call'] | .//t:note[@place='foot']"
                          " | .//t:note[@type='translator'][not(@subtype)]", namespaces=NS):
        if el.getparent() is not None:
            _drop(el)
    return tokens("".join(block.itertext()).split(MARK)[0])


MARK = "\ue000"


def _drop(el: etree._Element) -> None:
    """Remove an element but keep the text that follows it."""
    parent, prev = el.getparent(), el.getprevious()
    if el.tail:
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


class Pdf:
    """Page texts and structure of a built PDF."""

    def __init__(self, path: Path):
        self.reader = pypdf.PdfReader(str(path))
        self.pages = [p.extract_text() or "" for p in self.reader.pages]
        self.flat = [flat(t) for t in self.pages]
        self.tokens = [tokens(t) for t in self.pages]

    def first_page(self, predicate, start: int = 0) -> int:
        """1-based number of the first page from ``start`` whose flat text satisfies ``predicate``."""
        for i in range(start, len(self.flat)):
            if predicate(self.flat[i]):
                return i + 1
        raise AssertionError("no such page")

    def chunks(self, page: int) -> list[tuple[float, float, str]]:
        """Text chunks of a page (1-based) as (y from the bottom in pt, font size in pt, text)."""
        out = []

        def visit(text, cm, tm, font, size):
            if text.strip():
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                out.append((y, size * tm[3] * cm[3] if tm[3] else size, text))
        self.reader.pages[page - 1].extract_text(visitor_text=visit)
        return out

    def outline(self) -> list[tuple[str, int]]:
        """Bookmarks (title, 1-based page), flattened."""
        out = []

        def walk(items):
            for it in items:
                if isinstance(it, list):
                    walk(it)
                else:
                    out.append((it.title, self.reader.get_destination_page_number(it) + 1))
        walk(self.reader.outline)
        return out

    def token_count(self, first: int, last: int) -> Counter:
        """Multiset of the tokens printed on pages first..last (1-based, inclusive)."""
        c: Counter = Counter()
        for t in self.tokens[first - 1:last]:
            c.update(t)
        return c


def index_entries(text: str) -> dict[str, list[int]]:
    """Entries of the printed person index: name → page numbers."""
    lines: list[str] = []
    for line in text.splitlines():
        line = flat(line)
        if not line or line == "Index of persons" or line.isdigit():
            continue
        if re.match(r"^\d", line) and lines:   # page list wrapped onto the next line
            lines[-1] += " " + line
        else:
            lines.append(line)
    entries = {}
    for line in lines:
        m = re.match(r"^(.+?)\s+(\d+(?:,\s*\d+)*),?$", line)
        assert m, f"index line without pages: {line!r}"
        entries[m.group(1)] = [int(n) for n in re.split(r",\s*", m.group(2))]
    return entries
