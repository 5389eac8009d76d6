"""Publish stage, web: TEI files + register → static HTML site (xslt/html).

Python only gathers and checks the inputs and writes files; every byte of
HTML comes from the XSLT (no string templating here). The pages are made a
run at a time (toolchain/publish/site.py) into a hidden folder inside the
output folder and moved into place only when every page succeeded, so a bad
input never leaves a half-built site behind.
"""
from __future__ import annotations

import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Sequence
from xml.sax.saxutils import quoteattr

from lxml import etree

from toolchain import xmlio
from toolchain.diagnostics import Diagnostic, Report
from toolchain.errors import InputError, Location, UsageError
from toolchain.paths import REGISTER_NAME, XSLT_DIR

HTML_XSL = XSLT_DIR / "html" / "html.xsl"
CSS_FILE = XSLT_DIR / "html" / "edition.css"
TEI_NS = "http://www.tei-c.org/ns/1.0"
TT_NS = "http://tei-tool/ns"
#: Title of the edition when the caller gives none (same words as the print volume).
DEFAULT_TITLE = "Translated Cold War Records: A Critical Edition"
#: Pages of the site itself; a document stem must not take their names.
SITE_PAGES = ("index", "about", "register")
#: The folder of the entry pages (register/<id>.html), beside the register page.
ENTRY_DIR = "register"


@dataclass
class TeiInput:
    """One document to publish: where it came from, its safe page stem, its bytes and tree."""

    path: Path
    stem: str
    data: bytes
    root: etree._Element


@dataclass
class HtmlResult:
    """What ``build_html`` wrote, with the diagnostics of the run."""

    out_dir: Path
    written: list[Path] = field(default_factory=list)
    report: Report = field(default_factory=Report)
    documents: int = 0

    def summary(self) -> str:
        return (f"html: {self.documents} document(s), {len(self.written)} file(s) "
                f"written to {self.out_dir}")


def collect_tei_paths(paths: Iterable[Path]) -> list[Path]:
    """TEI files named on the command line: files as given, folders' *.xml sorted
    (their register.xml excluded). Missing paths and an empty result are usage errors."""
    found: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found.extend(sorted(f for f in p.glob("*.xml") if f.name != REGISTER_NAME))
        elif p.is_file():
            found.append(p)
        else:
            raise UsageError("no such file or folder", Location(str(p)))
    if not found:
        raise UsageError("no TEI files to publish (folders hold no *.xml besides register.xml)")
    return list(dict.fromkeys(found))


def page_stem(path: Path) -> str:
    """The page name of a TEI file: its stem with anything but [A-Za-z0-9._-] replaced,
    so a file name can never become markup or a path outside the site."""
    return re.sub(r"[^A-Za-z0-9._-]", "-", path.stem).lstrip(".") or "document"


def load_tei(path: Path) -> TeiInput:
    """Read one TEI document safely and check it is one (root TEI, a text)."""
    root = xmlio.parse_xml(path).getroot()
    data = path.read_bytes()
    where = Location(str(path), root.sourceline, 1)
    if root.tag != f"{{{TEI_NS}}}TEI":
        raise InputError(f"root element is <{etree.QName(root).localname}>, not a TEI "
                         f"document in the TEI namespace", where)
    if root.find(f"{{{TEI_NS}}}text") is None or root.find(f"{{{TEI_NS}}}teiHeader") is None:
        raise InputError("TEI document without teiHeader or text", where)
    if not root.get("{http://www.w3.org/XML/1998/namespace}id"):
        raise InputError("TEI root has no xml:id (guide §3.3 U)", where)
    return TeiInput(path, page_stem(path), data, root)


def find_register(paths: Sequence[Path], report: Report) -> Path | None:
    """The register: register.xml next to the documents. Documents from folders
    with different registers cannot share one register page: usage error."""
    candidates = {(p.parent / REGISTER_NAME).resolve() for p in paths}
    existing = sorted(c for c in candidates if c.is_file())
    if len({c.read_bytes() for c in existing}) > 1:
        raise UsageError("documents come from folders with different registers: "
                         + ", ".join(map(str, existing)))
    if not existing:
        report.add(Diagnostic("warning", "html-no-register",
                              f"no {REGISTER_NAME} next to the documents; names are not linked",
                              str(paths[0].parent / REGISTER_NAME)))
        return None
    return existing[0]


def _check_stems(paths: Sequence[Path]) -> None:
    seen: dict[str, Path] = {}
    for path in paths:
        stem = page_stem(path)
        if stem in SITE_PAGES:
            raise InputError(f"a document may not be named {stem!r} (a page of the site)",
                             Location(str(path)))
        if stem in seen:
            raise InputError(f"same page name {stem!r} as {seen[stem]}", Location(str(path)))
        seen[stem] = path


def edition_xml(docs: Sequence[TeiInput], register: etree._Element | None,
                out_dir: Path, title: str, summaries: Sequence[str] = (),
                publisher: str | None = None) -> bytes:
    """The single input of the stylesheet: every document (with its page stem and
    whether DIR/<stem>.pdf exists), the given document summaries (serialised
    tt:summary elements, see xslt/html/html-site.xsl, and tt:named-in counts) and
    the register, in a tt:edition wrapper (``publisher``: the one site pages name,
    when the summaries are only part of the edition). Written out piece by piece:
    the trees are serialised once, never copied."""
    given = f" publisher={quoteattr(publisher)}" if publisher is not None else ""
    parts = [f'<tt:edition xmlns:tt="{TT_NS}" title={quoteattr(title)}{given}>']
    for d in docs:
        pdf = "yes" if (out_dir / f"{d.stem}.pdf").is_file() else "no"
        parts += [f"<tt:doc stem={quoteattr(d.stem)} pdf=\"{pdf}\">",
                  etree.tostring(d.root, encoding="unicode"), "</tt:doc>"]
    parts += summaries
    if register is not None:
        parts += ["<tt:register>", etree.tostring(register, encoding="unicode"), "</tt:register>"]
    parts.append("</tt:edition>")
    return "".join(parts).encode("utf-8")


#: The hidden folder a run makes its pages in (``.tei-tool-html-<pid>-<random>``).
_STAGING = ".tei-tool-html-"


def _remove_stale_staging(out_dir: Path) -> None:
    """Remove what a killed run left: staging folders whose process is gone (another run
    still making its pages in this folder keeps its own)."""
    for folder in out_dir.glob(f"{_STAGING}*"):
        pid = folder.name[len(_STAGING):].partition("-")[0]
        if not pid.isdigit() or not _alive(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)  # no signal sent: only whether the process exists
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # it exists, and belongs to someone else
    return True


def build_html(paths: Iterable[Path], out_dir: Path, title: str = DEFAULT_TITLE,
               progress: Callable[[str, int, int], None] | None = None) -> HtmlResult:
    """Publish the TEI files (or folders) as a static site in ``out_dir``.

    Writes index.html, about.html, register.html, <stem>.html per document,
    register/<id>.html per entry named, the TEI files and register.xml next to
    them, and edition.css. Raises ``InputError`` (file:line:col) for a file that
    is not usable TEI, before anything is made; a page that fails leaves the
    output folder as it was. ``progress`` gets (stage, pages made, pages in the stage).
    """
    from toolchain.publish.site import date_key, render_site  # it imports this module

    out_dir = xmlio.check_output_folder(out_dir)
    result = HtmlResult(out_dir)
    tei_paths = collect_tei_paths(paths)
    docs = [(path, date_key(load_tei(path).root)) for path in tei_paths]
    _check_stems(tei_paths)
    register = find_register(tei_paths, result.report)
    created = not out_dir.exists()
    out_dir.mkdir(parents=True, exist_ok=True)
    _remove_stale_staging(out_dir)
    staging = Path(tempfile.mkdtemp(prefix=f"{_STAGING}{os.getpid()}-", dir=out_dir))
    try:
        render_site(docs, register, staging, out_dir, title, progress)
        for made in sorted(p for p in staging.rglob("*") if p.is_file()):
            target = out_dir / made.relative_to(staging)
            target.parent.mkdir(exist_ok=True)
            os.replace(made, target)
            result.written.append(target)
    except BaseException:
        if created:
            shutil.rmtree(out_dir, ignore_errors=True)
        raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    result.documents = len(docs)
    return result
