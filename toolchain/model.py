"""The document model: what a reader builds and a writer serialises.

It says what the page holds (a stamp, a supplied word, a person), never how
TEI spells it; ``writers.tei`` decides that. Every node carries a ``Span``
(1-based line and column in the source) so that any later warning can point
at the source text. ``dump()`` renders a model as indented text for the
reader's golden tests, so a writer change never breaks a reader test.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field, fields, is_dataclass
from typing import Union


@dataclass(frozen=True)
class Span:
    """Start of a node in the source: 1-based line and column."""

    line: int
    col: int

    def __str__(self) -> str:
        return f"{self.line}:{self.col}"


# ---------------------------------------------------------------- inlines

@dataclass
class LineBreak:
    """A printed line ends here (a multi-line stamp, header or signature)."""

    span: Span | None = None


@dataclass
class Note:
    """A bracketed note: kind stamp | handwritten | physical | translator.

    ``label`` is kept text (``CPSU CC stamp:``) for stamps; the translator-note
    label is dropped because the renderer prints it back. ``subtype`` is
    sic | gloss | romanization for translator notes.
    """

    kind: str
    content: list["Inline"]
    subtype: str | None = None
    span: Span | None = None


@dataclass
class Stamped:
    """The text a stamp impression prints (inside a stamp note, after its label)."""

    kind: str  # registry | incoming | outgoing | other
    content: list["Inline"]
    span: Span | None = None


@dataclass
class Supplied:
    """Words the translator supplied: reason omitted-in-original | identification."""

    reason: str
    content: list["Inline"]
    span: Span | None = None


@dataclass
class Foreign:
    """Transliterated Russian quoted by the translator."""

    content: list["Inline"]
    lang: str = "ru-Latn"
    span: Span | None = None


@dataclass
class Sic:
    """Printed words marked [sic]; ``correction`` replaces them, ``comment`` explains."""

    content: list["Inline"]
    correction: list["Inline"] | None = None
    comment: list["Inline"] | None = None
    span: Span | None = None


@dataclass
class Gap:
    """Something not transcribed: reason omitted | illegible | signature | email-protected."""

    reason: str
    desc: str | None = None
    resp: str = "translator"
    span: Span | None = None


@dataclass
class Unclear:
    """A doubtful reading, printed in double brackets."""

    content: list["Inline"]
    span: Span | None = None


@dataclass
class Stray:
    """A bracket character whose partner was lost (kept as printed)."""

    char: str
    span: Span | None = None


@dataclass
class Name:
    """A person, organisation or place; ``ref`` is a register id once linked."""

    kind: str  # person | org | place
    content: list["Inline"]
    ref: str | None = None
    role: str | None = None
    span: Span | None = None


@dataclass
class Date:
    """A date as printed with its ISO reading (``when`` or the bounds)."""

    content: list["Inline"]
    when: str | None = None
    not_before: str | None = None
    not_after: str | None = None
    inferred: bool = False  # year taken from the document date
    span: Span | None = None


@dataclass
class Number:
    """A registry number: kind outgoing | incoming | registry."""

    kind: str
    text: str
    span: Span | None = None


@dataclass
class Marking:
    """A classification (``SECRET``) or copy marking (``Copy Nº 2``).

    For a copy, ``number`` is the copy number inside the printed text.
    For a classification, ``category`` is the taxonomy id (``cls-secret``).
    """

    kind: str  # classification | copy
    text: str
    category: str | None = None
    number: str | None = None
    span: Span | None = None


@dataclass
class NoteCall:
    """An authorial footnote marker in the text (``X)``) pointing to ``note`` (None: no note text)."""

    marker: str
    note: "Footnote | None"
    span: Span | None = None


@dataclass
class Email:
    """An e-mail address, or the page's ``[email protected]`` obfuscation when ``address`` is None."""

    address: str | None
    span: Span | None = None


Inline = Union[str, LineBreak, Note, Stamped, Supplied, Foreign, Sic, Gap, Unclear, Stray, Name,
               Date, Number, Marking, NoteCall, Email]


# ---------------------------------------------------------------- blocks

@dataclass
class Footnote:
    """An authorial footnote: printed ``marker`` and text; placed at its call when it has one."""

    marker: str
    content: list[Inline]
    number: int = 0
    called: bool = False
    span: Span | None = None


@dataclass
class Opener:
    """The header block above the record: stamps, classification, numbers; lines end in LineBreak."""

    content: list[Inline]
    span: Span | None = None


@dataclass
class Head:
    """The record's own title (``RECORD OF A CONVERSATION`` / ``with ...``)."""

    content: list[Inline]
    span: Span | None = None


@dataclass
class Dateline:
    """A date (and registry number) line: under the head, or at the foot."""

    content: list[Inline]
    span: Span | None = None


@dataclass
class Para:
    """A paragraph of running text (numbered points keep their number as text)."""

    content: list[Inline]
    span: Span | None = None
    #: xml:lang of a paragraph printed in another script (the Russian original of a telegram)
    lang: str | None = None


@dataclass
class Closer:
    """Signature block: an optional salute, the ``signed`` lines (with LineBreaks), the typist code."""

    signed: list[Inline]
    typist: str | None = None
    salute: list[Inline] | None = None
    span: Span | None = None
    lines: list[Inline] | None = None  # closing lines that name no signer (no ``signed``)


@dataclass
class DistItem:
    label: str
    content: list[Inline]
    span: Span | None = None


@dataclass
class Distribution:
    """The distribution list at the foot (``1 - Cde. Gromyko`` ...), or at the top when the
    header prints it (``Produced in 6 copies for:`` ``- Comrade Puja`` ...)."""

    items: list[DistItem]
    head: list[Inline] | None = None
    span: Span | None = None
    place: str = "bottom"  # bottom | top


Block = Union[Opener, Head, Dateline, Para, Closer, Distribution, Footnote]


def ends_document(block: Block) -> bool:
    """A closer, or a foot's distribution list (an unsigned cover note's)."""
    return isinstance(block, Closer) or isinstance(block, Distribution) and block.place != "top"


def cut_documents(blocks: list[Block]) -> list[list[Block]]:
    """``blocks`` cut into documents: a block that ``ends_document``, with the foot blocks under
    it, ends a document that more text follows. The TEI writer makes a ``div`` of each; the
    reader asks where the last one stands."""
    documents: list[list[Block]] = [[]]
    closed = False
    for block in blocks:
        if closed and not isinstance(block, (Distribution, Dateline, Footnote, Closer)):
            documents.append([])
            closed = False
        documents[-1].append(block)
        closed = closed or ends_document(block)
    return documents


# ---------------------------------------------------------------- metadata

@dataclass
class Archive:
    """One archive reference of the Source citation."""

    repository: str
    idnos: list[tuple[str, str]] = field(default_factory=list)  # (fond|opis|papka|delo, value)
    folios: tuple[str, str] | None = None
    printed: str = ""


@dataclass
class Agent:
    """Someone named in the credits: ``resp`` is the page's wording (``translated for NKIDP by``)."""

    resp: str
    name: str


@dataclass
class InfoField:
    """One label/value pair of the page's Document Information, in page order."""

    label: str | None
    values: list[str]
    printed: bool = True  # False when the label was guessed from the value's shape
    span: Span | None = None


@dataclass
class Meta:
    """Everything the page says about the document, for the TEI header."""

    title: str = ""
    date_text: str = ""
    date_when: str | None = None
    date_not_before: str | None = None
    date_not_after: str | None = None
    funders: list[str] = field(default_factory=list)
    funder_sentence: str = ""
    summary: list[str] = field(default_factory=list)
    citation: str = ""
    archives: list[Archive] = field(default_factory=list)
    translator: Agent | None = None
    contributors: list[Agent] = field(default_factory=list)
    rights: list[str] = field(default_factory=list)
    uploaded: str | None = None
    doc_type: str | None = None
    language: str | None = None
    record_id: str | None = None
    uri: str | None = None
    subjects: list[str] = field(default_factory=list)
    donors: list[str] = field(default_factory=list)
    info: list[InfoField] = field(default_factory=list)
    furniture: list[str] = field(default_factory=list)


@dataclass
class Participant:
    role: str  # author | interlocutor | participant | recorder
    name: Name


@dataclass
class Record:
    """One source page read into the model."""

    source: str  # source path as recorded in the TEI revision note
    stem: str
    meta: Meta
    body: list[Block]
    participants: list[Participant] = field(default_factory=list)
    path: str = ""  # the file as the user named it, for diagnostics
    classifications: list[str] = field(default_factory=list)
    has_foreign: bool = False
    #: register ids of header names (funders, repositories, translator): (kind, name) -> id
    refs: dict[tuple[str, str], str] = field(default_factory=dict)
    #: (country, settlement) of the first archive, from its register entry
    archive_location: tuple[str | None, str | None] = (None, None)


#: The attributes that may hold child nodes, in the order ``walk`` visits them.
_CHILD_LISTS = ("content", "correction", "comment", "salute", "signed", "lines", "items", "head")


@functools.cache
def child_lists(cls: type) -> tuple[str, ...]:
    """The attributes of ``cls`` that may hold child nodes, in ``walk`` order.

    Why per class: asking every node for all eight attributes was most of the cost of a walk;
    a dataclass declares which of them it has."""
    if is_dataclass(cls):
        declared = {f.name for f in fields(cls)}
        return tuple(a for a in _CHILD_LISTS if a in declared)
    return _CHILD_LISTS


def walk(nodes):
    """Every model node below ``nodes`` (blocks and inlines), depth first."""
    for n in nodes:
        if isinstance(n, str) or n is None:
            continue
        yield n
        for attr in child_lists(n.__class__):
            val = getattr(n, attr, None)
            if isinstance(val, list):
                yield from walk(val)


# ---------------------------------------------------------------- dump

def dump(node, indent: int = 0) -> str:
    """Indented text form of a model (the reader's golden format)."""
    pad = "  " * indent
    if isinstance(node, str):
        return pad + repr(node)
    if isinstance(node, list):
        return "\n".join(dump(n, indent) for n in node)
    if not is_dataclass(node):
        return pad + repr(node)
    name = type(node).__name__
    scalars, nested = [], []
    for f in fields(node):
        if f.name == "span":
            continue
        value = getattr(node, f.name)
        if f.name == "note" and isinstance(node, NoteCall):
            scalars.append(f"note=#{value.number}" if value else "note=?")
        elif isinstance(value, list) and (f.name in ("content", "signed", "salute", "lines", "correction",
                                                     "comment")
                                          or any(not isinstance(v, str) for v in value)):
            nested.append((f.name, value))
        elif is_dataclass(value):
            nested.append((f.name, [value]))
        elif value not in (None, "", [], False):
            scalars.append(f"{f.name}={value!r}")
    span = getattr(node, "span", None)
    head = f"{pad}{name}" + (f"@{span}" if span else "") + (" " + " ".join(scalars) if scalars else "")
    out = [head]
    for fname, value in nested:
        out.append(f"{pad}  .{fname}")
        for v in value:
            out.append(dump(v, indent + 2))
    return "\n".join(out)
