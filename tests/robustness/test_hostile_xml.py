"""Hostile XML is refused by every command that reads XML: no DTD, no entities, no network,
bounded time; one located line, a non-zero exit code, no traceback."""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from toolchain import xmlio
from toolchain.errors import InputError

FIXTURES = Path(__file__).resolve().parent / "fixtures"
HOSTILE = ["xxe.xml", "billion-laughs.xml", "deep.xml"]
COMMANDS = {
    "validate": lambda f, out: ["validate", str(f)],
    "html": lambda f, out: ["html", str(f), "--out", str(out / "site")],
    "pdf": lambda f, out: ["pdf", str(f), "--out", str(out / "v.pdf")],
    "export": lambda f, out: ["export", str(f), "--format", "json", "--out", str(out / "e.json")],
}


@pytest.fixture
def hostile(tmp_path, request) -> Path:
    name = request.param
    if name == "deep.xml":  # 100,000 nested elements, made here rather than committed
        path = tmp_path / name
        path.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0">' + "<div>" * 100_000
                        + "</div>" * 100_000 + "</TEI>", encoding="utf-8")
        return path
    return FIXTURES / name


@pytest.mark.parametrize("hostile", HOSTILE, indirect=True)
def test_safe_parser_refuses_quickly(hostile):
    started = time.perf_counter()
    with pytest.raises(InputError) as err:
        xmlio.parse_xml(hostile)
    assert time.perf_counter() - started < 1.0
    assert "passwd" not in str(err.value) and "root:" not in str(err.value)
    if hostile.name == "deep.xml":
        assert "elements nested more than 256 deep" in str(err.value)


def test_nesting_up_to_the_limit_is_accepted():
    assert xmlio.parse_bytes(b"<a>" * 256 + b"</a>" * 256).getroot().tag == "a"


def test_external_dtd_is_never_fetched():
    """A DOCTYPE naming an external DTD is read without loading it (the address is a closed port)."""
    started = time.perf_counter()
    tree = xmlio.parse_xml(FIXTURES / "external-dtd.xml")
    assert time.perf_counter() - started < 1.0
    assert tree.docinfo.system_url == "http://127.0.0.1:9/tei.dtd"
    assert tree.getroot().find(".//{http://www.tei-c.org/ns/1.0}p").text == "x"


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize("hostile", HOSTILE, indirect=True)
def test_every_command_refuses_hostile_xml(command, hostile, tmp_path):
    args = COMMANDS[command](hostile, tmp_path)
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "toolchain", *args], capture_output=True, text=True,
                          timeout=60)
    elapsed = time.perf_counter() - started
    said = proc.stdout + proc.stderr  # validate reports on stdout, like a compiler
    assert proc.returncode in (1, 2), said
    assert "Traceback" not in said
    assert f"{hostile.name}:" in said
    assert "root:x:" not in proc.stdout + proc.stderr  # /etc/passwd never leaks
    assert elapsed < 20  # process start-up included; the parse itself is checked above (< 1 s)
    assert not (tmp_path / "site" / "index.html").exists()
    assert not (tmp_path / "v.pdf").exists() and not (tmp_path / "e.json").exists()
