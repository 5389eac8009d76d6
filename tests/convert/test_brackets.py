"""How the reader reads a bracket in running text (guide §3.1-3.2), on small pages."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.convert.pages import read_text
from toolchain.model import Foreign, Name, Sic, Supplied, walk
from toolchain.readers.inline import flatten

PAGE = "Skip to content\n\nMay 1, 1960\n\nA Test Record\n\n{}\n"


def _read(tmp_path: Path, paragraph: str):
    return list(walk(read_text(tmp_path, PAGE.format(paragraph)).body))


def _supplied(nodes) -> dict[str, tuple[str, list[str]]]:
    """Each supplied text -> (reason, the person names inside it)."""
    return {flatten(n.content): (n.reason, [flatten(p.content) for p in walk(n.content)
                                            if isinstance(p, Name) and p.kind == "person"])
            for n in nodes if isinstance(n, Supplied)}


@pytest.mark.parametrize("paragraph, text, reason, persons", [
    ("Deputy Minister of Foreign Affairs [Ho Dam] arrived.", "Ho Dam", "identification", ["Ho Dam"]),
    ("He met [Nikita] there.", "Nikita", "identification", ["Nikita"]),
    ("He met Ri [Pyong-ok] there.", "Pyong-ok", "identification", []),  # joined to Ri: see below
    # a title or a people's name inside: no person as a whole, nor the first name alone before
    # the surname it belongs to (Dorticos is the person: test below)
    ("[Cuban President Osvaldo] Dorticos spoke.", "Cuban President Osvaldo", "identification", []),
    ("He met [Warsaw Pact Commander-in-Chief] Grechko.", "Warsaw Pact Commander-in-Chief",
     "identification", []),
    ("He said that the [North Korean] ministry waits.", "North Korean", "omitted-in-original", []),
    ("On the afternoon of 22 [November], he came.", "November", "omitted-in-original", []),
    # letters completing a printed word
    ("The F[oreign] M[inistry] waits.", "oreign", "omitted-in-original", []),
    ("Deputy Premier H[afizullah] Amin spoke.", "afizullah", "omitted-in-original", []),
    ("with the D[emocratic] P[eople’s] R[epublic] K[orea] now", "eople’s", "omitted-in-original", []),
])
def test_supplied(tmp_path, paragraph, text, reason, persons):
    assert _supplied(_read(tmp_path, paragraph))[text] == (reason, persons)


def test_a_transliteration_apart_from_the_words_is_still_foreign(tmp_path):
    nodes = _read(tmp_path, "Headquarters [Tsentr]I had the decision [osobye] met.")
    assert [flatten(n.content) for n in nodes if isinstance(n, Foreign)] == ["Tsentr", "osobye"]


def test_a_supplied_first_name_joins_the_surname_after_it(tmp_path):
    """``[Nikita] Khrushchev``: one person name holding the supplied first name (rule 2)."""
    names = [n for n in _read(tmp_path, "He met [Nikita] Khrushchev there.") if isinstance(n, Name)]
    assert [flatten(n.content) for n in names] == ["Nikita Khrushchev"]
    assert isinstance(names[0].content[0], Supplied)


@pytest.mark.parametrize("paragraph, name", [
    ("with Comrade [Mikhail Stepanovich] Kapitsa, the head", "Mikhail Stepanovich Kapitsa"),
    ("in the presence of [Emilio] Aragones at the time", "Emilio Aragones"),  # a surname unknown
    ("From: [Boleslaw] JELEN1 and the staff", "Boleslaw JELEN"),  # a glued note call is no part of it
    ("It was forwarded to [Xi] Zhongxun, and the Foreign Ministry", "Xi Zhongxun"),  # xi: English too
])
def test_a_supplied_first_name_joins_a_surname_unknown_so_far(tmp_path, paragraph, name):
    assert [flatten(n.content) for n in _read(tmp_path, paragraph) if isinstance(n, Name)] == [name]


def test_an_office_closing_the_record_is_no_person(tmp_path):
    nodes = _read(tmp_path, "Please reply to us by cable at once on the whole matter.\n\nMinistry of Foreign Affairs")
    assert [flatten(n.content) for n in nodes if isinstance(n, Name) and n.kind == "person"] == []


@pytest.mark.parametrize("paragraph, sic, persons", [
    ("People's Artists of the DPRK Pe Yon [sic] played well.", "Pe Yon", ["Pe Yon"]),  # not the acronym
    ("one of the students, Ho Un [sic] had refused", "Ho Un", ["Ho Un"]),  # a family name, an English word
    ("I received J. Drygans [sic], PNR Ambassador.", "J. Drygans", ["J. Drygans"]),  # initials are the name's
    ("They met Cde. Drygans [sic] there.", "Drygans", []),       # an honorific is not
    ("the U.S. Ambassador [sic] said", "Ambassador", []),        # nor a title
])
def test_a_sic_name_holds_the_name_and_nothing_else(tmp_path, paragraph, sic, persons):
    nodes = _read(tmp_path, paragraph)
    assert [flatten(n.content) for n in nodes if isinstance(n, Sic)] == [sic]
    assert [flatten(n.content) for n in nodes if isinstance(n, Name) and n.kind == "person"] == persons


def test_an_honorific_before_the_signer_stays_outside_the_name(tmp_path):
    nodes = _read(tmp_path, "Please reply to us by cable at once on the whole matter.\n\nComrade Bényei"
                            "\n\nDocument Information\n\nSource\n\nMOL, XIX-J-1-j Korea.")  # a whole page
    assert [flatten(n.content) for n in nodes if isinstance(n, Name) and n.kind == "person"] == ["Bényei"]


@pytest.mark.parametrize("label", ["Translator's note:", "Translator’s note:", "trans. note:", "Transl. note:",
                                   "Translator note:", "Ed. Note:", "Editor's note:"])  # (the editors' too)
def test_a_translators_note_under_any_of_its_labels(tmp_path, label):
    from toolchain.model import Note

    nodes = _read(tmp_path, f"The stamp [{label} tilted stamp] was on the first page.")
    notes = [n for n in nodes if isinstance(n, Note)]
    kept = "" if label.lower().startswith("translator's") or label.startswith("Translator’s") else label + " "
    assert [(n.kind, flatten(n.content)) for n in notes] == [("translator", kept + "tilted stamp")]


@pytest.mark.parametrize("paragraph, persons", [
    ("I invited c. Puzanov for lunch. C. Puzanov told me that c. Kim Il Sung had talks.",
     ["Puzanov", "Puzanov", "Kim Il Sung"]),           # the page writes c. for comrade
    ("At noon C. Puzanov told me that Kim Il Sung had talks.", ["C. Puzanov", "Kim Il Sung"]),
])
def test_a_capital_c_is_comrade_where_the_page_writes_c_for_comrade(tmp_path, paragraph, persons):
    nodes = _read(tmp_path, paragraph)
    assert [flatten(n.content) for n in nodes if isinstance(n, Name) and n.kind == "person"] == persons


def test_a_place_shaped_like_an_east_asian_name_is_a_place(tmp_path):
    nodes = _read(tmp_path, "He flew to Hong Kong and then to Kaesong and Andong [Dandong] by train.")
    assert [flatten(n.content) for n in nodes if isinstance(n, Name) and n.kind == "person"] == []
    assert [flatten(n.content) for n in nodes if isinstance(n, Name) and n.kind == "place"] == [
        "Hong Kong", "Kaesong", "Andong", "Dandong"]


@pytest.mark.parametrize("paragraph, identified, surname", [
    ("members like [Minister of Education Armando] Hart, and others", "Minister of Education Armando", "Hart"),
    ("no mention of [Hungarian Foreign Minister Janos] Peter’s interview", "Hungarian Foreign Minister Janos",
     "Peter"),
    ("and [economic advisor Raúl Cepero] Bonilla, who", "economic advisor Raúl Cepero", "Bonilla"),
    ("To: [Foreign Ministry Director Eugeniusz] MILNIKIEL", "Foreign Ministry Director Eugeniusz", "MILNIKIEL"),
])
def test_a_title_and_first_name_supplied_before_a_surname_identify_him(tmp_path, paragraph, identified, surname):
    nodes = _read(tmp_path, paragraph)
    reason, inside = _supplied(nodes)[identified]
    assert reason == "identification"
    assert surname in [flatten(n.content) for n in nodes if isinstance(n, Name) and n.kind == "person"]
    # a first name alone inside the title is no person of its own (guide §3.2 rule 2)
    assert not any(" " not in name for name in inside)


def test_a_place_supplied_before_a_word_names_no_person_after_it(tmp_path):
    nodes = _read(tmp_path, "the character of the [Leipzig] Spring and Fall Fair")
    assert "Spring" not in [flatten(n.content) for n in nodes if isinstance(n, Name)]


def test_a_supplied_given_name_joins_a_family_name_printed_alone(tmp_path):
    names = [n for n in _read(tmp_path, "Chairman Mao [Zedong] said so.") if isinstance(n, Name)]
    assert [flatten(n.content) for n in names] == ["Mao Zedong"]


@pytest.mark.parametrize("paragraph", [
    # (another romanisation of the name before would be a note: Guseong [Kusong])
    "He visited the towns of Sariwon, Anju [Sunchon] and Kaechon, as planned.",  # a list of places
    "He gave on-the-spot guidance in Jagang [Kanggye] Province last week.",       # a place noun after
])
def test_a_place_identified_by_a_bracket_is_no_person(tmp_path, paragraph):
    nodes = _read(tmp_path, paragraph)
    assert [flatten(n.content) for n in nodes if isinstance(n, Name) and n.kind == "person"] == []
    assert [n.reason for n in nodes if isinstance(n, Supplied)] == ["identification"]


@pytest.mark.parametrize("paragraph, note", [
    ("the MVT [Ministry of Foreign Trade] wrote", "Ministry of Foreign Trade"),
    ("Cde. Lysenko, GIU GKEhS [Main Engineering Directorate], left", "Main Engineering Directorate"),
    ("TO: NERECODI [Dutch Government Code Service, The Hague]", "Dutch Government Code Service, The Hague"),
    # a name abbreviated after it
    ("the Ministry of National Defense [MNO]; he", "MNO"),
    ("the Central Committee of the Bulgarian Communist Party [CC of the BCP], held", "CC of the BCP"),
    ("with regard to the multilateral force [MLF], the USSR", "MLF"),   # the words spell it
    ("published in the newspaper Renmin Ribao [People's Daily]. The", "People's Daily"),  # translated
    ("of the Great Khural of the MPR [Mongolian People’s Republic] J. Batmunkh", "Mongolian People’s Republic"),
    ("between Czechoslovakia and Chinese People’s Republic [CPR], and", "CPR"),  # a possessive spells too
    ("the ÚRO [Central Trade Union Council], and", "Central Trade Union Council"),  # an accented acronym
    ("Instantsiya [codename for Stalin] is demanding", "codename for Stalin"),  # a cover name explained
])
def test_an_acronym_expanded_or_a_name_abbreviated_is_a_gloss(tmp_path, paragraph, note):
    from toolchain.model import Note

    nodes = _read(tmp_path, paragraph)
    assert [(n.subtype, flatten(n.content)) for n in nodes if isinstance(n, Note)] == [("gloss", note)]
    assert not any(isinstance(n, Supplied) for n in nodes)


@pytest.mark.parametrize("paragraph, stamped", [
    ("[Stamp 042. 4 January 1961] The talks went on.", "042. 4 January 1961"),   # no colon after Stamp
    ("[CPSU CC stamp: 12 July 1972 22900] The talks went on.", "12 July 1972 22900"),
    ("[Stamps:]  S e c r e t", None),   # the stamps' words printed after the label's bracket
    ("Ministry of Foreign Affairs [Illegible stamp no 023011]", "023011"),  # its number was read
    ("[Stamp]: USSR MFA", None),   # the label alone in the bracket, the stamp's words after it
])
def test_a_stamp_is_labelled(tmp_path, paragraph, stamped):
    from toolchain.model import Note, Stamped

    nodes = _read(tmp_path, paragraph)
    assert [n.kind for n in nodes if isinstance(n, Note)] == ["stamp"]
    assert [flatten(n.content) for n in nodes if isinstance(n, Stamped)] == ([stamped] if stamped else [])


@pytest.mark.parametrize("paragraph, text", [
    ("He told the Party [KWP] about it.", "KWP"),        # one word: an identification
    ("He met Kim [KWP CC] there.", "KWP CC"),
])
def test_an_acronym_after_one_word_is_supplied(tmp_path, paragraph, text):
    assert text in _supplied(_read(tmp_path, paragraph))


@pytest.mark.parametrize("paragraph, note", [
    # the romanisation systems write these consonants differently (k/g, l/r, t/d, ph/b, ch/j)
    ("the town of Gaeseong [Kaesong], a point", "Kaesong"),
    ("Li Jong-ok [Ri Jong Ok] member of the Politburo", "Ri Jong Ok"),
    ("were Kim Du-bong [Kim Tu Phong], Kim Il Sung and", "Kim Tu Phong"),
    ("the paper Joseon Inmingun [Choson Inmin’gun] wrote", "Choson Inmin’gun"),
    ("an engineer was sent to Andong [Dandong] at once", "Dandong"),   # the new name holds the old
    ("the automobiles in Yili [Ili] were", "Ili"),                         # or the old the new
])
def test_another_romanisation_of_the_name_before_is_a_note(tmp_path, paragraph, note):
    from toolchain.model import Note

    nodes = _read(tmp_path, paragraph)
    assert [(n.subtype, flatten(n.content)) for n in nodes if isinstance(n, Note)] == [("romanization", note)]
    assert not any(isinstance(n, Supplied) for n in nodes)


def test_a_supplied_given_name_after_an_east_asian_name_joins_it(tmp_path):
    """``Kim Il [Sung]``: identification, one person, though "sung" is an English word."""
    names = [n for n in _read(tmp_path, "He said that Kim Il [Sung] was ill.") if isinstance(n, Name)]
    assert [flatten(n.content) for n in names] == ["Kim Il Sung"]


def test_whose_a_name_is_no_translation_of_it(tmp_path):
    nodes = _read(tmp_path, "found in the archives of the Rhee Syngmann [South Korean] government")
    assert list(_supplied(nodes)) == ["South Korean"]


def test_an_expansion_that_reads_on_into_the_text_is_supplied(tmp_path):
    nodes = _read(tmp_path, "the embassy of the SR [Socialist Republic of] Vietnam said")
    assert list(_supplied(nodes)) == ["Socialist Republic of"]


def test_a_word_of_another_language_is_supplied_not_russian(tmp_path):
    """``[secamente]`` in a Brazilian telegram is Portuguese: only transliterated Russian is foreign."""
    from toolchain.model import Foreign

    nodes = _read(tmp_path, "The Secretary answered [secamente] that the matter was closed.")
    assert list(_supplied(nodes)) == ["secamente"] and not any(isinstance(n, Foreign) for n in nodes)


def test_a_bracket_signed_by_the_translator_is_a_translator_note(tmp_path):
    from toolchain.model import Note

    nodes = _read(tmp_path, "like having that thing [meaning a guided missile—trans.] that can go")
    assert [(n.kind, flatten(n.content)) for n in nodes if isinstance(n, Note)] == [
        ("translator", "meaning a guided missile—trans.")]


@pytest.mark.parametrize("paragraph, kind", [
    ("On [date left blank] April 1955 he came.", "physical"),      # a short description of the paper
    ("The [letterhead with eagle] Ministry writes.", "physical"),
    ("the delegation. [page break] We then", "physical"),
    ("Vice Premier Deng, [name blacked out]. Chinese side:", "physical"),
    ("the agreement. [draft follows on next page] The", "physical"),
    ("19 March 1957 [two illegible signatures] 22 March", "physical"),
    ("the Arab world. [end page] President Tito:", "physical"),
    ("[The State Seal] Top Secret.", "physical"),
    ("the missile [emphasis in the original] was tested", "physical"),
    ("[Signatures: L. Brezhnev, A. Kosygin, Suslov]", "physical"),
    ("[Signatures: L. Brezhnev, A. Kosygin, D. Polianskii, A. Pel'she, K. Mazurov, Podgornyi]", "physical"),
    ("the decree. [Mostly illegible signatures and coordination entries follow]", "physical"),
    ("It was [inserted by hand: appropriate] done.", "handwritten"),  # by hand: handwriting
    ("Done [added by hand] quickly.", "handwritten"),
    ("Yes. [This portion of the text is crossed out: “He jokes that they will stay.”] No.", "physical"),
])
def test_notes_on_the_paper(tmp_path, paragraph, kind):
    from toolchain.model import Note

    assert [n.kind for n in _read(tmp_path, paragraph) if isinstance(n, Note)] == [kind]


@pytest.mark.parametrize("paragraph", [
    "He said [the talks were cut off] abruptly.",
    "the actions of “red diplomacy” [the first six months of this year] saw",  # no first page
])
def test_words_supplied_about_the_talks_are_no_description_of_the_paper(tmp_path, paragraph):
    nodes = _read(tmp_path, paragraph)
    assert [n.reason for n in nodes if isinstance(n, Supplied)] == ["omitted-in-original"]


def test_a_clause_supplied_before_a_name_makes_no_person_of_the_word_before_it(tmp_path):
    """``Kim [Il Sung]``: the word before the given names is the family name; ``Cuba [to be
    carried out by the Algerian leader Ahmed] Ben Bella``: the bracket only ends in a name."""
    nodes = _read(tmp_path, "the mediation between the United States and Cuba [to be carried out by the "
                            "Algerian revolutionary leader Ahmed] Ben Bella, he stated")
    assert [flatten(n.content) for n in nodes if isinstance(n, Name) and n.kind == "person"] == ["Ben Bella"]


@pytest.mark.parametrize("paragraph, persons", [
    ("-- Lt. Gen. V[áclav] Dvořák, state secretary of the CSSR government", ["Dvořák"]),
    ("-- Maj. Gen. J[an] Lux, head of the main rear, deputy minister,", ["Lux"]),  # after a first name
    ("the R[epublic] Government said", []),
])
def test_the_family_name_after_a_first_name_the_translator_completed(tmp_path, paragraph, persons):
    nodes = _read(tmp_path, paragraph)
    assert [flatten(n.content) for n in nodes if isinstance(n, Name) and n.kind == "person"] == persons


@pytest.mark.parametrize("paragraph, dates", [
    ("On 29 [September] and 30 [September] he", [("29 September", "1960-09-29"), ("30 September", "1960-09-30")]),
    ("He came on 14 November [1963] and", [("14 November 1963", "1963-11-14")]),   # the year supplied
    ("It was No. 12 [1963] in the list", []),
])
def test_a_date_whose_month_or_year_the_translator_supplied(tmp_path, paragraph, dates):
    """One date around the bracket, which stays supplied (the year is no registry number); a
    month without its year takes the document's (1960 here)."""
    from toolchain.model import Date, Number

    nodes = _read(tmp_path, paragraph)
    assert [(flatten(d.content), d.when) for d in nodes if isinstance(d, Date)] == dates
    assert not dates or not any(isinstance(n, Number) for n in nodes)

