"""Fixtures of the HTML edition tests: the seeds and the devset converted and
published once per session, and the site of the hand-written fixtures."""
from __future__ import annotations

from pathlib import Path

import pytest

from htmlkit import DEVSET, FIXTURES, SEEDS
from toolchain.convert import convert_paths
from toolchain.publish.html import build_html


@pytest.fixture(scope="session")
def edition_tei(tmp_path_factory) -> Path:
    """The seeds and (when ../shared is there) the devset, converted into one TEI folder."""
    out = tmp_path_factory.mktemp("tei")
    sources = [SEEDS] + ([DEVSET] if DEVSET.is_dir() else [])
    result = convert_paths(sources, out)
    assert not result.failed, result.report.to_text()
    return out


@pytest.fixture(scope="session")
def site(edition_tei, tmp_path_factory) -> Path:
    """The HTML site of the converted seeds and devset."""
    out = tmp_path_factory.mktemp("site")
    build_html([edition_tei], out)
    return out


@pytest.fixture(scope="session")
def kinds_site(tmp_path_factory) -> Path:
    """The site of the hand-written fixtures (every intervention kind, a retired entry)."""
    out = tmp_path_factory.mktemp("kinds")
    build_html([FIXTURES / "kinds"], out)
    return out
