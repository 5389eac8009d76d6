"""The printed volume, read back from the PDF (issue 7, "Must show").

Each check compares what pypdf extracts from the pages with facts taken from
the TEI by lxml, for the converted seeds and for the hand-written fixtures.
"""
from __future__ import annotations

import re
import shutil
from collections import Counter

import pytest

import pypdf

from .conftest import OUTPUT
from .pdftext import contains_run, flat, index_entries, tokens, words_before


def _starts(docs, pdf) -> list[int]:
    """Page where each document starts: its "Document N" heading with its title."""
    starts, page = [], 0
    for i, doc in enumerate(docs, start=1):
        head = tokens(f"Document {i} {doc.title}")
        page = pdf.first_page(lambda t, h=head: contains_run(tokens(t), h), page)
        starts.append(page)
    return starts


def _ranges(docs, pdf):
    """(doc, first page, last page) of every document; the index follows the last one."""
    starts = _starts(docs, pdf)
    index = pdf.first_page(lambda t: t.startswith("Index of persons"), starts[-1])
    ends = [s - 1 for s in starts[1:]] + [index - 1]
    return list(zip(docs, starts, ends))


def test_toc_lists_every_title_with_the_page_where_it_starts(volume):
    docs, pdf = volume.docs, volume.pdf
    toc = pdf.first_page(lambda t: t.startswith("Contents"))
    starts = _starts(docs, pdf)
    toc_text = " ".join(pdf.pages[toc - 1:starts[0] - 1])
    numbers = [int(n) for n in re.findall(r"\.{4,}\s*(\d+)", toc_text)]
    assert len(numbers) == len(docs) + 2          # documents, index, sources
    assert numbers[:len(docs)] == starts
    for doc in docs:
        assert contains_run(tokens(toc_text), tokens(doc.title)), doc.title
    index = pdf.first_page(lambda t: t.startswith("Index of persons"), starts[-1])
    sources = pdf.first_page(lambda t: t.startswith("List of sources"), index)
    assert numbers[len(docs):] == [index, sources]


def test_documents_in_date_order_each_on_a_new_page(volume):
    docs, pdf = volume.docs, volume.pdf
    keys = [d.sort_key for d in docs]
    assert keys == sorted(keys)
    starts = _starts(docs, pdf)
    assert starts == sorted(set(starts))          # distinct pages, in order
    for i, page in enumerate(starts, start=1):    # the heading opens the page's text
        assert re.match(rf"(No\. {i} · .*? )?Document {i} ", pdf.flat[page - 1], re.I)


def test_bookmarks_one_per_document_at_its_first_page(volume):
    docs, pdf = volume.docs, volume.pdf
    marks = dict((t, p) for t, p in pdf.outline())
    for i, (doc, start) in enumerate(zip(docs, _starts(docs, pdf)), start=1):
        title = f"{i}. {doc.date} {doc.title}"
        assert marks.get(title) == start, (title, sorted(marks))


def test_running_heads_on_every_page_of_a_document(volume):
    docs, pdf = volume.docs, volume.pdf
    for i, (doc, first, last) in enumerate(_ranges(docs, pdf), start=1):
        for page in range(first, last + 1):
            assert f"No. {i} · {doc.date} · " in pdf.flat[page - 1], (doc.path.name, page)


def test_each_footnote_on_the_page_of_its_call(volume):
    docs, pdf = volume.docs, volume.pdf
    checked = 0
    for doc, first, last in _ranges(docs, pdf):
        for note in doc.foot_notes():
            body = tokens(flat("".join(
                t for t in note.xpath(".//text()[not(ancestor::*[local-name()='label'])]"))))[:8]
            pages = [p for p in range(first, last + 1) if contains_run(pdf.tokens[p - 1], body)]
            assert pages, (doc.path.name, body)
            before = words_before(note)[-3:]
            assert contains_run(pdf.tokens[pages[0] - 1], before), (doc.path.name, pages[0], before)
            _assert_at_foot(pdf, pages[0], body[:2])
            checked += 1
    assert checked >= 1


BODY_PT = 10   # size of the running text in print.css; notes are smaller


def _assert_at_foot(pdf, page, first_words):
    """The note's text is set small, below every line of running text on its page."""
    chunks = pdf.chunks(page)
    note = [(y, size) for y, size, text in chunks
            if contains_run(tokens(text), first_words) and size < BODY_PT - 0.5]
    assert note, (page, first_words)
    lowest_text = min(y for y, size, _ in chunks if size >= BODY_PT - 0.1)
    assert note[0][0] < lowest_text, (page, first_words)


def test_index_lists_persons_with_the_pages_that_name_them(volume):
    docs, pdf = volume.docs, volume.pdf
    index = pdf.first_page(lambda t: t.startswith("Index of persons"))
    sources = pdf.first_page(lambda t: t.startswith("List of sources"), index)
    entries = index_entries("\n".join(pdf.pages[index - 1:sources - 1]))
    register = _register_names(docs)
    printed: dict[str, set[str]] = {}
    for doc in docs:
        for name in doc.names():
            key = register.get((name.get("ref") or "").removeprefix("reg:")) or flat("".join(name.itertext()))
            printed.setdefault(key, set()).add(flat("".join(name.itertext())))
    assert set(entries) == set(printed)
    for name, pages in entries.items():
        assert pages == sorted(set(pages)), name      # each page once, ascending
        for page in pages:
            first_words = {tokens(form)[0] for form in printed[name] if tokens(form)}
            assert first_words & set(pdf.tokens[page - 1]), (name, page)


def _register_names(docs) -> dict[str, str]:
    """Register id → main name, from the register beside the documents."""
    from lxml import etree

    reg = etree.parse(str(docs[0].path.parent / "register.xml"))
    out = {}
    for entry in reg.iter("{http://www.tei-c.org/ns/1.0}person"):
        main = entry.find("{http://www.tei-c.org/ns/1.0}persName[@type='main']")
        if main is not None:
            out[entry.get("{http://www.w3.org/XML/1998/namespace}id")] = flat("".join(main.itertext()))
    return out


def test_every_word_of_each_document_is_printed(volume):
    docs, pdf = volume.docs, volume.pdf
    for doc, first, last in _ranges(docs, pdf):
        # text nodes apart: "[Tsentr]I" is printed as the source has it, though the
        # TEI string value joins the bracket's word and the next one (guide P8)
        text = " ".join(doc.text.itertext())
        missing = Counter(tokens(text)) - pdf.token_count(first, last)
        assert not missing, (doc.path.name, dict(missing))
        printed = "".join(pdf.pages[first - 1:last])
        for ch in "º’“”–…":                         # characters as published (guide P7)
            assert ch not in text or ch in printed, (doc.path.name, ch)


def test_fonts_embedded_and_metadata_set(volume):
    docs, path = volume.docs, volume.path
    reader = pypdf.PdfReader(str(path))
    meta = reader.metadata
    assert meta.title and meta.author and f"{len(docs)} translated archival records" in meta.subject
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            desc = font["/DescendantFonts"][0].get_object()["/FontDescriptor"] \
                if "/DescendantFonts" in font else font["/FontDescriptor"]
            fonts[font["/BaseFont"]] = any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3"))
    assert fonts and all(fonts.values()), fonts
    assert all("DejaVu" in name for name in fonts), fonts


def test_first_pages_saved_as_images_for_a_look(volume):
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) not installed: scripts/setup.sh installs it")
    images = sorted(OUTPUT.glob(f"{volume.name}-*.png"))
    assert len(images) == min(6, len(volume.pdf.pages))
    assert all(p.stat().st_size > 5000 for p in images)      # not blank
