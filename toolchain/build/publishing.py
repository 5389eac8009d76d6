"""The build's publishing stage: HTML pages (in parallel, each only when its key changed),
site pages, the print volume and per-document PDFs."""
from __future__ import annotations

import hashlib
from pathlib import Path


from toolchain import xmlio
from toolchain.build.state import BuildState

_site = None  # the worker's SiteRenderer


def init_site(register_path: str | None) -> None:
    """Worker set-up for page rendering: parse the register and compile the stylesheet once."""
    global _site
    from toolchain.build.site import SiteRenderer
    from toolchain.publish.html import DEFAULT_TITLE

    _site = SiteRenderer(Path(register_path) if register_path else None, DEFAULT_TITLE)


def render_page(path: str, prev: str | None, nxt: str | None, out: str) -> str:
    """Write one document's page and its TEI copy into ``out``; return the page's file name."""
    from toolchain.publish.html import page_stem

    src, folder = Path(path), Path(out)
    html = _site.document_page(src, Path(prev) if prev else None, Path(nxt) if nxt else None, folder)
    stem = page_stem(src)
    xmlio.atomic_write(xmlio.confined_path(folder, f"{stem}.html"), html, durable=False)
    xmlio.atomic_write(xmlio.confined_path(folder, f"{stem}.xml"), src.read_bytes(), durable=False)
    return f"{stem}.html"


def html_site(tei_files: list[Path], out: Path, state: BuildState, stylesheets: str,
              register: Path | None, facts, runner, result, site_key: str) -> None:
    """Render the document pages whose key changed, then the site pages if anything changed.

    A document page links each name to its entry (or to the entry it was merged into), so it
    depends on those links and the taxonomies; entries' other contents show on the register page.
    """
    order = sorted(tei_files, key=lambda p: (state.docs[p.stem].date_key, p.stem))
    todo = []
    for i, path in enumerate(order):
        doc = state.docs[path.stem]
        prev = order[i - 1] if i else None
        nxt = order[i + 1] if i + 1 < len(order) else None
        h = hashlib.sha256(f"{doc.tei}:{stylesheets}:{facts.taxonomies}".encode())
        for n in (prev, nxt):
            h.update(f"|{n.stem}:{state.docs[n.stem].tei}".encode() if n else b"|")
        for ref in doc.named:
            h.update(f"{ref}={facts.links.get(ref, '')};".encode())
        h.update(str((out / f"{path.stem}.pdf").is_file()).encode())
        key = h.hexdigest()
        if doc.page_key != key or not (out / f"{path.stem}.html").is_file():
            todo.append((path, prev, nxt, key))
    runner.map(render_page, [str(t[0]) for t in todo], [str(t[1]) if t[1] else None for t in todo],
               [str(t[2]) if t[2] else None for t in todo], [str(out)] * len(todo))
    for path, _, _, key in todo:
        state.docs[path.stem].page_key = key
    if todo or state.site_key != site_key or not (out / "index.html").is_file():
        from toolchain.build.site import SiteRenderer
        from toolchain.publish.html import DEFAULT_TITLE

        pages = SiteRenderer(register, DEFAULT_TITLE).site_pages(sorted(tei_files), out)
        if register:
            pages["register.xml"] = register.read_bytes()
        for name, data in pages.items():
            xmlio.atomic_write(xmlio.confined_path(out, name), data, durable=False)
        state.site_key = site_key
        result.published.append(f"html ({len(todo)} pages)")


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
