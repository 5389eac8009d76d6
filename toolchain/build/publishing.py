"""The build's publishing stages besides the HTML site (``site``): the print volume and
per-document PDFs, the JSON and CSV export."""
from __future__ import annotations

import json
from pathlib import Path

from toolchain import xmlio
from toolchain.build.state import STATE_DIR, BuildState, file_sha, sha


def pdf_outputs(tei_files: list[Path], out: Path, state: BuildState, volume_key: str, result) -> None:
    """The volume and the per-document PDFs (next to the HTML pages, which link them)."""
    if state.volume_key == volume_key and (out / "edition.pdf").is_file():
        return
    from toolchain.publish.pdf import publish_pdf

    result.report.extend(publish_pdf(tei_files, volume=out / "edition.pdf",
                                     per_document=out / "html").items)
    state.volume_key = volume_key
    result.published.append("pdf")


# -- the JSON and CSV export, one document at a time

#: OUT/.tei-tool/export/: <stem>.json, each document's part of edition.json as written there, and
#: <stem>.meta.json, its id, the register ids it points to and its CSV row
EXPORT_CACHE = "export"
_register = None  # the worker's register (names of entries, labels of categories)


def init_export(register_path: str) -> None:
    """Worker set-up for the export: the register, read once."""
    global _register
    from toolchain.register import Register

    _register = Register(xmlio.parse_xml(Path(register_path)), Path(register_path))


def export_document(path: str, cache: str) -> str | None:
    """Export one TEI document into its cache file: the document's JSON (checked against the
    schema), its CSV row and the register ids it points to. Returns an error message or None."""
    from toolchain.errors import ToolError
    from toolchain.export import (csv_row, document_json, document_kinds, document_record,
                                  document_refs, schema_check)

    src = Path(path)
    try:
        tree = xmlio.parse_xml(src)
        doc = document_record(src, tree.getroot(), document_kinds(src, tree), _register)
        schema_check().check("document", doc, lambda _: f" ({src.name})")
    except ToolError as exc:
        return str(exc)
    meta = {"id": doc["id"], "refs": document_refs(doc), "row": csv_row(doc)}
    xmlio.atomic_write(cache, document_json(doc).encode("utf-8"), durable=False)
    xmlio.atomic_write(_meta(Path(cache)), json.dumps(meta, ensure_ascii=False).encode("utf-8"), durable=False)
    return None


def _meta(cache: Path) -> Path:
    return cache.with_suffix(".meta.json")


def data_exports(tei_files: list[Path], out: Path, register: Path | None, state: BuildState,
                 labels: dict[str, str], fingerprint: str, runner, result) -> None:
    """edition.json (checked against schema/export.schema.json) and edition.csv for DH projects.

    Each document is exported in a worker into a cache file when its TEI, the exporter or
    the names and labels of the register entries it points to changed; the two files are then
    written from the cache, one document at a time, with the register's part made afresh.
    """
    from toolchain.export import ExportError
    from toolchain.register_tools import find_register

    register = find_register(tei_files, register)  # none: a usage error naming register.xml
    cache = out / STATE_DIR / EXPORT_CACHE
    todo = []
    for path in tei_files:
        doc = state.docs[path.stem]
        key = sha("|".join([doc.tei or "", fingerprint, *(f"{i}={labels.get(i, '')}" for i in doc.named)])
                  .encode())
        if doc.export_key != key or not _meta(cache / f"{path.stem}.json").is_file():
            todo.append((path, key))
    failures = runner.map(export_document, [str(p) for p, _ in todo],
                          [str(cache / f"{p.stem}.json") for p, _ in todo])
    problem = next((f for f in failures if f), None)
    if problem:
        raise ExportError(problem)
    for path, key in todo:
        state.docs[path.stem].export_key = key
    edition_key = sha("|".join([file_sha(register) or "", fingerprint,
                                *(f"{p.stem}:{state.docs[p.stem].export_key}" for p in tei_files)]).encode())
    if state.export_key == edition_key and (out / "edition.json").is_file():
        return
    _write_export(tei_files, cache, register, out)
    state.export_key = edition_key
    result.published.append("json")


def _write_export(tei_files: list[Path], cache: Path, register: Path, out: Path) -> None:
    """edition.json and edition.csv from the cache (module docstring of ``toolchain.export``)."""
    from collections import defaultdict

    from toolchain.export import csv_text, register_record, schema_check, write_json
    from toolchain.register import Register

    def metas():
        for path in tei_files:
            yield json.loads(_meta(cache / f"{path.stem}.json").read_text(encoding="utf-8"))

    used_in: dict[str, list[str]] = defaultdict(list)
    for meta in metas():
        for ref in meta["refs"]:
            used_in[ref].append(meta["id"])
    reg = register_record(Register(xmlio.parse_xml(register), register), used_in)
    schema_check().check("register", reg)
    with xmlio.atomic_text(out / "edition.json") as fh:
        write_json(fh, ((cache / f"{p.stem}.json").read_text(encoding="utf-8") for p in tei_files), reg)
    with xmlio.atomic_text(out / "edition.csv") as fh:
        fh.write(csv_text([]))
        for meta in metas():
            fh.write(csv_text([meta["row"]], header=False))
