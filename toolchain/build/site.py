"""The build's HTML stage: only the pages whose inputs changed, made in the workers.

The pages are made as ``tei-tool html`` makes them (toolchain/publish/site.py:
a run of documents, a run of entries at a time, the site pages from the
documents' summaries); the build keeps each document's summary in its state
folder, so a rebuild need not make the pages of unchanged documents again.

The page key of a document (its TEI, its neighbours' headers, the register
entries it names, the stylesheets) tells whether its page must be made again;
the key of an entry page (the entry, the summaries of the documents naming it)
likewise.
"""
from __future__ import annotations

import hashlib
import math
from pathlib import Path

from lxml import etree

from toolchain import xmlio
from toolchain.build.state import STATE_DIR, BuildState
from toolchain.publish import site as pages
from toolchain.publish.html import DEFAULT_TITLE, ENTRY_DIR, page_stem

#: Where the build keeps each document's summary (``<stem>.xml``), relative to its output
#: folder: in the state folder, next to the manifest.
SUMMARY_DIR = Path(STATE_DIR) / "site"


_site: pages.SiteRenderer | None = None  # the worker's renderer


def init_site(register_path: str | None) -> None:
    """Worker set-up for page rendering: parse the register and compile the stylesheet once."""
    global _site
    _site = pages.SiteRenderer(Path(register_path) if register_path else None, DEFAULT_TITLE)


def render_pages(paths: list[str], before: str | None, after: str | None, out: str,
                 summaries: str) -> list[str]:
    """Write the pages of a run of consecutive documents, their TEI copies into ``out`` and
    their summaries into ``summaries``; return what the pages next to each show of it
    (``_shown``), in order."""
    folder = Path(out)
    made = _site.document_pages([Path(p) for p in paths], Path(before) if before else None,
                                Path(after) if after else None, folder)
    pages.write_document_pages(made, folder)
    for doc, _, summary in made:
        xmlio.atomic_write(xmlio.confined_path(Path(summaries), f"{doc.stem}.xml"), summary, durable=False)
    return [_shown(etree.fromstring(summary).attrib) for _, _, summary in made]


def render_entries(named: dict[str, list[tuple[str, int]]], summaries: dict[str, dict],
                   publisher: str, out: str) -> None:
    """Write the pages of a run of entries into ``out``/register."""
    pages.write_entry_pages(_site.entry_pages(named, summaries, publisher), Path(out))


def _shown(summary: dict[str, str]) -> str:
    """What a page shows of another document (a neighbour's or an entry page): the attributes
    of that document's summary (h:summary: date, title...), as a key."""
    return repr(sorted(summary.items()))


def html_site(tei_files: list[Path], out: Path, state: BuildState, stylesheets: str,
              register: Path | None, facts, runner, result, site_key: str) -> None:
    """Render the document pages whose inputs changed, then the site pages if anything changed.

    A document page links each name to its entry (or to the entry it was merged into), so it
    depends on those links and the taxonomies; entries' other contents show on the register page.
    Of the documents next to it, a page shows only what their summaries' attributes say (date,
    title: h:summary): a page whose neighbour changed only in its text is not made again.
    Summaries live in ``out/../SUMMARY_DIR`` (the build's state folder).
    """
    kept = out.parent / SUMMARY_DIR
    kept.mkdir(parents=True, exist_ok=True)
    order = sorted(tei_files, key=lambda p: (state.docs[p.stem].date_key, p.stem))
    todo, keys = [], {}
    for i, path in enumerate(order):
        doc = state.docs[path.stem]
        h = hashlib.sha256(f"{doc.tei}:{stylesheets}:{facts.taxonomies}".encode())
        for n in pages.neighbours(order, [i]):
            h.update(f"|{n.stem}".encode() if n else b"|")
        for ref in doc.named:
            h.update(f"{ref}={facts.links.get(ref, '')};".encode())
        h.update(str((out / f"{path.stem}.pdf").is_file()).encode())
        keys[path.stem] = h.hexdigest()
        if (doc.page_key != keys[path.stem] or not (out / f"{path.stem}.html").is_file()
                or not (kept / f"{page_stem(path)}.xml").is_file()):
            todo.append(i)
    _render_runs(todo, order, out, kept, state, runner)
    # then the pages next to a document whose date or title changed
    beside = {path.stem: _beside(order, i, state) for i, path in enumerate(order)}
    made = set(todo)
    again = [i for i, path in enumerate(order)
             if i not in made and state.docs[path.stem].beside != beside[path.stem]]
    _render_runs(again, order, out, kept, state, runner)
    for i in todo + again:
        doc = state.docs[order[i].stem]
        doc.page_key, doc.beside = keys[order[i].stem], beside[order[i].stem]
    remade = len(todo) + len(again)
    entries = out / ENTRY_DIR
    if (remade or state.site_key != site_key or not (out / "index.html").is_file()
            or any(not (entries / f"{xid}.html").is_file() for xid in state.entry_keys)):
        stems = [page_stem(p) for p in sorted(tei_files)]  # the order tei-tool html is given them
        for stale in set(p.stem for p in kept.glob("*.xml")) - set(stems):
            (kept / f"{stale}.xml").unlink()
        mentions = pages.site_pages((xmlio.parse_xml(kept / f"{s}.xml").getroot() for s in stems),
                                    register, DEFAULT_TITLE, out)
        entry_pages = _entry_pages(mentions, out, state, stylesheets, runner)
        pages.write_assets(register, out)
        state.site_key = site_key
        result.published.append(f"html ({remade} pages, {entry_pages} entry pages)")


def _render_runs(todo: list[int], order: list[Path], out: Path, kept: Path, state: BuildState,
                 runner) -> None:
    """Render the pages of the documents at positions ``todo`` of ``order`` in runs, in the
    workers, and note what the pages next to each show of it (``DocState.shown``)."""
    runs = pages.runs(todo, max(1, min(pages.RUN, math.ceil(len(todo) / (runner.jobs * 4)))))
    edges = [pages.neighbours(order, run) for run in runs]
    shown = runner.map(render_pages, [[str(order[i]) for i in run] for run in runs],
                       [str(before) if before else None for before, _ in edges],
                       [str(after) if after else None for _, after in edges],
                       [str(out)] * len(runs), [str(kept)] * len(runs))
    for run, keys in zip(runs, shown):
        for i, key in zip(run, keys):
            state.docs[order[i].stem].shown = hashlib.sha256(key.encode()).hexdigest()


def _beside(order: list[Path], i: int, state: BuildState) -> str:
    """What the documents next to position ``i`` show on its page (their ``shown``)."""
    return "|".join(state.docs[n.stem].shown if n else "" for n in pages.neighbours(order, [i]))


def _entry_pages(mentions: pages.Mentions, out: Path, state: BuildState, stylesheets: str,
                 runner) -> int:
    """Make the entry pages whose key changed (the entry, or what the page shows of a
    document naming it: its date, title and mentions); remove those of entries no document
    names any more. Returns how many were made."""
    keys = {}
    for xid in mentions.entries():
        h = hashlib.sha256(f"{stylesheets}|{mentions.publisher}|".encode())
        h.update(etree.tostring(mentions.register.entries[xid]))
        for stem, n in sorted(mentions.docs[xid]):
            h.update(f"{n}:{_shown(mentions.summaries[stem])}".encode())
        keys[xid] = h.hexdigest()
    folder = out / ENTRY_DIR
    todo = [xid for xid, key in keys.items()
            if state.entry_keys.get(xid) != key or not (folder / f"{xid}.html").is_file()]
    inputs = [mentions.of_entries(run) for run in pages.entry_runs(todo, mentions)]
    runner.stage = "render entry pages"  # what the progress display names
    runner.map(render_entries, [named for named, _ in inputs], [summaries for _, summaries in inputs],
               [mentions.publisher] * len(inputs), [str(out)] * len(inputs))
    for stale in set(p.stem for p in folder.glob("*.html")) - set(keys):
        (folder / f"{stale}.html").unlink()
    state.entry_keys = keys
    return len(todo)
