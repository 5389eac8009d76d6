"""The packaged reference persons: a well-known surname alone is a person, linked to one entry."""
from __future__ import annotations

from toolchain import xmlio
from toolchain.register import Register, reference

EMPTY = b"""<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="register"><teiHeader><fileDesc>
<titleStmt><title>t</title></titleStmt><publicationStmt><p>p</p></publicationStmt>
<sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader><standOff/></TEI>"""


def _empty() -> Register:
    return Register(xmlio.parse_bytes(EMPTY))


def test_a_reference_surname_is_known_to_an_empty_register():
    reg = _empty()
    assert reg.known_surname("Beria") and reg.known_surname("Truman")
    assert not reg.known_surname("Zorin")


def test_a_name_no_entry_matches_adopts_the_reference_entry_with_its_names():
    reg = _empty()
    assert reg.match("person", "Harry Truman") == []
    assert reg.adopt_reference("Harry Truman") == ["p-truman-hs"]
    el = reg.entries["p-truman-hs"]
    assert el.getparent().get("type") is None  # a reviewed list, not the candidates
    assert [n.text for n in el] == [n.text for n in reference().entries["p-truman-hs"]]
    assert reg.match("person", "Truman") == ["p-truman-hs"] and reg.changed
    assert reg.adopt_reference("Truman") == []  # adopted once


def test_the_editions_own_entry_comes_first():
    reg = _empty()
    own = reg.add_candidate("person", "P. Beria")  # another Beria of this edition
    assert reg.known_surname("Beria") and reg.match("person", "Beria") == [own]


def test_a_surname_several_entries_share_is_a_person_left_unlinked():
    """Fidel and Raúl Castro both in the register: a bare ``Castro`` is still a person's name
    (the reader tags it), which no single entry is matched to."""
    reg = _empty()
    ids = {reg.add_candidate("person", "Fidel Castro"), reg.add_candidate("person", "Raúl Castro")}
    assert reg.known_surname("Castro") and set(reg.match("person", "Castro")) == ids


def test_no_adoption_for_a_name_of_several_or_no_reference_persons():
    reg = _empty()
    assert reg.adopt_reference("Ivan Zorin") == [] and reg.adopt_reference("K. Truman") == []
    assert not reg.changed


def test_reference_ids_are_the_ids_the_register_would_make():
    from toolchain.register import make_id
    ref = reference()
    for xid, el in ref.entries.items():
        assert make_id("person", el[0].text) == xid


def test_the_founders_are_known_but_not_in_the_names_of_places_and_prizes():
    from toolchain.readers.names import find_persons

    reg = _empty()
    text = "referring to Marx and Lenin, he won the Lenin Prize on Stalin Avenue"
    assert [text[m.start:m.end] for m in find_persons(text, "", reg.known_surname)] == ["Marx", "Lenin"]


def test_full_names_of_reference_persons_are_found_whatever_their_surname():
    reg = _empty()
    text = "Dean Rusk, Secretary of State, met Rusk and D. Rusk; the Dean Rusk’s aide; Deanna Rusky"
    assert [text[s:e] for s, e in reg.full_names(text)] == ["Dean Rusk", "Dean Rusk"]


def test_a_page_names_a_reference_person_by_the_full_name(tmp_path):
    from tests.convert.pages import read_text
    from toolchain.model import Name, walk

    body = read_text(tmp_path, "January 27, 1968\n\nTelegram from Washington\n\n"
                               "Then Dean Rusk said that the talks had gone well.\n").body
    assert [n.content for n in walk(body) if isinstance(n, Name) and n.kind == "person"] == [["Dean Rusk"]]
