"""Diagnostics: located warnings and errors, collected and rendered once.

Every reader, validator and publisher reports through ``Diagnostic`` so that
the CLI can print them like a compiler (``file:line:col: severity: [rule] msg``)
or as JSON, and count them at the end of a run.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Iterable, Literal

Severity = Literal["error", "warning", "info"]


@dataclass(frozen=True)
class Diagnostic:
    """One problem at one place. ``rule`` is a stable id (schema rule or converter check)."""

    severity: Severity
    rule: str
    message: str
    path: str = ""
    line: int | None = None
    col: int | None = None

    def location(self) -> str:
        parts = [self.path or "-"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.col is not None:
                parts.append(str(self.col))
        return ":".join(parts)

    def to_text(self) -> str:
        return f"{self.location()}: {self.severity}: [{self.rule}] {self.message}"

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Report:
    """Diagnostics of one run, with counts by severity."""

    items: list[Diagnostic] = field(default_factory=list)

    def add(self, diag: Diagnostic) -> None:
        self.items.append(diag)

    def extend(self, diags: Iterable[Diagnostic]) -> None:
        self.items.extend(diags)

    @property
    def errors(self) -> int:
        return sum(1 for d in self.items if d.severity == "error")

    @property
    def warnings(self) -> int:
        return sum(1 for d in self.items if d.severity == "warning")

    def errors_only(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity == "error"]

    def to_text(self) -> str:
        return "\n".join(d.to_text() for d in self.items)

    def to_json(self) -> str:
        return json.dumps([d.to_dict() for d in self.items], ensure_ascii=False, indent=1)
