"""Where tei-tool finds its own resources (stylesheets, schemas) and the edition."""
from __future__ import annotations

from pathlib import Path

#: The project root: the folder holding toolchain/, xslt/ and schema/.
ROOT = Path(__file__).resolve().parent.parent
XSLT_DIR = ROOT / "xslt"
SCHEMA_DIR = ROOT / "schema"
TEI_ALL_RNG = SCHEMA_DIR / "tei_all.rng"
DEFAULT_TEI_DIR = Path("tei")
REGISTER_NAME = "register.xml"
