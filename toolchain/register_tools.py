"""Register maintenance for editors: ``register report`` and ``register merge`` (guide §4).

The converter links names as it writes the TEI; what it cannot decide is left
to an editor. The report lists that work (names without a register id,
pointers to ids the register lacks, candidate entries awaiting review, entries
that are probably one person, entries no document uses); the merge applies an
editor's decision to the register and to every document at once.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Iterable, Sequence

from lxml import etree

from toolchain import xmlio
from toolchain.errors import Location, UsageError
from toolchain.paths import REGISTER_NAME
from toolchain.register import (
    KIND_LIST, TEI_NS, Register, fold, likely_same_person, neighbour_keys)

#: Elements of a document that name a register entry, and the kind of entry.
NAME_KINDS = {"persName": "person", "orgName": "org", "placeName": "place",
              "repository": "org", "funder": "org"}
#: Attributes that hold ``reg:`` pointers to register entries.
POINTER_ATTRS = ("ref", "sameAs")
REG = "reg:"
_MARK = re.compile(re.escape(xmlio.GENERATED_MARK).encode() + rb"[0-9a-f]{64}")


def _local(el: etree._Element) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def reg_ids(value: str | None) -> list[str]:
    """The register ids in a pointer attribute (``"reg:p-a reg:p-b"``)."""
    return [t[len(REG):] for t in (value or "").split() if t.startswith(REG)]


@dataclass(frozen=True)
class Mention:
    """One name in one document: what it says, which entry it points to, where it is."""

    kind: str
    text: str
    ref: str | None
    path: str
    line: int | None

    def where(self) -> str:
        return str(Location(self.path, self.line))


def document_mentions(tree: etree._ElementTree, path: str) -> list[Mention]:
    """Every name of a document (header and text) and every participant pointer, in order."""
    mentions = []
    for el in tree.getroot().iter(*(f"{{{TEI_NS}}}{n}" for n in (*NAME_KINDS, "person"))):
        name = _local(el)
        if name == "person":  # particDesc: <person role=… sameAs="reg:…"/>
            mentions += [Mention("person", "", xid, path, el.sourceline) for xid in reg_ids(el.get("sameAs"))]
            continue
        text = " ".join("".join(el.itertext()).split())
        ids = reg_ids(el.get("ref"))
        if name in ("repository", "funder") and not ids:
            continue  # header fields that may legitimately name no entry
        mentions += [Mention(NAME_KINDS[name], text, xid, path, el.sourceline) for xid in ids] or \
            [Mention(NAME_KINDS[name], text, None, path, el.sourceline)]
    return mentions


def find_register(tei_files: Sequence[Path], register: Path | None) -> Path:
    """The register file: ``register`` when given, else register.xml next to the first document."""
    path = register or tei_files[0].parent / REGISTER_NAME
    if not path.is_file():
        raise UsageError(f"no {REGISTER_NAME} here (give --register)", Location(str(path)))
    return path


def load_documents(paths: Iterable[Path], register: Path | None = None
                   ) -> tuple[list[tuple[Path, etree._ElementTree]], Register]:
    """Parse the TEI documents named by ``paths`` (files or folders) and their register.

    Documents are parsed first, so a broken or hostile document is reported
    as such even when the register is missing too.
    """
    from toolchain.publish.html import collect_tei_paths

    files = [p for p in collect_tei_paths(paths) if p.name != REGISTER_NAME]
    if not files:
        raise UsageError("no TEI documents given (only a register)")
    docs = [(p, xmlio.parse_xml(p)) for p in files]
    reg_path = find_register(files, register)
    return docs, Register(xmlio.parse_xml(reg_path), reg_path)


# ---------------------------------------------------------------- report

def entry_kind(el: etree._Element) -> str:
    return next(k for k, v in KIND_LIST.items() if _local(el) == v[1])


def entry_names(el: etree._Element) -> list[str]:
    """Main name first, then the variants, whitespace normalised."""
    names = [" ".join("".join(n.itertext()).split()) for n in el if _local(n) == KIND_LIST[entry_kind(el)][2]]
    return [n for n in names if n]


def is_candidate(el: etree._Element) -> bool:
    return el.getparent().get("type") == "candidates"


@dataclass
class MergeCandidate:
    """Two entries that probably describe one person (or organisation, place)."""

    a: str
    b: str
    reason: str
    names: dict[str, list[str]]
    documents: dict[str, list[str]]


@dataclass
class RegisterReport:
    """The editor's to-do list for the register (see module docstring)."""

    register: str
    documents: int
    unlinked: list[Mention] = field(default_factory=list)
    unresolved: list[Mention] = field(default_factory=list)
    retired: list[Mention] = field(default_factory=list)
    candidates: list[dict] = field(default_factory=list)
    merges: list[MergeCandidate] = field(default_factory=list)
    unused: list[dict] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        """Pointers to missing entries break the edition; the rest is review work."""
        return bool(self.unresolved)

    def to_dict(self) -> dict:
        return asdict(self)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=1)

    def to_text(self) -> str:
        out = [f"register {self.register}, {self.documents} documents"]

        def section(title: str, rows: list[str]) -> None:
            out.append(f"\n{title} ({len(rows)})")
            out.extend(f"  {r}" for r in rows)

        section("unlinked names", [f"{m.where()}: {m.kind} {m.text!r}" for m in self.unlinked])
        section("pointers to missing entries", [f"{m.where()}: reg:{m.ref} ({m.kind} {m.text!r})"
                                                for m in self.unresolved])
        section("pointers to merged entries (rerun register merge with these documents)", [
            f"{m.where()}: reg:{m.ref} (merged into {m.text})" for m in self.retired])
        section("candidate entries awaiting review", [
            f"{c['id']}: {c['name']!r} in {', '.join(c['documents']) or 'no document'}"
            for c in self.candidates])
        section("candidate merges", [
            f"{m.a} {m.names[m.a][0]!r} / {m.b} {m.names[m.b][0]!r}: {m.reason}; "
            f"{m.a} in {', '.join(m.documents[m.a]) or 'no document'}; "
            f"{m.b} in {', '.join(m.documents[m.b]) or 'no document'}" for m in self.merges])
        section("entries never used", [f"{u['id']}: {u['name']!r}" for u in self.unused])
        return "\n".join(out)


def _words(name: str) -> str:
    """An organisation or place name as its folded words in sorted order (CC CPSU = CPSU CC)."""
    return " ".join(sorted(fold(name).split()))


def _likely_same(kind: str, names_a: list[str], names_b: list[str]) -> str | None:
    """Why two entries probably describe one thing (first reason found), or None."""
    for a in names_a:
        for b in names_b:
            if kind == "person":
                reason = likely_same_person(a, b)
            else:
                reason = ("same name once normalised" if fold(a) == fold(b) else
                          "same words in another order" if _words(a) == _words(b) else None)
            if reason:
                return f"{reason} ({a!r} / {b!r})" if (a, b) != (names_a[0], names_b[0]) else reason
    return None


def merge_candidates(register: Register, used_in: dict[str, list[str]]) -> list[MergeCandidate]:
    """Pairs of live entries of one kind whose names look like variants of each other.

    Only entries sharing a key (``neighbour_keys`` for persons, the sorted folded
    words otherwise) are compared, so a register of thousands stays fast.
    """
    live = [(xid, el) for xid, el in register.entries.items() if not el.get("sameAs")]
    order = {xid: i for i, (xid, _) in enumerate(live)}
    names = {xid: entry_names(el) for xid, el in live}
    kinds = {xid: entry_kind(el) for xid, el in live}
    buckets: dict[tuple[str, str], set[str]] = defaultdict(set)
    for xid, _ in live:
        for name in names[xid]:
            keys = neighbour_keys(name) if kinds[xid] == "person" else {_words(name)}
            for key in keys:
                buckets[(kinds[xid], key)].add(xid)
    pairs = {tuple(sorted(pair, key=order.get)) for ids in buckets.values() if len(ids) > 1
             for pair in combinations(ids, 2)}
    found = []
    for a, b in sorted(pairs, key=lambda p: (order[p[0]], order[p[1]])):
        reason = _likely_same(kinds[a], names[a], names[b])
        if reason:
            found.append(MergeCandidate(a, b, reason, {a: names[a], b: names[b]},
                                        {a: used_in.get(a, []), b: used_in.get(b, [])}))
    return found


def register_report(paths: Iterable[Path], register: Path | None = None) -> RegisterReport:
    """Read the documents and their register; list what awaits an editor (module docstring)."""
    docs, reg = load_documents(paths, register)
    report = RegisterReport(str(reg.path), len(docs))
    used_in: dict[str, list[str]] = defaultdict(list)
    for path, tree in docs:
        for m in document_mentions(tree, str(path)):
            if m.ref is None:
                if m.kind and m.text:
                    report.unlinked.append(m)
            elif m.ref not in reg.entries:
                report.unresolved.append(m)
            elif reg.entries[m.ref].get("sameAs"):
                report.retired.append(Mention(m.kind, reg.entries[m.ref].get("sameAs").lstrip("#"),
                                              m.ref, m.path, m.line))
            elif path.name not in used_in[m.ref]:
                used_in[m.ref].append(path.name)
    for xid, el in reg.entries.items():
        if el.get("sameAs"):
            continue
        row = {"id": xid, "kind": entry_kind(el), "name": (entry_names(el) or [""])[0],
               "documents": used_in.get(xid, [])}
        if is_candidate(el):
            report.candidates.append(row)
        if not row["documents"]:
            report.unused.append(row)
    report.merges = merge_candidates(reg, used_in)
    return report


# ---------------------------------------------------------------- merge

@dataclass
class MergeResult:
    """What a merge changed: the register, and documents with the pointers repointed in each."""

    keep: str
    retire: str
    register: str
    register_changed: bool = False
    repointed: dict[str, int] = field(default_factory=dict)

    def summary(self) -> str:
        return (f"merged {self.retire} into {self.keep}: {sum(self.repointed.values())} pointers "
                f"repointed in {len(self.repointed)} documents; {self.register} "
                + ("updated" if self.register_changed else "already up to date"))


def _check_pair(reg: Register, keep: str, retire: str) -> tuple[etree._Element, etree._Element]:
    for xid in (keep, retire):
        if xid not in reg.entries:
            raise UsageError(f"no register entry {xid!r}", Location(str(reg.path)))
    a, b = reg.entries[keep], reg.entries[retire]
    if keep == retire:
        raise UsageError(f"cannot merge {keep!r} into itself")
    if entry_kind(a) != entry_kind(b):
        raise UsageError(f"{keep!r} is a {entry_kind(a)} and {retire!r} a {entry_kind(b)}; not merged")
    for xid, el in ((keep, a), (retire, b)):
        if el.get("sameAs"):
            raise UsageError(f"{xid!r} was already merged into {el.get('sameAs').lstrip('#')!r}")
    return a, b


def merge_into(reg: Register, keep: str, retire: str) -> None:
    """Register side of a merge (guide §4): ``keep`` gains every name of ``retire`` as a
    variant and its other facts (offices, external ids); ``retire`` stays as an empty
    entry with ``@sameAs="#keep"`` so outside links keep working. Entries merged into
    ``retire`` earlier now point straight to ``keep``. Merging again (to repoint
    documents left out the first time) leaves the register as it is."""
    if reg.entries.get(retire) is not None and reg.entries[retire].get("sameAs") == f"#{keep}":
        return
    a, b = _check_pair(reg, keep, retire)
    name_tag = KIND_LIST[entry_kind(a)][2]
    known = set(entry_names(a))
    last_name = [n for n in a if _local(n) == name_tag][-1]
    for child in list(b):
        if _local(child) == name_tag:
            text = " ".join("".join(child.itertext()).split())
            if text in known:
                b.remove(child)
                continue
            known.add(text)
            child.set("type", "variant")
            last_name.addnext(child)
            last_name = child
        elif isinstance(child.tag, str):
            a.append(child)
        else:
            b.remove(child)
    b.text = None
    b.set("sameAs", f"#{keep}")
    for el in reg.entries.values():
        if el.get("sameAs") == f"#{retire}":
            el.set("sameAs", f"#{keep}")
    reg.changed = True


def repoint(tree: etree._ElementTree, keep: str, retire: str) -> int:
    """Turn every ``reg:retire`` pointer of a document into ``reg:keep``; return how many."""
    count = 0
    for el in tree.getroot().iter():
        for attr in POINTER_ATTRS:
            value = el.get(attr)
            if value and f"{REG}{retire}" in value.split():
                tokens = value.split()
                count += tokens.count(f"{REG}{retire}")
                new = [f"{REG}{keep}" if t == f"{REG}{retire}" else t for t in tokens]
                el.set(attr, " ".join(dict.fromkeys(new)))
    return count


def serialise_document(tree: etree._ElementTree, original: bytes) -> bytes:
    """The edited document as bytes, otherwise as it was (declaration, final newline).

    A generated file whose fingerprint still matched keeps a valid fingerprint
    (the merge is the tool's own change, not a hand edit); a file already edited
    by hand keeps its stale fingerprint so ``convert`` still refuses to overwrite it.
    """
    data = etree.tostring(tree, xml_declaration=original.lstrip().startswith(b"<?xml"),
                          encoding="UTF-8")
    if original.endswith(b"\n") and not data.endswith(b"\n"):
        data += b"\n"
    if xmlio.GENERATED_MARK.encode() in original and not xmlio.is_hand_edited(original):
        data = xmlio.stamp_generated(_MARK.sub(xmlio.placeholder_mark().encode(), data, 1))
    return data


def merge_entries(keep: str, retire: str, tei: Iterable[Path], register: Path | None = None
                  ) -> MergeResult:
    """Merge register entry ``retire`` into ``keep`` and repoint every document.

    Everything is read and changed in memory first; files are written (each
    atomically) only when every document parsed, so bad input writes nothing.
    """
    docs, reg = load_documents(tei, register)
    merge_into(reg, keep, retire)
    result = MergeResult(keep, retire, str(reg.path), reg.changed)
    outputs = []
    for path, tree in docs:
        n = repoint(tree, keep, retire)
        if n:
            result.repointed[str(path)] = n
            outputs.append((path, serialise_document(tree, path.read_bytes())))
    for path, data in outputs:
        xmlio.atomic_write(path, data)
    reg.save()
    return result
