"""Validation stage: TEI → list[Diagnostic] (RELAX NG from the ODD, Schematron, tei_all).

``Validator(schema="project")`` compiles once and validates file after file;
``validate_paths`` runs it over files and folders for ``tei-tool validate``.
"""
from toolchain.validate.validator import Result, Validator, validate_paths

__all__ = ["Result", "Validator", "validate_paths"]
