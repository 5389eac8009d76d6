"""Person names and people's names: the reader's word rules, case by case (guide §3.3 R)."""
from __future__ import annotations

import pytest

from toolchain.readers.lexicon import is_demonym, is_english, is_proper_noun
from toolchain.readers.names import find_persons


def _names(text: str) -> list[str]:
    return [text[m.start:m.end] for m in find_persons(text)]


@pytest.mark.parametrize("text, names", [
    ("Cde. Gromyko and Cde. KIM met", ["Gromyko", "KIM"]),
    ("KIM IL SUNG received me", ["KIM IL SUNG"]),
    ("Comrade Ambassador Pak thanked me", ["Pak"]),
    ("Comrade TITO spoke", ["TITO"]),           # a short name in capitals the dictionary knows
    ("to Cde. DVO, USSR MFA", []),              # an office's initials after an honorific
    ("recorded HA II/10 Berlin", []),           # a family name and a Roman numeral: a code
    ("the Korean comrades and Comrade Kohousek", ["Kohousek"]),
    ("headed by Pham Van Dong to Moscow", ["Pham Van Dong"]),   # Vietnamese names
    ("President Ho Chi Minh and General Vo Nguyen Giap", ["Ho Chi Minh", "Vo Nguyen Giap"]),
    ("received by Nguyen Duy Trinh (we asked", ["Nguyen Duy Trinh"]),
    ("Interpreter and recorder:\u00a0 Liang Feng", ["Liang Feng"]),   # common family names
    ("According to Prime Minister U Nu’s wish, we", ["U Nu"]),   # the Burmese honorific U
    ("Comrade Szabó F.\nComrade Barity", ["Szabó F.", "Barity"]),  # the initial after the family name
    ("the Ethiopian side, Hailu Yimenu and Getachew Kibret", ["Hailu Yimenu", "Getachew Kibret"]),
    ("Comrade Kim I. The talks", ["Kim"]),                          # not before a sentence
    ("[Soviet Foreign Minister Vyacheslav M.]", ["Vyacheslav"]),  # a patronymic's initial
    ("Zheng Tuobin and Jung Il Kwon met", ["Zheng Tuobin", "Jung Il Kwon"]),
    ("members HỒ Chí Minh and HOÀNG Văn Hoan", ["HỒ Chí Minh", "HOÀNG Văn Hoan"]),  # with tone marks
    ("between comr. A.N Kosygin and", ["A.N Kosygin"]),   # the last initial without its dot
    # an attendance list in minutes: every item, the first and the last, and one alone
    ("Candidates present: Lange, G. Müller, M. Müller, Schürer, Walde", ["Lange", "G. Müller", "M. Müller",
                                                                         "Schürer", "Walde"]),
    ("Excused: Kessler", ["Kessler"]),
    ("Guests: Moscow delegation", []),
    ("FYI: Trojanowski, Thee, Chodorek", ["Trojanowski", "Chodorek"]),  # a cable's readers; an English word passed over
    # a one-word name before a person's name and "and"; not a place
    ("Kadar supported Nagy; Haraszti and Ferenc Erdei spoke", ["Haraszti", "Ferenc Erdei"]),
    ("Moscow and Ferenc Erdei", ["Ferenc Erdei"]),
    ("report of Ferenc Rátkai and others", ["Ferenc Rátkai"]),   # a small letter with its accent after the capital
    # a listed name whose family name is an English word, after a first name
    ("Participants: Mihai Telescu, Richard Winter, Ion Dinca", ["Mihai Telescu", "Richard Winter", "Ion Dinca"]),
    # a family name that is an English word the dictionary lists as a name, after a first name
    ("Later we met John Smith and Peter Brown.", ["John Smith", "Peter Brown"]),
    ("on May Day and at the Jordan Hall", []),                # a month is no first name
    ("Will Brown come?", []),                                  # nor is a modal verb
    ("the Dean Rusk affair", []),                              # Rusk: no name of the word list
    # such a word alone right after an honorific; not an adjective, a heading or a plural
    ("the mayor of Hanoi, Comrade Hung, who is", ["Hung"]),
    ("how Secretary Rogers handled it", ["Rogers"]),
    ("the comrade Soviet ambassador did", []),
    ("General Branch\nOn 27 March", []),
    ("the Minister Presidents of the states", []),
    ("Comrade White House", []),
    # the family name with its Arabic article after a first name; religious titles
    ("headed by Farid al-Ahmar, Hasan Kazym el Nahr and Mohammed bin Rashid", [
        "Farid al-Ahmar", "Hasan Kazym el Nahr", "Mohammed bin Rashid"]),
    ("the al-Qaeda network", []),
    ("and Sheikh Latif and Mulla Jameel Rozbiani", ["Latif", "Jameel Rozbiani"]),
    # the post's country or city between the title and the name; a list after "cdes.:"
    ("the Iranian Ambassador in Moscow Nadir Arasteh, to whom", ["Arasteh"]),
    ("US Ambassador in Iran Henderson which", ["Henderson"]),
    ("the Ambassador in Moscow On Monday", []),
    ("the full trust of the Soviet cdes.: Rakosi, Gero, Farkas. But", ["Rakosi", "Gero", "Farkas"]),
    # a title or calling in lower case before the name
    ("at a reception of the Indian ambassador Panikkar. At", ["Panikkar"]),
    ("through the merchant Nostrayan and the press", ["Nostrayan"]),
    ("expressed to union leader Sujilo: The", ["Sujilo"]),
    ("the ambassador In his speech", []),
    ("The foreign minister, Santiago Dantas, presented", ["Santiago Dantas"]),  # a comma after it
    ("Office of the President, G, Ku, 6", []),             # not after a capitalised one (codes)
    ("From: Ambassador JELEN", ["JELEN"]),      # a family name in capitals read as a word ...
    ("to Cde. DVO, USSR MFA", []),              # ... not an office spelt letter by letter
    # a word no dictionary knows, speaking or before ", who" (not a place, nor an -ism)
    ("as you will remember, Perrin said that it", ["Perrin"]),
    ("I put this point to Cockcroft, who seemed inclined", ["Cockcroft"]),
    ("Moscow said that", []),
    ("the principles of Marxism-Leninism stressed", []),
    ("what DRV Charge d’Affaires Ta Quynh told me", ["Ta Quynh"]),
    # a title with "for", and the compound titles (Japanese records)
    ("Deputy Vice-Minister for Foreign Affairs Takashima, Bureau Director-General Nakae", ["Takashima", "Nakae"]),
    ("an article in Le Monde", []),              # Le is left out of the family names
    ("after the Le Thanh Nghi delegation, Comrade Le Duc Tho said", ["Le Thanh Nghi", "Le Duc Tho"]),  # ... but
    ("Le Monde Diplomatique reported", []),                # before two given names
    ("KGB: Comrade Zinyov, MfS: Comrade Mittig", ["Zinyov", "Mittig"]),  # acronyms as labels
    ("Cabinet of the Minister CM No. 2114/55", []),  # a number sign ends a name
    ("Att. to No. KZ/0104/70", []),                   # and is no initial
    ("the Zhou Enlai Meeting with", ["Zhou Enlai"]),   # an English word ends a romanised name
    ("H.E. Juan Antonio Samaranch said", ["Juan Antonio Samaranch"]),
    ("Vice-Minister Naszkowski said", ["Naszkowski"]),
    ("Chairman Viktor Mikhailovich Chebrikov and Leonid Ilyich", ["Viktor Mikhailovich Chebrikov",
                                                                  "Leonid Ilyich"]),
    ("Which Sandwich Is", []),
    ("to Cdes. I. I. Varnov and Samsonov, G. Ye.", ["I. I. Varnov", "Samsonov, G. Ye."]),  # inverted
    ("Kozlov, A. I. Brezhnev and", ["Kozlov", "A. I. Brezhnev"]),  # the initials belong to the next name
    ("by Dr. Noskova, Ph.D. in the", ["Noskova"]),            # a degree is no initials
    ("Mr. N. Ivanov came", ["N. Ivanov"]),                    # the honorific stays outside
    ("Dr. A. Smith came", []),                                # initials alone name nobody
    ("the USSR ambassador c. Moskovskii and c. 1950", ["Moskovskii"]),  # Czech records' comrade
    ("Jeong Jun-taek [Jong Jun Thaek] and Ri Khe-sun", ["Jeong Jun-taek", "Jong Jun Thaek", "Ri Khe-sun"]),
    ("the Central Committee Politburo Presidium was", []),   # bodies of party and state
    ("flew to Los Angeles, then met Andrei Gromyko in San Francisco", ["Andrei Gromyko"]),  # places
    ("the memorandum of Lt. Col. Fedorov about", ["Fedorov"]),    # abbreviated ranks
    ("in the hands of Chun Doo-hwan and Gi Seok-bok", ["Chun Doo-hwan", "Gi Seok-bok"]),
    ("Wen Shizhen and Cao Kejiang said", ["Wen Shizhen", "Cao Kejiang"]),
    # a list after a plural honorific, however long
    ("To: Coms. Brezhnev, Andropov, Grishin, Gromyko, Kirilenko, Kosygin, Kunaev, Pel'she, Romanov, "
     "Suslov, Ustinov, Cher-nenko, Shcherbitskii and Rusakov", [
         "Brezhnev", "Andropov", "Grishin", "Gromyko", "Kirilenko", "Kosygin", "Kunaev", "Pel'she",
         "Romanov", "Suslov", "Ustinov", "Cher-nenko", "Shcherbitskii", "Rusakov"]),
    ("relations with Ambassadors Cdes. Shtykov and Razuvayev", ["Shtykov", "Razuvayev"]),
    # the names listed after a person's
    ("We met Fidel Castro and Dorticos, and informed them", ["Fidel Castro", "Dorticos"]),
    ("present were: Cde. Stalin (at the head of the table), Molotov, Suslov and Zorin (at the right).",
     ["Stalin", "Molotov", "Suslov", "Zorin"]),
    ("Comrade Kim Il Sung, CC and I spoke", ["Kim Il Sung"]),   # no acronym, no pronoun
    ("invite Ling Yun, Gong Peng and Pu Shouchang", ["Ling Yun", "Gong Peng", "Pu Shouchang"]),
    ("the Deputy Director-General, Treaty Committee", []),  # English words joined by a hyphen
    ("Deputy Secretary-General Zhang Su; Deputy Director Ge Buhai", ["Zhang Su", "Ge Buhai"]),
    ("General Ion Ionita, the Ambassador Extraordinary Ivanov", ["Ion Ionita", "Ivanov"]),  # Ion: English
    ("informing that Vice-Admiral Carlos Castro Madero is", ["Carlos Castro Madero"]),
    ("Participants: Cde. Hito Çiko, and Vasil Nathanaili", ["Hito Çiko", "Vasil Nathanaili"]),
    ("Translator: Fan Tzen Xuo said", ["Fan Tzen Xuo"]),   # Wade-Giles tz
    # a name, then the office its bearer holds
    ("Secretary of CC RCP, Dumitru Turcus, deputy head of department", ["Dumitru Turcus"]),
    # a family name alone, known by its ending; towns with such endings are none
    ("On Tuesday Baranov[2] phoned and Lesakov told us", ["Baranov", "Lesakov"]),
    ("the Bulgarian Second Secretary, Surgov, said", ["Surgov"]),
    ("From Kowalczyk's conversation with the Deputy Director – Dubrovsky", ["Kowalczyk", "Dubrovsky"]),
    ("Popescu, Rankovic and Mzhavanadze", ["Popescu", "Rankovic", "Mzhavanadze"]),
    ("flights to Kiev, Geneva and Tambov; the Primorsky Krai", []),
    ("the Ambassador to Cuba Aleksandr Alekseyev", ["Aleksandr Alekseyev"]),  # a first name starts it
    # words of a title after "of" or "the"; an organisation's initials before the name
    ("we could send General of the Army Zakharov.", ["Zakharov"]),
    ("the Military Attaché of the Czechoslovak Socialist Republic", []),
    ("Cdes: Deputy Chairmen of the CC CCP Liu Shaoqi, Zhao Enlai", ["Liu Shaoqi", "Zhao Enlai"]),
    ("of Comrade TODOR ZHIVKOV about", ["TODOR ZHIVKOV"]),
    # a plural honorific in small letters; an English first name in an appositive list item;
    # an office, a comma, the name; a one-word name, a comma and "the" office
    ("two film makers, comrs. Mikosha and Sokolnikov, visited", ["Mikosha", "Sokolnikov"]),
    ("the C.C. of the R.C.P., Ion Gheorghe Mauer, member of the Executive", ["Ion Gheorghe Mauer"]),
    ("with the Indonesian Minister of Foreign Affairs, Sunario", ["Sunario"]),
    ("Szunyogh, the secretary of the Presidium", ["Szunyogh"]),
    ("Moscow, the head of the", []),
    # the family name first, as Hungarian records write it; no place or month before a first name
    ("Report from Etre Sándor, about", ["Etre Sándor"]),
    ("in Budapest Sándor said, on Tuesday Ivan came", []),
    # a regnal number; initials before a family name of two words
    ("the induction of H.H. Pope Paul VI.", ["Paul VI"]),
    ("Pope John XXIII said", ["John XXIII"]),
    ("Iranian Ambassador in the USSR A. G. Masoud Ansari", ["A. G. Masoud Ansari"]),
    ("by A. A. Gromyko Moscow informed", ["A. A. Gromyko"]),              # a place is no second name
    ("V. Gorbunov I. Shcherbakov", ["V. Gorbunov", "I. Shcherbakov"]),
    # a first name and a family name in capitals; a surname, then initials before an English word
    ("The Honourable Ted STEVENS", ["Ted STEVENS"]),
    ("RECORD OF CONVERSATION OF N. YE. TORBENKOV with", ["N. YE. TORBENKOV"]),   # a two-letter initial
    ("Comrade Fischer\nComrade Florin\nPlease review", ["Fischer", "Florin"]),   # a first name English has
    ("Ivan KGB", []),
    ("Ratanov, A.P. Issue No. 284", ["Ratanov, A.P."]),
    # a first name, then an English word as the family name
    ("President Gerald Ford and Henry Kissinger", ["Gerald Ford", "Henry Kissinger"]),
    # the name starts at a capital: a lowercase word before it is never tried as its first word
    ("a visit by Klauss Steinhofer, counselor of the GDR Embassy", ["Klauss Steinhofer"]),
    ("matters, Siomara Sánchez, the official in charge", ["Siomara Sánchez"]),
    ("the United Nations, Secretary of", []),
    ("KIM Deok-hyeon Chief Officer", ["KIM Deok-hyeon"]),   # the family name in capitals
    ("Kim IL said", []),
    ("then Spiro T. Agnew said", ["Spiro T. Agnew"]),     # a middle initial
    # a first name of the given-name list, then a surname; a place is no first name
    ("invite opera-singer András Varga, whose", ["András Varga"]),
    ("Minister of Trade of Iran Ibrahim Kashani, Senator", ["Ibrahim Kashani"]),
    ("the Soviet Ambassador to Cuba Aleksandr Alekseyev", ["Aleksandr Alekseyev"]),
    ("the Marx Engels Square", []),
    # a surname and initials: in capitals, with an apostrophe, with a two-letter initial
    ("Chaired by Comrade BREZHNEV, L.I.", ["BREZHNEV, L.I."]),
    ("Attended by Pel'she, A. Ia., Suslov, M.A., and", ["Pel'she, A. Ia.", "Suslov, M.A."]),
    ("the line of the USSR, A.A.", []),
    ("BETWEEN N. A. BULGANIN, N. S. KHRUSHCHEV, AND", ["N. A. BULGANIN", "N. S. KHRUSHCHEV"]),
    ("Adviser General-Lieutenant Danilov spoke", ["Danilov"]),
    ("Copies: Cde. Molotov, Kaganovich, Bulga", ["Molotov", "Kaganovich"]),  # cut off
])
def test_find_persons(text, names):
    assert _names(text) == names


def test_an_honorific_opening_a_line_is_no_speaker():
    assert _names("Cdes: Deputy Chairman Liu Shaoqi and Lin Biao") == ["Liu Shaoqi", "Lin Biao"]


def test_a_known_name_inside_a_longer_name_takes_the_whole_name():
    known = {"Gheorghe"}.__contains__  # the register knows Eliza Gheorghe
    text = "the State Council, Nicolae Gheorghe Maurer, member of"
    assert [text[m.start:m.end] for m in find_persons(text, known=known)] == ["Nicolae Gheorghe Maurer"]


def test_known_names_side_by_side_are_one_name():
    known = {"Enver", "Hoxha", "Shehu"}.__contains__
    text = "present were: Enver Hoxha, Shehu and others"
    assert [text[m.start:m.end] for m in find_persons(text, known=known)] == ["Enver Hoxha", "Shehu"]


@pytest.mark.parametrize("word", ["Korean", "KOREAN", "Hungarian", "German", "Chinese", "Vietnamese"])
def test_a_peoples_name_is_english_and_no_persons_name(word):
    assert is_demonym(word) and is_english(word) and not is_proper_noun(word)


@pytest.mark.parametrize("word", ["Stalin", "Nikita", "Han", "Kim"])
def test_a_persons_name_is_no_peoples_name(word):
    assert not is_demonym(word) and is_proper_noun(word)


def test_the_given_name_list_holds_single_capitalised_words_once():
    from importlib import resources

    lines = (resources.files("toolchain") / "data" / "given-names.txt").read_text(encoding="utf-8").split("\n")
    names = [ln for ln in lines if ln and not ln.startswith("#")]
    assert len(names) == len(set(names)) > 2000
    assert all(n[:1].isupper() and n.replace("-", "").replace("'", "").isalpha() and len(n) > 2 for n in names)


@pytest.mark.parametrize("text, names", [
    ("The letter to U Thant, they said", ["U Thant"]),
    ("U Thant’s appeal", ["U Thant"]),
    ("the MOU Thant signed", ["Thant"]),   # a word's last letter is no honorific
    ("They assess de Gaulle’s declaration", ["de Gaulle"]),          # and the particles
    ("said van der Thant came", ["van der Thant"]),
    ("the tirade Gaulle made", ["Gaulle"]),
])
def test_the_burmese_honorific_u_and_particles_are_part_of_the_name(text, names):
    found = find_persons(text, known=lambda token: token in ("Thant", "Gaulle"))
    assert [text[m.start:m.end] for m in found] == names
