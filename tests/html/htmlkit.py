"""Helpers of the HTML edition tests: parse pages strictly, count words, paths."""
from __future__ import annotations

import collections
import re
import unicodedata
from pathlib import Path

import html5lib
from html5lib import treebuilders
from lxml import etree

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
SEEDS = ROOT / "seeds"
DEVSET = ROOT.parent / "shared" / "devset"
FIXTURES = HERE / "fixtures"
TEI = "{http://www.tei-c.org/ns/1.0}"


def parse_html(data: bytes) -> etree._Element:
    """Parse a page with a conforming HTML5 parser; any parse error raises."""
    parser = html5lib.HTMLParser(strict=True, tree=treebuilders.getTreeBuilder("lxml"),
                                 namespaceHTMLElements=False)
    return parser.parse(data).getroot()


def words(text: str) -> collections.Counter:
    """Word tokens as the edition's scorer counts them (NFKC, lower case, \\w+)."""
    return collections.Counter(re.findall(r"\w+", unicodedata.normalize("NFKC", text).lower()))


def tei_text_words(tei_path: Path) -> collections.Counter:
    """Words of a TEI document's <text>, each text node on its own: the page
    prints brackets between elements, so `[Tsentr]I` is two words there even
    where the TEI string value runs them together."""
    text = etree.parse(str(tei_path)).getroot().find(f"{TEI}text")
    return words(" ".join(text.itertext()))


def page_words(html_path: Path) -> collections.Counter:
    return words(" ".join(parse_html(html_path.read_bytes()).find("body").itertext()))


