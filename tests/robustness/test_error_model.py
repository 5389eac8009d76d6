"""One error model for every command: typed errors become one line and a documented exit code;
a bug becomes exit 3 with a bug-report hint, and a traceback only with --verbose."""
from __future__ import annotations

import pytest

from toolchain import cli, convert
from toolchain.errors import ExitCode, InputError, Location


def run(argv, capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main(argv)
    return exit_.value.code, capsys.readouterr()


def _boom(*args, **kwargs):
    raise RuntimeError("something nobody expected")


def test_internal_error_exits_3_with_a_hint_and_no_traceback(monkeypatch, capsys, tmp_path):
    monkeypatch.setattr(convert, "convert_paths", _boom)
    code, out = run(["convert", str(tmp_path)], capsys)
    assert code == ExitCode.INTERNAL == 3
    assert out.err.strip().splitlines() == [
        "tei-tool: internal error: RuntimeError: something nobody expected "
        "(rerun with --verbose and report the traceback)"]


def test_verbose_shows_the_traceback(monkeypatch, capsys, tmp_path):
    monkeypatch.setattr(convert, "convert_paths", _boom)
    code, out = run(["--verbose", "convert", str(tmp_path)], capsys)
    assert code == 3
    assert "Traceback (most recent call last)" in out.err and "_boom" in out.err


def test_typed_error_is_one_located_line(monkeypatch, capsys, tmp_path):
    def refuse(*args, **kwargs):
        raise InputError("not a page", Location("x.txt", 3, 7))

    monkeypatch.setattr(convert, "convert_paths", refuse)
    code, out = run(["convert", str(tmp_path)], capsys)
    assert code == ExitCode.PROBLEMS == 1
    assert out.err == "tei-tool: x.txt:3:7: not a page\n"


def test_usage_error_exits_2(capsys):
    code, out = run(["convert"], capsys)
    assert code == ExitCode.USAGE == 2
    assert "Missing argument" in out.err
