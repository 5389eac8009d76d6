"""One compiled project validator for the schema and validate tests (compiling takes ~0.3 s)."""
from __future__ import annotations

import pytest

from toolchain.validate import Validator


@pytest.fixture(scope="session")
def validator() -> Validator:
    return Validator(schema="project")
