"""Typed errors of the library and the one list of exit codes.

Library code raises these; only ``toolchain.cli`` turns them into messages
and exit codes, so every command reports problems the same way.
"""
from __future__ import annotations

import enum
from dataclasses import dataclass


class ExitCode(enum.IntEnum):
    """Exit statuses of every tei-tool command (also listed in README)."""

    OK = 0  #: everything done; warnings may have been printed
    PROBLEMS = 1  #: problems found in the input (invalid file, unconvertible source)
    USAGE = 2  #: wrong arguments, or input that cannot be read at all
    INTERNAL = 3  #: a bug in tei-tool; rerun with --verbose and report the traceback


@dataclass(frozen=True)
class Location:
    """Where a problem is: a file and, when known, a 1-based line and column."""

    path: str
    line: int | None = None
    col: int | None = None

    def __str__(self) -> str:
        parts = [self.path]
        if self.line is not None:
            parts.append(str(self.line))
            if self.col is not None:
                parts.append(str(self.col))
        return ":".join(parts)


class ToolError(Exception):
    """Base of every expected failure; ``category`` picks the exit code."""

    exit_code = ExitCode.PROBLEMS

    def __init__(self, message: str, location: Location | None = None):
        super().__init__(message)
        self.message = message
        self.location = location

    def __str__(self) -> str:
        return f"{self.location}: {self.message}" if self.location else self.message


class InputError(ToolError):
    """A source or TEI file that cannot be used (empty, binary, malformed, hostile)."""


class NoDocumentError(InputError):
    """A page in which no document could be recognised."""


class UsageError(ToolError):
    """Wrong arguments or an unreadable path."""

    exit_code = ExitCode.USAGE


class EditedFileError(ToolError):
    """An output file was changed by hand after it was generated."""


class LockedError(ToolError):
    """Another tei-tool process holds the output folder."""


class WorkerLostError(ToolError):
    """A worker process of a build ended in the middle of its work (killed by the system for
    lack of memory or by hand, or its set-up failed): its results will never come, so the
    build stops."""

    exit_code = ExitCode.INTERNAL
