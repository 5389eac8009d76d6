"""What the page prints for each element (guide §3.5), on hand-written fixtures.

A table of (XPath on the HTML page, expected text with spaces normalised):
the renderer prints the brackets and labels back from the markup.
"""
from __future__ import annotations

import pytest

from htmlkit import parse_html


def text(el) -> str:
    return " ".join("".join(el.itertext()).split())


PRINTED = [
    # (xpath on k01.html, expected text)
    ("//span[@class='i-supplied r-translator']", "[I]"),
    ("//span[contains(@class,'i-foreign')]", "[osobye]"),
    ("//p[contains(., 'differing')]", "In accordance with instructions [I] presented no differing "
     "[osobye] opinions on 12 September [sic; November] 1957."),
    ("//span[contains(@class,'i-corr')]", "[sic; November]"),
    ("(//span[@class='i-sic r-translator'])[1]", "Lyu Dyan Sik[sic]"),
    ("//p[contains(., 'Headed by')]", "Headed by Lyu Dyan Sik[sic] and Counsellor Li Syn Khek "
     "[sic; proper spelling unknown] of the MVT [Ministry of Foreign Trade] and Kim Gwang-hyeop "
     "[Kim Kwang Hyop]."),
    ("//span[contains(@class,'i-gap')]", "[…]"),
    ("//span[contains(@class,'i-unclear')]", "[[5]]"),
    ("//span[contains(@class,'i-illegible')]", "[[two names illegible]]"),
    ("//span[contains(@class,'i-handwritten')]", "[handwritten: 010097ss]"),
    ("//span[contains(@class,'i-physical')]", "[There is a stamp at the end of the first page]"),
    ("//span[contains(@class,'i-stamp')]", "[CPSU CC stamp: 12 July 1972 22900]"),
    ("//span[contains(@class,'i-signature')]", "[signature]"),
    ("//span[contains(@class,'i-email-protected')]", "⟨email protected⟩"),
    ("//span[@class='i-stray']", "]"),
    ("//ol[@class='notes']/li[1]", "[Translator's note: the last half of this paragraph was "
     "highlighted in the left margin] ↩"),
    ("//ol[@class='notes']/li[2]", "x) A group of Korean comrades has gone to Moscow about this "
     "question. ↩"),
    ("//p[@class='b-footnote']", "*) An orphan footnote without a call."),
    ("//p[@class='b-list-head']", "Copies:"),
    ("//ul[@class='b-list']/li[1]", "1 – to Cde. K. F. Katushev"),
    ("//h3", "RECORD OF A CONVERSATION with Cde. KIM IL SUNG"),
    ("//div[@class='b-opener']", "[CPSU CC stamp: 12 July 1972 22900] SECRET Copy Nº 1 Outgoing Nº 252"),
]


@pytest.fixture(scope="module")
def k01(kinds_site):
    return parse_html((kinds_site / "k01.html").read_bytes())


@pytest.mark.parametrize("xpath,expected", PRINTED, ids=[x for x, _ in PRINTED])
def test_printed_form(k01, xpath, expected):
    found = k01.xpath(xpath)
    assert found, xpath
    assert text(found[0]) == expected


def test_translator_and_editor_brackets_differ(k01):
    assert k01.xpath("//span[@class='br br-editor'][.='⟨']")
    assert k01.xpath("//span[@class='br br-translator'][.='[']")
    legend = text(k01.xpath("//section[@class='legend']")[0])
    assert "intervention of the editors of this edition" in legend
    assert "words supplied by the translator" in legend


def test_note_calls_and_back_links_pair_up(k01):
    calls = k01.xpath("//section[@class='text']//a[contains(@class,'note-call')]")
    assert [text(c) for c in calls] == ["1", "X)"]
    for call in calls:
        note = k01.xpath(f"//li[@id='{call.get('href')[1:]}']")[0]
        back = note.xpath(".//a[@class='back-link']")[0]
        assert back.get("href") == "#" + call.get("id")


def test_foreign_words_carry_their_language(k01):
    assert k01.xpath("//span[contains(@class,'i-foreign')]")[0].get("lang") == "ru-Latn"


def test_names_link_to_the_register_and_retired_ids_to_the_survivor(kinds_site):
    k02 = parse_html((kinds_site / "k02.html").read_bytes())
    assert k02.xpath("//a[.='Kim']")[0].get("href") == "register.html#p-kim-il-sung"
    assert k02.xpath("//span[contains(@class,'unlinked')][.='Somebody']")
    register = parse_html((kinds_site / "register.html").read_bytes())
    assert register.xpath("//li[@id='p-kim-il-sung']//a[@href='register/p-kim-il-sung.html']")
    entry = parse_html((kinds_site / "register" / "p-kim-il-sung.html").read_bytes())
    assert entry.xpath("//ul[@class='reg-docs']//a[@href='../k02.html']")  # named as p-old-kim too
    assert not (kinds_site / "register" / "p-old-kim.html").exists()  # retired: no page of its own
    assert register.xpath("//*[@id='p-old-kim']")  # outside links to the retired id still land
    assert not register.xpath("//*[@id='p-unused']")  # named in no document: not listed
    assert register.xpath("//li[@id='p-kim-il-sung']//span[@lang='ko-Hang'][.='김일성']")


def test_sic_gets_its_marker_unless_a_sic_note_follows_at_once(kinds_site):
    """"[sic]" follows a sic unless the next thing printed is its "[sic; …]" note: words
    between them bring the marker back (and the look-up stops at those words)."""
    k02 = parse_html((kinds_site / "k02.html").read_bytes())
    assert text(k02.xpath("//p[starts-with(., 'Spelled')]")[0]) == (
        "Spelled: the Sovet[sic] delegation [sic; a later note]; the Politbureau "
        "[sic; so in the original].")


def test_names_holding_links_never_nest_links(kinds_site):
    k02 = parse_html((kinds_site / "k02.html").read_bytes())  # strict parse: nested <a> fails
    assert not k02.xpath("//a//a")
    assert k02.xpath("//p[contains(., 'Nested')]//a[@href='register.html#p-kim-il-sung']"
                     "[.='Kim Il Sung']")
    assert k02.xpath("//span[contains(@class, 'unlinked')][starts-with(., 'Puzanov')]"
                     "//a[contains(@class, 'note-call')]")


def test_metadata_block(k01):
    meta = {text(d.find("dt")): [text(dd) for dd in d.findall("dd")]
            for d in k01.xpath("//dl[@class='metadata']/div")}
    assert meta["Date"] == ["6 July 1972"]
    assert meta["Archive"] == ["AVPRF, fond 0102, opis 13, delo 5, ll. 33–37",
                               "RGANI, fond 5, opis 64, delo 423"]
    assert meta["Record ID"] == ["999001"]
    assert meta["Classification"] == ["SECRET"]
    assert meta["Credits"] == ["translated by Gary Goldberg"]
    assert meta["Source page"] == ["https://digitalarchive.wilsoncenter.org/document/999001"]
    cite = text(k01.xpath("//p[@class='citation']")[0])
    assert cite.startswith("“Record of a Conversation with Kim Il Sung & Others”, 6 July 1972, AVPRF")


def test_undated_document_sorts_first_and_says_so(kinds_site):
    index = parse_html((kinds_site / "index.html").read_bytes())
    first = index.xpath("//table[@class='documents']/tbody/tr[1]/td")
    assert [text(td) for td in first[:2]] == ["undated", "Telegram without a date"]


def test_a_translators_note_with_its_own_short_label_gets_no_second_one(kinds_site):
    k02 = parse_html((kinds_site / "k02.html").read_bytes())
    assert text(k02.xpath("//ol[@class='notes']/li[1]")[0]) == "[trans. note: tilted stamp] ↩"


def test_a_list_the_header_prints_is_set_apart_as_a_header_part(kinds_site):
    """A distribution note at the top (``place="top"``) gets ``b-top``: the stylesheet draws its
    rule under it, where the text begins, not above it as under a signature."""
    k02 = parse_html((kinds_site / "k02.html").read_bytes())
    top = k02.xpath("//div[contains(@class,'b-distribution')]")
    assert [el.get("class") for el in top] == ["b-distribution b-top"]
    assert [text(el) for el in top[0]] == ["Produced in 2 copies for:", "Comrade Kim"]
    k01 = parse_html((kinds_site / "k01.html").read_bytes())
    assert [el.get("class") for el in k01.xpath("//div[contains(@class,'b-distribution')]")] == ["b-distribution"]

