"""Round trip of the brackets (guide §3.5): TEI → plain text through xslt/common
gives back every square bracket of the source page, with the same words inside.

The converter stores no bracket (the markup says what each one was); the shared
stylesheets print them back. Comparing the bracketed spans of the source page
with those of the rendering guards both ends of that chain, for HTML and print.
"""
from __future__ import annotations

import collections
import re
import unicodedata

import pytest

from htmlkit import DEVSET, FIXTURES, SEEDS
from toolchain.publish.xslt import Transformer

PLAIN = FIXTURES / "plain-text.xsl"
#: The page's e-mail obfuscation sits in the header (rights) and is the editors'
#: intervention, printed with editorial brackets: not a translator's bracket.
EDITOR_ONLY = "[email protected]"


def bracket_spans(text: str) -> collections.Counter:
    """Outermost […] spans, whitespace collapsed, quotes and ellipses unified."""
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("...", "…")
    spans, depth, start = [], 0, 0
    for m in re.finditer(r"[\[\]]", text):
        if m.group() == "[":
            start = m.start() if depth == 0 else start
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                spans.append(" ".join(text[start:m.end()].split()))
    return collections.Counter(spans)


def sources():
    found = sorted(SEEDS.glob("*.txt")) + (sorted(DEVSET.glob("*.txt")) if DEVSET.is_dir() else [])
    return [pytest.param(p, id=p.stem) for p in found]


@pytest.fixture(scope="module")
def transformer():
    return Transformer()


@pytest.mark.parametrize("source", sources())
def test_every_source_bracket_comes_back_from_the_markup(source, edition_tei, transformer):
    tei = edition_tei / f"{source.stem}.xml"
    rendered = transformer.render(PLAIN, {}, transformer.parse(tei.read_bytes(), str(tei)))
    expected = bracket_spans(source.read_text(encoding="utf-8"))
    del expected[EDITOR_ONLY]
    got = bracket_spans(rendered)
    assert got == expected, {"only in source": dict(expected - got), "only rendered": dict(got - expected)}
