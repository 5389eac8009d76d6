"""TEI → JSON and CSV for digital-humanities projects (the last stage of the flow).

One JSON object per TEI document (metadata, participants, intervention counts,
entities with register ids, plain text) plus the register, checked against
``schema/export.schema.json`` before anything is written, so consumers can rely
on the shape; and a CSV with one row per document for spreadsheets.

Intervention kinds are not decided here: ``export-kinds.xsl`` asks
``xslt/common`` (``tt:kind``), which owns what every element means, so the
export counts exactly what the HTML and print editions mark.
"""
from __future__ import annotations

import csv
import functools
import io
import json
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from lxml import etree

from toolchain import __version__, xmlio
from toolchain.errors import InputError, Location, ToolError
from toolchain.paths import SCHEMA_DIR
from toolchain.register import NS, XML_ID, Register
from toolchain.register_tools import (
    NAME_KINDS, entry_kind, entry_names, is_candidate, load_documents, reg_ids)

SCHEMA_PATH = SCHEMA_DIR / "export.schema.json"
KINDS_XSL = Path(__file__).with_name("export-kinds.xsl")
TEI = f"{{{NS['t']}}}TEI"
FORMAT_VERSION = 1
#: ``tt:kind`` tokens that are interventions of the translator or the editors (guide §3.5).
INTERVENTION_KINDS = ("supplied", "foreign", "stamp", "handwritten", "physical", "translator-note",
                      "gloss", "romanization", "sic", "sic-note", "corr", "gap", "illegible",
                      "unclear", "signature", "email-protected")
#: Other marked features of the text worth counting (footnotes of the original, markings).
FEATURE_KINDS = ("footnote", "classification", "copy", "idno", "typist", "stray", "date")
#: Stands for a printed line break while whitespace is normalised (LINE SEPARATOR).
LINE = "\u2028"
REGISTER_LISTS = {"person": "persons", "org": "organisations", "place": "places"}
CSV_COLUMNS = ("id", "file", "title", "date", "date_not_before", "date_not_after", "record_id",
               "url", "type", "classification", "repository", "archive_reference", "translator",
               "participants", "persons", "organisations", "places", "mentions", "unlinked",
               "interventions", *INTERVENTION_KINDS, "footnote", "words")


class ExportError(ToolError):
    """The export does not match its JSON Schema (a bug, reported instead of written)."""


def _text(el: etree._Element | None) -> str | None:
    if el is None:
        return None
    # an element without children (most names, titles, numbers) has its text in one node
    text = "".join(el.itertext()) if len(el) else el.text
    return (" ".join(text.split()) or None) if text else None


def _xpath(path: str) -> etree.XPath:
    """``path`` compiled once (``element.xpath(path)`` compiles it at every call)."""
    return etree.XPath(path, namespaces=NS)


def _first(root: etree._Element, xpath: etree.XPath) -> etree._Element | None:
    found = xpath(root)
    return found[0] if found else None


_MS_IDENTIFIER = _xpath("t:teiHeader//t:msIdentifier")
_CREATION_DATE = _xpath("t:teiHeader/t:profileDesc/t:creation/t:date")
_RECORD_ID = _xpath(".//t:bibl[@type='WCDA']/t:idno[@type='WCDA']")
_URL = _xpath(".//t:bibl[@type='WCDA']/t:idno[@type='URI']")
_TERMS = _xpath(".//t:keywords[@scheme=$scheme]/t:term")
_CAT_REFS = _xpath(".//t:catRef")
_LANGUAGES = _xpath(".//t:langUsage/t:language")
_PARTICIPANTS = _xpath(".//t:particDesc//t:person")


def _ref(el: etree._Element, attr: str = "ref") -> str | None:
    ids = reg_ids(el.get(attr))
    return ids[0] if ids else None


#: The text of a block in document order, with each ``lb`` and each ``label`` of a ``list``
#: where a printed line starts (libxml2 walks the tree; the tree is read, never changed).
_LINES = etree.XPath(".//text() | .//t:lb | .//t:list/t:label", namespaces=NS, smart_strings=False)


def _block_text(block: etree._Element) -> str:
    """One block as printed lines: a line per ``lb`` and per entry of a list, spaces normalised."""
    text = "".join([node if node.__class__ is str else LINE for node in _LINES(block)])
    lines = (" ".join(line.split()) for line in text.split(LINE))
    return "\n".join(line for line in lines if line)


def _blocks(container: etree._Element):
    """The blocks of a text part: children of ``div``s (which only hold blocks), in order."""
    for child in container:
        if not isinstance(child.tag, str):
            continue
        if etree.QName(child).localname in ("div", "body", "front", "back", "group", "text"):
            yield from _blocks(child)
        else:
            yield child


def plain_text(root: etree._Element) -> str:
    """The words of the text: blocks apart by a blank line, printed lines by a newline.

    This is the TEI string value (every word of the page, guide P1); brackets
    are not printed back, the HTML and print editions do that."""
    text = root.find("t:text", NS)
    if text is None:
        return ""
    return "\n\n".join(b for b in map(_block_text, _blocks(text)) if b)


def _archive(root: etree._Element) -> dict:
    ms = _first(root, _MS_IDENTIFIER)
    if ms is None:
        return {"repository": None, "ref": None, "country": None, "settlement": None,
                "identifiers": {}, "alternates": []}

    def ident(el):
        repo = el.find("t:repository", NS)
        return {"repository": _text(repo), "ref": None if repo is None else _ref(repo),
                "identifiers": {i.get("type", "idno"): _text(i) or "" for i in el.findall("t:idno", NS)}}

    return {**ident(ms), "country": _text(ms.find("t:country", NS)),
            "settlement": _text(ms.find("t:settlement", NS)),
            "alternates": [ident(alt) for alt in ms.findall("t:altIdentifier", NS)]}


def _date(root: etree._Element) -> dict:
    date = _first(root, _CREATION_DATE)
    keys = ("when", "notBefore", "notAfter")
    if date is None:
        return {"text": None, **dict.fromkeys(keys)}
    return {"text": _text(date), **{k: date.get(k) for k in keys}}


#: The names of the text, by tag (``iter`` finds them in one pass, in document order).
_NAME_TAGS = {f"{{{NS['t']}}}{name}": NAME_KINDS[name] for name in ("persName", "orgName", "placeName")}


def _entities(root: etree._Element) -> tuple[list[dict], list[dict]]:
    """Linked names of the text grouped by register id, and the names left unlinked."""
    counts: Counter = Counter()
    forms: dict[tuple[str, str], list[str]] = defaultdict(list)
    unlinked = []
    names = (el for text in root.iterfind("t:text", NS) for el in text.iter(*_NAME_TAGS))
    for el in names:
        kind, printed, ref = _NAME_TAGS[el.tag], _text(el) or "", _ref(el)
        if ref is None:
            unlinked.append({"kind": kind, "text": printed})
            continue
        counts[(kind, ref)] += 1
        if printed not in forms[(kind, ref)]:
            forms[(kind, ref)].append(printed)
    entities = [{"ref": ref, "kind": kind, "count": n, "forms": forms[(kind, ref)]}
                for (kind, ref), n in sorted(counts.items(), key=lambda kv: (kv[0][0], -kv[1], kv[0][1]))]
    return entities, unlinked


def document_record(path: Path, root: etree._Element, kinds: list[str], register: Register) -> dict:
    """The export object of one TEI document (shape: schema/export.schema.json#/$defs/document)."""
    header = root.find("t:teiHeader", NS)
    title_stmt = None if header is None else header.find("t:fileDesc/t:titleStmt", NS)
    if title_stmt is None:
        raise InputError("not a TEI document of the edition (no teiHeader/fileDesc/titleStmt)",
                         Location(str(path), root.sourceline))

    def terms(scheme: str) -> list[str]:
        return [_text(t) for t in _TERMS(header, scheme=scheme) if _text(t)]

    def agent(resp: etree._Element) -> dict:
        name = resp.find("t:persName", NS)
        return {"resp": _text(resp.find("t:resp", NS)), "name": _text(name),
                "ref": None if name is None else _ref(name)}

    counted = Counter(kinds)
    entities, unlinked = _entities(root)
    text = plain_text(root)
    return {
        "id": root.get(XML_ID) or path.stem,
        "file": path.name,
        "title": _text(title_stmt.find("t:title", NS)),
        "date": _date(root),
        "archive": _archive(root),
        "record_id": _text(_first(header, _RECORD_ID)),
        "url": _text(_first(header, _URL)),
        "type": (terms("reg:tax-wcda-type") or [None])[0],
        "subjects": terms("reg:tax-subject"),
        "classification": [{"id": cid, "label": register.category_label(cid)}
                           for c in _CAT_REFS(header)
                           for cid in reg_ids(c.get("target"))],
        "languages": [lang.get("ident") for lang in _LANGUAGES(header)],
        "funders": [{"name": _text(f), "ref": _ref(f)} for f in title_stmt.findall("t:funder", NS)],
        "responsibilities": [agent(r) for r in title_stmt.findall("t:respStmt", NS)
                             if r.get(XML_ID) != "editor"],
        "participants": [{"role": p.get("role"), "ref": ref, "name": register.main_name(ref)}
                         for p in _PARTICIPANTS(header)
                         for ref in [_ref(p, "sameAs")]],
        "interventions": {k: counted[k] for k in INTERVENTION_KINDS if counted[k]},
        "features": {k: counted[k] for k in FEATURE_KINDS if counted[k]},
        "entities": entities,
        "unlinked": unlinked,
        "words": len(text.split()),
        "text": text,
    }


def register_record(register: Register, used_in: dict[str, list[str]]) -> dict:
    """The register as lists of persons, organisations and places with every name and fact."""
    out: dict[str, list] = {v: [] for v in REGISTER_LISTS.values()}
    for xid, el in register.entries.items():
        names = entry_names(el)
        loc = el.find("t:location", NS)
        out[REGISTER_LISTS[entry_kind(el)]].append({
            "id": xid,
            "name": names[0] if names else None,
            "variants": names[1:],
            "candidate": is_candidate(el),
            "same_as": (el.get("sameAs") or "").lstrip("#") or None,
            "occupations": [{"text": _text(o), **{k: o.get(k) for k in ("when", "notBefore", "notAfter")}}
                            for o in el.findall("t:occupation", NS)],
            "external_ids": [{"type": i.get("type"), "value": _text(i)} for i in el.findall("t:idno", NS)],
            "location": None if loc is None else {"country": _text(loc.find("t:country", NS)),
                                                  "settlement": _text(loc.find("t:settlement", NS))},
            "documents": used_in.get(xid, []),
        })
    return out


def intervention_kinds(docs: list[tuple[Path, etree._ElementTree]]) -> list[list[str]]:
    """``tt:kind`` of every element in each document's text, from xslt/common (module docstring)."""
    return [document_kinds(path, tree) for path, tree in docs]


def document_kinds(path: Path, tree: etree._ElementTree) -> list[str]:
    """``tt:kind`` of every element in one document's text (the stylesheet is compiled once
    per process).

    Only the ``text`` element is handed to Saxon: the kinds are asked of its elements alone,
    and Saxon's parse costs in proportion to the elements it builds (the header is about
    half of them)."""
    root = tree.getroot()
    text = root.find("t:text", NS) if root.tag == TEI else None
    if text is None:
        return []
    transformer = _transformer()
    source = transformer.parse(etree.tostring(text, encoding="UTF-8", with_tail=False), str(path))
    return transformer.render(KINDS_XSL, {}, source).split()


@functools.lru_cache(maxsize=1)
def _transformer():
    from toolchain.publish.xslt import Transformer

    return Transformer()


def document_refs(doc: dict) -> list[str]:
    """Register ids an exported document points to, each once, in order (for ``documents``
    of the register's entries)."""
    refs = [e["ref"] for e in doc["entities"]] + [p["ref"] for p in doc["participants"]] + \
        [f["ref"] for f in doc["funders"]] + [r["ref"] for r in doc["responsibilities"]] + \
        [a["ref"] for a in [doc["archive"], *doc["archive"]["alternates"]]]
    return list(dict.fromkeys(r for r in refs if r))


def build_export(paths: Iterable[Path], register: Path | None = None) -> dict:
    """The export of the TEI documents in ``paths`` and their register, validated."""
    docs, reg = load_documents(paths, register)
    documents = [document_record(path, tree.getroot(), kinds, reg)
                 for (path, tree), kinds in zip(docs, intervention_kinds(docs))]
    used_in: dict[str, list[str]] = defaultdict(list)
    for doc in documents:
        for ref in document_refs(doc):
            used_in[ref].append(doc["id"])
    data = {**export_head(), "documents": documents, "register": register_record(reg, used_in)}
    validate_export(data)
    return data


def export_head() -> dict:
    """The export's first members (before ``documents`` and ``register``)."""
    return {"format": "tei-tool-export", "version": FORMAT_VERSION, "generator": f"tei-tool {__version__}"}


class SchemaCheck:
    """schema/export.schema.json, for the whole export or one part (a document, the register).

    Checks run with fastjsonschema (the schema compiled to Python: ~12x faster than
    jsonschema, which matters at thousands of documents); a value that fails is checked again
    with jsonschema, whose best match names the place and the reason. The schema uses only
    keywords that mean the same in draft 7, which fastjsonschema implements.
    """

    def __init__(self) -> None:
        self.schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
        self._fast: dict[str, Callable] = {}

    def _part_schema(self, part: str) -> dict:
        """The schema of ``part``: "edition" (the whole export), "document" or "register"."""
        if part == "edition":
            return self.schema
        base = {k: v for k, v in self.schema.items() if k in ("$schema", "$id", "$defs")}
        if part == "document":
            return base | {"$ref": "#/$defs/document"}
        return base | self.schema["properties"]["register"]

    def check(self, part: str, value, where: Callable[[list], str] = lambda path: "") -> None:
        """Raise ExportError naming the first place where ``value`` breaks the schema of ``part``."""
        import fastjsonschema

        if part not in self._fast:
            schema = dict(self._part_schema(part), **{"$schema": "http://json-schema.org/draft-07/schema#"})
            self._fast[part] = fastjsonschema.compile(schema)
        try:
            self._fast[part](value)
            return
        except fastjsonschema.JsonSchemaValueException:
            pass
        import jsonschema

        error = jsonschema.exceptions.best_match(
            jsonschema.Draft202012Validator(self._part_schema(part)).iter_errors(value))
        if error is None:  # the two validators disagree: trust the reference one
            return
        path = list(error.absolute_path)
        at = "/".join(map(str, path)) or "(top)"
        raise ExportError(f"export does not match {SCHEMA_PATH.name} at {at}{where(path)}: {error.message}")


@functools.lru_cache(maxsize=1)
def schema_check() -> SchemaCheck:
    return SchemaCheck()


def validate_export(data: dict) -> None:
    """Raise ExportError naming the first place where ``data`` breaks the JSON Schema."""
    def where(path: list) -> str:  # name the TEI file the value came from
        if path[:1] == ["documents"] and len(path) > 1:
            return f" ({data['documents'][path[1]].get('file', '?')})"
        return ""

    schema_check().check("edition", data, where)


def write_json(fh, documents: Iterable[str], register: dict) -> None:
    """Write the export to ``fh`` as ``json.dumps(data, ensure_ascii=False, indent=1)`` would,
    from documents already serialised (``document_json``), one at a time: the build copies
    thousands of them from its cache without holding the edition in memory."""
    head = json.dumps(export_head(), ensure_ascii=False, indent=1)
    fh.write(head[:-2] + ',\n "documents": [')
    first = True
    for text in documents:
        fh.write(("\n" if first else ",\n") + text)
        first = False
    fh.write("]" if first else "\n ]")
    reg = json.dumps(register, ensure_ascii=False, indent=1).replace("\n", "\n ")
    fh.write(f',\n "register": {reg}\n}}\n')


def document_json(doc: dict) -> str:
    """One exported document as it appears in the JSON export (indented for its place there)."""
    return "  " + _indented_json(doc, "\n  ")


def _indented_json(value, pad: str) -> str:
    """``value`` as ``json.dumps(value, ensure_ascii=False, indent=1)`` writes it, each line
    after the first starting with ``pad`` (a newline and the indentation of ``value``'s line).

    json writes indented output with its pure-Python encoder (only compact output has the C
    one): this is that encoder cut down to what the export holds (strings, whole numbers,
    null, lists, objects with string keys; anything else is handed to json), strings
    escaped by json's own C function, and takes 0.1 ms per document where json takes 0.17."""
    kind = type(value)
    if kind is str:
        return _json_string(value)
    if kind is dict:
        if not value:
            return "{}"
        inner = pad + " "
        return "{" + inner + ("," + inner).join([
            f"{_json_string(k)}: {_json_string(v) if type(v) is str else _indented_json(v, inner)}"
            for k, v in value.items()]) + pad + "}"
    if kind is list:
        if not value:
            return "[]"
        inner = pad + " "
        return "[" + inner + ("," + inner).join([
            _json_string(v) if type(v) is str else _indented_json(v, inner) for v in value]) + pad + "]"
    if kind is int:
        return repr(value)
    if value is None:
        return "null"
    return json.dumps(value, ensure_ascii=False, indent=1).replace("\n", pad)  # as json writes it


_json_string = json.encoder.encode_basestring


def csv_rows(data: dict) -> list[dict]:
    """One flat row per document (columns ``CSV_COLUMNS``) for spreadsheets."""
    return [csv_row(d) for d in data["documents"]]


def csv_row(d: dict) -> dict:
    """The CSV row of one exported document."""
    kinds = Counter(e["kind"] for e in d["entities"])
    translator = next((r for r in d["responsibilities"] if r["resp"] and "transl" in r["resp"]), {})
    return {
        "id": d["id"], "file": d["file"], "title": d["title"], "date": d["date"]["when"],
        "date_not_before": d["date"]["notBefore"], "date_not_after": d["date"]["notAfter"],
        "record_id": d["record_id"], "url": d["url"], "type": d["type"],
        "classification": "; ".join(c["label"] or c["id"] for c in d["classification"]),
        "repository": d["archive"]["repository"],
        "archive_reference": ", ".join(f"{k} {v}" for k, v in d["archive"]["identifiers"].items()),
        "translator": translator.get("name"),
        "participants": "; ".join(f"{p['role']}: {p['name'] or p['ref']}" for p in d["participants"]),
        "persons": kinds["person"], "organisations": kinds["org"], "places": kinds["place"],
        "mentions": sum(e["count"] for e in d["entities"]), "unlinked": len(d["unlinked"]),
        "interventions": sum(d["interventions"].values()),
        **{k: d["interventions"].get(k, 0) for k in INTERVENTION_KINDS},
        "footnote": d["features"].get("footnote", 0), "words": d["words"],
    }


def to_csv(data: dict) -> str:
    return csv_text(csv_rows(data))


def csv_text(rows: Iterable[dict], header: bool = True) -> str:
    """Rows as CSV text (with the header line unless ``header`` is false)."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, lineterminator="\n")
    if header:
        writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


@dataclass
class ExportResult:
    """The serialised export and what it holds; ``text`` is written to the output file or stdout."""

    text: str
    documents: int
    entries: int
    out: Path | None

    def summary(self) -> str:
        where = f"written to {self.out}" if self.out else "written to standard output"
        return f"{self.documents} documents and {self.entries} register entries exported, {where}"


def export_edition(paths: Iterable[Path], fmt: str = "json", out: Path | None = None,
                   register: Path | None = None) -> ExportResult:
    """Export TEI files or folders as JSON or CSV; write ``out`` atomically when given."""
    data = build_export(paths, register)
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n" if fmt == "json" else to_csv(data)
    if out is not None:
        xmlio.atomic_write(out, text.encode("utf-8"))
    return ExportResult(text, len(data["documents"]),
                        sum(len(v) for v in data["register"].values()), out)
