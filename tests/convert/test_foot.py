"""The end of a page cut off before its Document Information (foot.split_cut_summary)."""
from __future__ import annotations

import pytest

from tests.convert.pages import read_text
from toolchain.readers.foot import split_cut_summary
from toolchain.readers.source import Line


def _split(*texts: str) -> tuple[list[str], list[str]]:
    record, summary = split_cut_summary([Line(i, t) for i, t in enumerate(texts, 1)])
    return [ln.text for ln in record], [ln.text for ln in summary]


@pytest.mark.parametrize("last", ["Puzanov tells the", "Puz", "Kim Il Sung expresses his gratitude and"])
def test_words_cut_off_after_the_foot_are_the_summary(last):
    assert _split("5 - to file", "Nº 527", "", "31 August 1957", last) == (
        ["5 - to file", "Nº 527", "", "31 August 1957"], [last])


SUMMARY = "Report on the rejection to publish the decree of the Plenum in its entirety. The CC agrees with Amba"


@pytest.mark.parametrize("foot", [
    ("(I. Vinogradov)", "No. 25-C-2236", "Zab"),    # a short line under the foot's number
    ("GRECHKO TARASOV", "18 June 1953, 2:30 p.m."),  # a date and its hour
])
def test_a_summary_sentence_cut_off_under_the_foot_is_the_summary(foot):
    assert _split(*foot, SUMMARY) == (list(foot), [SUMMARY])


@pytest.mark.parametrize("lines", [
    ("31 August 1957", "A. PUZANOV"),                 # a signature after a date
    ("31 August 1957", "(A. Puzanov)"),
    ("He said the talks went well.", "Comrade Ambassador also ask"),  # cut inside the record
    ("Nº 527", "Puzanov told Kim Il Sung."),          # a whole sentence: no cut
    ("Signed: N. Popa", "We ask the Ministry to reply to the Embassy's note of 3 May."),  # first person
    # a numbered heading, then the record's paragraph cut off: too long for a summary
    ("1. Important Officials Met in Korea", "We met officials such as " + "Kim and Yun, " * 30 + "and"),
])
def test_other_last_lines_stay_in_the_record(lines):
    assert _split(*lines) == (list(lines), [])


PROSE = "We believe it is advisable to insert the text of the declaration in our press at once."


@pytest.mark.parametrize("ending", [
    f"{PROSE}\n\nTh",                                                   # cut inside a word
    f"{PROSE}\n\nCopies: Stalin (2), Molotov, Malenkov, Beria,\n\nMikoyan, Kaganovich, Bulga",
])
def test_a_cut_off_last_line_is_no_signature(tmp_path, ending):
    from toolchain.model import Closer

    record = read_text(tmp_path, f"January 27, 1968\n\nTelegram from Pyongyang\n\n{ending}")
    assert not any(isinstance(b, Closer) for b in record.body)


def test_a_title_printed_only_in_the_citation_is_taken_from_it(tmp_path):
    page = ("Digital Archive International History Declassified\n\nSeptember 30, 1950\n\n  • Citation\n\n"
            "    get citation\n\n    A summary of the telegram.\n\n"
            '    "Ciphered Telegram, Shtykov to Gromyko," September 30, 1950, History and Public Policy '
            "Program Digital Archive, APRF.\n\n  • share document\n\nEnglish HTML\n\n"
            f"Sent on 09/29/50 at 20:23 p.m.\n\n{PROSE}\n")
    assert read_text(tmp_path, page).meta.title == "Ciphered Telegram, Shtykov to Gromyko"


@pytest.mark.parametrize("ending, signed", [
    # a signature line before a list head that ends in a typist's mark
    (f"{PROSE}\n\nSOVIET AMBASSADOR IN THE DPRK [signature] /A. PUZANOV/\n\nFive copies printed v[i]\n\n"
     "1 - Cde. A. A. Gromyko\n\n2 - to file", "A. PUZANOV"),
    (f"{PROSE}\n\n/signature/ KALASHNIKOV\n\nTwo copies printed\n\n1 - to the addressee", "KALASHNIKOV"),
    # the office, the signature mark and the name on one line; the Polish mark /-/
    (f"{PROSE}\n\nAmbassador of the USSR in the MPR [Signature] V[asily]. Pisarev", "Pisarev"),
    (f"{PROSE}\n\n/-/ Nowak", "Nowak"),
    (f"{PROSE}\n\n/-/ [Polish Ambassador in Moscow Wladyslaw] Napieraj", "Napieraj"),  # the signer described
    # a cut-off page: the summary after the signature, cut inside a word
    (f"{PROSE}\n\nSigned: N. Popa\n\nThe Embassy of Romania conveys the results of a meeting with the Mini",
     "N. Popa"),
    # the signers, the copy attested ("Verno"), the date with its hour
    (f"{PROSE}\n\nGRECHKO TARASOV\n\n\"Correctly\": GENERAL OF THE ARMY SHTEMENKO\n\n18 June 1953, 2:30 p.m.",
     ["GRECHKO", "TARASOV", "SHTEMENKO"]),
    # a foot with a copies line, a distribution statement and the typist code written the other way
    (f"{PROSE}\n\nCOUNSELLOR OF THE [signature]\n\nUSSR MFA DVO (B. VERESHCHAGIN)\n\n25 copies printed\n\n"
     "Distributed according to a list\n\nNº 2346-dv.\n\n22 October 1956\n\nme/MB", "B. VERESHCHAGIN"),
    # the office and the name in parentheses on one long line
    (f"{PROSE}\n\nUSSR AMBASSADOR IN THE REPUBLIC OF CUBA (A. ALEKSEYEV)", "A. ALEKSEYEV"),
    # a Hungarian cipher telegram: its number and the signer between dashes
    (f"{PROSE}\n\n– 84 – Ágoston –\n\nA telegram from the Hungarian mission stating the facts of the matt",
     "Ágoston"),
    # a British copy's signature mark; the page's stored text ends with the whole summary
    (f"{PROSE}\n\nYours Sincerely,\n\n(Sgd.) F.C. HOW\n\nF.C. How of the Ministry of Supply replies to "
     "Roger Makins regarding negotiations with India.", "F.C. HOW"),
    # the translator says the signature is handwritten; the name is supplied
    (f"{PROSE}\n\n[handwritten signature] G. [Pushkin]\n\n15 October 1952\n\nNº 300/Gp", "Pushkin"),
    # the signer's name and the office in lower case, then the summary without its full stop
    (f"{PROSE}\n\nFerenc Rátkai chargé d'affaires ad interim\n\nThe Bulgarian Embassy in North Korea urges "
     "the DPRK to join the treaty, citing US weapons in South Korea\n\nDocument Information\n\nSource\n\nMOL",
     "Ferenc Rátkai"),
    # a signer's name of four words in capitals
    (f"{PROSE}\n\nLUIZ LEIVAS BASTIAN PINTO", "LUIZ LEIVAS BASTIAN PINTO"),
    # the office with a comma above the name, which ends with a full stop; the editor's note under it
    (f"{PROSE}\n\nThe Ambassador,\n\nG.W. Boissevain.\n\n[i] Not further identified - ed.", "G.W. Boissevain"),
])
def test_signature_lines(tmp_path, ending, signed):
    from toolchain.model import Closer, Name, walk
    from toolchain.readers.inline import flatten

    record = read_text(tmp_path, f"January 27, 1968\n\nTelegram from Pyongyang\n\n{ending}")
    closers = [b for b in record.body if isinstance(b, Closer)]
    assert [flatten(n.content) for c in closers for n in walk(c.signed)
            if isinstance(n, Name) and n.kind == "person"] == (signed if isinstance(signed, list) else [signed])


def test_a_distribution_list_printed_in_the_header_stays_at_the_top(tmp_path):
    """Hungarian reports print their copies' addressees under the classification, each after a
    dash and with no number: the list is read there (place "top"), its items without labels."""
    from toolchain.model import Distribution, Opener, Para
    from toolchain.readers.inline import flatten

    page = ("Skip to content\n\nJuly 1, 1972\n\nReport from Etre Sándor, 'Korean interest'\n\n"
            "Regional Division IV\n\nEtre Sándor\n\nTOP SECRET!\n\nProduced in 3 copies for:\n\n"
            "- Comrade Puja\n\n- Pyongyang\n\n- Department\n\n"
            "Subject: Korean interest in the visit\n\n"
            "The Korean ambassador asked me about the visit of the American secretary of state.\n")
    body = read_text(tmp_path, page).body
    assert [type(b) for b in body] == [Opener, Distribution, Opener, Para]
    dist = body[1]
    assert (dist.place, flatten(dist.head)) == ("top", "Produced in 3 copies for:")
    assert [(i.label, flatten(i.content)) for i in dist.items] == [
        ("", "Comrade Puja"), ("", "Pyongyang"), ("", "Department")]


def test_a_list_of_copies_counted_per_addressee(tmp_path):
    """``CC:`` then ``1x Comrade Florin``: the count is the item's label. Above the list, a signed
    mark and a first name completed in brackets: the surname is the signer."""
    from toolchain.model import Closer, Distribution, Name, walk
    from toolchain.readers.inline import flatten

    page = (f"January 27, 1968\n\nTelegram from Pyongyang\n\n{PROSE}\n\n[signed]\n\nK[urt] Schneidewind\n\n"
            "CC:\n\n1x Comrade Florin\n\n1x Embassy\n\nAnalysing Korea's position on the 12th Pa")
    record = read_text(tmp_path, page)
    (dist,) = [b for b in record.body if isinstance(b, Distribution)]
    assert flatten(dist.head) == "CC:"
    assert [(i.label, flatten(i.content)) for i in dist.items] == [("1x", "Comrade Florin"), ("1x", "Embassy")]
    assert record.meta.summary[-1] == "Analysing Korea's position on the 12th Pa"
    (closer,) = [b for b in record.body if isinstance(b, Closer)]
    assert [flatten(n.content) for n in walk(closer.signed) if isinstance(n, Name)] == ["Schneidewind"]


def test_lists_of_plain_names_under_their_labels(tmp_path):
    """``To be seen by`` / ``Seen by``, each name on its own line with neither number nor dash."""
    from toolchain.model import Closer, Distribution
    from toolchain.readers.inline import flatten

    page = (f"October 2, 1980\n\nTelegram from Pyongyang\n\n{PROSE}\n\nTo be seen by\n\nComrade Szabó F.\n\n"
            "Comrade Barity\n\nSeen by\n\nComrade Bényei\n\nComrade Rátkai\n\n"
            "The Hungarian Embassy in Pyongyang reports on the agenda of the congr")
    body = read_text(tmp_path, page).body
    assert not any(isinstance(b, Closer) for b in body)
    assert [(flatten(d.head), [flatten(i.content) for i in d.items]) for d in body if isinstance(d, Distribution)] == [
        ("To be seen by", ["Comrade Szabó F.", "Comrade Barity"]), ("Seen by", ["Comrade Bényei", "Comrade Rátkai"])]


def test_a_list_above_a_stamp_and_an_incoming_number(tmp_path):
    """The foot of a Soviet journal: the list of readers, then a file code, the stamp of the
    secretariat, its date and the incoming number, which is no signer."""
    from toolchain.model import Closer, Distribution, Name, Number, walk
    from toolchain.readers.inline import flatten

    page = (f"May 21, 1952\n\nFrom the Journal of Y. A. Vyshinsky\n\n{PROSE}\n\n21 May 1952 [signature]\n"
            "Distributed to\nCdes. Stalin\nMolotov\nMalenkov\n346-V\n"
            "[Stamp:] Secretariat of V. M. Molotov\n21 May 1952\nIncoming Nº M-6843s\n")
    body = read_text(tmp_path, page).body
    (lst,) = [b for b in body if isinstance(b, Distribution)]
    assert [flatten(i.content) for i in lst.items] == ["Cdes. Stalin", "Molotov", "Malenkov"]
    assert not any(isinstance(n, Name) for c in body if isinstance(c, Closer) for n in walk(c.signed))
    assert [(n.kind, n.text) for n in walk(body) if isinstance(n, Number)] == [("incoming", "M-6843s")]


def test_copies_counted_by_ordinals_without_a_dash(tmp_path):
    from toolchain.model import Distribution
    from toolchain.readers.inline import flatten

    page = f"October 2, 1950\n\nTelegram from Pyongyang\n\n{PROSE}\n\n3 copies. mp\n\n1st to the address[ee]\n\n3rd to file\n"
    lists = [b for b in read_text(tmp_path, page).body if isinstance(b, Distribution)]
    assert [(flatten(d.head), [(i.label, flatten(i.content)) for i in d.items]) for d in lists] == [
        ("3 copies. mp", [("1st", "to the addressee"), ("3rd", "to file")])]


@pytest.mark.parametrize("notes, texts", [
    ("[1] Written in pencil.", ["Written in pencil."]),                  # printed without its call
    ("[i] Not further identified - ed.", ["Not further identified - ed."]),  # the editors' marker
    # a note's last words in a paragraph of their own
    ("[1] It is not clear what he refers to, but most likely the advisability of\n\nthe Americans.",
     ["It is not clear what he refers to, but most likely the advisability of the Americans."]),
])
def test_notes_under_the_record(tmp_path, notes, texts):
    from toolchain.model import Closer, Footnote
    from toolchain.readers.inline import flatten

    page = f"January 27, 1968\n\nTelegram from Pyongyang\n\n{PROSE}\n\n/-/ Rapacki\n\n{notes}\n"
    body = read_text(tmp_path, page).body
    assert [" ".join(flatten(f.content).split()) for f in body if isinstance(f, Footnote)] == texts
    assert any(isinstance(b, Closer) for b in body)
