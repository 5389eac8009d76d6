"""Safe XML reading and careful file writing shared by every stage.

* ``parse_xml`` never loads a DTD, never expands external entities, never
  touches the network and refuses entity blow-ups (billion laughs) and absurd
  nesting, so a hostile TEI file cannot make tei-tool leak or hang.
* ``atomic_write`` writes a temporary file next to the target and renames it,
  so an interrupted run leaves the old file or the new one, never half of one.
* Generated files carry a fingerprint (``GENERATED_MARK``) of their own content;
  ``check_not_edited`` refuses to overwrite a file whose content no longer
  matches it, i.e. one an editor changed by hand.
"""
from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterator, TextIO

from lxml import etree

from toolchain.errors import EditedFileError, InputError, Location, UsageError

#: Largest XML file tei-tool reads (bytes). TEI of one record is a few hundred KB.
MAX_XML_BYTES = 50 * 1024 * 1024
#: Deepest element nesting accepted (TEI editions need a few dozen levels): libxml2's own
#: limit when huge_tree is off, so a 100,000-deep document is refused early, at no cost.
MAX_DEPTH = 256

GENERATED_MARK = "generated-sha256:"
_MARK_RE = re.compile(re.escape(GENERATED_MARK).encode() + rb"([0-9a-f]{64})")
_PLACEHOLDER = b"0" * 64


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=False,
    )


def _check_doctype(data: bytes, path: str) -> None:
    """Refuse internal subsets: TEI needs none, and entity bombs live there."""
    head = data[:4096]
    if b"<!DOCTYPE" in head and b"[" in head.split(b"<!DOCTYPE", 1)[1].split(b">", 1)[0] + b">":
        raise InputError("DOCTYPE with an internal subset (entity declarations) is not accepted",
                         Location(path, 1, 1))
    if b"<!ENTITY" in data:
        raise InputError("entity declarations are not accepted", Location(path))


def parse_bytes(data: bytes, path: str = "<string>") -> etree._ElementTree:
    """Parse XML bytes safely; raise InputError with file:line:col on any problem."""
    if len(data) > MAX_XML_BYTES:
        raise InputError(f"file is larger than {MAX_XML_BYTES // (1024 * 1024)} MB", Location(path))
    if not data.strip():
        raise InputError("file is empty", Location(path))
    _check_doctype(data, path)
    try:
        root = etree.fromstring(data, _parser(), base_url=path)
    except etree.XMLSyntaxError as exc:
        line, col = exc.position if exc.position else (None, None)
        msg = (exc.msg or str(exc)).split(f"{path}:")[0].strip() or "not well-formed XML"
        if msg.startswith("Excessive depth"):  # libxml2's own limit (no huge_tree): MAX_DEPTH
            raise InputError(f"elements nested more than {MAX_DEPTH} deep", Location(path, line, col)) from None
        raise InputError(f"not well-formed XML: {msg}", Location(path, line, col)) from None
    return root.getroottree()


def parse_xml(path: str | os.PathLike) -> etree._ElementTree:
    """Read and parse an XML file safely (see module docstring)."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_XML_BYTES:
            raise InputError(f"file is larger than {MAX_XML_BYTES // (1024 * 1024)} MB",
                             Location(str(p)))
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror}", Location(str(p))) from None
    return parse_bytes(data, str(p))


# ---------------------------------------------------------------- writing

def atomic_write(path: str | os.PathLike, data: bytes, durable: bool = True) -> None:
    """Write ``data`` to ``path`` through a temporary file and an atomic rename.

    The rename alone keeps a killed run from leaving half a file; ``durable``
    also flushes the data to disk first (for files editors own: TEI, register),
    which generated pages, cheap to make again, skip.
    """
    target = Path(path)
    _replace(write_temp(target, data, durable), target)


@contextmanager
def atomic_text(path: str | os.PathLike, durable: bool = True) -> Iterator[TextIO]:
    """A text file (UTF-8, newlines as written) that replaces ``path`` atomically when the
    block ends without error: for outputs written piece by piece, never held whole."""
    target = Path(path)
    with _temp_beside(target, durable, text=True) as (fh, tmp):
        yield fh
    _replace(tmp, target)


def write_temp(target: Path, data: bytes, durable: bool = False) -> Path:
    """Write ``data`` to a new temporary file beside ``target`` (see ``replace_all``)."""
    with _temp_beside(target, durable, text=False) as (fh, tmp):
        fh.write(data)
    return tmp


@contextmanager
def atomic_path(path: str | os.PathLike) -> Iterator[Path]:
    """The path of a new temporary file beside ``path``, for a writer that opens files by
    name (Saxon serialising a page): renamed onto ``path`` when the block ends without
    error, removed otherwise."""
    target = Path(path)
    fd, tmp = _new_temp(target)
    os.close(fd)
    try:
        yield tmp
    except BaseException:
        _unlink(tmp)
        raise
    _replace(tmp, target)


def _new_temp(target: Path) -> tuple[int, Path]:
    """A new temporary file ``.<name>.<random>.tmp`` beside ``target`` (``remove_stale_temps``
    knows the pattern): its descriptor and path. Its folder is made if missing (a file in
    the way is a usage error: ``check_output_folder``)."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        check_output_folder(target.parent)  # names the file in the way
        raise
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    return fd, Path(tmp)


@contextmanager
def _temp_beside(target: Path, durable: bool, text: bool) -> Iterator[tuple[IO, Path]]:
    """A new temporary file beside ``target`` (``_new_temp``), open for writing; flushed to
    disk at the end when ``durable``, removed if the block fails."""
    fd, tmp = _new_temp(target)
    try:
        with (os.fdopen(fd, "w", encoding="utf-8", newline="") if text else os.fdopen(fd, "wb")) as fh:
            yield fh, tmp
            if durable:
                fh.flush()
                os.fsync(fh.fileno())
    except BaseException:
        _unlink(tmp)
        raise


def _replace(tmp: Path, target: Path) -> None:
    try:
        os.replace(tmp, target)
    except BaseException:
        _unlink(tmp)
        raise


def replace_all(pairs: list[tuple[Path, Path]], durable: bool = True) -> None:
    """Rename temporary files (``write_temp``) onto their targets, after one flush of all of
    them to disk when ``durable``: a batch of a thousand TEI files costs one sync instead of
    a thousand. A run killed before the renames leaves only temporary files, which the next
    run removes (``remove_stale_temps``)."""
    if durable and pairs:
        os.sync()
    for tmp, target in pairs:
        os.replace(tmp, target)


def _unlink(path: str | os.PathLike) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


def remove_stale_temps(folder: str | os.PathLike) -> int:
    """Delete temporary files an interrupted run left behind (``.<name>.<random>.tmp``)."""
    count = 0
    for tmp in Path(folder).rglob(".*.tmp"):
        try:
            tmp.unlink()
            count += 1
        except OSError:
            pass
    return count


def stamp_generated(data: bytes) -> bytes:
    """Fill the fingerprint placeholder in ``data`` with the hash of the content.

    The serialised document must contain ``GENERATED_MARK`` followed by 64 zeros.
    """
    digest = hashlib.sha256(data).hexdigest().encode()
    return data.replace(GENERATED_MARK.encode() + _PLACEHOLDER, GENERATED_MARK.encode() + digest, 1)


def placeholder_mark() -> str:
    """The text to put in a generated document before ``stamp_generated``."""
    return GENERATED_MARK + _PLACEHOLDER.decode()


def is_hand_edited(data: bytes) -> bool:
    """True when a generated file's content no longer matches its fingerprint.

    A file without a fingerprint was not written by tei-tool (or the editor
    removed it), so it counts as edited too.
    """
    m = _MARK_RE.search(data)
    if not m:
        return True
    unstamped = data[: m.start(1)] + _PLACEHOLDER + data[m.end(1):]
    return hashlib.sha256(unstamped).hexdigest().encode() != m.group(1)


def check_not_edited(path: str | os.PathLike, force: bool = False) -> None:
    """Raise EditedFileError when ``path`` exists and was edited by hand.

    With ``force`` the edited file is kept as ``<name>.bak`` before it is replaced.
    """
    p = Path(path)
    if not p.exists():
        return
    if not is_hand_edited(p.read_bytes()):
        return
    if force:
        shutil.copy2(p, p.with_name(p.name + ".bak"))
        return
    raise EditedFileError(
        "edited by hand since it was generated (content no longer matches its "
        "generated-sha256 fingerprint); not overwritten, use --force to replace it "
        "(a .bak copy is kept)",
        Location(str(p)),
    )


def file_stamp(path: str | os.PathLike) -> tuple[int, int, int]:
    """What changes whenever a file is written (an atomic write makes a new inode): a cache
    keyed on it never serves an older version of the file. Raises OSError."""
    st = os.stat(path)
    return st.st_ino, st.st_mtime_ns, st.st_size


def check_output_folder(path: str | os.PathLike) -> Path:
    """An output folder a command may make: one that exists as a folder, or whose nearest
    existing ancestor is a folder. A file in the way is a usage error naming it, before
    anything is written (not a traceback from the first write)."""
    p = Path(path)
    existing = next((q for q in (p, *p.parents) if q.exists()), None)
    if existing is not None and not existing.is_dir():
        raise UsageError(f"{existing} exists and is not a folder")
    return p


def confined_path(root: str | os.PathLike, name: str) -> Path:
    """Join ``name`` under ``root`` and refuse anything that escapes it."""
    base = Path(root).resolve()
    safe = re.sub(r"[\x00-\x1f\x7f/\\:*?\"<>|]", "-", Path(name).name)
    safe = re.sub(r"^[.-]", "_", safe)
    if safe in ("", ".", "..") or len(safe.encode("utf-8")) > 240:
        raise InputError(f"unusable output name {name!r}")
    out = (base / safe).resolve()
    if base != out.parent:
        raise InputError(f"output name {name!r} escapes {base}")
    return out
