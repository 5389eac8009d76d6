"""The build manifest: content hashes of every input and what was made from them.

Like Sphinx's environment, but keyed by content hashes rather than mtimes
(Sphinx issue #11556) and versioned: a manifest of another ``STATE_VERSION``
or from another tool/stylesheet/schema fingerprint is simply not trusted.
It lives in ``OUT/.tei-tool/state.json`` (``STATE_DIR``) and is written atomically at the end
of a successful run, so an interrupted build is redone from the last good one.
"""
from __future__ import annotations

import functools
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from toolchain import __version__, xmlio
from toolchain.paths import ROOT

STATE_VERSION = 1
#: The build's own files in its output folder (this manifest, the lock, caches).
STATE_DIR = ".tei-tool"


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_sha(path: Path) -> str | None:
    """The content hash of ``path`` (None if unreadable), computed once per version of the file
    in this process: a build asks for a TEI file's hash in several stages."""
    try:
        return _file_sha(str(path), xmlio.file_stamp(path))
    except OSError:
        return None


@functools.lru_cache(maxsize=1 << 16)
def _file_sha(path: str, stamp: tuple[int, int, int]) -> str:
    with open(path, "rb") as fh:
        return sha(fh.read())


def fingerprint(*paths: str) -> str:
    """One hash of the files at ``paths`` (relative to the project root; folders recursively)."""
    h = hashlib.sha256(__version__.encode())
    for rel in paths:
        base = ROOT / rel
        files = [base] if base.is_file() else sorted(
            p for p in base.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
        for p in files:
            h.update(str(p.relative_to(ROOT)).encode())
            h.update(p.read_bytes())
    return h.hexdigest()


def fingerprints() -> dict[str, str]:
    """What each stage's outputs depend on besides the documents: its code, stylesheets, schemas."""
    return {
        "convert": fingerprint("toolchain/readers", "toolchain/writers", "toolchain/data",
                               "toolchain/model.py", "toolchain/link.py", "toolchain/register.py",
                               "toolchain/reading.py", "toolchain/sources.py"),
        "validate": fingerprint("toolchain/validate", "schema"),
        "html": fingerprint("toolchain/publish/html.py", "toolchain/publish/site.py",
                            "toolchain/publish/xslt.py", "toolchain/build/site.py", "xslt/common",
                            "xslt/html"),
        "export": fingerprint("toolchain/export.py", "toolchain/export-kinds.xsl", "xslt/common",
                              "toolchain/build/publishing.py", "schema/export.schema.json"),
        "pdf": fingerprint("toolchain/publish/pdf.py", "toolchain/publish/xslt.py", "xslt/common",
                           "xslt/print"),
    }


@dataclass
class DocState:
    """One document: source and TEI hashes, the keys its outputs were made with, its diagnostics."""

    source: str | None = None  # hash of the source page it was converted from
    tei: str | None = None  # hash of the TEI file
    valid_key: str | None = None  # tei + schema + register: validation result is current
    page_key: str | None = None  # the page's own inputs (its neighbours' stems too): it is current
    shown: str = ""  # what the pages next to it show of it (its summary's attributes), hashed
    beside: str = ""  # the ``shown`` of the documents next to it when its page was made
    pdf_key: str | None = None
    export_key: str | None = None  # tei + exporter + names of the entries it points to
    diagnostics: list[dict] = field(default_factory=list)
    date_key: str = ""  # the site's sort key (document date)
    named: list[str] = field(default_factory=list)  # register ids the document points to


@dataclass
class BuildState:
    version: int = STATE_VERSION
    fingerprints: dict[str, str] = field(default_factory=dict)
    docs: dict[str, DocState] = field(default_factory=dict)
    site_key: str | None = None
    volume_key: str | None = None
    export_key: str | None = None
    entry_keys: dict[str, str] = field(default_factory=dict)  # register id -> key of its page

    @classmethod
    def load(cls, path: Path) -> "BuildState":
        """The manifest at ``path``; a missing, unreadable or foreign one means 'rebuild all'."""
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            if raw.get("version") != STATE_VERSION:
                return cls()
            docs = {k: DocState(**v) for k, v in raw.get("docs", {}).items()}
            return cls(STATE_VERSION, raw.get("fingerprints", {}), docs, raw.get("site_key"),
                       raw.get("volume_key"), raw.get("export_key"), raw.get("entry_keys", {}))
        except (OSError, ValueError, TypeError):
            return cls()

    def save(self, path: Path) -> None:
        """Write the manifest (compact JSON: thousands of documents), unless it is unchanged."""
        data = {**vars(self), "docs": {stem: vars(doc) for stem, doc in self.docs.items()}}
        text = json.dumps(data, sort_keys=True, separators=(",", ":")).encode("utf-8")
        try:
            if path.read_bytes() == text:
                return
        except OSError:
            pass
        xmlio.atomic_write(path, text)
