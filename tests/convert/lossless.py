"""Word-level losslessness, measured as the edition's scorer does (encoding guide P1, §7).

Source tokens: NFKC, lower case, ``\\w+``, without web furniture lines, the
"Translator's note:" label and the "sic" of "[sic" markers; brackets are removed
before splitting, as the TEI string value joins what they split.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter

from lxml import etree

from toolchain.readers.page import is_furniture

_WORD = re.compile(r"\w+")
_TN_LABEL = re.compile(r"translator[’'`]?s\s+note\s*:", re.I)
_SIC_MARK = re.compile(r"\[\s*sic\b", re.I)


def tokens(text: str) -> Counter:
    return Counter(_WORD.findall(unicodedata.normalize("NFKC", text).lower()))


def source_tokens(text: str) -> Counter:
    kept = [ln for ln in text.splitlines() if not is_furniture(ln)]
    body = _SIC_MARK.sub("[", _TN_LABEL.sub(" ", "\n".join(kept)))
    return tokens(body.replace("[", "").replace("]", ""))


def lost_words(source: str, tei: bytes) -> Counter:
    """Source word tokens missing from the TEI string value (empty when lossless).

    The only brackets left in TEI text are stray ones (``pc[@type='stray']``);
    like the source's brackets they are removed before splitting words.
    """
    root = etree.fromstring(tei)
    text = "".join(root.itertext()).replace("[", "").replace("]", "")
    return source_tokens(source) - tokens(text)
