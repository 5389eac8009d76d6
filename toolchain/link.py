"""Entity linking: give every name of a record its register id (encoding guide §4).

Runs between the reader and the writer. A name that matches one entry gets
its ``ref`` (a new spelling becomes a variant of the entry); a name that
matches none becomes a candidate entry or is only reported, as the editor
chose; a name that matches several is reported and left unlinked.
"""
from __future__ import annotations

import re

from toolchain.diagnostics import Diagnostic
from toolchain.model import Name, Record, walk
from toolchain.readers.inline import flatten
from toolchain.register import Register


def link_record(record: Record, register: Register, unlinked: str = "candidate") -> list[Diagnostic]:
    """Set ``ref`` on every name of ``record``; return warnings for names left unlinked.

    Linking a record again (after the register grew) replaces the links it was given before."""
    warnings: list[Diagnostic] = []

    def resolve(kind: str, name: str, span=None) -> str | None:
        ids = register.match(kind, name)
        if len(ids) == 1:
            register.add_variant(ids[0], name)
            return ids[0]
        where = dict(path=record.path, line=span.line if span else None, col=span.col if span else None)
        if len(ids) > 1:
            warnings.append(Diagnostic("warning", "name-ambiguous",
                                       f"{name!r} matches several register entries ({', '.join(ids)}); "
                                       "not linked", **where))
            return None
        if unlinked == "candidate":
            return register.add_candidate(kind, name)
        warnings.append(Diagnostic("warning", "name-unlinked",
                                   f"{kind} {name!r} matches no register entry", **where))
        return None

    names = [n for n in walk(record.body) if isinstance(n, Name)]
    names += [p.name for p in record.participants]
    for n in names:
        n.ref = None
    record.refs = {}
    record.archive_location = (None, None)
    # names of two words or more first (in page order), so that a bare surname finds their entry
    names.sort(key=lambda n: len(flatten(n.content).split()) < 2)
    for n in names:
        text = " ".join(flatten(n.content).split())
        if text:
            n.ref = resolve(n.kind, text, n.span)
    meta = record.meta
    for funder in dict.fromkeys(meta.funders + meta.donors):
        record.refs[("org", funder)] = resolve("org", funder)
    for arch in meta.archives:
        record.refs[("org", arch.repository)] = resolve("org", arch.repository)
    if meta.archives and record.refs.get(("org", meta.archives[0].repository)):
        record.archive_location = register.location(record.refs[("org", meta.archives[0].repository)])
    agents = ([meta.translator] if meta.translator else []) + meta.contributors
    for agent in agents:
        record.refs[("person", agent.name)] = resolve("person", agent.name)
    for category in record.classifications:
        register.add_category("tax-classification", category, category[4:].replace("-", " ").upper())
    dated = (meta.date_when or meta.date_not_before, meta.date_when or meta.date_not_after)
    for name, office in offices(record) if all(dated) else ():
        if name.ref:
            register.add_occupation(name.ref, office, *dated)
    return warnings


#: Words that make a phrase an office ("DPRK Minister of Foreign Affairs").
_OFFICE_WORDS = re.compile(r"\b(Secretary|Minister|Chairman|Ambassador|Counsellor|Counselor|Chief|Head|"
                           r"Director|Deputy|Premier|Member|President|Attach[eé]|Adviser|Advisor|Consul|"
                           r"Commander|Marshal|General|Representative|Officer|Editor|Envoy|Chargé)\b")
_OFFICE = re.compile(r"^,\s+(?P<office>(?:(?:[A-Z][\w'’.-]*|of|the|in|and|for|on|to)\s+){0,14}?"
                     r"[A-Z][\w'’.-]*)(?=\s*[,.;:)]|\s*$|\s+(?:took|were|was|who|said|has|had|is|are|will)\b)")


def offices(record: Record):
    """(person, office) where the text names an office right after a person, set off by a comma:
    ``Heo Dam, DPRK Minister of Foreign Affairs, took part`` (guide §4: roles with dates)."""
    for block in record.body:
        for seq in _inline_lists(block):
            for i, node in enumerate(seq):
                if isinstance(node, Name) and node.kind == "person" and i + 1 < len(seq):
                    after = flatten(seq[i + 1:i + 2])
                    if after and after[0] != ",":  # an office follows a comma (most names: none)
                        continue
                    following = flatten(seq[i + 1:i + 8])[:240]
                    m = _OFFICE.match(following)
                    if m and _OFFICE_WORDS.search(m.group("office")):
                        office = re.sub(r"^(the|a|an)\s+", "", " ".join(m.group("office").split()))
                        words = office.rstrip(".").split()
                        # "..., Military Attaché A. A. D'yakonov": a title before the next name
                        if words[0] not in ("and", "or") and len(words[-1].rstrip(".")) > 2:
                            yield node, office.rstrip(".")


def _inline_lists(node):
    """Every list of inlines in a block (paragraph text, head, signature lines, list items...)."""
    for attr in ("content", "signed", "lines", "salute"):
        seq = getattr(node, attr, None)
        if isinstance(seq, list):
            yield seq
            for child in seq:
                if not isinstance(child, str):
                    yield from _inline_lists(child)
    for item in getattr(node, "items", None) or []:
        yield from _inline_lists(item)
