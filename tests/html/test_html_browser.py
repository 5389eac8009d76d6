"""The site in a real browser: headless Chromium driven by Playwright, pages opened from disk.

Follows a footnote call and its back-link, a register link, reads every page
with JavaScript disabled, and runs axe-core (landmarks, heading order, names
of links, colour contrast of every intervention style). Screenshots go to
tests/_output/html/. Skipped only when /usr/bin/chromium is absent.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from htmlkit import ROOT, tei_text_words, words

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
OUTPUT = ROOT / "tests" / "_output" / "html"
#: axe-core rule sets: WCAG 2.1 A/AA plus best practices (landmarks, heading order, one h1).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium")]


@pytest.fixture(scope="module")
def playwright():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        yield p


def open_context(playwright, user_dir: Path, javascript: bool = True):
    """A fresh Chromium with an empty profile folder."""
    return playwright.chromium.launch_persistent_context(
        str(user_dir), executable_path=str(CHROMIUM), headless=True, args=ARGS,
        java_script_enabled=javascript, viewport={"width": 1100, "height": 900})


@pytest.fixture(scope="module")
def browser(playwright, tmp_path_factory):
    OUTPUT.mkdir(parents=True, exist_ok=True)
    ctx = open_context(playwright, tmp_path_factory.mktemp("chromium-profile"))
    yield ctx
    ctx.close()


def in_viewport(page, element_id: str) -> bool:
    """True once the element's top is on screen (the browser scrolled to the anchor)."""
    page.wait_for_function("""id => { const r = document.getElementById(id).getBoundingClientRect();
                                       return r.top > -2 && r.top < window.innerHeight; }""",
                           arg=element_id, timeout=3000)
    return True


def test_index_document_footnote_and_register_links(browser, site):
    page = browser.new_page()
    page.goto((site / "index.html").as_uri())
    assert page.title().startswith("Translated Cold War Records")
    page.screenshot(path=str(OUTPUT / "index.png"), full_page=True)
    stem = "001_f3bc9eeccca742cd"  # seed 001: two authorial footnotes
    page.click(f"table.documents a[href='{stem}.html']")
    page.wait_for_url(f"**/{stem}.html")
    page.screenshot(path=str(OUTPUT / f"{stem}.png"))

    call = page.locator("section.text a.note-call").first
    call_id, note_id = call.get_attribute("id"), call.get_attribute("href")[1:]
    call.click()
    page.wait_for_url(f"**#{note_id}")
    assert in_viewport(page, note_id)
    assert page.locator(f"[id='{note_id}']").inner_text().startswith("x) A group of Korean")
    page.screenshot(path=str(OUTPUT / f"{stem}-note.png"))
    page.locator(f"[id='{note_id}'] a.back-link").click()
    page.wait_for_url(f"**#{call_id}")
    assert in_viewport(page, call_id)

    name = page.locator("section.text a.name").first
    target = name.get_attribute("href").split("#")[1]
    name.click()
    page.wait_for_url(f"**/register.html#{target}")
    assert in_viewport(page, target)
    page.screenshot(path=str(OUTPUT / "register.png"))
    page.click(f"[id='{target}'] a[href='register/{target}.html']")  # the entry's own page
    page.wait_for_url(f"**/register/{target}.html")
    page.click(f"ul.reg-docs a[href='../{stem}.html']")  # and back to the document
    page.wait_for_url(f"**/{stem}.html")
    page.close()


def test_without_javascript_every_page_shows_the_whole_text(playwright, site, edition_tei,
                                                             tmp_path):
    ctx = open_context(playwright, tmp_path / "profile", javascript=False)
    page = ctx.new_page()
    docs = sorted(p for p in site.glob("*.html")
                  if p.name not in ("index.html", "about.html", "register.html"))
    for doc in docs:
        page.goto(doc.as_uri())
        shown = words(page.inner_text("body"))  # rendered text: nothing hidden, nothing missing
        missing = tei_text_words(edition_tei / f"{doc.stem}.xml") - shown
        assert not missing, (doc.name, dict(missing))
    page.screenshot(path=str(OUTPUT / f"{docs[-1].stem}-nojs.png"))
    ctx.close()


def run_axe(page) -> dict:
    assert AXE.is_file(), f"{AXE} missing: run scripts/setup.sh --test (npm ci)"
    page.add_script_tag(path=str(AXE))
    return page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})",
                         AXE_TAGS)


def describe(violations: list[dict]) -> str:
    return "\n".join(f"{v['id']}: {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
                     for v in violations)


@pytest.mark.parametrize("page_name", ["index.html", "001_f3bc9eeccca742cd.html",
                                       "002_968af83d44314879.html", "register.html",
                                       "register/p-kim-il-sung.html", "about.html", "d03.html"])
def test_axe_finds_no_accessibility_violation(browser, site, page_name):
    page = browser.new_page()
    page.goto((site / page_name).as_uri())
    result = run_axe(page)
    assert not result["violations"], describe(result["violations"])
    checked = {r["id"] for r in result["passes"]}
    assert {"landmark-one-main", "page-has-heading-one", "color-contrast"} <= checked
    page.close()


def test_contrast_of_every_intervention_style(browser, kinds_site):
    page = browser.new_page()
    page.goto((kinds_site / "k01.html").as_uri())
    result = run_axe(page)
    assert not result["violations"], describe(result["violations"])
    contrast = next(r for r in result["passes"] if r["id"] == "color-contrast")
    checked = " ".join(n["html"] for n in contrast["nodes"])  # each node axe measured
    for kind in ("i-stamp", "i-sic-note", "i-email-protected", "br-editor", "br-translator",
                 "i-unclear", "i-foreign", "i-handwritten"):  # axe skips a lone "]"
        assert kind in checked, kind
    page.screenshot(path=str(OUTPUT / "k01-kinds.png"), full_page=True)
    page.close()


def test_focus_is_visible_and_print_css_hides_navigation(browser, site):
    page = browser.new_page()
    page.goto((site / "002_968af83d44314879.html").as_uri())
    for _ in range(2):  # the skip link, then the site title link
        page.keyboard.press("Tab")
        outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle + ' ' + "
                                "getComputedStyle(document.activeElement).outlineWidth")
        style, width = outline.split()
        assert style != "none" and float(re.sub("px", "", width)) >= 2
    page.emulate_media(media="print")
    assert not page.locator("nav[aria-label='Site']").is_visible()
    assert page.locator("section.text").is_visible()
    page.close()
