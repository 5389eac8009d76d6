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

import copy
import csv
import io
import json
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from lxml import etree

from toolchain import __version__, xmlio
from toolchain.errors import InputError, Location, ToolError
from toolchain.paths import SCHEMA_DIR
from toolchain.register import NS, XML_ID, Register
from toolchain.register_tools import (
    NAME_KINDS, entry_kind, entry_names, is_candidate, load_documents, reg_ids)

SCHEMA_PATH = SCHEMA_DIR / "export.schema.json"
KINDS_XSL = Path(__file__).with_name("export-kinds.xsl")
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
    return None if el is None else " ".join("".join(el.itertext()).split()) or None


def _first(root: etree._Element, xpath: str) -> etree._Element | None:
    found = root.xpath(xpath, namespaces=NS)
    return found[0] if found else None


def _ref(el: etree._Element, attr: str = "ref") -> str | None:
    ids = reg_ids(el.get(attr))
    return ids[0] if ids else None


def _block_text(block: etree._Element) -> str:
    """One block as printed lines: a line per ``lb`` and per entry of a list, spaces normalised."""
    block = copy.deepcopy(block)
    for el in block.iter(f"{{{NS['t']}}}lb", f"{{{NS['t']}}}label"):
        if etree.QName(el).localname == "lb":
            el.tail = LINE + (el.tail or "")
        elif etree.QName(el.getparent()).localname == "list":
            el.text = LINE + (el.text or "")
    lines = (" ".join(line.split()) for line in "".join(block.itertext()).split(LINE))
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
    ms = _first(root, "t:teiHeader//t:msIdentifier")
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
    date = _first(root, "t:teiHeader/t:profileDesc/t:creation/t:date")
    keys = ("when", "notBefore", "notAfter")
    if date is None:
        return {"text": None, **dict.fromkeys(keys)}
    return {"text": _text(date), **{k: date.get(k) for k in keys}}


def _entities(root: etree._Element) -> tuple[list[dict], list[dict]]:
    """Linked names of the text grouped by register id, and the names left unlinked."""
    counts: Counter = Counter()
    forms: dict[tuple[str, str], list[str]] = defaultdict(list)
    unlinked = []
    for el in root.xpath("t:text//t:persName | t:text//t:orgName | t:text//t:placeName", namespaces=NS):
        kind, printed, ref = NAME_KINDS[etree.QName(el).localname], _text(el) or "", _ref(el)
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
        return [_text(t) for t in header.xpath(f".//t:keywords[@scheme='{scheme}']/t:term", namespaces=NS)
                if _text(t)]

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
        "record_id": _text(_first(header, ".//t:bibl[@type='WCDA']/t:idno[@type='WCDA']")),
        "url": _text(_first(header, ".//t:bibl[@type='WCDA']/t:idno[@type='URI']")),
        "type": (terms("reg:tax-wcda-type") or [None])[0],
        "subjects": terms("reg:tax-subject"),
        "classification": [{"id": cid, "label": register.category_label(cid)}
                           for c in header.xpath(".//t:catRef", namespaces=NS)
                           for cid in reg_ids(c.get("target"))],
        "languages": [lang.get("ident") for lang in header.xpath(".//t:langUsage/t:language", namespaces=NS)],
        "funders": [{"name": _text(f), "ref": _ref(f)} for f in title_stmt.findall("t:funder", NS)],
        "responsibilities": [agent(r) for r in title_stmt.findall("t:respStmt", NS)
                             if r.get(XML_ID) != "editor"],
        "participants": [{"role": p.get("role"), "ref": ref, "name": register.main_name(ref)}
                         for p in header.xpath(".//t:particDesc//t:person", namespaces=NS)
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
    from toolchain.publish.xslt import Transformer

    transformer = Transformer()
    out = []
    for path, tree in docs:
        source = transformer.parse(etree.tostring(tree, encoding="UTF-8"), str(path))
        out.append(transformer.render(KINDS_XSL, {}, source).split())
    return out


def build_export(paths: Iterable[Path], register: Path | None = None) -> dict:
    """The export of the TEI documents in ``paths`` and their register, validated."""
    docs, reg = load_documents(paths, register)
    documents = [document_record(path, tree.getroot(), kinds, reg)
                 for (path, tree), kinds in zip(docs, intervention_kinds(docs))]
    used_in: dict[str, list[str]] = defaultdict(list)
    for doc in documents:
        refs = [e["ref"] for e in doc["entities"]] + [p["ref"] for p in doc["participants"]] + \
            [f["ref"] for f in doc["funders"]] + [r["ref"] for r in doc["responsibilities"]] + \
            [a["ref"] for a in [doc["archive"], *doc["archive"]["alternates"]]]
        for ref in dict.fromkeys(r for r in refs if r):
            used_in[ref].append(doc["id"])
    data = {"format": "tei-tool-export", "version": FORMAT_VERSION, "generator": f"tei-tool {__version__}",
            "documents": documents, "register": register_record(reg, used_in)}
    validate_export(data)
    return data


def validate_export(data: dict) -> None:
    """Raise ExportError naming the first place where ``data`` breaks the JSON Schema."""
    import jsonschema

    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    error = jsonschema.exceptions.best_match(jsonschema.Draft202012Validator(schema).iter_errors(data))
    if error is not None:
        path = list(error.absolute_path)
        where = "/".join(map(str, path)) or "(top)"
        if path[:1] == ["documents"] and len(path) > 1:  # name the TEI file the value came from
            where += f" ({data['documents'][path[1]].get('file', '?')})"
        raise ExportError(f"export does not match {SCHEMA_PATH.name} at {where}: {error.message}")


def csv_rows(data: dict) -> list[dict]:
    """One flat row per document (columns ``CSV_COLUMNS``) for spreadsheets."""
    rows = []
    for d in data["documents"]:
        kinds = Counter(e["kind"] for e in d["entities"])
        translator = next((r for r in d["responsibilities"] if r["resp"] and "transl" in r["resp"]), {})
        rows.append({
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
        })
    return rows


def to_csv(data: dict) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(csv_rows(data))
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
