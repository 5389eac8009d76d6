"""TEI writer: ``model.Record`` -> TEI P5 document (encoding guide §2.3, §3.3).

One method per model node (``block_to_tei``, ``_INLINE_WRITERS``); the header
is written by ``tei_header``. Every element boundary between words keeps a
space or newline (guide P8), so the string value never glues words together.
"""
from __future__ import annotations

import re

from toolchain import xmlio
from toolchain.model import (Block, Closer, Date, Dateline, Distribution, Email, Footnote, Foreign,
                             Gap, Head, Inline, LineBreak, Marking, Name, Note, NoteCall, Number,
                             Opener, Para, Record, Sic, Stamped, Stray, Supplied, Unclear, cut_documents)
from toolchain.writers.tei_header import header_to_tei
from toolchain.writers.xmlbuild import XML_ID, XML_LANG, Element, add_text, el, indent, sub, tostring

_NAME_TAG = {"person": "persName", "org": "orgName", "place": "placeName"}


def root_id(stem: str) -> str:
    """The document id: the file stem, or ``d-`` + stem with bad characters replaced (guide §3.3 U)."""
    ncname = re.fullmatch(r"[A-Za-z_][\w.-]*", stem) and not stem.lower().startswith("xml")
    return stem if ncname else "d-" + re.sub(r"[^\w.-]", "-", stem)


class _Ids:
    """Element ids of one document: root id + '-' + local part, numbered per kind."""

    def __init__(self, root: str):
        self.root = root
        self.counts: dict[str, int] = {}

    def next(self, kind: str) -> str:
        self.counts[kind] = self.counts.get(kind, 0) + 1
        n = self.counts[kind]
        return f"{self.root}-{kind}{n}" if kind in ("n", "fn") else \
            f"{self.root}-{kind}" + (f"-{n}" if n > 1 else "")


def write_tei(record: Record, tool_version: str) -> bytes:
    """Serialise a linked record as a TEI document (UTF-8 bytes, fingerprint filled in)."""
    rid = root_id(record.stem)
    ids = _Ids(rid)
    tei = el("TEI")
    tei.set(XML_ID, rid)
    tei.set(XML_LANG, "en")
    tei.append(header_to_tei(record, rid, tool_version, xmlio.placeholder_mark()))
    text = sub(tei, "text")
    text.set(XML_LANG, "en")
    body = sub(text, "body")
    div = sub(body, "div", type="document")
    div.set(XML_ID, f"{rid}-doc")
    w = _Writer(ids)
    top, documents = split_documents(record.body)
    for block in top:
        w.block_to_tei(div, block)
    for n, blocks in enumerate(documents, 1):
        part = div
        if len(documents) > 1:  # a letter and what it encloses: a div each inside the page's
            part = sub(div, "div", type="document")
            part.set(XML_ID, f"{rid}-doc-{n}")
        for block in blocks:
            w.block_to_tei(part, block)
    if len(div) == 0:
        sub(div, "p")
    indent(tei)
    data = tostring(tei)
    return xmlio.stamp_generated(data + b"\n")


def split_documents(body: list[Block]) -> tuple[list[Block], list[list[Block]]]:
    """The page's header blocks and its documents: one, or a letter signed mid-page and what
    it encloses. A closer or a foot's distribution list (and the datelines under it) that more
    text follows ends a document; TEI allows a closer only at the end of its ``div``, so each
    document is a ``div`` of its own inside the page's (guide §2.3 extended)."""
    first = next((i for i, b in enumerate(body) if not isinstance(b, (Opener, Head, Dateline))), len(body))
    documents = cut_documents(body[first:])
    if len(documents) == 1:
        return [], [body]
    return body[:first], documents


def _shown(marker: str) -> str:
    """A marker as text: ``[1]`` keeps its number only (no bracket may stand in the text)."""
    return marker[1:-1] if marker.startswith("[") else marker


class _Writer:
    def __init__(self, ids: _Ids):
        self.ids = ids

    # -- blocks

    def block_to_tei(self, parent: Element, block: Block) -> None:
        if isinstance(block, Opener):
            self.inlines(sub(parent, "opener"), block.content)
        elif isinstance(block, Head):
            self.inlines(sub(parent, "head", type="record"), block.content)
        elif isinstance(block, Dateline):
            self.inlines(sub(parent, "dateline"), block.content)
        elif isinstance(block, Para):
            p = sub(parent, "p")
            if block.lang:
                p.set(XML_LANG, block.lang)
            self.inlines(p, block.content)
        elif isinstance(block, Closer):
            self._closer(parent, block)
        elif isinstance(block, Distribution):
            self._distribution(parent, block)
        elif isinstance(block, Footnote) and not block.called:
            self._footnote(parent, block, place="bottom")

    def _closer(self, parent: Element, block: Closer) -> None:
        closer = sub(parent, "closer")
        if block.salute:
            self.inlines(sub(closer, "salute"), block.salute)
        if block.signed:
            self.inlines(sub(closer, "signed"), block.signed)
        if block.lines:
            self.inlines(closer, block.lines)
        if block.typist:
            add_text(closer, " ")
            sub(closer, "seg", type="typist").text = block.typist

    def _distribution(self, parent: Element, block: Distribution) -> None:
        note = sub(parent, "note", type="distribution", place=block.place)
        note.set(XML_ID, self.ids.next("distribution"))
        lst = sub(note, "list", type="distribution")
        if block.head:
            self.inlines(sub(lst, "head"), block.head)
        for item in block.items:
            if item.label:  # (a dash item has none)
                sub(lst, "label").text = item.label
            self.inlines(sub(lst, "item"), item.content)

    def _footnote(self, parent: Element, fn: Footnote, place: str) -> Element:
        note = sub(parent, "note", type="authorial", place=place, n=fn.marker)
        note.set(XML_ID, f"{self.ids.root}-fn{fn.number}")
        if place == "foot":  # at its call: a space keeps the call's number apart from the label's
            add_text(note, " ")  # (MILNIKIEL1 1 Eugeniusz, not MILNIKIEL11; guide P8)
        sub(note, "label").text = _shown(fn.marker)
        add_text(note, " ")
        self.inlines(note, fn.content)
        return note

    # -- inlines

    def inlines(self, parent: Element, content: list[Inline]) -> None:
        for node in content:
            write = _INLINE_WRITERS.get(node.__class__)
            if write is not None:
                write(self, parent, node)

    def _line_break(self, parent: Element, node: LineBreak) -> None:
        add_text(parent, "\n")
        sub(parent, "lb")

    def _note(self, parent: Element, node: Note) -> None:
        note = sub(parent, "note", type=node.kind, subtype=node.subtype, place="inline", resp="#translator")
        if node.kind != "translator" or node.subtype is None:
            note.set(XML_ID, self.ids.next("n"))
        self.inlines(note, node.content)

    def _stamped(self, parent: Element, node: Stamped) -> None:
        self.inlines(sub(parent, "stamp", type=node.kind), node.content)

    def _supplied(self, parent: Element, node: Supplied) -> None:
        self.inlines(sub(parent, "supplied", reason=node.reason, resp="#translator"), node.content)

    def _foreign(self, parent: Element, node: Foreign) -> None:
        f = sub(parent, "foreign", resp="#translator")
        f.set(XML_LANG, node.lang)
        self.inlines(f, node.content)

    def _gap(self, parent: Element, node: Gap) -> None:
        gap = sub(parent, "gap", reason=node.reason, resp=f"#{node.resp}")
        if node.desc:
            sub(gap, "desc").text = node.desc

    def _unclear(self, parent: Element, node: Unclear) -> None:
        self.inlines(sub(parent, "unclear", resp="#translator"), node.content)

    def _stray(self, parent: Element, node: Stray) -> None:
        sub(parent, "pc", type="stray").text = node.char

    def _name(self, parent: Element, node: Name) -> None:
        name = sub(parent, _NAME_TAG[node.kind], ref=f"reg:{node.ref}" if node.ref else None, role=node.role)
        self.inlines(name, node.content)

    def _date(self, parent: Element, node: Date) -> None:
        self.inlines(sub(parent, "date", when=node.when, notBefore=node.not_before,
                         notAfter=node.not_after, resp="#editor" if node.inferred else None,
                         cert="medium" if node.inferred else None), node.content)

    def _number(self, parent: Element, node: Number) -> None:
        sub(parent, "idno", type=node.kind).text = node.text

    def _note_call(self, parent: Element, node: NoteCall) -> None:
        if node.note is None:
            add_text(parent, node.marker)  # a call without note text stays as printed
            return
        ref = sub(parent, "ref", type="note-call", target=f"#{self.ids.root}-fn{node.note.number}")
        ref.text = _shown(node.marker)
        self._footnote(parent, node.note, place="foot")

    def _email(self, parent: Element, node: Email) -> None:
        email = sub(parent, "email")
        if node.address:
            email.text = node.address
        else:
            gap = sub(email, "gap", reason="email-protected", resp="#editor")
            sub(gap, "desc").text = "email protected"

    def _sic(self, parent: Element, node: Sic) -> None:
        if node.correction:
            choice = sub(parent, "choice")
            self.inlines(sub(choice, "sic"), node.content)
            add_text(choice, " ")
            self.inlines(sub(choice, "corr", resp="#translator"), node.correction)
            return
        self.inlines(sub(parent, "sic", resp="#translator"), node.content)
        if node.comment:
            add_text(parent, " ")
            note = sub(parent, "note", type="translator", subtype="sic", place="inline", resp="#translator")
            self.inlines(note, node.comment)

    def _marking(self, parent: Element, node: Marking) -> None:
        if node.kind == "classification":
            seg = sub(parent, "seg", type="classification")
            if node.category:
                seg.set("ana", f"reg:{node.category}")
            seg.text = node.text
            return
        seg = sub(parent, "seg", type="copy")
        at = node.text.rfind(node.number or "\0")
        if node.number and at >= 0:
            seg.text = node.text[:at]
            el_num = sub(seg, "num", value=node.number)
            el_num.text = node.number
            el_num.tail = node.text[at + len(node.number):] or None
        else:
            seg.text = node.text



#: The writer of each kind of inline node (a table: one dict look-up per node, no chain of tests).
_INLINE_WRITERS = {
    str: lambda writer, parent, text: add_text(parent, text),
    LineBreak: _Writer._line_break, Note: _Writer._note, Stamped: _Writer._stamped,
    Supplied: _Writer._supplied, Foreign: _Writer._foreign, Sic: _Writer._sic, Gap: _Writer._gap,
    Unclear: _Writer._unclear, Stray: _Writer._stray, Name: _Writer._name, Date: _Writer._date,
    Number: _Writer._number, Marking: _Writer._marking, NoteCall: _Writer._note_call,
    Email: _Writer._email,
}
