"""Small helpers for building TEI with lxml: namespaced elements, mixed text, safe indentation."""
from __future__ import annotations

from lxml import etree

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
XML_ID = f"{{{XML_NS}}}id"
XML_LANG = f"{{{XML_NS}}}lang"

#: Elements whose content is only elements, so indenting them changes no text.
CONTAINERS = frozenset("""TEI teiHeader fileDesc titleStmt publicationStmt sourceDesc msDesc
msIdentifier altIdentifier msContents msItem encodingDesc editorialDecl listPrefixDef profileDesc
abstract langUsage particDesc listPerson textClass keywords revisionDesc text body div list closer
availability classDecl taxonomy category standOff listOrg listPlace person org place""".split())


def el(tag: str, **attrs: str) -> etree._Element:
    """A TEI element; attribute values that are None are left out."""
    return etree.Element(f"{{{TEI_NS}}}{tag}", {k: v for k, v in attrs.items() if v is not None})


def sub(parent: etree._Element, tag: str, **attrs: str) -> etree._Element:
    """Append a TEI child element (attribute values that are None are left out)."""
    if not attrs:  # most elements: no attribute map to filter
        return etree.SubElement(parent, f"{{{TEI_NS}}}{tag}")
    return etree.SubElement(parent, f"{{{TEI_NS}}}{tag}", {k: v for k, v in attrs.items() if v is not None})


def add_text(parent: etree._Element, text: str) -> None:
    """Append text after the last child of ``parent`` (or as its text when it has none)."""
    if not text:
        return
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


#: The TEI tags of ``CONTAINERS`` (``indent`` compares tags, no ``QName`` per element).
_CONTAINER_TAGS = frozenset(f"{{{TEI_NS}}}{name}" for name in CONTAINERS)
_NOTE = f"{{{TEI_NS}}}note"


def indent(root: etree._Element, level: int = 0, step: str = " ") -> None:
    """Indent the element-only containers of a TEI tree; never touch mixed content (it would
    change the text)."""
    tag = root.tag
    structural = tag in _CONTAINER_TAGS or (tag == _NOTE and root.get("type") == "distribution")
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
