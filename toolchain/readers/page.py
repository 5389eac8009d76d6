"""Zoning a WCDA page: which lines are furniture, header, body, summary, document information.

A page (encoding guide §2.1) prints, in this order and each part optional:
web furniture, a date line, the title, the funder line, sometimes a citation
widget (summary + citation string), the document itself, the summary, and
"Document Information" (labels and values). Parts are recognised by their
shape, never by line number.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from toolchain.readers.dates import parse_full_date
from toolchain.readers.source import Line

#: Web-page furniture (guide §2.1 row 1), compared case-insensitively with bullets removed.
FURNITURE = frozenset({
    "skip to content", "search in", "add search filter cancel search filter",
    "digital archive international history declassified", "citation share download",
    "citation", "get citation", "share document", "share", "download", "view document in",
    "english html", "cite",
})
_URL_LINE = re.compile(r"^https?://\S+$")
FUNDER_PREFIX = re.compile(r"^This document was made possible with support from\s+", re.I)

#: Labels of the page's metadata section. The section starts at the first of them.
INFO_LABELS = (
    "Document Information", "Source", "Original Archive", "Contributed by", "Translated by",
    "Rights", "Original Uploaded Date", "Type", "Language", "Original Language", "Record ID",
    "Subjects", "Subjects Discussed", "Donors", "Author(s)", "Associated Places",
    "Associated People & Organizations", "Associated People and Organizations",
    "Associated Topics", "Related Documents", "Keywords", "Citation",
)
_INFO_LABEL = re.compile(r"^(%s)\s*:?$" % "|".join(re.escape(x) for x in INFO_LABELS), re.I)
#: Labels that can only belong to the metadata section (a body line never is one of these).
_TAIL_START = {"Document Information", "Author(s)", "Associated Places",
               "Associated People & Organizations", "Associated People and Organizations",
               "Associated Topics", "Related Documents", "Subjects Discussed"}


def is_furniture(text: str) -> bool:
    """A line of web furniture, its bullet (``•``, ``- Download``) or trailing dash
    (``CITATION SHARE DOWNLOAD-``) aside."""
    norm = " ".join(text.replace("\u2022", " ").split()).lower().strip("- ")
    return norm in FURNITURE or bool(_URL_LINE.match(text.strip()))


_CANONICAL = {label.lower(): label for label in INFO_LABELS}


def info_label(text: str) -> str | None:
    """The metadata label a line is (in its usual spelling), or None."""
    m = _INFO_LABEL.match(text.strip())
    return _CANONICAL[m.group(1).lower()] if m else None


@dataclass
class Zones:
    """The page cut into its parts; every non-furniture line is in exactly one part."""

    furniture: list[Line] = field(default_factory=list)
    top_summary: list[Line] = field(default_factory=list)
    date_line: Line | None = None
    title: Line | None = None
    funder: Line | None = None
    widget: list[Line] = field(default_factory=list)
    body: list[Line] = field(default_factory=list)
    summary: list[Line] = field(default_factory=list)
    info: list[Line] = field(default_factory=list)


def zone_page(lines: list[Line]) -> Zones:
    """Cut a page into zones (see module docstring)."""
    z = Zones()
    content: list[Line] = []
    in_widget = False
    for ln in lines:
        if ln.blank:
            content.append(ln)
            continue
        if is_furniture(ln.text):
            z.furniture.append(ln)
            low = " ".join(ln.text.replace("\u2022", " ").split()).lower().strip("- ")
            if low == "get citation":
                in_widget = True
            elif low in ("share document", "view document in"):
                in_widget = False
            continue
        if in_widget:
            pieces, button = _widget_pieces(ln)
            z.widget += pieces
            z.furniture += button
            continue
        content.append(ln)

    if not z.widget:
        content = _bare_widget(z, content)
    rest = _take_preamble(z, content)
    tail = next((i for i, ln in enumerate(rest) if info_label(ln.text) in _TAIL_START), None)
    if tail is None:
        z.body = rest
        return z
    z.info = [ln for ln in rest[tail:] if not ln.blank]
    body = rest[:tail]
    _split_summary(z, body)
    return z


#: The citation string of the widget (``"Discussion between N.S. Khrushchev and Mao Zedong,"
#: October 02, 1959, History and Public Policy Program Digital Archive, ...``).
_CITATION_STRING = r"[\"“][^\"”]{10,}[\"”],? [A-Z][a-z]+ \d{1,2}, \d{4}, "
_CITATION = re.compile("^" + _CITATION_STRING)


#: A citation string glued to the summary before it (``... to North Vietnam."Telegram, Embassy
#: of Hungary ...," October 29, 1971, ...``), as pages flattened by their capture print it.
_GLUED_CITATION = re.compile(r"(?<=[.!?])" + _CITATION_STRING)
#: A button of the widget glued to the end of the citation (``.../document/116616 - Share``).
_GLUED_BUTTON = re.compile(r"\s+-\s*(?:Share|Download)$")


def _widget_pieces(ln: Line) -> tuple[list[Line], list[Line]]:
    """A line of the citation widget as its parts: the summary and the citation string when
    the capture glued them, and apart from them a button glued to its end (furniture)."""
    text, button = ln.text, []
    m = _GLUED_BUTTON.search(text)
    if m:
        lead = len(m.group()) - len(m.group().lstrip())
        button = [Line(ln.no, m.group().strip(), ln.col + m.start() + lead)]
        text = text[:m.start()]
    m = _GLUED_CITATION.search(text)
    if m is None:
        return [Line(ln.no, text, ln.col)], button
    return [Line(ln.no, text[:m.start()], ln.col), Line(ln.no, text[m.start():], ln.col + m.start())], button


def _bare_widget(z: Zones, content: list[Line]) -> list[Line]:
    """A citation widget printed without its ``get citation`` button (some stored pages start at
    the date): the indented citation string among the first lines, with the indented summary
    right above it. Returns ``content`` without them."""
    filled = [ln for ln in content if not ln.blank][:6]
    at = next((i for i, ln in enumerate(filled) if ln.col > 1 and _CITATION.match(ln.text)), None)
    if at is None:
        return content
    first = at - 1 if at and filled[at - 1].col > 1 and not parse_full_date(filled[at - 1].text, whole=True,
                                                                             partial=True) else at
    z.widget = filled[first:at + 1]
    taken = {ln.no for ln in z.widget}
    return [ln for ln in content if ln.no not in taken]


def _take_preamble(z: Zones, content: list[Line]) -> list[Line]:
    """Fill the date line, title and funder line; return the lines after them."""
    filled = [ln for ln in content if not ln.blank]
    date_idx = None
    for i, ln in enumerate(filled[:6]):
        if parse_full_date(ln.text, whole=True, partial=True):
            date_idx = i
            break
    if date_idx is None:
        return _title_and_funder(z, content, filled)
    z.top_summary = filled[:date_idx]
    z.date_line = filled[date_idx]
    pos = date_idx + 1
    for _ in range(2):
        if pos >= len(filled):
            break
        ln = filled[pos]
        if FUNDER_PREFIX.match(ln.text) and z.funder is None:
            z.funder = ln
        elif z.title is None and z.funder is None and not _looks_like_opener(ln.text) \
                and not (z.widget and ln.no > z.widget[0].no):  # the title is the citation's then
            z.title = ln
        else:
            break
        pos += 1
    last = filled[pos - 1]
    return [ln for ln in content if ln.no > last.no]


def _title_and_funder(z: Zones, content: list[Line], filled: list[Line]) -> list[Line]:
    """A page without its date line (the capture starts at the title): the title is the line
    right above the funder line near the top; the date comes from the citation then."""
    at = next((i for i, ln in enumerate(filled[:4]) if FUNDER_PREFIX.match(ln.text)), None)
    if not at or _looks_like_opener(filled[at - 1].text):
        return content
    z.top_summary, z.title, z.funder = filled[:at - 1], filled[at - 1], filled[at]
    return [ln for ln in content if ln.no > z.funder.no]


def _looks_like_opener(text: str) -> bool:
    """A title is a sentence-like line; the opener starts with stamps or markings."""
    return text.startswith("[") or text.isupper() and len(text.split()) <= 3


_NOT_SUMMARY = re.compile(r"^(\d+\s*[-–.]\s|\[|\*+\)|[xX]\)|Nº|No\.|Signed\b)")


def _split_summary(z: Zones, body: list[Line]) -> None:
    """The last prose paragraph before the metadata section is the page's summary."""
    nonblank = [i for i, ln in enumerate(body) if not ln.blank]
    if not nonblank:
        z.body = body
        return
    last = body[nonblank[-1]]
    words = last.text.split()
    # a summary may lack its full stop; it then follows a short line (a signature, a date)
    ended = last.text[-1:] in ".!?”\"’)" or len(words) >= 12 and len(nonblank) > 1 \
        and len(body[nonblank[-2]].text.split()) <= 8
    if len(words) >= 8 and not _NOT_SUMMARY.match(last.text) and ended and len(nonblank) > 1:
        z.summary = [last]
        z.body = body[: nonblank[-1]]
    else:
        z.body = body
