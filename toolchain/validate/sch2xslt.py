"""Compile ISO Schematron (queryBinding xslt2/xslt3) into one XSLT 3.0 stylesheet.

Why our own compiler: the maintained compilers (SchXslt, the XSLT 2 skeleton)
are not installable from PyPI or npm here, lxml's bundled skeleton only knows
XSLT 1.0, and pyschematron's maintained releases need Python 3.12. The subset
tei-tool.sch uses is small and is what this module implements, the way
SchXslt does it:

* schema-level ``let`` → ``xsl:param`` (the validator overrides them: file
  stem, register document …); ``ns`` → namespace declarations; top-level
  ``xsl:key``/``xsl:function`` are copied;
* each ``pattern`` → one mode; each ``rule`` → a template in that mode whose
  priority follows rule order, so a node fires the first matching rule only;
  rule ``let`` → ``xsl:variable``. A mode is applied only to the nodes its
  rules can match, ``//(context1) | //(context2) …`` in document order (XSLT
  defines a node as matching pattern P when it is in ``root(.)//(P)``), not to
  every node of the document, so a pattern's cost is that of its own nodes
  (all patterns: 4.7 → 3.8 ms per document). Predicate patterns (``.[…]``)
  and ``current()`` in a context would mean something else in that expression
  and are refused;
* ``assert``/``report`` → a tab-separated line ``id role element-index
  text-slot message``; ``value-of`` and ``name`` are evaluated in the message.

The element index (document order, 1-based) lets the caller find the lxml
element and its ``sourceline``; the text slot says which text node of that
element fired (-1 for element/attribute contexts). Anything else in the
schema is rejected, so an unsupported construct never passes silently.
"""
from __future__ import annotations

import re

from lxml import etree

from toolchain.errors import InputError, Location

SCH_NS = "http://purl.oclc.org/dsdl/schematron"
XSL_NS = "http://www.w3.org/1999/XSL/Transform"
#: Namespace of the compiler's own helper function (only inside the generated XSLT).
Q_NS = "urn:x-tei-tool:schematron"
_S = f"{{{SCH_NS}}}"
_X = f"{{{XSL_NS}}}"
#: Pattern operators other than ``|`` (``union`` is one too, so it is not split on).
_SET_OPERATOR = re.compile(r"\s(union|intersect|except)\s")
_QUERY_BINDINGS = {"xslt2", "xslt3", "xpath2", "xpath3", "xpath31"}

_LOC_FUNCTION = f"""<xsl:function xmlns:xsl="{XSL_NS}" xmlns:q="{Q_NS}" name="q:loc" as="xs:string"
    xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xsl:param name="n" as="node()"/>
  <xsl:variable name="e" select="if ($n instance of element()) then $n else $n/.."/>
  <xsl:variable name="i" select="count($e/ancestor-or-self::*) + count($e/preceding::*)"/>
  <xsl:variable name="t" select="if ($n instance of text())
      then count($n/preceding-sibling::node()[not(self::text())]) else -1"/>
  <xsl:sequence select="$i || '&#9;' || $t"/>
</xsl:function>"""


def _fail(node: etree._Element, message: str) -> InputError:
    return InputError(message, Location(node.getroottree().docinfo.URL or "schematron",
                                        node.sourceline))


def _xsl(parent: etree._Element, tag: str, **attrs: str) -> etree._Element:
    return etree.SubElement(parent, _X + tag, {k.replace("_", "-"): v for k, v in attrs.items()})


def _message(target: etree._Element, check: etree._Element) -> None:
    """Copy the text of an assert/report into ``target``, evaluating value-of and name."""
    target.text = check.text
    for child in check:
        if child.tag == _S + "value-of":
            out = _xsl(target, "value-of", select=child.get("select"))
        elif child.tag == _S + "name":
            out = _xsl(target, "value-of", select=f"name({child.get('path', '.')})")
        elif isinstance(child.tag, str) and child.tag.startswith(_S) and child.tag[len(_S):] in (
                "emph", "dir", "span"):
            out = _xsl(target, "value-of", select="'" + (child.text or "").replace("'", "''") + "'")
        else:
            raise _fail(child, f"unsupported element in a message: {child.tag}")
        out.tail = child.tail


def _check(template: etree._Element, check: etree._Element) -> None:
    if not check.get("id"):
        raise _fail(check, "every assert/report needs an id")
    test = check.get("test")
    cond = f"not({test})" if check.tag == _S + "assert" else test
    when = _xsl(template, "if", test=cond)
    msg = _xsl(when, "variable", name="q:message")
    _message(msg, check)
    role = check.get("role", "error")
    _xsl(when, "value-of", select=(
        f"string-join(('{check.get('id')}', '{role}', q:loc(.), normalize-space($q:message)), "
        "'\t')"))
    _xsl(when, "text").text = "\n"


def _each(node: etree._Element, handlers: dict, where: str) -> None:
    """Call the handler of each child element's tag; any other element is refused."""
    for child in node:
        if not isinstance(child.tag, str):
            continue
        handler = handlers.get(child.tag)
        if handler is None:
            raise _fail(child, f"unsupported element in {where}: {child.tag}")
        handler(child)


def _rule(sheet: etree._Element, rule: etree._Element, mode: str, priority: int) -> None:
    template = _xsl(sheet, "template", match=rule.get("context"), mode=mode,
                    priority=str(priority))
    _each(rule, {
        _S + "let": lambda c: _xsl(template, "variable", name=c.get("name"), select=c.get("value")),
        _S + "assert": lambda c: _check(template, c),
        _S + "report": lambda c: _check(template, c),
    }, "a rule")


def _candidates(rules: list[etree._Element]) -> str:
    """An XPath selecting, in document order, exactly the nodes some rule of ``rules`` matches."""
    for rule in rules:
        context = rule.get("context", "")
        if context.lstrip().startswith(".") or "current()" in context:
            raise _fail(rule, "unsupported rule context (predicate pattern or current()): "
                        + context)
    return " | ".join(_path(alt) for rule in rules
                      for alt in _alternatives(rule.get("context"))) or "()"


def _path(alternative: str) -> str:
    """The nodes one ``|``-free alternative of a pattern matches.

    ``//a/b`` and a rooted ``/a`` as they are let Saxon walk the tree once; an
    ``intersect``/``except`` needs the general ``//(…)``, evaluated at every node.
    """
    if _SET_OPERATOR.search(alternative):
        return f"//({alternative})"
    return alternative if alternative.startswith("/") else "//" + alternative


def _alternatives(pattern: str) -> list[str]:
    """The parts of ``pattern`` joined by a top-level ``|`` (none inside (), [], {} or quotes)."""
    parts, depth, quote, start = [], 0, "", 0
    for i, ch in enumerate(pattern):
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "'\"":
            quote = ch
        elif ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(pattern[start:i].strip())
            start = i + 1
    return parts + [pattern[start:].strip()]


def compile_schematron(schema: etree._ElementTree) -> str:
    """The XSLT 3.0 text of ``schema`` (see the module docstring for its output)."""
    root = schema.getroot()
    if root.tag != _S + "schema":
        raise _fail(root, "not an ISO Schematron schema")
    if root.get("queryBinding") not in _QUERY_BINDINGS:
        raise _fail(root, f"queryBinding must be one of {sorted(_QUERY_BINDINGS)}")
    nsmap = {"xsl": XSL_NS, "q": Q_NS, "xs": "http://www.w3.org/2001/XMLSchema"}
    nsmap.update({ns.get("prefix"): ns.get("uri") for ns in root.findall(_S + "ns")})
    sheet = etree.Element(_X + "stylesheet", nsmap=nsmap, version="3.0")
    sheet.set("exclude-result-prefixes", "#all")
    _xsl(sheet, "output", method="text")
    patterns = root.findall(_S + "pattern")
    copy = lambda c: sheet.append(etree.fromstring(etree.tostring(c)))  # noqa: E731
    _each(root, {
        _S + "let": lambda c: _xsl(sheet, "param", name=c.get("name"), select=c.get("value")),
        _X + "key": copy, _X + "function": copy,
        _S + "ns": lambda c: None, _S + "title": lambda c: None, _S + "pattern": lambda c: None,
    }, "the schema")
    sheet.append(etree.fromstring(_LOC_FUNCTION))
    main = _xsl(sheet, "template", match="/")
    for i, pattern in enumerate(patterns):
        mode = f"q:p{i}"
        rules = pattern.findall(_S + "rule")
        _xsl(main, "apply-templates", select=_candidates(rules), mode=mode)
        for j, rule in enumerate(rules):
            _rule(sheet, rule, mode, len(rules) - j)
        _xsl(sheet, "template", match="node() | @*", mode=mode, priority="-1")
    return etree.tostring(sheet, encoding="unicode")


def rule_ids(schema: etree._ElementTree) -> dict[str, set[str]]:
    """Every assert/report id of ``schema`` with the roles it is used with."""
    ids: dict[str, set[str]] = {}
    for check in schema.iter(_S + "assert", _S + "report"):
        ids.setdefault(check.get("id"), set()).add(check.get("role", "error"))
    return ids
