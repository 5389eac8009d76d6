"""Golden tests: the page of each seed document, normalised, compared with a reviewed copy.

Inputs are frozen copies of the seeds' TEI (tests/html/golden/*.xml with their
register.xml), so converter changes do not churn these goldens. Regenerate:
  inputs:   .venv/bin/tei-tool convert seeds --out tests/html/golden
  expected: .venv/bin/python -m pytest tests/html/test_html_golden.py --accept
then review `git diff tests/html/golden`.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from htmlkit import HERE, parse_html
from toolchain.publish.html import build_html

GOLDEN = HERE / "golden"
INPUTS = sorted(p for p in GOLDEN.glob("*.xml") if p.name != "register.xml")
BLOCK_TAGS = ("p", "div", "section", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "tr",
              "table", "thead", "tbody", "meta", "link", "title", "head", "body", "header",
              "footer", "nav", "main", "caption")


def normalise(html: str) -> str:
    """One block-level tag per line, so a diff shows which part of the page changed."""
    return re.sub(r"<(/?)(%s)\b" % "|".join(BLOCK_TAGS), r"\n<\1\2", html).strip() + "\n"


@pytest.fixture(scope="module")
def golden_site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("golden-site")
    build_html(INPUTS, out)
    return out


def test_there_is_one_golden_per_seed():
    seeds = {p.stem for p in (HERE.parents[1] / "seeds").glob("*.txt")}
    assert {p.stem for p in INPUTS} == seeds


@pytest.mark.parametrize("tei", INPUTS, ids=[p.stem for p in INPUTS])
def test_document_page_matches_golden(golden_site, tei, accept):
    actual = normalise((golden_site / f"{tei.stem}.html").read_text(encoding="utf-8"))
    parse_html(actual.encode("utf-8"))  # the normalised form is still valid HTML5
    expected_path = GOLDEN / f"{tei.stem}.html"
    if accept or not expected_path.exists():
        expected_path.write_text(actual, encoding="utf-8")
        if not accept:
            pytest.fail(f"{expected_path.name} was missing; written, review it and rerun")
    assert actual == expected_path.read_text(encoding="utf-8")
