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


@pytest.mark.parametrize("command", ["convert", "build", "html"])
@pytest.mark.parametrize("under", [False, True], ids=["a file", "under a file"])
def test_an_output_folder_that_is_a_file_is_a_usage_error(capsys, tmp_path, command, under):
    """``--out`` naming a file, or a folder inside one: one line naming the file, exit 2,
    nothing written."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    blocker = tmp_path / "taken"
    blocker.write_text("an editor's file\n", encoding="utf-8")
    out = blocker / "site" if under else blocker
    source = root / "seeds" if command != "html" else root / "tei"
    extra = ["--tei", str(tmp_path / "tei"), "--no-pdf"] if command == "build" else []
    code, err = run([command, str(source), "--out", str(out), *extra], capsys)
    assert code == ExitCode.USAGE == 2
    assert err.err == f"tei-tool: {blocker} exists and is not a folder\n"
    assert blocker.read_text(encoding="utf-8") == "an editor's file\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["taken"]


@pytest.mark.parametrize("command", [["export", "--format", "json"], ["pdf"]], ids=["export", "pdf"])
def test_an_output_file_inside_a_file_is_a_usage_error(capsys, tmp_path, command):
    from pathlib import Path

    tei = Path(__file__).resolve().parents[2] / "tei" / "000_a81afcbeb3a28ed5.xml"
    blocker = tmp_path / "taken"
    blocker.write_text("an editor's file\n", encoding="utf-8")
    code, err = run([*command, str(tei), "--out", str(blocker / "edition.out")], capsys)
    assert code == ExitCode.USAGE
    assert err.err.endswith(f"tei-tool: {blocker} exists and is not a folder\n")
    assert blocker.read_text(encoding="utf-8") == "an editor's file\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["taken"]
