"""Word knowledge the reader needs to tell English, Russian and names apart.

General resources only, never the samples' words:

* the system English dictionary (Debian ``wamerican``), which spells proper
  nouns with a capital (``Stalin``, ``Kim``) and common words in lower case;
* word frequencies from the maintained ``wordfreq`` package;
* the shape of Russian transliteration (clusters, endings, function words);
* the syllable shapes of Korean and Chinese romanisation, with the common
  East Asian family names, to recognise ``Pak Seong-cheol`` or ``Zhou Enlai``;
* the editors' list of given names of the countries the records come from
  (``data/given-names.txt``), which the dictionary mostly lacks (``Aurel``, ``András``).
"""
from __future__ import annotations

import functools
import re
import unicodedata
from importlib import resources
from pathlib import Path


DICT_PATHS = (Path("/usr/share/dict/american-english"), Path("/usr/share/dict/words"))

#: Zipf frequency from which a lower-case token counts as common English.
COMMON_ZIPF = 3.0


@functools.lru_cache(maxsize=1)
def _dictionary() -> tuple[frozenset[str], frozenset[str]]:
    """(common words in lower case, proper nouns) from the system word list."""
    lower: set[str] = set()
    proper: set[str] = set()
    for path in DICT_PATHS:
        if path.exists():
            for word in path.read_text(encoding="utf-8", errors="ignore").split():
                word = word.split("'")[0]
                if not word:
                    continue
                (proper if word[0].isupper() else lower).add(word)
            break
    return frozenset(lower), frozenset(proper)


@functools.lru_cache(maxsize=1 << 16)
def is_english(token: str) -> bool:
    """True for a common English word (in any case): ``these``, ``He``, ``Headquarters``,
    and the name of a people (``Korean``), an English adjective however it is spelt."""
    token = re.sub(r"['’]s$", "", token)
    low = token.lower()
    lower, _ = _dictionary()
    if low in lower or low in _INSTITUTIONS or is_demonym(token):
        return True
    from wordfreq import zipf_frequency  # imported on first use: a build with nothing to read skips it

    return zipf_frequency(low, "en") >= COMMON_ZIPF and token.lower() == token


#: Letters and endings of Portuguese, Spanish, French, Italian and German words that no
#: transliteration of Russian has (``secamente``, ``situación``, ``Regierung``).
_OTHER_LANGUAGE = re.compile(r"[ñçãõàèìòùâêîôûäöüßéáíóú]|(?:mente|ción|ciones|ção|ções|dade|idad|ità|heit|keit)$",
                             re.I)


def is_other_language_word(token: str) -> bool:
    """A word of Portuguese, Spanish, French, Italian or German by its letters or ending
    (``secamente`` in a Brazilian telegram). Why: only transliterated Russian is ``foreign``
    (guide §3.1 rule 12); another language's word is supplied. (wordfreq's lists of these
    languages would cost a second to load in every process.)"""
    return _OTHER_LANGUAGE.search(token) is not None


@functools.lru_cache(maxsize=1 << 14)
def is_function_word(token: str, zipf: float = 5.0) -> bool:
    """One of the most common English words (``The``, ``He``, ``In``, ``Minister``: Zipf 5 or
    more), which no surname is; ``Hart`` and ``Peter`` are English words, but rarer. With
    ``zipf=6``, only the commonest (``In``, ``His``, ``After``; not ``Long`` or ``Young``)."""
    from wordfreq import zipf_frequency

    return zipf_frequency(token.lower(), "en") >= zipf


@functools.lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    data = resources.files("toolchain") / "data" / "given-names.txt"
    return frozenset(ln for ln in data.read_text(encoding="utf-8").split("\n") if ln and not ln.startswith("#"))


def grouped_alternatives(words, after_first: str = "") -> str:
    """``words`` as a regex alternation tried in their order, grouped by first letter
    (``C(?:de|des|omrade...)|M(?:r|rs...)``, escaped; ``after_first``, a look-behind, checked after
    each first letter): the same matches, but at each position the engine tries only the words
    that start with the letter printed there, not every word (hundreds, for the gazetteers)."""
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(w[0], []).append(re.escape(w[1:]))
    return "|".join(re.escape(first) + after_first + "(?:%s)" % "|".join(rest) for first, rest in groups.items())


def is_given_name(token: str) -> bool:
    """A first name of the editors' list (``Dumitru``, ``Siomara``), however capitalised."""
    return token[:1].isupper() and unicodedata.normalize("NFC", token.capitalize()) in _given_names()


def is_listed_as_name(token: str) -> bool:
    """True for a word the dictionary lists as a name too, whether or not it is also a common
    word (``Smith``, ``Brown`` beside ``smith``, ``brown``)."""
    return token.capitalize() in _dictionary()[1]


@functools.lru_cache(maxsize=1 << 14)
def is_proper_noun(token: str) -> bool:
    """True for a capitalised word the dictionary knows only as a name (``Stalin``, ``Nikita``)."""
    lower, proper = _dictionary()
    return (token[:1].isupper() and token.capitalize() in proper and token.lower() not in lower
            and token.lower() not in _INSTITUTIONS and not is_demonym(token)
            and token.capitalize() not in CALENDAR_WORDS)


#: Bodies of party and state that English borrows as common nouns (``the KWP CC Presidium``,
#: ``the Central Committee Politburo``): capitalised in the records and in the dictionary,
#: or missing from it, but never a person's name.
_INSTITUTIONS = frozenset("""presidium praesidium politburo politbureau orgburo plenum secretariat
comintern cominform sovnarkom gosplan komsomol kolkhoz sovkhoz duma sejm volkskammer bundestag
knesset kremlin stavka securitate stasi nomenklatura""".split())


#: Month and weekday names: capitalised like names, never a person's (``22 [November]``).
CALENDAR_WORDS = frozenset("""January February March April May June July August September October
November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday""".split())


def is_demonym(token: str) -> bool:
    """True for the name of a people or its language (``Korean``, ``Hungarian``, ``Chinese``).

    The dictionary spells them with a capital like a person's name, but they are adjectives
    and common nouns: ``[North Korean]`` supplies a word, not a person. Told apart by
    shape: an ``-an`` word whose plural the dictionary also has (``Koreans``; a surname's
    plural it has not), or a long ``-ese`` word (``Vietnamese``).
    """
    if len(token) < 5 or not token[:1].isupper():
        return False
    word = token.capitalize()  # KOREAN too
    _, proper = _dictionary()
    if word.endswith("an"):
        return word + "s" in proper
    return word.endswith("ese") and len(word) >= 7 and word in proper


# ---------------------------------------------------------------- Russian

_RU_CLUSTERS = re.compile(r"(shch|kh|zh|sh|ts|ch|iy|yy|ye|yu|ya|ii)", re.I)
_RU_ENDINGS = re.compile(
    r"(yy|iy|oy|oye|ye|ykh|ikh|om|ogo|ego|emu|omu|ami|yami|it['’]?|te|'te|’te|iu|iia|nyy|nym|ym|im|oe|aia)$",
    re.I)
_RU_FUNCTION_WORDS = frozenset("s v k i pri ne na po o ob ot do za iz u bez dlia kak chto eto".split())


def _russian(token: str) -> bool:
    low = re.sub(r"['’]s$", "", token.lower())
    if low in _RU_FUNCTION_WORDS:
        return True
    return not is_english(low) and bool(_RU_ENDINGS.search(low) or _RU_CLUSTERS.search(low)
                                        or "'" in low or "’" in low)


def russian_votes(tokens: list[str]) -> int:
    """How many tokens look like transliterated Russian (function words, clusters, endings)."""
    return sum(1 for t in tokens if _russian(t))


def english_votes(tokens: list[str]) -> int:
    """How many tokens are English words and not also Russian function words (``i``, ``s``)."""
    return sum(1 for t in tokens if is_english(t) and t.lower() not in _RU_FUNCTION_WORDS)


@functools.lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Case-folded, accent-free text with the romanisation pairs eo/o, yeo/yo, -yy/-y unified."""
    s = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text)).casefold()
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = re.sub(r"['’`.\-]", "", s)
    s = s.replace("yeo", "yo").replace("eo", "o")
    return re.sub(r"yy\b", "y", s)


#: Consonants that McCune-Reischauer / Wade-Giles and Revised Romanisation / pinyin
#: write differently (Kwang/Gwang, Tae/Dae, Pak/Bak, Chong/Jeong, Shin/Sin).
_ROMAN_PAIRS = re.compile(r"ch|sh|[ktp]")
_ROMAN_TO = {"ch": "j", "sh": "s", "k": "g", "t": "d", "p": "b"}


def romanisation_key(folded: str) -> str:
    """A folded East Asian name with the aspirated/plain consonant pairs unified."""
    return _ROMAN_PAIRS.sub(lambda m: _ROMAN_TO[m.group()], folded)


#: The endings of a Russian patronymic (``Sergeyevich``, ``Ilyich``, ``Nikolayevna``).
PATRONYMIC_ENDING = "ovich|evich|ich|ovna|evna|ichna"


# ---------------------------------------------------------------- East Asian names

#: Family names in the romanisations met in Cold War records (McCune-Reischauer,
#: Revised Romanisation, pinyin, Wade-Giles, Vietnamese without its diacritics). A general
#: list, not the samples'. (Vietnamese Le and Do are left out: ``Le Monde``, ``Do Not``.)
EAST_ASIAN_SURNAMES = frozenset("""
Kim Pak Park Ri Li Lee Yi Rhee Lyu Ryu Choe Choi Chae Nam Heo Ho Hyon Hyeon Jin Chin Ryu Yu Yoo Mun Moon Seo So
Jeong Jong Chong Chung Han Kang Yun Yoon Jang Chang O Oh Hong Song Shin Sin Im Lim Jo Cho Baek Paek Kwon
Hwang Ahn An Go Ko Yang Bae Pae Jeon Chon Noh No Ha Ju Chu Won Min Ryom Yom Ro Tak Hyun Kye Kye Ki Pyon
Byeon Sim Shim Um Eom Bang Pang Cha Ma Mao Zhou Chou Peng Liu Deng Teng Zhu Chu Chen Chen Lin Wang Zhang
Gao Kao Dong Tung Ye Yeh He Hua Qiao Chiao Ji Chi Huang Luo Lo Xu Hsu Tan Bo Po Wu Xi Hsi Su Guo Kuo Zhao
Chao Sun Tian Tien Hu Xie Hsieh Cai Tsai Pan Du Tu Yao Lu Jiang Chiang Shen Ding Ting Wei Fu Fan Ren Jen
Nguyen Tran Pham Hoang Huynh Phan Vu Vo Dang Bui Ngo Duong Truong Dinh Trinh
Chun Rim Gi Tae Son Seol Yeom Gwak Kwak Ok Pi Na Cao Qian Xiao Hao Feng Cheng Bai Qin Yan Yin Kong Geng Shi
Tang Rao Zeng Tao Lai Jia Meng Wen Ling Pu Gong Lei Ouyang Fang Zhong Yue Qu Niu Cui Hou Shao Wan
Gu Xue Liao Yuan Dai Zou Pei Xing Tong Mei Bao Kuang Qiu
Zheng Liang Xia Xiong Xiang Tseng Tsou Chien Qi Ning Rong Jung Seong Joo Cheon Yeo Byun Seok
""".split())

# One syllable of Korean, Chinese or Vietnamese romanisation: optional onset, vowel nucleus,
# optional coda.
_SYLLABLE = (r"(?:ngh|ch|kk|tt|pp|ss|jj|sh|zh|ts|tz|ng|th|kh|ph|tr|[bcdfghjklmnpqrstvwxyz])?"
             r"(?:yeo|yae|wae|eui|uye|eo|ae|ya|ye|yo|yu|wa|wo|we|wi|oe|ui|uy|eu|ai|ao|ei|ia|ie|iu|ua|uo|ou|ee|oo|"
             r"iao|uai|[aeiou])"
             r"(?:ng|nh|ch|c|n|m|k|l|r|p|t|b|g)?")  # (Vietnamese: Nghi, Duc)
_ROMAN_WORD = re.compile(rf"(?:{_SYLLABLE}){{1,3}}", re.I)


@functools.lru_cache(maxsize=1 << 14)
def unaccented(word: str) -> str:
    """A Vietnamese name written with its tone marks, in the letters of its plain romanisation
    (``Hồ`` -> ``Ho``, ``Đặng`` -> ``Dang``), so that the romanisation rules know it."""
    if word.isascii():
        return word
    plain = unicodedata.normalize("NFD", word.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in plain if not unicodedata.combining(c))


def is_east_asian_surname(word: str) -> bool:
    """``Kim``, ``KIM``, ``Nguyen``, ``HỒ``: a Korean, Chinese or Vietnamese family name."""
    return unaccented(word).capitalize() in EAST_ASIAN_SURNAMES


def is_romanised_given_name(token: str) -> bool:
    """True for a Korean, Chinese or Vietnamese given-name token: ``Il``, ``Sung``, ``Seong-cheol``,
    ``Zedong``, ``Duy``, ``Chí``."""
    token = unaccented(token)
    if not token[:1].isupper() or len(token) > 14:
        return False
    parts = token.split("-")
    if len(parts) > 2 or any(not p for p in parts):
        return False
    if len(parts) == 2 and not parts[1][:1].islower() and not parts[1][:1].isupper():
        return False
    return all(_ROMAN_WORD.fullmatch(p) for p in parts)


# ---------------------------------------------------------------- scripts

#: Letters of the scripts an English translation may quote its original in, and their language.
_SCRIPTS = ((re.compile(r"[\u0400-\u04FF]"), "ru"), (re.compile(r"[\u1100-\u11FF\u3130-\u318F\uAC00-\uD7AF]"), "ko"),
            (re.compile(r"[\u3040-\u30FF\u4E00-\u9FFF]"), "zh"))
_KANA = re.compile(r"[\u3040-\u30FF]")
_ANY_SCRIPT = re.compile("|".join(rx.pattern for rx, _ in _SCRIPTS))


def script_language(text: str) -> str | None:
    """The language of a text most of whose letters are Cyrillic (``ru``), Hangul (``ko``),
    kana (``ja``) or Chinese characters (``zh``); None for Latin-script text.

    Why: a page may quote its original (a telegram in Russian after its translation), and a
    DH project must not read it as English. Japanese writes kana among its Chinese characters.
    """
    if text.isascii() or not _ANY_SCRIPT.search(text):  # most paragraphs: a scan in C
        return None
    letters = sum(1 for c in text if c.isalpha())
    if not letters:
        return None
    for rx, lang in _SCRIPTS:
        if len(rx.findall(text)) * 2 > letters:
            return "ja" if lang == "zh" and _KANA.search(text) else lang
    return None
