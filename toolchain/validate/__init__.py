"""Validation stage: TEI → list[Diagnostic] (RELAX NG from the ODD, Schematron, tei_all).

``Validator(schema="project")`` compiles once and validates file after file;
``validate_paths`` runs it over files and folders for ``tei-tool validate``.
The names are imported on first use, so ``python -m toolchain.validate.odd2rng``
does not load the validator (and its schemas) first.
"""
from __future__ import annotations

__all__ = ["Result", "Validator", "validate_paths"]


def __getattr__(name: str):
    if name in __all__:
        from toolchain.validate import validator

        return getattr(validator, name)
    raise AttributeError(f"module 'toolchain.validate' has no attribute {name!r}")
