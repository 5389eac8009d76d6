"""The built site of the seeds and the devset: HTML5, links, words, structure."""
from __future__ import annotations

import re
import urllib.parse
from pathlib import Path

import pytest

from htmlkit import page_words, parse_html, tei_text_words

SITE_PAGES = ("index.html", "about.html", "register.html")


def pages(site: Path) -> list[Path]:
    return sorted(site.glob("*.html"))


def doc_pages(site: Path) -> list[Path]:
    return [p for p in pages(site) if p.name not in SITE_PAGES]


def test_one_page_per_document_plus_site_pages(site, edition_tei):
    stems = {p.stem for p in edition_tei.glob("*.xml")} - {"register"}
    assert {p.stem for p in doc_pages(site)} == stems
    for name in SITE_PAGES + ("edition.css", "register.xml"):
        assert (site / name).is_file(), name
    for stem in stems:  # the TEI is copied next to its page, byte for byte
        assert (site / f"{stem}.xml").read_bytes() == (edition_tei / f"{stem}.xml").read_bytes()


def test_every_page_parses_as_html5_without_errors(site):
    for page in pages(site):
        root = parse_html(page.read_bytes())  # strict html5lib: raises on any parse error
        assert root.get("lang") == "en", page.name
        assert page.read_bytes().startswith(b"<!DOCTYPE"), page.name


def test_no_broken_internal_link_or_anchor(site):
    ids = {p.name: {e.get("id") for e in parse_html(p.read_bytes()).iter() if e.get("id")}
           for p in pages(site)}
    checked = 0
    for page in pages(site):
        for a in parse_html(page.read_bytes()).iter("a", "link"):
            href = a.get("href")
            url = urllib.parse.urlsplit(href)
            if url.scheme or url.netloc:
                continue
            target = url.path or page.name
            assert (site / target).is_file(), f"{page.name}: {href}"
            if url.fragment:
                assert url.fragment in ids[target], f"{page.name}: {href}"
            checked += 1
    assert checked > 100


def test_ids_are_unique_on_every_page(site):
    for page in pages(site):
        all_ids = [e.get("id") for e in parse_html(page.read_bytes()).iter() if e.get("id")]
        assert len(all_ids) == len(set(all_ids)), page.name


def test_every_word_of_the_tei_text_is_on_its_page(site, edition_tei):
    for page in doc_pages(site):
        missing = tei_text_words(edition_tei / f"{page.stem}.xml") - page_words(page)
        assert not missing, f"{page.name}: {dict(missing)}"


def test_notes_are_numbered_from_one_on_every_page(site):
    numbered = 0
    for page in doc_pages(site):
        root = parse_html(page.read_bytes())
        values = [int(li.get("value")) for li in root.xpath("//ol[@class='notes']/li")]
        assert values == list(range(1, len(values) + 1)), page.name
        labels = [a.get("aria-label") for a in root.xpath("//section[@class='text']//a[contains("
                                                           "@class, 'note-call')]")]
        assert [int(re.search(r"(\d+)\)$", a).group(1)) for a in labels] == values, page.name
        numbered += len(values)
    assert numbered >= 3


def test_one_h1_and_headings_in_order(site):
    for page in pages(site):
        levels = [int(h.tag[1]) for h in parse_html(page.read_bytes()).iter("h1", "h2", "h3", "h4")]
        assert levels.count(1) == 1 and levels[0] == 1, page.name
        assert all(b <= a + 1 for a, b in zip(levels, levels[1:])), (page.name, levels)


def test_landmarks_on_every_page(site):
    for page in pages(site):
        root = parse_html(page.read_bytes())
        assert len(root.findall(".//main")) == 1, page.name
        assert root.find(".//header") is not None and root.find(".//footer") is not None
        assert root.find(".//nav[@aria-label='Site']") is not None


def test_index_lists_every_document_in_date_order(site):
    root = parse_html((site / "index.html").read_bytes())
    rows = root.findall(".//table[@class='documents']/tbody/tr")
    assert len(rows) == len(doc_pages(site))
    hrefs = [r.find(".//a").get("href") for r in rows]
    assert sorted(hrefs) == sorted(p.name for p in doc_pages(site))
    dates = [t.get("datetime") for r in rows for t in r.iter("time")]
    assert len(dates) >= len(rows) - 2 and dates == sorted(dates)
    assert root.find(".//th[@aria-sort='ascending']").text == "Date"


def test_citation_meta_tags(site, edition_tei):
    for page in doc_pages(site):
        meta = {m.get("name"): m.get("content")
                for m in parse_html(page.read_bytes()).iter("meta") if m.get("name")}
        for name in ("citation_title", "citation_publisher", "DC.title", "DC.publisher",
                     "DC.identifier"):
            assert meta.get(name), (page.name, name)
        assert meta["citation_title"] == meta["DC.title"]
        assert re.fullmatch(r"\d{4}(/\d\d(/\d\d)?)?", meta["citation_date"]), page.name


def test_register_back_links_reach_every_naming_document(site):
    register = parse_html((site / "register.html").read_bytes())
    entries = register.findall(".//li[@class]")
    entries = [e for e in entries if "reg-entry" in e.get("class")]
    assert len(entries) > 20
    for entry in entries:
        xid = entry.get("id")
        (to_page,) = [a for a in entry.iter("a")]  # the count of documents links to its page
        assert to_page.get("href") == f"register/{xid}.html"
        page = parse_html((site / to_page.get("href")).read_bytes())
        assert page.find(".//h1").text == entry.find("p[@class='reg-name']").text
        assert page.xpath(f"//a[@href='../register.html#{xid}']")  # and back to the entry
        back = [a.get("href") for a in page.find(".//ul[@class='reg-docs']").iter("a")]
        n = int(to_page.text.split()[0])
        assert len(back) == n and to_page.text == f"{n} document{'s' if n > 1 else ''}"
        for href in back:  # each document it lists really links back to the entry
            doc = parse_html((site / "register" / href).read_bytes())
            assert any(a.get("href") == f"register.html#{xid}" for a in doc.iter("a"))
        for a in page.iter("a"):  # the page's other links (site navigation, style) work too
            href = a.get("href")
            assert href.startswith("#") or (site / "register" / href.split("#")[0]).resolve().is_file(), href
        assert (site / "register" / page.find(".//link").get("href")).resolve().is_file()


def test_pdf_linked_only_when_it_exists(edition_tei, tmp_path):
    from toolchain.publish.html import build_html

    stem = sorted(p.stem for p in edition_tei.glob("0*.xml"))[0]
    (tmp_path / f"{stem}.pdf").write_bytes(b"%PDF-1.4\n")
    build_html([edition_tei / f"{stem}.xml", edition_tei / "d01.xml"], tmp_path)
    hrefs = lambda name: [a.get("href") for a in parse_html((tmp_path / name).read_bytes()).iter("a")]
    assert f"{stem}.pdf" in hrefs(f"{stem}.html")
    assert "d01.pdf" not in hrefs("d01.html")


@pytest.mark.parametrize("page", ["about.html"])
def test_about_page_comes_from_encoding_desc(site, page):
    text = " ".join(parse_html((site / page).read_bytes()).itertext())
    assert "Web-page furniture" in text and "printed back by the renderer" in text


def test_progress_counts_every_page_made(edition_tei, tmp_path, monkeypatch):
    """``tei-tool html`` reports its progress a run at a time (a terminal shows a bar):
    each stage ends with every page counted."""
    from toolchain.publish import site as pages
    from toolchain.publish.html import build_html

    monkeypatch.setattr(pages, "RUN", 4)  # several runs, even for a small edition
    seen: list[tuple[str, int, int]] = []
    out = tmp_path / "site"
    build_html([edition_tei], out, progress=lambda *step: seen.append(step))
    documents = len(doc_pages(out))
    entries = len(list((out / "register").glob("*.html")))
    steps = {stage: [(done, total) for s, done, total in seen if s == stage] for stage, _, _ in seen}
    assert list(steps) == ["render pages", "render entry pages"]
    for stage, count in (("render pages", documents), ("render entry pages", entries)):
        done = [d for d, _ in steps[stage]]
        assert len(done) > 1 and done == sorted(done) and done[-1] == count
        assert {total for _, total in steps[stage]} == {count}
