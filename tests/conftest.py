"""Shared test options and fixtures.

``pytest --accept`` rewrites golden files from the current output instead of
comparing; review the diff with ``git diff tests/`` before committing.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

ROOT = Path(__file__).resolve().parents[1]


def pytest_addoption(parser):
    parser.addoption("--accept", action="store_true",
                     help="rewrite golden files from the current output (then review git diff)")


@pytest.fixture(scope="session")
def accept(request) -> bool:
    return request.config.getoption("--accept")


@pytest.fixture(scope="session")
def tei_all() -> etree.RelaxNG:
    """TEI P5 4.12 tei_all, compiled once per test session (~10 s)."""
    return etree.RelaxNG(etree.parse(str(ROOT / "schema" / "tei_all.rng")))


@pytest.fixture(scope="session")
def project_rng() -> etree.RelaxNG:
    """The project schema (schema/tei-tool.rng, from the ODD), compiled once per test session."""
    return etree.RelaxNG(etree.parse(str(ROOT / "schema" / "tei-tool.rng")))
