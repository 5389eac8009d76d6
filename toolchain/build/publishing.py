"""The build's publishing stages besides the HTML site (``site``): the print volume and
per-document PDFs, the JSON and CSV export."""
from __future__ import annotations

from pathlib import Path

from toolchain import xmlio
from toolchain.build.state import BuildState


def pdf_outputs(tei_files: list[Path], out: Path, state: BuildState, volume_key: str, result) -> None:
    """The volume and the per-document PDFs (next to the HTML pages, which link them)."""
    if state.volume_key == volume_key and (out / "edition.pdf").is_file():
        return
    from toolchain.publish.pdf import publish_pdf

    result.report.extend(publish_pdf(tei_files, volume=out / "edition.pdf",
                                     per_document=out / "html").items)
    state.volume_key = volume_key
    result.published.append("pdf")


def data_exports(tei_files: list[Path], out: Path, register: Path | None, state: BuildState,
                 export_key: str, result) -> None:
    """edition.json (checked against schema/export.schema.json) and edition.csv for DH projects."""
    if state.export_key == export_key and (out / "edition.json").is_file():
        return
    import json

    from toolchain.export import build_export, to_csv

    data = build_export(tei_files, register)  # read once, written in both formats
    xmlio.atomic_write(out / "edition.json",
                       (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))
    xmlio.atomic_write(out / "edition.csv", to_csv(data).encode("utf-8"))
    state.export_key = export_key
    result.published.append("json")
