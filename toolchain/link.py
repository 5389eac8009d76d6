"""Entity linking: give every name of a record its register id (encoding guide §4).

Runs between the reader and the writer. A name that matches one entry gets
its ``ref`` (a new spelling becomes a variant of the entry); a name that
matches none becomes a candidate entry or is only reported, as the editor
chose; a name that matches several is reported and left unlinked.
"""
from __future__ import annotations

from toolchain.diagnostics import Diagnostic
from toolchain.model import Name, Record, walk
from toolchain.readers.inline import flatten
from toolchain.register import Register


def link_record(record: Record, register: Register, unlinked: str = "candidate") -> list[Diagnostic]:
    """Set ``ref`` on every name of ``record``; return warnings for names left unlinked."""
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
    return warnings
