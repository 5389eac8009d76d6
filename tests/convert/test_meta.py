"""The archive references of a page's Source citation (guide §2.2 "archive")."""
from __future__ import annotations

import pytest

from toolchain.readers.meta import parse_archives


@pytest.mark.parametrize("citation, archives", [
    ("\"A Report,\" May 1, 1962, History and Public Policy Program Digital Archive, AVPRF, fond 0102, "
     "opis 7, delo 5, list 12.", ["AVPRF"]),
    # an acronym of two words before the fond (the Presidential Archive of the Russian Federation)
    ("\"A Telegram,\" July 03, 1953, History and Public Policy Program Digital Archive, AP RF. F. 3. Op. 65. "
     "D. 830. pp. 136-147.", ["AP RF"]),
    ("\"A Note,\" History and Public Policy Program Digital Archive, Archive of the Ministry (PRCFMA), "
     "106-00075-01.", ["PRCFMA"]),
    # a word in parentheses is no archive's name; the acronym after the semicolon is
    ("\"Remarks,\" History and Public Policy Program Digital Archive, Stiftung Archiv der Parteien "
     "(Archive of the Parties in the Federal Archives (Foundation); SAPMO-BArch), Berlin, DY 30/IV",
     ["SAPMO-BArch"]),
    ("\"A Cable,\" Digital Archive, Political Archive of the Federal Foreign Office, Berlin (PolA AA), MfAA.",
     ["PolA AA"]),
    # no acronym: the archive's name as printed
    ("\"A Report,\" Digital Archive, Polish Foreign Ministry Archive, DV Z12 T404 W17.",
     ["Polish Foreign Ministry Archive"]),
    ("\"A Report,\" Digital Archive, Archive of the Romanian Ministry of Foreign Affairs, Year 1955; Issue 20.",
     ["Archive of the Romanian Ministry of Foreign Affairs"]),
    ("\"A Cable,\" Digital Archive, Státní ústřední archiv (State Central Archive),č.j.0117/68. Obtained by "
     "East China Normal University.", ["Státní ústřední archiv"]),  # named in its own language
    ("\"A Telegram,\" Digital Archive, Arhiva diplomatică - Ministerul Afacerilor Externe, dosar 4022.",
     ["Arhiva diplomatică - Ministerul Afacerilor Externe"]),
    ("\"A Note,\" Digital Archive. Contributed by Sergey Radchenko.", []),
    # an acronym with small letters before its fond; a file's title in capitals is no archive
    ("\"A Record,\" Digital Archive, Notes of O.A. Westad, TsKhSD, f. 5, op. 75, d. 1181.", ["TsKhSD"]),
    ("\"A Letter,\" Digital Archive, International Olympic Committee Archives (Switzerland), SEOUL’ 88, "
     "POLITICAL MATTERS 1988-89; SEOUL ’88/ POLITIQUE (JANVIER – JUILLET).",
     ["International Olympic Committee Archives"]),
    # the acronym after the archive's name in its own language (guide §2.2: the acronym)
    ("Hungarian National Archives (Magyar Országos Levéltár, MOL). XIX-J-1-j India, 1974, 50. doboz.", ["MOL"]),
])
def test_archive_names(citation, archives):
    assert [a.repository for a in parse_archives(citation)] == archives


def test_an_unlabelled_citation_naming_its_archive_is_the_source(tmp_path):
    """Document Information with no Source label: an archive's name and its file's parts."""
    from tests.convert.pages import read_text

    page = ("Skip to content\n\nOctober 4, 1978\n\nTelegram from Kabul\n\n"
            "We met the Prime Minister and spoke about the situation in the country at length.\n\n"
            "Document Information\n\nCentral State Archive, Archive of the CC CPCz, file Husak, box "
            "Afghanistan. Provided by Oldrich Tuma.\n")
    meta = read_text(tmp_path, page).meta
    assert [a.repository for a in meta.archives] == ["Central State Archive"]
    assert [(c.resp, c.name) for c in meta.contributors] == [("provided by", "Oldrich Tuma")]


def test_a_citation_widget_printed_without_its_button(tmp_path):
    """A stored page that starts at the date: the indented summary and citation string under it
    are the widget (title from the citation, the summary kept), not the title and the text."""
    from tests.convert.pages import read_text

    page = ("October 02, 1959\n\n\n    Khrushchev and Mao discuss the situation in Tibet.\n"
            "    \"Discussion between N.S. Khrushchev and Mao Zedong,\" October 02, 1959, History and Public "
            "Policy Program Digital Archive, APRF, f. 52, op. 1, d. 499, ll. 1-33. Translated by Vladislav "
            "M. Zubok.\nPresent at the conversation: Cdes. M.A. Suslov and A.A. Gromyko, and the interpreters.\n")
    record = read_text(tmp_path, page)
    assert record.meta.title == "Discussion between N.S. Khrushchev and Mao Zedong"
    assert record.meta.summary == ["Khrushchev and Mao discuss the situation in Tibet."]
    assert [a.repository for a in record.meta.archives] == ["APRF"]
    assert [type(b).__name__ for b in record.body] == ["Para"]



def test_a_page_captured_from_its_title_with_the_widget_flattened(tmp_path):
    """No date line; the widget's buttons glued to their neighbours (``CITATION SHARE DOWNLOAD-``,
    ``... - Share``, ``- Download``) and the citation glued to the summary: title and funder from
    the top lines, the date from the citation, summary and citation apart, buttons as furniture."""
    from tests.convert.pages import read_text

    page = ("TELEGRAM, EMBASSY OF HUNGARY IN NORTH VIETNAM TO THE HUNGARIAN FOREIGN MINISTRY\n"
            "This document was made possible with support from the Leon Levy Foundation\n"
            "CITATION SHARE DOWNLOAD-\nCitation\nget citation\n"
            "The Embassy reports on the visit.\"Telegram, Embassy of Hungary in North Vietnam to the "
            "Hungarian Foreign Ministry,\" October 29, 1971, History and Public Policy Program Digital "
            "Archive, MOL, XIX-J-1-j Korea, 1971. https://digitalarchive.wilsoncenter.org/document/116616 - Share\n"
            "- Download\nVIEW DOCUMENT IN\nEnglish HTML\n"
            "On October 29, at midday, the Korean delegation left Hanoi after a cold reception.\n")
    record = read_text(tmp_path, page)
    meta = record.meta
    assert meta.title == "TELEGRAM, EMBASSY OF HUNGARY IN NORTH VIETNAM TO THE HUNGARIAN FOREIGN MINISTRY"
    assert meta.funders == ["Leon Levy Foundation"]
    assert (meta.date_text, meta.date_when) == ("October 29, 1971", "1971-10-29")
    assert meta.summary == ["The Embassy reports on the visit."]
    assert meta.citation.startswith("\"Telegram, Embassy") and meta.citation.endswith("/116616")
    assert [a.repository for a in meta.archives] == ["MOL"]
    assert {"CITATION SHARE DOWNLOAD-", "- Share", "- Download"} <= set(meta.furniture)
    assert [type(b).__name__ for b in record.body] == ["Para"]
