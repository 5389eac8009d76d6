"""Finding person names in running text (encoding guide §3.3 R).

General rules, never a list of the samples' names:

* initials and a surname (``L. I. Brezhnev``, ``N.V. Podgorny``, ``M. Ye. Kryukov``)
  or a surname and initials (``Kryukov M.E.``);
* an East Asian family name followed by romanised given-name syllables
  (``Kim Il Sung``, ``Pak Seong-cheol``, ``Zhou Enlai``, ``KIM IL SUNG``);
* any capitalised name right after an honorific or title (``Cde. Gromyko``,
  ``comrade director Vasile Sandru``, ``the Indian ambassador Panikkar``), including every
  name of a list after a plural title, however long (``Coms. Brezhnev, Andropov, ... and
  Rusakov``);
* a first name of the editors' given-name list and a surname (``András Varga``);
* a name followed by its bearer's office (``Dumitru Turcus, deputy head of``);
* the names listed after a person's name (``Fidel Castro and Dorticos``), and those of an
  attendance list (``Candidates present: Lange, G. Müller, Walde``, ``FYI: Chodorek``);
* a word no dictionary knows that speaks or is spoken of as a person (``Perrin said``,
  ``to Cockcroft, who``);
* a surname alone when the register or the reference persons know it, or when its
  ending is a Slavic, Romanian or Georgian family name's and no dictionary knows the
  word (``Lesakov told us``, ``Kowalczyk's conversation``; not ``Kiev``).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from itertools import repeat
from typing import Callable, Iterator

from toolchain.readers.lexicon import (CALENDAR_WORDS, PATRONYMIC_ENDING, grouped_alternatives, is_demonym,
                                       is_east_asian_surname, is_english, is_function_word, is_given_name,
                                       is_listed_as_name, is_proper_noun, is_romanised_given_name)

#: A capital letter, Latin with diacritics included (Á, Ł, Ş, Ž ...), and any letter after it.
UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽȘȚ"
#: A small letter, with diacritics (á, ł, ş ...).
LOWER = UPPER.lower()
_L = r"[^\W\d_]"
_AFTER_CAP = rf"{_L}*(?:['’]{_L}{{2,}})?(?:-{_L}+)?"
_CAP = rf"[{UPPER}]{_AFTER_CAP}"
_INITIAL = rf"(?:(?:[{UPPER}][a-z]?|YE|YU|YA|ZH|KH|CH|SH|TS)\.\s?)"  # (N. YE. TORBENKOV)

# Both start with a capital and check what precedes it after it (``(?<![\w.].)``, the first
# initial written out), so that the scan jumps from capital to capital. The last initial may
# have lost its dot after a dotted one (``comr. A.N Kosygin``).
_INITIALS_SURNAME = re.compile(
    rf"[{UPPER}](?<![\w.].)[a-z]?\.\s?(?:{_INITIAL}){{0,2}}(?:(?<=\.)[{UPPER}] )?\s?(?P<sur>{_CAP})"
    rf"(?: (?P<sur2>[{UPPER}][a-z]{_L}+)(?![\w’'-]| [{UPPER}]))?")  # (a second family name: Masoud Ansari)
_SURNAME_INITIALS = re.compile(
    rf"(?P<sur>[{UPPER}](?<![\w.].)(?:[a-z]{_L}*(?:['’]{_L}+)?|[{UPPER}]{{2,}})(?:-{_L}+)?),?\s(?!Ph\.\s?D)"
    rf"(?:[{UPPER}][a-z]?\.\s?){{2,3}}")
#: A name after initials: they are its initials (``N. A. BULGANIN, N. S. KHRUSHCHEV``), unless it
#: is an English word (``Ratanov, A.P. Issue No. 284``).
_NEXT_WORD = re.compile(rf"\s?([{UPPER}](?:[a-z]|[{UPPER}]{{2}})[\w’'-]*)")
_INITIAL_AT = re.compile(rf"[{UPPER}][a-z]?\.")
# A capitalised word or an all-capitals one; the capital both start with is
# written once, in front, so that the scan jumps from capital to capital.
_TOKEN = re.compile(rf"[{UPPER}](?:{_AFTER_CAP}|[{UPPER}]*(?:-[{UPPER}]+)?)")

#: Honorifics and titles after which a capitalised word is a person (guide §3.3 R).
HONORIFICS = ("Cde.", "Cdes.", "cde.", "cdes.", "Comrade", "Comrades", "comrade", "comrades",
              "Comr.", "Comrs.", "comr.", "comrs.", "Com.", "com.", "Coms.", "coms.", "Mr.", "Mrs.", "Ms.", "Dr.",
              "Ambassador", "Ambassadors",
              "Minister",
              "Premier", "Marshal", "General", "Generals", "Colonel", "Lieutenant", "Major", "Captain",
              "Admiral", "President", "Chairman", "Secretary", "Counsellor", "Counsellors",
              "Counselor", "Counselors", "Adviser", "Advisor", "Attaché", "Attache", "Representative",
              "Emperor", "King", "Prince", "Pope", "Director", "director", "Consul", "Envoy", "Professor",
              "Academician", "Premier", "Chargé", "Editor", "Marshals", "Deputy", "Vice-Premier",
              "Director-General", "Secretary-General",
              "Vice-Minister", "Vice-Chairman", "Vice-President", "Vice-Consul", "Vice-Admiral",
              "Rear-Admiral", "Lieutenant-General", "Major-General", "Colonel-General",
              "General-Lieutenant", "General-Major", "General-Colonel",  # Russian rank order
              "Lt.", "Col.", "Gen.", "Maj.", "Capt.", "Adm.", "Sgt.",  # ranks: Lt. Col. Fedorov
              "c.",  # Czech and Slovak records: c. Moskovskii (soudruh)
              "H.E.",  # His Excellency
              "Sheikh", "Sheik", "Mullah", "Mulla", "Imam", "Ayatollah",  # religious and tribal titles
              # titles and callings in lower case (the Indian ambassador Panikkar, union leader Sujilo)
              "ambassador", "minister", "premier", "leader", "chief", "consul", "envoy", "diplomat",
              "merchant", "journalist", "professor", "marshal")
#: The honorifics as words, without their abbreviation's dot (``Cdes: Liu Shaoqi ...``).
_HONORIFIC_WORDS = frozenset(h.rstrip(".") for h in HONORIFICS)
_PLURAL = ("Cdes.", "cdes.", "Comrades", "comrades", "Comrs.", "comrs.", "Coms.", "coms.", "Counsellors",
           "Counselors", "Generals", "Ambassadors", "Marshals")
_TITLE_WORDS = frozenset("""deputy foreign first second third minister director chief head vice
affairs general secretary chairman d'affaires ad interim extraordinary plenipotentiary""".split())


#: Any honorific, as a regex alternation (for patterns elsewhere that start at one).
HONORIFIC_ALTERNATIVES = grouped_alternatives(HONORIFICS)
_HONORIFIC_AT = re.compile(r"(?:^|(?<=[\s(\"“]))(?:%s)(?=,?\s)" % HONORIFIC_ALTERNATIVES)
_HONORIFIC_ANY = re.compile(HONORIFIC_ALTERNATIVES)
_PLURAL_END = re.compile(
    r"(?:^|(?<=[\s(]))(?:%s)\s+(?:(?:[A-Z][a-z]?\.|[A-Z][\w'’-]+|and|,)\s*)+$"
    % "|".join(re.escape(h) for h in _PLURAL))


#: A speaker label opening a paragraph of minutes: ``Khrushchev: ...``, ``Zhou Enlai: ...``.
_SPEAKER = re.compile(rf"^\s*(?P<name>{_CAP}(?:\s{_CAP}){{0,2}}):\s")


@dataclass(frozen=True)
class NameMatch:
    start: int
    end: int
    rule: str


def _surname_ok(word: str) -> bool:
    """A surname is capitalised and not a common English word (``U.S. President`` is no name)."""
    return len(word) > 1 and not is_english(word.split("-")[0].capitalize())


#: Vietnamese family names that are also French words (``Le Monde``): a family name only before
#: two given names (``Le Duc Tho``, ``Le Thanh Nghi``).
_FRENCH_SHAPED_SURNAMES = frozenset({"Le", "LE"})


def _east_asian(text: str, tokens: list[re.Match]) -> list[NameMatch]:
    out = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        french = t.group() in _FRENCH_SHAPED_SURNAMES
        if french or is_east_asian_surname(t.group()):
            j = i + 1
            while j < len(tokens) and j - i <= 2:
                prev, cur = tokens[j - 1], tokens[j]
                if text[prev.end():cur.start()] != " ":
                    break
                word = cur.group()
                if word.isupper() and len(word) > 1:
                    if _ROMAN_NUMERAL.fullmatch(word):  # HA II/10: a code, no "Il"
                        break
                    word = "-".join(p.capitalize() for p in word.split("-"))
                if not is_romanised_given_name(word) or len(word) >= 6 and is_english(word):
                    break  # (Zhou Enlai Meeting: an English word of romanised shape ends the name)
                j += 1
            first, last = t.group(), tokens[j - 1].group()
            # KIM IL SUNG, Kim Il Sung, and KIM Deok-hyeon (the family name in capitals)
            if j > i + 1 + french and (len(first) == 1 or first.isupper() or not last.isupper()):
                out.append(NameMatch(t.start(), tokens[j - 1].end(), "east-asian"))
                i = j
                continue
        i += 1
    return out


def _titled(before: str, ends: list[int]) -> bool:
    """``before`` ends with an honorific, maybe followed by title words (``comrade Deputy Foreign Minister``).

    ``ends`` are the ends of the honorifics ``_HONORIFIC_AT`` finds in ``before``, in order.
    """
    for end in reversed(ends):
        # a title in lower case may stand before a comma (the foreign minister, Santiago Dantas)
        comma = before.startswith(",", end) and before[:end].split()[-1].islower()
        titles = before[end + comma:].split()
        if titles and titles[-1].endswith(","):  # the Minister of Foreign Affairs, Sunario
            titles[-1] = titles[-1][:-1]
        if len(titles) > 4:
            return False
        # the post's country or city after "in" or "to" (Ambassador in Iran Henderson)
        posted = next((k for k, w in enumerate(titles) if w in ("in", "to")), len(titles))
        if all(w.lower() in _TITLE_WORDS or w in ("of", "the", "for") or (w[:1].isupper() and is_english(w))
               for w in titles[:posted]) and (posted == len(titles) or posted < len(titles) - 1 and all(
                   w == "the" or w[:1].isupper() and not is_function_word(w) for w in titles[posted + 1:])):
            return True  # General of the Army Zakharov, Vice-Minister for Foreign Affairs Takashima
    return False


def _after_honorific(text: str, left: str, tokens: list[re.Match]) -> list[NameMatch]:
    """Names that follow an honorific, in this run or at the end of the left context.

    A token's context is the 120 characters before it. It is looked at only
    when an honorific is printed in it (``_HONORIFIC_ANY``, wherever it stands),
    and is not scanned again for honorifics: those ``_HONORIFIC_AT`` finds in the
    whole text are the ones it finds in the context, save at the context's
    first character (the text before the cut is not seen there), matched on its own.
    No honorific holds a space, so none runs from the context into the token.
    ``_PLURAL_END`` is tried only on a context holding a plural honorific.
    """
    out: list[NameMatch] = []
    context = left + text
    # An honorific printed in a token's context is, or lies inside, one of these
    # non-overlapping occurrences, which then starts before the token and ends in the context.
    spans = [(m.start(), m.end()) for m in _HONORIFIC_ANY.finditer(context)]
    if not spans:
        return out
    starts = [s for s, _ in spans]
    # _HONORIFIC_AT matches only where an occurrence starts: an honorific follows a space,
    # a parenthesis or a quotation mark, which no occurrence holds.
    honorifics = [m.span() for m in map(_HONORIFIC_AT.match, repeat(context), starts) if m]
    hon_starts = [s for s, _ in honorifics]
    pos = 0
    for tok in tokens:
        if tok.start() < pos:
            continue
        at = len(left) + tok.start()
        k = bisect.bisect_left(starts, at)
        if not k or spans[k - 1][1] <= at - 120:
            continue
        cut = max(0, at - 120)
        before = context[cut:at]
        # (an honorific can match at the context's first character only if one is printed there)
        first = _HONORIFIC_AT.match(before) if context.startswith(HONORIFICS, cut) else None
        inside = honorifics[bisect.bisect_right(hon_starts, cut):bisect.bisect_left(hon_starts, at)]
        marks = ([first.span()] if first else []) + [(s - cut, e - cut) for s, e in inside]
        if not (before[-1:] in (" ", "\u00a0", "\n") and _titled(before, [e for _, e in marks])
                or any(before[s:e] in _PLURAL for s, e in marks) and _PLURAL_END.search(before)):
            continue
        if before.endswith((" of ", " the ")):  # a word of the title, no first name
            continue  # (General of the Army Zakharov, Minister of Trade of Iran Ibrahim Kashani)
        # right after the honorific, not after title words (Comrade Hung; not Comrade White House)
        end = _name_extent(text, tok.start(), listed_ok=bool(marks) and not before[marks[-1][1]:].strip())
        if end > tok.end() and _acronym(tok.group()) and not text[tok.end():end].isupper():
            continue  # an organisation's initials before a name (the CC CCP Liu Shaoqi; not TODOR ZHIVKOV)
        if end > tok.start() and (not _acronym(text[tok.start():end]) or _spoken(text[tok.start():end])):
            out.append(NameMatch(tok.start(), end, "honorific"))
            pos = end
    return out


_PLURAL_AT = re.compile(r"(?:^|(?<=[\s(]))(?:%s):?\s+" % "|".join(re.escape(h) for h in _PLURAL))  # (cdes.: Gero)
_LIST_ITEM = re.compile(rf"(?:{_INITIAL}){{0,3}}{_CAP}(?: {_CAP}){{0,2}}")
_LIST_SEPARATOR = re.compile(r",\s*(?:and\s+)?|\s+and\s+")


#: Two or three capitalised words, then a comma and an office (``Aurel Duca, deputy member of``).
_APPOSITIVE = re.compile(
    rf"(?P<name>[{UPPER}](?<![\w.].){_AFTER_CAP}(?: {_CAP}){{0,2}}),\s+"
    r"(?i:(?P<article>the\s+|a\s+)?(?:deputy\s+|first\s+|vice-)?"
    r"(?:member|candidate member|secretary|minister|head|chief|chairman|chairwoman|president|ambassador|"
    r"director|counsellor|counselor|adviser|advisor|commander|governor|leader|editor|representative|envoy|"
    r"consul|attaché|official|officer|delegate|premier))\b")


def _appositive(text: str) -> list[NameMatch]:
    """A name followed by the office its bearer holds: ``Dumitru Turcus, deputy head of
    department``, ``Siomara Sánchez, the official in charge``. Every word is a name (no English
    word, honorific or acronym). A name of one word needs the article and must be unknown to
    the dictionary (``Szunyogh, the secretary of``; not ``Moscow, the head``)."""
    return [NameMatch(m.start("name"), m.end("name"), "appositive") for m in _APPOSITIVE.finditer(text)
            if _list_words_ok(m.group("name")) and (" " in m.group("name") or m.group("article")
                                                    and not is_proper_noun(m.group("name")))]


def _list_words_ok(item: str) -> bool:
    """The words of a listed name, after its initials, are capitalised names of three letters
    or more: no English word (but after a first name: Richard Winter), acronym (CC, MfS),
    honorific (Cdes) or pronoun (I)."""
    words = [w for w in item.split() if not _INITIAL_RX.fullmatch(w + " ")]
    return bool(words) and all(len(w) > 2 and w[1:2].islower()
                               and (_surname_ok(w) or i < len(words) - 1 and is_given_name(w)
                                    or i and is_given_name(words[i - 1]) and not is_function_word(w))
                               and w not in _HONORIFIC_WORDS and not _acronym(w)
                               for i, w in enumerate(words))  # (Ion Gheorghe Mauer: Ion is English too)


def _plural_list(text: str) -> list[NameMatch]:
    """Every name of a list after a plural honorific, however long (``To: Coms. Brezhnev,
    Andropov, Grishin, ... and Rusakov``): the honorific's context window does not reach the
    last ones. The list ends at the first item that is no name."""
    out: list[NameMatch] = []
    for m in _PLURAL_AT.finditer(text):
        for item, _ in _list_items(text, m.end()):
            if not _list_words_ok(item.group()) or text.startswith(".", item.end()) \
                    and item.group() + "." in HONORIFICS:
                break  # (Ambassadors Cdes. Shtykov and ...: an honorific after the title)
            out.append(NameMatch(item.start(), item.end(), "honorific"))
    return out


def _list_items(text: str, pos: int) -> Iterator[tuple[re.Match, bool]]:
    """The name-shaped items of a list that starts at ``pos``, each with whether a separator
    (``,``, ``and``) follows it; the list goes on while one does."""
    while (item := _LIST_ITEM.match(text, pos)) is not None:
        sep = _LIST_SEPARATOR.match(text, item.end())
        yield item, sep is not None
        if not sep:
            return
        pos = sep.end()


#: The label of an attendance list in minutes (``Members present:``, ``Excused:``, ``Guest:``), or
#: of the readers a cable names (``FYI: Trojanowski, Chodorek``, ``Read by:``, ``Forward to:``).
_ATTENDANCE = re.compile(r"^\s*(?:(?:Members|Candidates|Candidate members|Also|Others)\s+)?"
                         r"(?:present|absent|excused|guests?|attending|participants|invited|FYI|read by"
                         r"|forward(?:ed)? to)\s*:\s*", re.I)


def _attendance(text: str) -> list[NameMatch]:
    """The names of an attendance list, each its own item, the first and the last too
    (``Candidates present: Lange, G. Müller, Walde``; ``Excused: Kessler``). An item that is
    no name (an English word: ``Embassy``) is passed over; the list ends at words that are no
    item (``Guests: Moscow delegation``)."""
    m = _ATTENDANCE.match(text)
    out: list[NameMatch] = []
    for item, more in _list_items(text, m.end()) if m else ():
        if not more and text[item.end():].strip(" .;") != "":
            break
        if _list_words_ok(item.group()):
            out.append(NameMatch(item.start(), item.end(), "attendance"))
    return out


#: A capitalised word that speaks or is spoken of as a person (``Perrin said that``,
#: ``Abdulgani expressed``, ``to Cockcroft, who seemed``).
_PERSON_CUE = re.compile(
    rf"(?P<name>[{UPPER}](?<![\w.’'-].)[{LOWER}]{_L}{{2,}}(?:-[{UPPER}][a-z]+)?)"
    r"(?:,\s+who\b|\s+(?:said|stated|told|asked"
    r"|replied|answered|expressed|noted|declared|remarked|added|emphasi[sz]ed|stressed|pointed out|explained"
    r"|informed|confirmed|proposed|suggested|objected|insisted|promised|admitted|announced|thanked|complained"
    r"|warned)\b)")


def _cued(text: str, tokens: list[re.Match]) -> list[NameMatch]:
    """A word no dictionary knows, as the subject of a verb of speech or before ``, who``: a
    family name, with the name words printed before it (``Ta Quynh told me``). A word the
    dictionary knows as a name is left to the gazetteer and the register (``Moscow said``)."""
    cues = list(_PERSON_CUE.finditer(text))
    if not cues:  # (most runs: no token index to build)
        return []
    starts = {tok.start(): i for i, tok in enumerate(tokens)}
    return [NameMatch(*_name_words_around(text, tokens, starts[m.start("name")]), "cue")
            for m in cues
            if m.start("name") in starts and _surname_ok(m.group("name")) and not is_proper_noun(m.group("name"))
            and m.group("name") not in _HONORIFIC_WORDS and m.group("name") not in CALENDAR_WORDS
            and not _acronym(m.group("name")) and not text[:m.start()].endswith(("the ", "The "))
            and not m.group("name").endswith(("ism", "ist"))  # (Marxism-Leninism stressed)
            and not is_given_name(m.group("name"))]  # (in Budapest Sándor said: a first name's rule)


def is_first_name_and_patronymic(text: str) -> bool:
    """``Mikhail Stepanovich``, ``Leonid Ilyich``: a Russian first name and patronymic, nothing else."""
    m = _PATRONYMIC.fullmatch(text)
    return bool(m) and m.group("sur") is None and not is_english(m.group("given"))


def _name_words_around(text: str, tokens: list[re.Match], i: int) -> tuple[int, int]:
    """The span of a known name ``tokens[i]`` widened over the name words printed right next
    to it: ``Ion Gheorghe Maurer`` is one person even when the register knows ``Gheorghe``
    (from ``Eliza Gheorghe``) and not him."""
    def name_word(j: int) -> bool:
        w = tokens[j].group()
        return len(w) > 1 and not w.isupper() and not is_english(w) and w not in _HONORIFIC_WORDS \
            and w not in CALENDAR_WORDS \
            and text[tokens[j].start() - 1:tokens[j].start()] not in ("’", "'")  # (On Tuesday; d’Affaires)
    lo = hi = i
    # a first name starts the name, unless another first name precedes it (Ion Gheorghe Maurer;
    # not Cuba Aleksandr Alekseyev)
    while lo > 0 and i - lo < 2 and text[tokens[lo - 1].end():tokens[lo].start()] == " " \
            and name_word(lo - 1) and (lo == i or not is_given_name(tokens[lo].group())
                                       or is_given_name(tokens[lo - 1].group())):
        lo -= 1
    while hi + 1 < len(tokens) and hi - i < 2 and text[tokens[hi].end():tokens[hi + 1].start()] == " " \
            and name_word(hi + 1):
        hi += 1
    return tokens[lo].start(), tokens[hi].end()


#: The endings of Slavic, Romanian, Serbo-Croatian and Georgian family names (``Baranov``,
#: ``Ivanova``, ``Dubrovsky``, ``Kowalczyk``, ``Popescu``, ``Rankovic``, ``Mzhavanadze``).
_SURNAME_ENDING = re.compile(r"[A-Z][a-z]{2,}(?:ov|ova|ev|eva|sky|skiy|skii|ski|ska|enko|chuk|czyk|wicz"
                             r"|vich|escu|eanu|ovi[cć]|evi[cć]|adze|shvili)")
#: Towns with such an ending that the dictionary does not know (it knows Kiev, Saratov, Azov).
_TOWNS_SHAPED_LIKE_SURNAMES = frozenset("""Tambov Pskov Kharkov Kharkiv Lvov Rostov Chernigov Mogilev
Kovrov Borisov Kuibyshev Kuybyshev Orekhov Polska Polski""".split())
#: Nouns after which such a word, or a known surname, is the adjective of a place or the name of
#: a street, prize or institution (``Primorsky Krai``, ``Lenin Prize``, ``Stalin Avenue``).
_PLACE_NOUN = re.compile(r"\s(?:Krai|Kray|Oblast|Raion|Rayon|Region|District|Prospekt|Prospect|Street"
                         r"|Square|Avenue|Prize|Mausoleum|Stadium|Museum|Institute|University|Works|Plant"
                         r"|Factory|Shipyard|Canal|Peak|Hall|Library|Academy|Order)\b")


def surname_shaped(token: str) -> bool:
    """A word that can only be a family name: it has a family name's ending and is neither an
    English word nor a name the dictionary knows (places: ``Kiev``, ``Geneva``, ``Alaska``).
    Why: the records name people by their surname alone (``Lesakov told us``, ``the Bulgarian
    Second Secretary, Surgov, said``), and no register knows every embassy's staff."""
    word = token.capitalize() if token.isupper() and len(token) > 4 else token
    return (_SURNAME_ENDING.fullmatch(word) is not None and word not in _TOWNS_SHAPED_LIKE_SURNAMES
            and not is_english(word) and not is_proper_noun(word))


def _acronym(name: str) -> bool:
    """``Cde. DVO``, ``KGB:``, ``MfS:``: a short word of two capitals or more that is neither a
    family name nor a name the dictionary knows (``KIM``, ``TITO``) abbreviates an office or
    an organisation, not a person."""
    return (name.isalpha() and len(name) <= 5 and sum(c.isupper() for c in name) >= 2
            and not is_east_asian_surname(name) and not is_proper_noun(name))


def _spoken(word: str) -> bool:
    """A word in capitals read as a word, not spelt letter by letter (``JELEN``; not ``DVO``,
    ``CPSU``): after a personal title, a family name written in capitals."""
    vowels = sum(c in "AEIOUY" for c in word)
    return len(word) >= 4 and vowels >= 2 and vowels * 10 >= len(word) * 3


#: A Russian first name and patronymic, maybe a surname after them (``Viktor Mikhailovich
#: Chebrikov``, ``Leonid Ilyich``).
_PATRONYMIC = re.compile(rf"(?P<given>[{UPPER}](?<![\w.].)[a-z]{{2,}})\s[{UPPER}][a-z]+(?:{PATRONYMIC_ENDING})"
                         rf"\b(?:\s(?P<sur>[{UPPER}][a-z]{{2,}}(?:-[{UPPER}][a-z]+)?)\b)?")
_ROMAN_NUMERAL = re.compile(r"[IVX]+")
#: A number sign and its number (``No. 2114/55``, ``Nº 527``): never part of a name.
NUMBER_SIGN = re.compile(r"(?:No|Nr|Nº|№|N°)\.?\s*\d")
_INITIAL_RX = re.compile(_INITIAL)
_NAME_PIECE = re.compile(rf"\s?(?:{_INITIAL}|{_CAP}|[{UPPER}]+)")


_NEXT_CAP = re.compile(rf" ({_CAP})")


def _english_compound(word: str) -> bool:
    """An English word, or English words joined by hyphens (``Director-General``)."""
    return is_english(word) or "-" in word and all(is_english(w) for w in word.split("-") if w)


#: One initial after a family name, ending the line or the list's item.
_TRAILING_INITIAL = re.compile(rf" [{UPPER}]\.(?=[,;)]|[ \t]*(?:\n|$))")


_FOLLOWING_WORD = re.compile(r" ?([^\W\d_]*)")


def _listed_surname(word: str, text: str, end: int) -> bool:
    """A name of one word the dictionary lists as a name too, though it is an English word
    (``Hung``, ``Rogers``): no title, people, very common word (``In``) or plural honorific
    (``Presidents``), nor a word before a title (``the comrade Soviet ambassador``), ending a
    line (a heading: ``General Branch``) or starting a longer name (``White House``)."""
    after = _FOLLOWING_WORD.match(text, end).group(1)
    return is_listed_as_name(word) and word.lower() not in _TITLE_WORDS and not is_demonym(word) \
        and not is_function_word(word, zipf=6.0) \
        and word not in _HONORIFIC_WORDS and word[:-1] not in _HONORIFIC_WORDS \
        and text[end:end + 1] not in ("", "\n") and not after[:1].isupper() \
        and after.lower() not in _TITLE_WORDS and after.capitalize() not in _HONORIFIC_WORDS


def _name_extent(text: str, start: int, listed_ok: bool = False) -> int:
    """End of a name starting at ``start``: up to four capitalised tokens or initials.

    A common English word ends the name; as the first word it means there is none. Initials
    with no name after them (``Dr. A. Smith``, Smith being an English word) are none either.
    ``listed_ok``: the name follows its honorific, so a word alone that the dictionary lists as
    a name too may be one (``Comrade Hung, who``; ``_listed_surname``).
    """
    pos, count, after_initial, named = start, 0, False, start
    while count < 4:
        m = _NAME_PIECE.match(text, pos)
        if not m:
            break
        piece = m.group()
        if count and not piece.startswith(" ") and not after_initial:
            break
        word = piece.strip()
        if len(word) == 1 and not (word == "U" and count == 0 and _NEXT_CAP.match(text, m.end())):
            break  # a lone capital letter is the pronoun "I" or a list letter; not the Burmese U (U Nu)
        if word in HONORIFICS or text.startswith(".", m.end()) and word + "." in HONORIFICS:
            break
        if NUMBER_SIGN.match(text, m.start() + len(piece) - len(piece.lstrip())):  # CM No. 2114/55
            break
        after_initial = bool(_INITIAL_RX.fullmatch(word + " ") or _INITIAL_RX.fullmatch(word))
        # an English word that is a first name of the list (General Ion Ionita, Comrade Florin),
        # or the last word after one (President Gerald Ford), is a name's; so is one the
        # dictionary lists as a name too, alone after the honorific (Comrade Hung, Secretary Rogers)
        if not after_initial and _english_compound(word) and not word.isupper() \
                and not (count == 0 and is_given_name(word)) and text[start:pos] != "U" \
                and not (listed_ok and count == 0 and _listed_surname(word, text, m.end())) \
                and not (count == 1 and is_given_name(text[start:pos].strip())
                         and word.lower() not in _TITLE_WORDS and word not in _HONORIFIC_WORDS
                         and not _NEXT_CAP.match(text, m.end())):
            break
        pos = m.end()
        count += 1
        if not after_initial:
            named = pos
    if text[start:named] == "U":
        return start
    # a family name's initial after it (Comrade Szabó F., as Hungarian lists print it; not the
    # patronymic's after a first name: Vyacheslav M.)
    trailing = _TRAILING_INITIAL.match(text, named)
    return trailing.end() if trailing and named > start and not is_given_name(text[start:named].split()[-1]) \
        else named


def find_persons(text: str, left: str = "",
                 known: Callable[[str], bool] | None = None) -> list[NameMatch]:
    """Person names in ``text`` (``left`` is the text printed before it in the same block)."""
    tokens = list(_TOKEN.finditer(text))
    if not tokens:  # every rule needs a capital letter, and every capital starts a token
        return []
    cands: list[NameMatch] = []
    if _INITIAL_AT.search(text):  # both initials rules need one; the quick scan spares theirs
        for m in _INITIALS_SURNAME.finditer(text):
            first = m.group().split()[0]  # Dr. X: an honorific; No. KZ/0104/70: a number sign
            if _surname_ok(m.group("sur")) and first not in HONORIFICS and first not in ("No.", "Nr."):
                two = m.group("sur2") and _surname_ok(m.group("sur2")) and not is_proper_noun(m.group("sur2")) \
                    and m.group("sur2") not in _HONORIFIC_WORDS and not surname_shaped(m.group("sur2"))
                # A. G. Masoud Ansari; not A. Gromyko Moscow, nor two names of a list
                cands.append(NameMatch(m.start(), m.end() if two else m.end("sur"), "initials"))
        for m in _SURNAME_INITIALS.finditer(text):
            nxt = _NEXT_WORD.match(text, m.end())
            if nxt and not is_english(nxt.group(1)):
                continue
            if _surname_ok(m.group("sur")) and not _acronym(m.group("sur")):  # USSR, A. A.
                cands.append(NameMatch(m.start(), m.end() - (m.group().endswith(" ")), "initials"))
    cands += _east_asian(text, tokens)
    if not left.strip():
        m = _SPEAKER.match(text)
        if m and not _acronym(m.group("name")) and not any(
                is_english(w) or w in _HONORIFIC_WORDS for w in m.group("name").split()):
            cands.append(NameMatch(m.start("name"), m.end("name"), "speaker"))
    cands += _after_honorific(text, left, tokens)
    if any(h in text for h in _PLURAL):
        cands += _plural_list(text)
    if ", " in text:
        cands += _appositive(text)
    if not left.strip() and ":" in text:
        cands += _attendance(text)
    cands += _cued(text, tokens)
    if "ich" in text or "vna" in text:  # every patronymic ending holds one
        for m in _PATRONYMIC.finditer(text):
            if not is_english(m.group("given")) and (m.group("sur") is None or _surname_ok(m.group("sur"))):
                cands.append(NameMatch(m.start(), m.end(), "patronymic"))
    if known is not None:
        for i, tok in enumerate(tokens):  # each starts with a capital
            if known(tok.group()):
                start, end = _name_words_around(text, tokens, i)
                if _PLACE_NOUN.match(text, end):
                    continue
                last = cands[-1] if cands else None
                if last and last.rule == "register" and (last.end >= start or text[last.end:start] == " "):
                    cands[-1] = NameMatch(last.start, end, "register")  # Enver Hoxha: one name
                else:
                    cands.append(NameMatch(start, end, "register"))
    for i, tok in enumerate(tokens):  # a family name's shape: only where no other rule found a name
        if surname_shaped(tok.group()) and not _PLACE_NOUN.match(text, tok.end()) \
                and not any(c.start <= tok.start() < c.end for c in cands):
            cands.append(NameMatch(*_name_words_around(text, tokens, i), "shape"))
    found = _longest_non_overlapping(cands)
    # weakest rule last: it fills gaps the others left, and widens a bare surname ("Andrei [S]")
    for g in _given_name_surname(text) + _surname_given_name(text):
        inside = [f for f in found if g.start < f.end and f.start < g.end]
        if all(f.rule in ("register", "initials", "shape") and g.start <= f.start and f.end <= g.end
               for f in inside):
            found = [f for f in found if f not in inside] + [g]
    found = [NameMatch(_prefix_start(text, f.start), _particle_end(text, f.end), f.rule) for f in found]
    return [NameMatch(f.start, _particle_end(text, f.end), f.rule)  # (the listed names too)
            for f in _coordinated(text, sorted(found, key=lambda f: f.start))]


#: Words before a family name that are part of it as the world writes it: the Burmese
#: honorific (``U Thant``) and the particles (``de Gaulle``, ``van der Stoel``, ``von Braun``).
_PREFIX = re.compile(r"(?:^|(?<=[^\w.]))(?:U|de|du|da|di|del|dos|van der|van den|van|von der|von) $")


def _prefix_start(text: str, start: int) -> int:
    """Where a name starting at ``start`` starts with the prefix printed before it."""
    m = _PREFIX.search(text, max(0, start - 9), start)
    return m.start() if m else start


#: The family name after a first name with its Arabic article or word of descent, which the rules
#: do not take, being in small letters (``Farid al-Ahmar``, ``Hasan Kazym el Nahr``, ``bin Laden``).
_PARTICLE_NAME = re.compile(rf" (?:(?:al|el|ad|ar|as|ash|at|az|ud|ul)-|(?:al|el|bin|ibn) )"
                            rf"[{UPPER}]{_AFTER_CAP}(?![\w’'])")
#: A first name right before such a family name.
_GIVEN_PARTICLE = re.compile(rf"[{UPPER}](?<![\w.].){_L}{{2,}}(?={_PARTICLE_NAME.pattern})")


def _particle_end(text: str, end: int) -> int:
    """Where a name ending at ``end`` ends with such a family name printed after it."""
    m = _PARTICLE_NAME.match(text, end)
    return m.end() if m else end


#: After a name: maybe a parenthesis, then a list separator and the next item's words.
_NEXT_ITEM = re.compile(rf"(?:\s\([^()]{{0,80}}\))?(?:,\s*(?:and\s+)?|\s+and\s+)"
                        rf"(?P<item>(?:{_INITIAL}){{0,3}}{_CAP}(?: {_CAP})?)(?![\w’'.-]| [{UPPER}])")


#: A one-word name before a person's name and ``and`` (``Haraszti and Ferenc Erdei``); the word
#: before it is no capitalised one (of which it would be the last word).
_ITEM_BEFORE = re.compile(rf"(?:^|(?<=[;:(]\s)|(?<=[a-z,] ))(?P<item>{_CAP})\s+and\s+$")


def _coordinated(text: str, found: list[NameMatch]) -> list[NameMatch]:
    """The names listed after a person's name are persons too (``Fidel Castro and Dorticos``,
    ``Stalin (at the head of the table), Molotov, ... and Zorin``), and a one-word name before it
    and ``and`` (``Haraszti and Ferenc Erdei``): an item of one or two
    capitalised words (initials before them), none of them English, an acronym or an
    honorific. The caller's gazetteer has taken the places already."""
    if not found or ("," not in text and " and " not in text):
        return found
    out: list[NameMatch] = []
    taken = [(f.start, f.end) for f in found]
    for f in found:
        out.append(f)
        before = _ITEM_BEFORE.search(text, max(0, f.start - 40), f.start)
        if before and _list_words_ok(before.group("item")) and not is_proper_noun(before.group("item")) \
                and not any(s < before.end("item") and before.start("item") < e for s, e in taken):
            out.append(NameMatch(before.start("item"), before.end("item"), "coordinated"))
        end = f.end
        while (m := _NEXT_ITEM.match(text, end)) is not None:
            if not _list_words_ok(m.group("item")) or any(s < m.end() and m.start("item") < e for s, e in taken) \
                    or m.end() == len(text) and " " not in m.group("item"):
                break  # (a page cut off inside the last word: Mikoyan, Kaganovich, Bulga)
            out.append(NameMatch(m.start("item"), m.end("item"), "coordinated"))
            end = m.end()
    return sorted(set(out), key=lambda f: f.start)


# The capital comes first and what precedes it is checked after it (``(?<![\w.].)``),
# so that the scan jumps from capital to capital.
_GIVEN_SURNAME = re.compile(rf"(?P<given>[{UPPER}](?<![\w.].){_L}{{2,}})\s(?:[{UPPER}]\.\s)?"
                            rf"(?P<sur>[{UPPER}][{LOWER}]{_L}{{2,}}(?:-[{UPPER}]?{_L}+)?"
                            rf"|[{UPPER}]{{3,}})(?![\w-])")  # (or in capitals: Ted STEVENS)


def _given_name_surname(text: str) -> list[NameMatch]:
    """``Andrei Gromyko``, ``Spiro T. Agnew``: a first name of the given-name list, maybe a middle
    initial, then a surname. A pair that is no name leaves its second word free to start one
    (``Iran Ibrahim Kashani``). The surname may be an English word the dictionary lists as a
    name too (``John Smith``, ``Peter Brown``): the list leaves out first names that are English
    words (May, Will), so no ``May Day`` is taken."""
    out = []
    pos = 0
    while (m := _GIVEN_SURNAME.search(text, pos)) is not None:
        given, sur = m.group("given"), m.group("sur")
        if given[1:].islower() and is_given_name(given) and sur not in HONORIFICS and not _acronym(sur) \
                and (_surname_ok(sur) or sur[1:].islower() and is_listed_as_name(sur)):
            out.append(NameMatch(m.start(), m.end(), "given-name"))
            pos = m.end()
        else:
            pos = m.start("sur")
    if "-" in text or " el " in text or " al " in text or " bin " in text or " ibn " in text:
        for m in _GIVEN_PARTICLE.finditer(text):  # Farid al-Ahmar
            if m.group()[1:].islower() and is_given_name(m.group()):
                out.append(NameMatch(m.start(), _particle_end(text, m.end()), "given-name"))
    return out


_SURNAME_GIVEN = re.compile(rf"(?P<sur>[{UPPER}](?<![\w.].){_L}{{3,}})\s(?P<given>[{UPPER}]{_L}+)"
                            rf"(?![\w’'-]|\s[{UPPER}])")


def _surname_given_name(text: str) -> list[NameMatch]:
    """A family name before a first name of the given-name list, as Hungarian records write
    names (``Etre Sándor``, ``Prat Karoly``): the first word is no first name, English word or
    name the dictionary knows (no ``Budapest Sándor``), and no third name follows."""
    out = []
    for m in _SURNAME_GIVEN.finditer(text):
        sur, given = m.group("sur"), m.group("given")
        if sur[1:].islower() and given[1:].islower() and is_given_name(given) and not is_given_name(sur) \
                and _surname_ok(sur) and not is_proper_noun(sur) \
                and sur not in _HONORIFIC_WORDS and sur not in CALENDAR_WORDS:
            out.append(NameMatch(m.start(), m.end(), "given-name"))
    return out


def _longest_non_overlapping(cands: list[NameMatch]) -> list[NameMatch]:
    cands.sort(key=lambda c: (c.start, -(c.end - c.start)))
    out: list[NameMatch] = []
    for c in cands:
        if out and c.start < out[-1].end:
            if c.end > out[-1].end and c.start == out[-1].start:
                out[-1] = c
            continue
        out.append(c)
    return out
