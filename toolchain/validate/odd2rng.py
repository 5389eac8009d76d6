"""Derive schema/tei-tool.rng from schema/tei_all.rng plus the project ODD.

TEI's ODD processors (Stylesheets, Roma) are not installable here, so this
small generator applies the two kinds of change schema/tei-tool.odd makes:

* elements kept: every element not named in a ``moduleRef/@include`` is
  removed (its ``ref``s become ``notAllowed``, which RELAX NG simplifies
  away) and definitions no longer reachable from ``start`` are dropped;
* closed value lists: for ``elementSpec[@mode="change"]/attList/attDef`` with a
  closed ``valList``, the element's attribute (reached through its attribute
  classes, which are inlined into that element only) gets the listed values.

Embedded Schematron and documentation are dropped: the project's rules live
in schema/tei-tool.sch. The output is deterministic, so a test can compare it
with the committed file. Run ``python -m toolchain.validate.odd2rng`` to
regenerate (``--check`` only reports whether the committed file is current).
"""
from __future__ import annotations

import argparse
import copy
import sys
from pathlib import Path

from lxml import etree

from toolchain import xmlio
from toolchain.errors import InputError, Location
from toolchain.paths import SCHEMA_DIR, TEI_ALL_RNG

RNG_NS = "http://relaxng.org/ns/structure/1.0"
TEI_NS = "http://www.tei-c.org/ns/1.0"
ODD_PATH = SCHEMA_DIR / "tei-tool.odd"
PROJECT_RNG = SCHEMA_DIR / "tei-tool.rng"
_R = f"{{{RNG_NS}}}"
_T = {"t": TEI_NS}


def read_odd(odd: etree._ElementTree) -> tuple[set[str], dict[tuple[str, str], list[str]]]:
    """The kept element names and the closed lists {(element, attribute): values} of an ODD."""
    spec = odd.find(".//t:schemaSpec", _T)
    if spec is None:
        raise InputError("no schemaSpec in the ODD", Location(odd.docinfo.URL or "odd"))
    kept: set[str] = set()
    for ref in spec.findall("t:moduleRef", _T):
        kept.update(ref.get("include", "").split())
    closed: dict[tuple[str, str], list[str]] = {}
    for es in spec.findall("t:elementSpec", _T):
        where = Location(odd.docinfo.URL or "odd", es.sourceline)
        if es.get("mode") != "change":
            raise InputError(f"elementSpec {es.get('ident')}: only mode=\"change\" is supported",
                             where)
        for ad in es.findall("t:attList/t:attDef", _T):
            vl = ad.find("t:valList", _T)
            if vl is None or vl.get("type") != "closed":
                raise InputError(f"{es.get('ident')}/@{ad.get('ident')}: only closed valLists "
                                 "are supported", where)
            closed[(es.get("ident"), ad.get("ident"))] = [
                v.get("ident") for v in vl.findall("t:valItem", _T)]
    return kept, closed


def _defines(grammar: etree._Element) -> dict[str, etree._Element]:
    return {d.get("name"): d for d in grammar.iterchildren(_R + "define")}


def _element_name(define: etree._Element) -> str | None:
    el = define.find(_R + "element")
    return el.get("name") if el is not None else None


def _strip_foreign(grammar: etree._Element) -> None:
    """Drop embedded Schematron, documentation and comments (not part of the grammar)."""
    for node in list(grammar.iter()):
        if node is grammar:
            continue
        if not isinstance(node.tag, str) or not node.tag.startswith(_R):
            parent = node.getparent()
            if parent is not None:
                parent.remove(node)


def _remove_elements(grammar: etree._Element, kept: set[str]) -> None:
    defs = _defines(grammar)
    dropped = {name for name, d in defs.items()
               if _element_name(d) is not None and _element_name(d) not in kept}
    missing = kept - {_element_name(d) for d in defs.values()}
    if missing:
        raise InputError(f"elements not in tei_all: {', '.join(sorted(missing))}")
    for name in dropped:
        grammar.remove(defs[name])
    for ref in list(grammar.iter(_R + "ref")):
        if ref.get("name") in dropped:
            ref.getparent().replace(ref, etree.Element(_R + "notAllowed"))


_NOT_ALLOWED = _R + "notAllowed"
#: Patterns that match nothing when any child matches nothing.
_STRICT = {_R + n for n in ("oneOrMore", "group", "interleave", "mixed", "list", "attribute")}
#: Patterns that match the empty sequence when their child matches nothing.
_OPTIONAL = {_R + n for n in ("optional", "zeroOrMore")}


def _simplify(node: etree._Element) -> bool:
    """Apply RELAX NG's notAllowed simplification below ``node``; True if node is notAllowed.

    libxml2 does not simplify a ``notAllowed`` inside ``optional``/``choice`` itself
    and rejects such grammars, so the generator writes the simplified form.
    """
    if node.tag == _NOT_ALLOWED:
        return True
    dead = [child for child in list(node) if _simplify(child)]
    if node.tag == _R + "choice":
        for child in dead:
            node.remove(child)
        return len(node) == 0
    if node.tag in _OPTIONAL and dead:
        parent = node.getparent()
        if parent.tag == _R + "choice":  # an alternative that matches nothing at all
            parent.replace(node, etree.Element(_R + "empty"))
            return False
        parent.remove(node)  # libxml2 mishandles a stray <empty/> inside repeats
        if len(parent) == 0:
            etree.SubElement(parent, _R + "empty")
        return False
    if node.tag in _STRICT and dead:
        return True
    return False


def _propagate_not_allowed(grammar: etree._Element) -> None:
    """Simplify until no define is notAllowed any more (refs to it become notAllowed)."""
    while True:
        defs = _defines(grammar)
        dead = set()
        for name, d in defs.items():
            if any(_simplify(child) for child in list(d)):
                dead.add(name)
        _simplify(grammar.find(_R + "start"))
        if not dead:
            return
        for name in dead:
            grammar.remove(defs[name])
        for ref in list(grammar.iter(_R + "ref")):
            if ref.get("name") in dead:
                ref.getparent().replace(ref, etree.Element(_NOT_ALLOWED))


def _prune_unreachable(grammar: etree._Element) -> None:
    defs = _defines(grammar)
    seen: set[str] = set()
    todo = [r.get("name") for r in grammar.find(_R + "start").iter(_R + "ref")]
    while todo:
        name = todo.pop()
        if name in seen or name not in defs:
            continue
        seen.add(name)
        todo.extend(r.get("name") for r in defs[name].iter(_R + "ref"))
    for name, d in defs.items():
        if name not in seen:
            grammar.remove(d)


def _inline_attribute_classes(element: etree._Element, defs: dict[str, etree._Element]) -> None:
    """Replace refs to att.* classes inside ``element`` by copies of their content."""
    while True:
        refs = [r for r in element.iter(_R + "ref") if r.get("name", "").startswith("att.")]
        if not refs:
            return
        for ref in refs:
            parent = ref.getparent()
            pos = parent.index(ref)
            parent.remove(ref)
            for offset, child in enumerate(defs[ref.get("name")]):
                parent.insert(pos + offset, copy.deepcopy(child))


def _close_attribute(grammar: etree._Element, element: str, attr: str, values: list[str]) -> None:
    defs = _defines(grammar)
    define = next((d for d in defs.values() if _element_name(d) == element), None)
    if define is None:
        raise InputError(f"closed list for {element}/@{attr}: element not kept")
    el = define.find(_R + "element")
    _inline_attribute_classes(el, defs)
    found = [a for a in el.iter(_R + "attribute") if a.get("name") == attr]
    if len(found) != 1:
        raise InputError(f"{element}/@{attr}: attribute found {len(found)} times in tei_all")
    target = found[0]
    for child in list(target):
        target.remove(child)
    choice = etree.SubElement(target, _R + "choice")
    for v in values:
        etree.SubElement(choice, _R + "value").text = v


def generate(tei_all: etree._ElementTree, odd: etree._ElementTree) -> bytes:
    """The project RNG (bytes) for ``odd`` applied to ``tei_all``."""
    kept, closed = read_odd(odd)
    grammar = copy.deepcopy(tei_all.getroot())
    _strip_foreign(grammar)
    _remove_elements(grammar, kept)
    for (element, attr), values in sorted(closed.items()):
        _close_attribute(grammar, element, attr, values)
    _propagate_not_allowed(grammar)
    _prune_unreachable(grammar)
    grammar.insert(0, etree.Comment(
        " GENERATED from schema/tei-tool.odd and schema/tei_all.rng by "
        "`python -m toolchain.validate.odd2rng`; do not edit. "))
    etree.indent(grammar, space=" ")
    return etree.tostring(grammar, xml_declaration=True, encoding="UTF-8") + b"\n"


def generate_files(tei_all: Path = TEI_ALL_RNG, odd: Path = ODD_PATH) -> bytes:
    """``generate`` on the project's own files, read with the safe parser."""
    return generate(xmlio.parse_xml(tei_all), xmlio.parse_xml(odd))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="exit 1 if the committed RNG differs from a fresh generation")
    args = parser.parse_args(argv)
    data = generate_files()
    if args.check:
        current = PROJECT_RNG.read_bytes() if PROJECT_RNG.exists() else b""
        if current != data:
            print(f"{PROJECT_RNG}: out of date; run python -m toolchain.validate.odd2rng",
                  file=sys.stderr)
            return 1
        return 0
    xmlio.atomic_write(PROJECT_RNG, data)
    print(f"wrote {PROJECT_RNG} ({len(data)} bytes)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
