"""Pages made a run at a time (toolchain/publish/site.py) and site pages made from per-document
summaries are the pages the stylesheet makes of the whole edition at once; the build's HTML stage
(toolchain/build/site.py) makes the pages ``tei-tool html`` makes of the same TEI files."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from toolchain import xmlio
from toolchain.build import site
from toolchain.build.pipeline import STATE_DIR, build
from toolchain.publish import site as pages
from toolchain.publish.html import (DEFAULT_TITLE, ENTRY_DIR, HTML_XSL, SITE_PAGES, TeiInput,
                                    build_html, edition_xml, page_stem)
from toolchain.publish.xslt import Transformer

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted((ROOT / "seeds").glob("*.txt"))


def _build(tmp: Path, name: str = "out", jobs: int = 1):
    src = tmp / "src"
    if not src.exists():
        src.mkdir()
        for s in SOURCES:
            shutil.copy(s, src / s.name)
    out = tmp / name
    result = build([src], out, out / "tei", jobs=jobs, publish=("html",))
    assert not result.failed, result.report.to_text()
    return result, out


def _pages(folder: Path) -> dict[str, bytes]:
    """Every page of a site: its own, the documents' and the entries' (register/)."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*.html"))}


def test_build_pages_equal_tei_tool_html(tmp_path):
    _, out = _build(tmp_path, jobs=2)
    build_html([out / "tei"], tmp_path / "html")
    assert len([p for p in _pages(out / "html") if "/" not in p]) == len(SOURCES) + 3
    assert len(_pages(out / "html")) > len(SOURCES) + 3 + 20  # the entry pages
    assert _pages(out / "html") == _pages(tmp_path / "html")


def test_runs_of_pages_equal_one_page_at_a_time(tmp_path, monkeypatch):
    monkeypatch.setattr(pages, "RUN", 1)
    _, one = _build(tmp_path, "one")
    monkeypatch.setattr(pages, "RUN", 3)
    _, runs = _build(tmp_path, "runs")
    assert _pages(one / "html") == _pages(runs / "html")


def _whole_edition_pages(tei: Path) -> dict[str, bytes]:
    """Every page the stylesheet makes of one edition holding every document and the whole
    register (what ``tei-tool html`` once did, quadratic in the edition's size)."""
    files = sorted(p for p in tei.glob("*.xml") if p.name != "register.xml")
    docs = [TeiInput(p, page_stem(p), p.read_bytes(), xmlio.parse_xml(p).getroot()) for p in files]
    tr = Transformer()
    edition = tr.parse(edition_xml(docs, xmlio.parse_xml(tei / "register.xml").getroot(), tei,
                                   DEFAULT_TITLE))
    made = [(page, "", f"{page}.html") for page in SITE_PAGES]
    made += [("document", d.stem, f"{d.stem}.html") for d in docs]
    made += [("entry", xid, f"{ENTRY_DIR}/{xid}.html")
             for xid in tr.render_strings(HTML_XSL, "entries", {"edition": edition})]
    return {name: tr.render(HTML_XSL, {"edition": edition, "page": page, "stem": stem}).encode("utf-8")
            for page, stem, name in made}


@pytest.mark.parametrize("run", [1, 2, pages.RUN])
def test_pages_made_a_run_at_a_time_equal_those_of_the_whole_edition(tmp_path, monkeypatch, run):
    monkeypatch.setattr(pages, "RUN", run)
    _, out = _build(tmp_path)
    build_html([out / "tei"], tmp_path / "html")
    expected = _whole_edition_pages(out / "tei")
    assert len(expected) > len(SOURCES) + 3 + 20  # the entry pages
    assert _pages(tmp_path / "html") == expected
    assert not list((tmp_path / "html").glob(".*"))  # no staging folder left behind


def test_summaries_are_kept_per_document_and_hold_no_text(tmp_path):
    _, out = _build(tmp_path)
    kept = out / site.SUMMARY_DIR
    assert kept.parent == out / STATE_DIR
    assert sorted(p.stem for p in kept.glob("*.xml")) == sorted(s.stem for s in SOURCES)
    for summary in kept.glob("*.xml"):
        text = summary.read_text(encoding="utf-8")
        assert text.startswith("<tt:summary") and "<text" not in text


def test_a_lost_summary_makes_its_page_again(tmp_path):
    _, out = _build(tmp_path)
    before = _pages(out / "html")
    (out / site.SUMMARY_DIR / f"{SOURCES[2].stem}.xml").unlink()
    again, _ = _build(tmp_path)
    assert again.published == ["html (1 pages, 0 entry pages)"]
    assert (out / site.SUMMARY_DIR / f"{SOURCES[2].stem}.xml").is_file()
    assert _pages(out / "html") == before


def test_a_removed_document_leaves_the_site_and_its_summary(tmp_path):
    _, out = _build(tmp_path)
    gone = SOURCES[0].stem
    (tmp_path / "src" / f"{gone}.txt").unlink()
    (out / "tei" / f"{gone}.xml").unlink()
    _build(tmp_path)
    assert not (out / site.SUMMARY_DIR / f"{gone}.xml").exists()
    index = (out / "html" / "index.html").read_text(encoding="utf-8")
    assert f"{gone}.html" not in index
    build_html([out / "tei"], tmp_path / "html")
    for name in ("index.html", "about.html", "register.html"):
        assert (out / "html" / name).read_bytes() == (tmp_path / "html" / name).read_bytes()
    # the entry pages: those of entries only it named are gone, the others list it no more
    assert {p: b for p, b in _pages(out / "html").items() if p.startswith("register/")} == \
        {p: b for p, b in _pages(tmp_path / "html").items() if p.startswith("register/")}


def test_a_repeated_encoding_desc_is_given_once(tmp_path, monkeypatch):
    _, out = _build(tmp_path)
    kept = out / site.SUMMARY_DIR
    first = kept / f"{SOURCES[0].stem}.xml"
    for i in range(3):  # three more documents stating the very same principles
        (kept / f"zz-copy{i}.xml").write_bytes(first.read_bytes().replace(
            f'stem="{SOURCES[0].stem}"'.encode(), f'stem="zz-copy{i}"'.encode()))
    files = sorted(kept.glob("*.xml"))
    register = out / "tei" / "register.xml"
    tr = Transformer()
    every = tr.parse(edition_xml([], xmlio.parse_xml(register).getroot(), Path(), "T",
                                 [f.read_text(encoding="utf-8") for f in files]))
    expected = [tr.render(HTML_XSL, {"edition": every, "page": name}) for name in SITE_PAGES]
    given = []
    parse = Transformer.parse
    monkeypatch.setattr(Transformer, "parse",
                        lambda self, xml, base_uri="": given.append(xml) or parse(self, xml, base_uri))
    made = tmp_path / "pages"
    made.mkdir()
    pages.site_pages((xmlio.parse_xml(f).getroot() for f in files), register, "T", made)
    assert [(made / f"{name}.html").read_text(encoding="utf-8") for name in SITE_PAGES] == expected
    assert "zz-copy2.html" in (made / "index.html").read_text(encoding="utf-8")
    assert given[0].count(b"<encodingDesc") < len(files)
    assert sorted(p.name for p in made.iterdir()) == sorted(f"{name}.html" for name in SITE_PAGES)


def test_entry_pages_count_names_of_merged_entries_as_tei_tool_html_does(tmp_path):
    """A name pointing to a retired entry (merged into another, @sameAs) counts for the entry
    it was merged into, on the register page and on that entry's page."""
    _, out = _build(tmp_path)
    register = out / "tei" / "register.xml"
    register.write_text(register.read_text(encoding="utf-8").replace(
        '<person xml:id="p-kim-il-sung">',
        '<person xml:id="p-old-kim" sameAs="reg:p-kim-il-sung"><persName type="main">Kim</persName>'
        '</person>\n   <person xml:id="p-kim-il-sung">', 1), encoding="utf-8")
    tei = out / "tei" / f"{SOURCES[3].stem}.xml"  # a document naming him
    text = tei.read_text(encoding="utf-8")
    assert 'ref="reg:p-kim-il-sung"' in text
    tei.write_text(text.replace('ref="reg:p-kim-il-sung"', 'ref="reg:p-old-kim"', 1), encoding="utf-8")
    again = build([tmp_path / "src"], out, out / "tei", jobs=2, publish=("html",))
    assert not again.failed, again.report.to_text()
    build_html([out / "tei"], tmp_path / "html")
    assert _pages(out / "html") == _pages(tmp_path / "html")
    page = (out / "html" / "register" / "p-kim-il-sung.html").read_text(encoding="utf-8")
    assert f'href="../{SOURCES[3].stem}.html"' in page
    assert not (out / "html" / "register" / "p-old-kim.html").exists()
