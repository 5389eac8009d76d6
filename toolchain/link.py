"""Entity linking: give every name of a record its register id (encoding guide §4).

Runs between the reader and the writer. A name that matches one entry gets
its ``ref`` (a new spelling becomes a variant of the entry); a name that
matches none becomes a candidate entry or is only reported, as the editor
chose; a name that matches several is reported and left unlinked.
"""
from __future__ import annotations

import re

from toolchain.diagnostics import Diagnostic
from toolchain.model import Name, Record, child_lists
from toolchain.readers.inline import flatten
from toolchain.readers.spacing import collapse
from toolchain.register import Register


def link_record(record: Record, register: Register, unlinked: str = "candidate") -> list[Diagnostic]:
    """Set ``ref`` on every name of ``record``; return warnings for names left unlinked.

    Linking a record again (after the register grew) replaces the links it was given before."""
    warnings: list[Diagnostic] = []
    # a page names the same few entries again and again: (kind, name) -> (register version, id)
    linked: dict[tuple[str, str], tuple[int, str]] = {}

    def resolve(kind: str, name: str, span=None) -> str | None:
        known = linked.get((kind, name))
        if known is not None and known[0] == register.version:
            return known[1]  # the register has not changed since: same match, variant known
        ids = register.match(kind, name) or (register.adopt_reference(name) if kind == "person" else [])
        if len(ids) == 1:
            register.add_variant(ids[0], name)
            linked[(kind, name)] = (register.version, ids[0])
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

    names, sites = _names_and_office_sites(record)
    names += [p.name for p in record.participants]
    for n in names:
        n.ref = None
    record.refs = {}
    record.archive_location = (None, None)
    texts = [(n, _words(n.content)) for n in names]
    # names of two words or more first (in page order), so that a bare surname finds their entry
    texts.sort(key=lambda nt: " " not in nt[1])
    for n, text in texts:
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
    if all(dated):
        for name, seq, i in sites:
            office = _office_after(seq, i) if name.ref else None
            if office:
                register.add_occupation(name.ref, office, *dated)
    return warnings


#: Words that make a phrase an office ("DPRK Minister of Foreign Affairs").
_OFFICE_WORDS = re.compile(r"\b(Secretary|Minister|Chairman|Ambassador|Counsellor|Counselor|Chief|Head|"
                           r"Director|Deputy|Premier|Member|President|Attach[eé]|Adviser|Advisor|Consul|"
                           r"Commander|Marshal|General|Representative|Officer|Editor|Envoy|Chargé)\b")
_OFFICE = re.compile(r"^,\s+(?P<office>(?:(?:[A-Z][\w'’.-]*|of|the|in|and|for|on|to)\s+){0,14}?"
                     r"[A-Z][\w'’.-]*)(?=\s*[,.;:)]|\s*$|\s+(?:took|were|was|who|said|has|had|is|are|will)\b)")

#: The lists of a block that hold running text where an office may follow a name, in the
#: order they are searched (a distribution list's head and a sic's correction or comment
#: are not searched).
_OFFICE_LISTS = ("content", "signed", "lines", "salute", "items")


def _names_and_office_sites(record: Record) -> tuple[list[Name], list[tuple[Name, list, int]]]:
    """The names of the record's text in page order (``model.walk`` order), and the places
    where an office may follow a person (``_office_after``): (person, its list, its index).

    Why one pass: finding the names and the office sites were two walks over every node of
    the record, the main cost of linking after the register look-ups."""
    names: list[Name] = []
    sites: list[tuple[Name, list, int]] = []
    for block in record.body:
        if isinstance(block, str) or block is None:
            continue
        if isinstance(block, Name):
            names.append(block)
        found: dict[str, list] = {}
        for attr in child_lists(block.__class__):
            seq = getattr(block, attr, None)
            if isinstance(seq, list):
                found[attr] = []
                _collect(seq, names, found[attr] if attr in _OFFICE_LISTS else None)
        for attr in _OFFICE_LISTS:
            sites += found.get(attr, ())
    return names, sites


def _collect(seq: list, names: list[Name], sites: list | None) -> None:
    """Add the names below ``seq`` to ``names`` in ``model.walk`` order and, unless ``sites``
    is None, its office sites to ``sites`` (a list's own sites before those of the lists
    inside it, so each is in the order the office search has always taken)."""
    inner: list | None = [] if sites is not None else None
    last = len(seq) - 1
    for i, node in enumerate(seq):
        if node.__class__ is str:
            continue
        if isinstance(node, Name):
            names.append(node)
            if sites is not None and i < last and node.kind == "person" and _comma_follows(seq[i + 1]):
                sites.append((node, seq, i))
        for attr in child_lists(node.__class__):
            val = getattr(node, attr, None)
            # most lists are one string (a name's or a date's words): nothing below them
            if isinstance(val, list) and (len(val) > 1 or val and not isinstance(val[0], str)):
                _collect(val, names, inner if attr in _OFFICE_LISTS else None)
    if inner:
        sites += inner


def _words(content: list) -> str:
    """The words of a name, one space apart, a letter-spaced one written whole (``A x e n``)."""
    text = content[0] if len(content) == 1 and content[0].__class__ is str else flatten(content)
    return " ".join(collapse(text).split())


def _comma_follows(node) -> bool:
    """Whether the text after a name starts with a comma (or is empty): an office may follow."""
    text = node if isinstance(node, str) else flatten((node,))
    return text[:1] in ("", ",")


def _office_after(seq: list, i: int) -> str | None:
    """The office the text names right after the person ``seq[i]``, set off by a comma:
    ``Heo Dam, DPRK Minister of Foreign Affairs, took part`` (guide §4: roles with dates)."""
    following = flatten(seq[i + 1:i + 8])[:240]
    m = _OFFICE.match(following)
    if m and _OFFICE_WORDS.search(m.group("office")):
        office = re.sub(r"^(the|a|an)\s+", "", " ".join(m.group("office").split()))
        words = office.rstrip(".").split()
        # "..., Military Attaché A. A. D'yakonov": a title before the next name
        if words[0] not in ("and", "or") and len(words[-1].rstrip(".")) > 2:
            return office.rstrip(".")
    return None
