"""A letter signed mid-page and what it encloses (foot.letters, writers.tei.split_documents)."""
from __future__ import annotations

import pytest
from lxml import etree

from tests.convert.pages import read_text
from toolchain.model import Closer, Distribution, Head, Name, Opener, Para, walk
from toolchain.readers.inline import flatten
from toolchain.writers.tei import split_documents, write_tei

PROSE = ("The Ambassador said that the talks on the new agreement had gone well and that both "
         "sides would meet again in the autumn to sign it.")
COVER = "I am sending you the record of the conversation held on the fifth of this month.\n\n"
RECORD = f"RECORD OF A CONVERSATION\n\n{PROSE}\n\n{PROSE}\n"


def _blocks(tmp_path, body: str):
    return read_text(tmp_path, f"January 27, 1968\n\nTelegram from Pyongyang\n\n{body}").body


def _kinds(blocks) -> list[str]:
    return [type(b).__name__ for b in blocks]


def _signers(closer: Closer) -> list[str]:
    return [flatten(n.content) for n in walk(closer.signed) if isinstance(n, Name) and n.kind == "person"]


@pytest.mark.parametrize("signature, signer", [
    ("/signature/ KALASHNIKOV", "KALASHNIKOV"),
    ("Ambassador of the USSR [Signature] (S. Chervonenko)", "S. Chervonenko"),
    ("/-/ Nowak", "Nowak"),
    ("DEPUTY CHIEF OF THE DEPARTMENT [signature]\n\n(S. SUZDALEV)", "S. SUZDALEV"),  # the name below
    ("USSR AMBASSADOR IN KOREA\n\n/signature/\n\nT. SHTYKOV", "T. SHTYKOV"),  # a name line under the mark
])
def test_a_marked_signature_mid_page_ends_the_cover_letter(tmp_path, signature, signer):
    blocks = _blocks(tmp_path, f"{COVER}{signature}\n\n{RECORD}")
    assert _kinds(blocks) == ["Para", "Closer", "Head", "Para", "Para"]
    assert _signers(blocks[1]) == [signer]


def test_the_cover_letters_distribution_list_stays_with_it(tmp_path):
    blocks = _blocks(tmp_path, f"{COVER}/signature/ KALASHNIKOV\n\nTwo copies printed\n1 - to the addressee\n"
                               f"2 - to file\n\nSECRET\n\n{RECORD}")
    assert _kinds(blocks) == ["Para", "Closer", "Distribution", "Opener", "Head", "Para", "Para"]


def test_a_salutation_without_comma_and_a_signed_mark_end_a_letter_before_its_appendix(tmp_path):
    """``[signed]`` ends the letter like a signature mark; it is supplied, as guide §3.1 reads it
    (rule 7 takes ``[signature]`` only, rule 12 the rest)."""
    from toolchain.model import Gap, Supplied

    blocks = _blocks(tmp_path, f"{COVER}With socialist greetings\n[signed]\nOskar Fischer\n\nAppendix\n\n{PROSE}\n")
    closer = blocks[1]
    assert isinstance(closer, Closer) and flatten(closer.salute) == "With socialist greetings"
    assert _signers(closer) == ["Oskar Fischer"] and "Appendix" not in flatten(closer.signed)
    assert not any(isinstance(g, Gap) for g in walk(closer.signed))
    assert [flatten(s.content) for s in walk(closer.signed) if isinstance(s, Supplied)] == ["signed"]


def test_a_salutation_and_the_signers_lines_end_a_letter(tmp_path):
    blocks = _blocks(tmp_path, f"{COVER}With comradely greetings,\n\nCol. Josef Houska\n\n"
                               f"Chief of the 1st Administration\n\n{RECORD}")
    closer = blocks[1]
    assert isinstance(closer, Closer) and flatten(closer.salute) == "With comradely greetings,"
    assert _signers(closer) == ["Josef Houska"] and "Chief of the 1st Administration" in flatten(closer.signed)
    assert isinstance(blocks[2], Head)


def test_the_signers_name_and_office_on_one_line_under_a_salutation(tmp_path):
    blocks = _blocks(tmp_path, f"{PROSE}\n\nWith Communist Greetings,\n\n"
                               "Wladislaw Gomulka, Central Committee of the Polish United Workers Party\n")
    closer = blocks[-1]
    assert isinstance(closer, Closer) and flatten(closer.salute) == "With Communist Greetings,"
    assert flatten(closer.signed) == "Wladislaw Gomulka, Central Committee of the Polish United Workers Party"
    assert _kinds(_blocks(tmp_path, f"{PROSE}\n\nWith Communist Greetings,\n\n"
                                    "Gomulka, who wrote the letter, signed it.\n")) == ["Para", "Para", "Para"]


@pytest.mark.parametrize("ending", [
    "/signature/ KALASHNIKOV\n",                                  # the signature ends the page
    "/signature/ KALASHNIKOV\n\n[1] The note was written in pencil by the ambassador himself.\n",
    "/signature/ KALASHNIKOV\n\nTwo copies printed\n1 - to the addressee\n",
])
def test_a_signature_with_no_text_after_it_ends_the_page(tmp_path, ending):
    blocks = _blocks(tmp_path, f"{COVER}{PROSE}[1]\n\n{ending}")
    assert sum(isinstance(b, Closer) for b in blocks) == 1
    assert not any(isinstance(b, (Head, Opener)) for b in blocks)
    assert not any(isinstance(b, Para) for b in blocks[blocks.index(next(b for b in blocks
                                                                            if isinstance(b, Closer))):])


def test_a_signature_word_inside_a_paragraph_ends_nothing(tmp_path):
    blocks = _blocks(tmp_path, f"{COVER}He said the treaty lacks only the /signature/ of the minister, "
                               f"which he expects next week after the session.\n\n{RECORD}")
    assert not any(isinstance(b, Closer) for b in blocks)


def test_each_document_of_the_page_is_a_div_of_its_own(tmp_path):
    record = read_text(tmp_path, f"January 27, 1968\n\nTelegram from Pyongyang\n\nSECRET\n\n{COVER}"
                                 f"/signature/ KALASHNIKOV\n\nTwo copies printed\n1 - to the addressee\n\n{RECORD}")
    top, documents = split_documents(record.body)
    assert _kinds(top) == ["Opener"]
    assert [_kinds(d) for d in documents] == [["Para", "Closer", "Distribution"], ["Head", "Para", "Para"]]
    tei = etree.fromstring(write_tei(record, "test"))
    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    outer = tei.find(".//t:body/t:div", ns)
    assert [etree.QName(c).localname for c in outer] == ["opener", "div", "div"]
    assert [d.get("{http://www.w3.org/XML/1998/namespace}id") for d in outer.findall("t:div", ns)] == \
        ["t-doc-1", "t-doc-2"]
    assert outer[1][-2].tag.endswith("closer") and outer[1][-1].get("type") == "distribution"


def test_an_unsigned_cover_note_ends_after_its_list_and_the_number_under_it(tmp_path):
    """Soviet ministries sent records with a note and no signature: its distribution list and
    the outgoing number and date under it end it, and the record it sends is a document."""
    record = read_text(tmp_path, f"January 27, 1968\n\nTelegram from Pyongyang\n\n{COVER}1 - to the addressee\n\n"
                                 f"2 - to file\n\nNº 946-dv\n\n7 April 1955\n\nSECRET\n\n{RECORD}")
    top, documents = split_documents(record.body)
    assert [_kinds(d) for d in documents] == [["Para", "Distribution", "Dateline"],
                                              ["Opener", "Head", "Para", "Para"]]
    assert [flatten(i.content) for i in documents[0][1].items] == ["to the addressee", "to file"]


@pytest.mark.parametrize("after", [
    f"{PROSE}\n",  # no number or date under the items: points of the text
    "Nº 946-dv\n",  # the page's own foot: no paragraph follows
])
def test_numbered_points_of_the_text_end_no_document(tmp_path, after):
    record = read_text(tmp_path, f"January 27, 1968\n\nTelegram from Pyongyang\n\n{PROSE}\n\n"
                                 f"1 - to raise the quotas\n\n2 - to cut the prices\n\n{after}")
    assert split_documents(record.body)[0] == []


def test_a_page_of_one_document_keeps_one_div(tmp_path):
    record = read_text(tmp_path, f"January 27, 1968\n\nTelegram from Pyongyang\n\n{COVER}{PROSE}\n\n"
                                 "/signature/ KALASHNIKOV\n")
    top, documents = split_documents(record.body)
    assert top == [] and documents == [record.body]
    assert any(isinstance(b, Closer) for b in record.body) and not any(isinstance(b, Distribution)
                                                                         for b in record.body)


# ---------------------------------------------------------------- notes called by glued digits

NOTES = ("[1] Eugeniusz Milnikiel (1905-1969), a director in the ministry.\n\n"
         "[2] Edward Drozniak (1902-1966), the ambassador.\n")


def _calls_and_notes(blocks):
    from toolchain.model import Footnote, NoteCall

    calls = [n.marker for n in walk(blocks) if isinstance(n, NoteCall)]
    return calls, [b.marker for b in blocks if isinstance(b, Footnote)]


def test_notes_called_by_digits_glued_to_a_word_are_footnotes(tmp_path):
    blocks = _blocks(tmp_path, f"To: MILNIKIEL1\n\nFrom: DROZNIAK2\n\n{PROSE}\n\n{NOTES}")
    assert _calls_and_notes(blocks) == (["[1]", "[2]"], ["[1]", "[2]"])


@pytest.mark.parametrize("body", [
    f"To: MILNIKIEL2\n\nFrom: DROZNIAK1\n\n{PROSE}\n\n{NOTES}",      # calls out of order
    f"To: the MiG15 and MILNIKIEL2\n\n{PROSE}\n\n{NOTES}",             # not the first note's
])
def test_digits_glued_to_words_are_calls_only_in_the_notes_order(tmp_path, body):
    assert _calls_and_notes(_blocks(tmp_path, body))[0] == []


def test_the_first_notes_calls_when_the_page_cut_off_the_others(tmp_path):
    """The text that held the second note's call was cut off: the first call is still one, and
    the second note stands under the record without a call (MiG15 is no call: no note 15)."""
    calls, notes = _calls_and_notes(_blocks(tmp_path, f"To: MILNIKIEL1 and the MiG15\n\n{PROSE}\n\n{NOTES}"))
    assert calls == ["[1]"] and notes == ["[1]", "[2]"]


def test_the_summary_under_the_records_notes_on_a_cut_page(tmp_path):
    page = (f"January 27, 1968\n\nTelegram from Pyongyang\n\nTo: MILNIKIEL1\n\n{PROSE}\n\n{NOTES}\n\n"
            "Drozniak discusses the possibility of US military action against Cuba, as well")
    record = read_text(tmp_path, page)
    assert record.meta.summary[-1].startswith("Drozniak discusses")
    assert _kinds(record.body)[-2:] == ["Footnote", "Footnote"]


@pytest.mark.parametrize("opening, paragraph, signed", [
    ("Dear Comrade Honecker,\n\n", PROSE, True),   # a letter: its signer's name alone ends it
    ("", COVER, True),                               # a cover letter says what it sends
    ("", PROSE, False),                              # no letter: a name line is no signature
])
def test_a_letter_opened_with_dear_ends_at_its_signers_name(tmp_path, opening, paragraph, signed):
    blocks = _blocks(tmp_path, f"To Comrade Erich Honecker\n\n{opening}{paragraph}\n\nJ. Herrmann\n\n"
                               f"II The meeting with Kim Il Sung\n\n{PROSE}\n\n{PROSE}\n")
    closers = [b for b in blocks if isinstance(b, Closer)]
    assert [_signers(c) for c in closers] == ([["J. Herrmann"]] if signed else [])


def test_a_signature_mark_inside_a_paragraph_ends_no_document(tmp_path):
    """Found by the fuzz run: a letter that letters() ends at a signature mark printed inside a
    long line gets no closer, so what follows is no enclosure with a header block of its own
    (an opener after the paragraphs, in the same div, is invalid TEI)."""
    body = _blocks(tmp_path, "The the the the.\nThe the [signature].\n"
                             "The the the the the the the the the the the the the the [signature].\n"
                             "The the the.\nThe the the the.")
    assert [type(b).__name__ for b in body] == ["Para"] * 5
    assert len(split_documents(body)[1]) == 1
