"""Small helpers for building TEI: elements, mixed text, safe indentation, serialisation.

The writers build a light tree of ``Element`` (the part of lxml's element API they use:
``text``, ``tail``, ``set``, ``get``, ``append``, ``remove``, ``len``, indexing, iteration)
and ``tostring`` serialises it exactly as lxml (libxml2) does. Why not lxml itself: making
an lxml element costs about a microsecond, and one per attribute more, which was half the
time of writing a document; these are plain Python objects and one string join.
"""
from __future__ import annotations

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
XML_ID = f"{{{XML_NS}}}id"
XML_LANG = f"{{{XML_NS}}}lang"

#: Elements whose content is only elements, so indenting them changes no text.
CONTAINERS = frozenset("""TEI teiHeader fileDesc titleStmt publicationStmt sourceDesc msDesc
msIdentifier altIdentifier msContents msItem encodingDesc editorialDecl listPrefixDef profileDesc
abstract langUsage particDesc listPerson textClass keywords revisionDesc text body div list closer
availability classDecl taxonomy category standOff listOrg listPlace person org place""".split())


#: Attribute names as written (the writers use the ``xml:`` attributes and plain names only).
_ATTR_NAMES = {XML_ID: "xml:id", XML_LANG: "xml:lang"}


class Element:
    """A TEI element (``tag`` is its local name); attributes (``attrib``, by their names as
    written) keep the order they were set in, an attribute set again keeps its place (as in
    libxml2)."""

    __slots__ = ("tag", "attrib", "text", "tail", "_children")

    def __init__(self, tag: str, attrib: dict[str, str]):
        self.tag = tag
        self.attrib = attrib
        self.text: str | None = None
        self.tail: str | None = None
        self._children: list[Element] = []

    def set(self, key: str, value: str) -> None:
        self.attrib[_ATTR_NAMES.get(key, key)] = value

    def get(self, key: str, default: str | None = None) -> str | None:
        return self.attrib.get(_ATTR_NAMES.get(key, key), default)

    def append(self, child: Element) -> None:
        self._children.append(child)

    def remove(self, child: Element) -> None:
        self._children.remove(child)

    def __len__(self) -> int:
        return len(self._children)

    def __getitem__(self, index: int) -> Element:
        return self._children[index]

    def __iter__(self):
        return iter(self._children)


def el(tag: str, **attrs: str) -> Element:
    """A TEI element; attribute values that are None are left out."""
    return Element(tag, {k: v for k, v in attrs.items() if v is not None})


def sub(parent: Element, tag: str, **attrs: str) -> Element:
    """Append a TEI child element (attribute values that are None are left out)."""
    child = Element(tag, {k: v for k, v in attrs.items() if v is not None} if attrs else {})
    parent._children.append(child)
    return child


def add_text(parent: Element, text: str) -> None:
    """Append text after the last child of ``parent`` (or as its text when it has none)."""
    if not text:
        return
    if parent._children:
        last = parent._children[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def indent(root: Element, level: int = 0, step: str = " ") -> None:
    """Indent element-only containers; never touch mixed content (it would change the text)."""
    name = root.tag
    structural = name in CONTAINERS or (name == "note" and root.get("type") == "distribution")
    if not structural or (root.text and root.text.strip()):
        return
    if any(c.tail and c.tail.strip() for c in root):
        return
    pad = "\n" + step * (level + 1)
    if len(root):
        root.text = pad
        for child in root:
            child.tail = pad
            indent(child, level + 1, step)
        root[-1].tail = "\n" + step * level


#: The control characters XML 1.0 cannot hold (all but tab, newline and carriage return).
_CONTROLS = bytes(c for c in range(32) if c not in b"\t\n\r")


def tostring(root: Element) -> bytes:
    """The document of ``root`` (TEI namespace declared on it) as UTF-8 bytes with an XML
    declaration: the bytes ``lxml.etree.tostring(tree, xml_declaration=True,
    encoding="UTF-8")`` writes for the same tree.

    What XML cannot hold is refused with ValueError, as lxml refuses it: a control
    character, U+FFFE or U+FFFF (checked on the bytes: two scans in C), a lone surrogate
    (by the encoder)."""
    out = ["<?xml version='1.0' encoding='UTF-8'?>\n"]
    _write(root, out, f' xmlns="{TEI_NS}"')
    data = "".join(out).encode("utf-8")
    if len(data.translate(None, _CONTROLS)) != len(data) or b"\xef\xbf\xbe" in data or b"\xef\xbf\xbf" in data:
        raise ValueError("All strings must be XML compatible: Unicode or ASCII, no NULL bytes or "
                         "control characters")
    return data


def _write(node: Element, out: list[str], namespace: str = "") -> None:
    start = "<" + node.tag + namespace
    if node.attrib:
        start += "".join([f' {k}="{_escape_attr(v)}"' for k, v in node.attrib.items()])
    if node.text is None and not node._children:
        out.append(start + "/>")
        return
    out.append(start + ">")
    if node.text:
        out.append(_escape_text(node.text))
    for child in node._children:
        _write(child, out)
        if child.tail:
            out.append(_escape_text(child.tail))
    out.append(f"</{node.tag}>")


def _escape_text(text: str) -> str:
    """Character data as libxml2 escapes it."""
    if "&" in text or "<" in text or ">" in text or "\r" in text:
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    return text


def _escape_attr(value: str) -> str:
    """An attribute value (in double quotes) as libxml2 escapes it."""
    if "&" in value or "<" in value or ">" in value or '"' in value or not value.isprintable():
        return (value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace('"', "&quot;").replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;"))
    return value
