"""tei-tool validate as an editor uses it: compiler-style lines, JSON, exit codes 0/1/2, folders
with their register, malformed and hostile files reported while the rest still run."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from toolchain.cli import cli

FIXTURES = Path(__file__).resolve().parents[1] / "schema"
LINE_RE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|warning): "
                     r"\[(?P<rule>[a-z0-9-]+)\] .+$")


@pytest.fixture
def edition(tmp_path) -> Path:
    """A folder like tei/: one valid document and its register."""
    shutil.copy(FIXTURES / "base.xml", tmp_path / "doc1.xml")
    shutil.copy(FIXTURES / "register.xml", tmp_path / "register.xml")
    return tmp_path


def run(*args: str):
    return CliRunner().invoke(cli, ["validate", *args])


def test_valid_folder_exits_0_and_validates_the_register(edition):
    result = run(str(edition))
    assert result.exit_code == 0, result.stdout + result.stderr
    assert result.stdout == ""
    assert "2 files validated (project): 0 errors, 0 warnings" in result.stderr


def test_errors_are_compiler_lines_and_exit_1(edition):
    doc = edition / "doc1.xml"
    doc.write_text(doc.read_text().replace('<unclear resp="#translator">', "<unclear>"))
    result = run(str(doc))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines and all(LINE_RE.match(line) for line in lines), lines
    assert any("[resp-required]" in line and ": error: " in line for line in lines)


def test_warnings_only_exit_0(edition):
    doc = edition / "doc1.xml"
    doc.write_text(doc.read_text().replace('<idno type="WCDA">115932</idno>', ""))
    result = run(str(doc))
    assert result.exit_code == 0
    assert "warning: [prov-record-id]" in result.stdout


def test_json_lists_the_same_fields(edition):
    doc = edition / "doc1.xml"
    doc.write_text(doc.read_text().replace('when="1957-11-13">November', 'when="1957-11-31">November'))
    text, js = run(str(doc)), run("--format", "json", str(doc))
    assert js.exit_code == text.exit_code == 1
    items = json.loads(js.stdout)
    assert [f"{d['path']}:{d['line']}:{d['col']}: {d['severity']}: [{d['rule']}] {d['message']}"
            for d in items] == text.stdout.splitlines()
    assert "date-castable" in {d["rule"] for d in items}


def test_malformed_file_is_located_and_the_rest_still_run(edition):
    (edition / "broken.xml").write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0">\n <p>\n</TEI>\n')
    result = run(str(edition))
    assert result.exit_code == 1
    assert re.search(r"broken\.xml:3:\d+: error: \[well-formed\] not well-formed XML", result.stdout)
    assert "3 files validated" in result.stderr
    assert "doc1.xml" not in result.stdout


@pytest.mark.parametrize("payload", [
    '<!DOCTYPE TEI [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>\n<TEI>&b;</TEI>',
    '<!DOCTYPE TEI [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<TEI>&x;</TEI>',
])
def test_hostile_files_are_refused_without_expansion(edition, payload):
    (edition / "hostile.xml").write_text(payload)
    result = run(str(edition / "hostile.xml"))
    assert result.exit_code == 1
    assert "[well-formed]" in result.stdout and "root:" not in result.stdout


def test_external_dtd_is_never_fetched(edition):
    """A DOCTYPE naming a DTD on the network (here a closed local port) is not followed."""
    doc = edition / "doc1.xml"
    doc.write_text(doc.read_text().replace(
        "<TEI xmlns=", '<!DOCTYPE TEI SYSTEM "http://127.0.0.1:9/tei.dtd">\n<TEI xmlns=', 1))
    result = run(str(edition))
    assert result.exit_code == 0, result.stdout + result.stderr


def test_missing_path_is_a_usage_error_but_others_are_validated(edition):
    result = run(str(edition / "nope.xml"), str(edition / "doc1.xml"))
    assert result.exit_code == 2
    assert "nope.xml: error: [unreadable]" in result.stdout
    assert "1 files validated" in result.stderr


def test_bad_option_is_a_usage_error(edition):
    assert run("--schema", "lax", str(edition)).exit_code == 2


def test_register_option_and_missing_register(edition, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("alone")
    shutil.copy(edition / "doc1.xml", elsewhere / "doc1.xml")
    lonely = run(str(elsewhere / "doc1.xml"))
    assert lonely.exit_code == 1
    assert "(no usable register: none next to the file, or unreadable)" in lonely.stdout
    given = run("--register", str(edition / "register.xml"), str(elsewhere / "doc1.xml"))
    assert given.exit_code == 0, given.stdout


def test_unused_register_entry_is_a_warning_on_its_line(edition):
    reg = edition / "register.xml"
    reg.write_text(reg.read_text().replace(
        "</listPlace>", '<place xml:id="pl-unused"><placeName type="main">X</placeName></place></listPlace>'))
    result = run(str(edition))
    assert result.exit_code == 0
    line = next(i for i, t in enumerate(reg.read_text().splitlines(), 1) if "pl-unused" in t)
    assert re.search(rf"register\.xml:{line}:\d+: warning: \[register-unused\] .*pl-unused", result.stdout)


def test_tei_all_schema_accepts_what_the_project_schema_narrows(edition):
    doc = edition / "doc1.xml"
    doc.write_text(doc.read_text().replace('<seg type="typist">', '<seg type="secretary">'))
    project = run(str(doc))
    assert project.exit_code == 1 and "[relaxng]" in project.stdout
    assert "closed list: classification, copy, typist" in project.stdout
    tei_all = run("--schema", "tei_all", str(doc))
    assert tei_all.exit_code == 0, tei_all.stdout
