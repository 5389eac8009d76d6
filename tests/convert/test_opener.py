"""Numbers in a record's header block (guide §3.3: registry, incoming and outgoing numbers)."""
from __future__ import annotations

import pytest

from tests.convert.pages import read_text
from toolchain.model import Number, walk

PAGE = "Skip to content\n\nAugust 18, 1975\n\nA Test Record\n\n{}\n\nThe talks went well in the afternoon.\n"


def _numbers(tmp_path, header: str) -> list[tuple[str, str]]:
    return [(n.kind, n.text) for n in walk(read_text(tmp_path, PAGE.format(header)).body)
            if isinstance(n, Number)]


def test_a_bare_number_in_the_header_is_a_registry_number(tmp_path):
    assert _numbers(tmp_path, "SECRET\nPyongyang\n0767s") == [("registry", "0767s")]


def test_a_year_in_parentheses_is_no_registry_number(tmp_path):
    """``Showa 50 (1975) August 18``: the Western year of an era date."""
    assert _numbers(tmp_path, "Showa 50 (1975) August 18\nNorth East Asia Division") == []


@pytest.mark.parametrize("header, numbers", [
    ("No.: 059.060", [("registry", "059.060")]),               # a colon after the number sign
    ("022.680/62 Secret", [("registry", "022.680/62")]),        # a Czechoslovak file's number
    ("Confidential Number 103/2", [("registry", "103/2")]),    # the word Number
    ("SECRET\n242/136/53", [("registry", "242/136/53")]),      # slashed parts
    ("SECRET\n143", [("registry", "143")]),                    # three digits, a line of their own
    ("28/VII [added by hand]\nSent on 09/29/50", []),          # dates, not numbers
    ("No. P168/5", [("registry", "P168/5")]),                 # capitals before the digits
    ("22 August 1968. Nr. 74 320", [("registry", "74 320")]),  # digits in groups of three
    ("Ref: 381.1-NHK/mo", [("registry", "381.1-NHK/mo")]),    # a reference
    ("TOP SECRET\nCopy no. 2 re: no. 222", [("registry", "222")]),  # the number a record answers
    ("SPECIAL FOLDER\nNº P 146/VI", [("registry", "P 146/VI")]),    # a space after the capital
    ("SECRET\nNo 615 / dv", [("registry", "615 / dv")]),            # No without its dot, spaced slash
    ("In Prague on 5/16/1963\nfile 003786/63-7", [("registry", "003786/63-7")]),
    ("SECRET\nIskh. #109/ss", [("outgoing", "109/ss")]),            # the Russian label transliterated
    ("SECRET\nIncoming Nº M-9101ss", [("incoming", "M-9101ss")]),    # a letter before the number
    ("Urgent - From the Korea Desk - No (63) 395", [("registry", "(63) 395")]),  # the year first
    ("SECRET\n131/1963/top secret", [("registry", "131/1963")]),   # the classification after it
])
def test_header_numbers(tmp_path, header, numbers):
    assert _numbers(tmp_path, header) == numbers


def test_a_header_line_between_paragraphs_is_read_as_a_header(tmp_path):
    """A second letter on the page: ``Nº 946-dv`` and ``Secret. Copy Nº 5`` between paragraphs."""
    from toolchain.model import Marking

    page = PAGE.format("SECRET\nNº 101") + "\nNº 946-dv\n\nSecret. Copy Nº 5\n\nWe send you the memo on the talks.\n"
    record = read_text(tmp_path, page)
    assert ("registry", "946-dv") in [(n.kind, n.text) for n in walk(record.body) if isinstance(n, Number)]
    assert [(m.kind, m.text) for m in walk(record.body) if isinstance(m, Marking)][-2:] == [
        ("classification", "Secret"), ("copy", "Copy Nº 5")]


def test_a_copy_number_written_on_a_blank_is_a_copy_marking(tmp_path):
    from toolchain.model import Marking

    record = read_text(tmp_path, PAGE.format("[Stamp] DECLASSIFIED\n\nSecret. Copy #_1_"))
    assert [(m.kind, m.text, m.number) for m in walk(record.body) if isinstance(m, Marking)] == [
        ("classification", "Secret", None), ("copy", "Copy #_1_", "1")]


def test_a_line_repeating_the_title_belongs_to_the_header(tmp_path):
    """The title repeated with its date is long enough for prose, but opens the header."""
    from toolchain.model import Marking, Opener, Para

    page = ("August 7, 1977\n\nAmbassador Ratanov, Memorandum of Conversation with Mengistu\n\n"
            "Ambassador Ratanov, Memorandum of Conversation with Mengistu, 7 August 1977 in Addis Ababa\n\n"
            "From the journal of TOP SECRET A. P. RATANOV Copy no. 2\n\n"
            "I visited Mengistu Haile Mariam and we spoke about the situation in the country.\n")
    record = read_text(tmp_path, page)
    assert [type(b) for b in record.body] == [Opener, Para]
    assert [(m.kind, m.text) for m in walk(record.body) if isinstance(m, Marking)] == [
        ("classification", "TOP SECRET"), ("copy", "Copy no. 2")]


@pytest.mark.parametrize("header, marking", [
    ("Of Special Significance\nNo. 15", "Of Special Significance"),
    ("TOP SECRET\nOF SPECIAL IMPORTANCE", "OF SPECIAL IMPORTANCE"),
    ("Highly Confidential!", "Highly Confidential"),
])
def test_the_top_level_of_special_importance_is_a_classification(tmp_path, header, marking):
    from toolchain.model import Marking

    record = read_text(tmp_path, PAGE.format(header))
    assert marking in [m.text for m in walk(record.body) if isinstance(m, Marking) and m.kind == "classification"]


def test_a_copy_number_after_a_colon(tmp_path):
    from toolchain.model import Marking

    record = read_text(tmp_path, PAGE.format("Secret\nCopy No.: 2"))
    assert [(m.kind, m.number) for m in walk(record.body) if isinstance(m, Marking) and m.kind == "copy"] == \
        [("copy", "2")]


def test_the_soviet_markings_absolutely_secret_and_the_only_copy(tmp_path):
    from toolchain.model import Marking

    record = read_text(tmp_path, PAGE.format("Absolutely secret\n\nSpecial file\n\nthe only copy\n\n"
                                             "Completely Secret, Copy no. 3\n\nTOP SECRET Copy Nº only"))
    assert [(m.kind, m.text, m.category) for m in walk(record.body) if isinstance(m, Marking)] == [
        ("classification", "Absolutely secret", "cls-absolutely-secret"), ("copy", "the only copy", None),
        ("classification", "Completely Secret", "cls-completely-secret"), ("copy", "Copy no. 3", None),
        ("classification", "TOP SECRET", "cls-top-secret"), ("copy", "Copy Nº only", None)]


def test_the_seds_internal_party_material_is_a_classification(tmp_path):
    from toolchain.model import Marking

    record = read_text(tmp_path, PAGE.format("[SED Central Committee]\n\nInternal Party Material"))
    assert [(m.kind, m.text, m.category) for m in walk(record.body) if isinstance(m, Marking)] == [
        ("classification", "Internal Party Material", "cls-internal-party-material")]


def test_a_copy_named_by_its_order(tmp_path):
    """The German ``Erstes Exemplar``, as translated: ``First copy``, in the header only."""
    from toolchain.model import Marking

    record = read_text(tmp_path, PAGE.format("vvs-t-b 7/111- 21/88 First copy 1 page"))
    assert [(m.kind, m.text) for m in walk(record.body) if isinstance(m, Marking)] == [("copy", "First copy")]


@pytest.mark.parametrize("header, expected", [
    ("Top Secret. Copy #___", [("copy", "Copy #___")]),                      # the number left blank
    ("Top Secret\n\nOnly Copy", [("copy", "Only Copy")]),
    ("Outgoing (64) Si-889", [("outgoing", "(64) Si-889")]),                 # the year first
    ("Nº ST-134/16gs of 15.11.1978", [("registry", "ST-134/16gs")]),        # capitals and a hyphen
    ("Top Secret. Extremely Sensitive\nno. 1025-A/ov", [("registry", "1025-A/ov")]),  # no. in lower case
])
def test_numbers_and_copies_of_the_header(tmp_path, header, expected):
    from toolchain.model import Marking, Number

    record = read_text(tmp_path, PAGE.format(header))
    found = [(n.kind, n.text) for n in walk(record.body) if isinstance(n, (Number, Marking)) and n.kind != "classification"]
    assert found == expected


def test_a_heading_prints_the_telegrams_number_and_classification(tmp_path):
    from toolchain.model import Head, Marking, Number

    record = read_text(tmp_path, PAGE.format("Telegram to the Embassy in Teheran, No. 05/003865, 7 August 1967, "
                                             "Top Secret"))
    head = next(b for b in record.body if isinstance(b, Head))
    assert [(n.kind, n.text) for n in walk(head.content) if isinstance(n, (Number, Marking))] == [
        ("registry", "05/003865"), ("classification", "Top Secret")]

