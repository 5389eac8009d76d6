"""Hostile and bad input: text never becomes markup; bad files fail in one line, writing nothing."""
from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from htmlkit import FIXTURES, ROOT, parse_html
from toolchain.errors import InputError, UsageError
from toolchain.publish.html import build_html

HOSTILE = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="evil">
 <teiHeader><fileDesc>
  <titleStmt><title type="main">&lt;/title&gt;&lt;script&gt;alert("t")&lt;/script&gt;</title></titleStmt>
  <publicationStmt><publisher>x" onload="alert(1)</publisher></publicationStmt>
  <sourceDesc><bibl type="WCDA"><idno type="URI">javascript:alert(1)</idno>
   <idno type="WCDA">&lt;img src=x onerror=alert(1)&gt;</idno></bibl></sourceDesc>
 </fileDesc>
 <profileDesc><creation><date when="1957-11-13">&lt;b&gt;13&lt;/b&gt;</date></creation></profileDesc>
 </teiHeader>
 <text xml:lang="en"><body><div type="document" xml:id="evil-doc">
  <p>Text &lt;script&gt;alert(2)&lt;/script&gt; and <persName ref="reg:x&quot; onmouseover=&quot;alert(3)">Name</persName>
   <foreign xml:lang="ru-Latn&quot; onclick=&quot;alert(4)" resp="#translator">slovo</foreign>
   <!-- a comment --> <?pi data?>&amp;amp; &#x202E;end</p>
 </div></body></text>
</TEI>
"""


def test_hostile_text_is_escaped_never_markup(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "evil.xml").write_text(HOSTILE, encoding="utf-8")
    result = build_html([tmp_path / "in"], tmp_path / "out")
    assert [d.rule for d in result.report.items] == ["html-no-register"]
    for page in (tmp_path / "out").glob("*.html"):
        root = parse_html(page.read_bytes())
        assert not root.xpath("//script | //img | //b"), page.name
        for el in root.iter():
            assert not [a for a in el.attrib if a.lower().startswith("on")], (page.name, el.attrib)
            assert not el.get("href", "").lower().startswith("javascript"), page.name
    page = parse_html((tmp_path / "out" / "evil.html").read_bytes())
    body = "".join(page.find("body").itertext())
    assert 'Text <script>alert(2)</script> and Name' in body
    assert page.findtext("head/title").startswith('</title><script>alert("t")</script>')
    assert page.xpath("//span[contains(@class,'i-foreign')]")[0].get("lang") == \
        'ru-Latn" onclick="alert(4)'  # an attribute value, escaped, not an attribute
    assert page.xpath("//span[contains(@class,'unlinked')][.='Name']")  # bad pointer: no link
    assert "&amp; \u202eend" in body


@pytest.mark.parametrize("content,message", [
    (b"<TEI xmlns='http://www.tei-c.org/ns/1.0'><x", "not well-formed XML"),
    (b"", "file is empty"),
    (b"<?xml version='1.0'?><!DOCTYPE TEI [<!ENTITY a 'b'>]><TEI/>", "internal subset"),
    (b"<html><body/></html>", "not a TEI document"),
    (b"<TEI xmlns='http://www.tei-c.org/ns/1.0'><teiHeader/></TEI>", "without teiHeader or text"),
])
def test_bad_file_fails_with_location_and_writes_nothing(tmp_path, content, message):
    good = FIXTURES / "kinds" / "k01.xml"
    shutil.copy(good, tmp_path / "k01.xml")
    (tmp_path / "bad.xml").write_bytes(content)
    with pytest.raises(InputError) as err:
        build_html([tmp_path / "k01.xml", tmp_path / "bad.xml"], tmp_path / "out")
    assert message in str(err.value)
    assert str(err.value).startswith(str(tmp_path / "bad.xml") + ":")
    assert not (tmp_path / "out").exists()


def test_a_page_that_fails_leaves_the_output_folder_as_it_was(tmp_path, monkeypatch):
    from toolchain.publish import site
    from toolchain.publish.xslt import TransformError

    out = tmp_path / "out"
    build_html([FIXTURES / "kinds" / "k01.xml"], out)
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}

    def fail(*_):
        raise TransformError("html.xsl: an entry page failed")

    monkeypatch.setattr(site.SiteRenderer, "entry_pages", fail)  # after the document pages
    with pytest.raises(TransformError):
        build_html([FIXTURES / "kinds"], out)
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    assert not (out / "k02.html").exists() and not list(out.glob(".*"))
    with pytest.raises(TransformError):
        build_html([FIXTURES / "kinds"], tmp_path / "new")
    assert not (tmp_path / "new").exists()


def test_a_killed_runs_staging_folder_is_removed_by_the_next_run(tmp_path):
    """A run killed outright (SIGKILL) cannot remove its hidden staging folder; the next
    run removes it, but not the folder of a run still going (its process is alive)."""
    import os
    import signal

    out = tmp_path / "out"
    (out / ".tei-tool-html-999999999-abc").mkdir(parents=True)  # no such process
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        (out / f".tei-tool-html-{child.pid}-def" / "register").mkdir(parents=True)
        build_html([FIXTURES / "kinds" / "k01.xml"], out)
        assert sorted(p.name for p in out.glob(".*")) == [f".tei-tool-html-{child.pid}-def"]
        assert (out / "k01.html").is_file()
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
    build_html([FIXTURES / "kinds" / "k01.xml"], out)
    assert not list(out.glob(".*"))


def test_site_page_names_and_duplicates_are_refused(tmp_path):
    for name in ("index.xml", "a b.xml", "a-b.xml"):
        shutil.copy(FIXTURES / "kinds" / "k02.xml", tmp_path / name)
    with pytest.raises(InputError, match="may not be named 'index'"):
        build_html([tmp_path / "index.xml"], tmp_path / "out")
    with pytest.raises(InputError, match="same page name 'a-b'"):
        build_html([tmp_path / "a b.xml", tmp_path / "a-b.xml"], tmp_path / "out")


def test_missing_path_and_empty_folder_are_usage_errors(tmp_path):
    with pytest.raises(UsageError, match="no such file"):
        build_html([tmp_path / "nope"], tmp_path / "out")
    with pytest.raises(UsageError, match="no TEI files"):
        build_html([tmp_path], tmp_path / "out")


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "toolchain", *map(str, args)],
                          capture_output=True, text=True, cwd=ROOT)


def test_cli_builds_the_site_and_reports_bad_input_in_one_line(tmp_path):
    ok = run_cli("html", FIXTURES / "kinds", "--out", tmp_path / "site", "--title", "My <Edition>")
    assert ok.returncode == 0, ok.stderr
    assert "2 document(s)" in ok.stderr
    index = parse_html((tmp_path / "site" / "index.html").read_bytes())
    assert index.findtext(".//h1") == "My <Edition>"
    (tmp_path / "bad.xml").write_text("<TEI>\n  <oops>\n</TEI>", encoding="utf-8")
    bad = run_cli("html", tmp_path / "bad.xml", "--out", tmp_path / "site2")
    assert bad.returncode == 1
    lines = bad.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in bad.stderr
    assert f"{tmp_path / 'bad.xml'}:3:" in lines[0]
    assert run_cli("html", tmp_path / "missing", "--out", tmp_path / "s3").returncode == 2
