"""The entity register (tei/register.xml): load, match names, add variants and candidates, save.

The register is a TEI file editors maintain by hand, so it is edited in place
as an lxml tree: tei-tool adds variant spellings and candidate entries and
never drops or reorders what an editor wrote (encoding guide §4).

Name matching normalises both sides (NFKC, case-fold, dots, hyphens and
spaces between syllables, initials as letters, the romanisation pairs
eo/o, yeo/yo, -yy/-y) and compares with every main and variant name.
East Asian names (family name first) also match across the consonant pairs
of the two romanisation systems (Kim Kwang Hyop / Kim Gwang-hyeop), and
their family name alone is the first word (Mao → Mao Zedong).
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from lxml import etree

from toolchain import xmlio
from toolchain.readers.lexicon import (PATRONYMIC_ENDING, fold, grouped_alternatives, is_east_asian_surname,
                                       is_english, romanisation_key)

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
NS = {"t": TEI_NS, "xml": "http://www.w3.org/XML/1998/namespace"}
KIND_LIST = {"person": ("listPerson", "person", "persName", "p-"),
             "org": ("listOrg", "org", "orgName", "org-"),
             "place": ("listPlace", "place", "placeName", "pl-")}
_HONORIFIC = re.compile(r"^(Cde\.|Cdes\.|Comrade|Comr\.|Com\.|Mr\.|Mrs\.|Dr\.)\s+", re.I)


def _t(name: str) -> str:
    return f"{{{TEI_NS}}}{name}"


@dataclass(frozen=True)
class NameKey:
    """A name reduced for matching: ``initials`` + ``surname`` (Russian style) or ``full``."""

    surname: str
    initials: str = ""
    full: str = ""
    east_asian: bool = False  #: family name first; romanisation pairs apply


@functools.lru_cache(maxsize=1 << 16)
def name_key(name: str) -> NameKey:
    """The matching key of a person's name (cached: linking asks for the same names often)."""
    name = _HONORIFIC.sub("", name.strip())
    name = re.sub(r"['’]s$", "", name).replace(",", " ")  # Samsonov, G. Ye.
    tokens = re.findall(r"[^\s.]+\.?", name)
    initials = [t for t in tokens if t.endswith(".") and len(t) <= 3]
    rest = [t.rstrip(".") for t in tokens if t not in initials]
    if initials and rest:
        if tokens[-1] in initials:  # Kryukov M.E.
            surname, given = max(rest, key=len), initials
        else:  # L. I. Brezhnev, Harry S. Truman: the surname is last, given names count as initials
            surname, given = rest[-1], tokens[:-1]
        # "Ye." and "E." both render the Russian initial Е
        return NameKey(fold(surname), "".join(re.sub(r"^ye", "e", fold(i))[:1] for i in given))
    parts = [p for t in rest for p in re.split(r"[\s]+", t) if p]
    if len(parts) <= 1:
        return NameKey(fold(parts[0] if parts else name))
    if len(parts) == 3 and not east_asian(parts):
        # a Russian first name and patronymic count as initials: Viktor Mikhailovich Chebrikov
        # is V. M. Chebrikov, and STALIN Iosif Vissarionovich (surname first) is I. V. Stalin
        if _PATRONYMIC.search(parts[1]):
            return NameKey(fold(parts[2]), fold(parts[0])[:1] + fold(parts[1])[:1])
        if _PATRONYMIC.search(parts[2]) and (parts[0].isupper() or _PATRONYMIC_STRICT.search(parts[2])):
            return NameKey(fold(parts[0]), fold(parts[1])[:1] + fold(parts[2])[:1])
    family = parts[0] if east_asian(parts) else parts[-1]
    return NameKey(fold(family), "", fold("".join(parts)), east_asian(parts))


_PATRONYMIC = re.compile(rf"[a-z](?:{PATRONYMIC_ENDING})$")
_PATRONYMIC_STRICT = re.compile(r"[a-z](?:ovich|evich|ovna|evna)$")


def east_asian(tokens: list[str]) -> bool:
    """A name in East Asian order (family name first: ``Mao Zedong``, ``Kim Il Sung``)."""
    return len(tokens) > 1 and is_east_asian_surname(tokens[0])


def keys_match(a: NameKey, b: NameKey) -> bool:
    """Two spellings of one person: same full name, or same surname with compatible initials."""
    if a.full and b.full:
        return a.full == b.full
    if a.initials and b.initials:
        short, long_ = sorted((a.initials, b.initials), key=len)
        return a.surname == b.surname and long_.startswith(short)
    if a.full or b.full:
        full, other = (a, b) if a.full else (b, a)
        return bool(other.initials) and full.surname == other.surname and \
            full.full[:1] == other.initials[:1]
    return False


@dataclass(frozen=True)
class PersonParts:
    """A person's name split for comparing two entries: folded family name and given names.

    ``given`` holds folded given names, or their first letters when the name is
    written with initials (``initials`` is then true). East Asian names put the
    family name first (``Mao Zedong``), others last (``Gary Goldberg``).
    """

    family: str
    given: tuple[str, ...] = ()
    initials: bool = False


def person_parts(name: str) -> PersonParts:
    """Split ``name`` into family and given names (see ``PersonParts``)."""
    key = name_key(name)
    if key.initials:
        return PersonParts(key.surname, tuple(key.initials), True)
    tokens = [t for t in re.split(r"[\s.]+", _HONORIFIC.sub("", name.strip())) if t]
    tokens[-1:] = [re.sub(r"['’]s$", "", t) for t in tokens[-1:]]
    if len(tokens) <= 1:
        return PersonParts(key.surname)
    if east_asian(tokens):
        return PersonParts(fold(tokens[0]), (fold("".join(tokens[1:])),))
    return PersonParts(fold(tokens[-1]), tuple(fold(t) for t in tokens[:-1]))


def edits_apart(a: str, b: str, limit: int = 1) -> int:
    """Levenshtein distance of ``a`` and ``b``, or ``limit + 1`` as soon as it exceeds ``limit``.

    Why bounded: comparing every pair of register names only needs to know
    "equal, one edit, or more", and the bound keeps that fast.
    """
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
        if min(row) > limit:
            return limit + 1
    return min(row[-1], limit + 1)


def _normalised(name: str) -> str:
    return re.sub(r"\s+", "", fold(_HONORIFIC.sub("", name)))


def neighbour_keys(name: str) -> set[str]:
    """Keys such that two names ``likely_same_person`` accepts always share one.

    Why: comparing every pair of a large register is quadratic; grouping names
    by these keys (the whole normalised name, the family name and the family
    name less one letter) leaves only the pairs worth comparing.
    """
    family = person_parts(name).family
    keys = {"=" + _normalised(name), "f" + family}
    if len(family) >= 4:
        keys |= {"f" + family[:i] + family[i + 1:] for i in range(len(family))}
    return keys


def likely_same_person(a: str, b: str) -> str | None:
    """Why two spellings probably name one person, or None.

    Same family name (or one edit apart, a romanisation or typing difference
    such as ``Gromyko`` / ``Gromyco``) and compatible given names: one side
    without given names, initials that agree with the other side's initials
    or given names, or given names equal up to one edit. At most one edit in all.
    """
    if _normalised(a) == _normalised(b):
        return "same name once normalised"
    pa, pb = person_parts(a), person_parts(b)
    if min(len(pa.family), len(pb.family)) < 2:
        return None
    family_edits = 0 if pa.family == pb.family else (
        edits_apart(pa.family, pb.family) if min(len(pa.family), len(pb.family)) >= 4 else 2)
    if family_edits > 1:
        return None
    spelled = "same family name" if not family_edits else "family names one letter apart"
    if not pa.given or not pb.given:
        return None if family_edits else f"{spelled}, given names on one side only"
    if pa.initials or pb.initials:
        la, lb = ("".join(re.sub(r"^ye", "e", g)[:1] for g in p.given) for p in (pa, pb))
        short, long_ = sorted((la, lb), key=len)
        return f"{spelled}, compatible initials" if long_.startswith(short) else None
    ga, gb = "".join(pa.given), "".join(pb.given)
    if ga == gb:
        return "same name once normalised" if not family_edits else f"{spelled}, same given names"
    if not family_edits and min(len(ga), len(gb)) >= 4 and edits_apart(ga, gb) == 1:
        return "same family name, given names one letter apart"
    return None


#: Latin letters that Unicode does not decompose into a base letter and a mark.
_NO_DECOMPOSITION = str.maketrans({"ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ø": "o", "Ø": "O",
                                   "æ": "ae", "Æ": "Ae", "ß": "ss", "ı": "i"})


@functools.lru_cache(maxsize=1)
def reference() -> "Register":
    """The packaged reference persons (``data/persons-reference.xml``), read once per process."""
    data = resources.files("toolchain") / "data" / "persons-reference.xml"
    return Register(xmlio.parse_bytes(data.read_bytes(), str(data)))


@functools.lru_cache(maxsize=1)
def _reference_full_names() -> re.Pattern | None:
    """The reference persons' names of two words or more, initials excluded (``D. Rusk`` is
    found by the person rules), as one pattern, longest first."""
    names = sorted({n for n, _ in reference().names["person"]
                    if len(n.split()) > 1 and not re.search(r"\b\w\.", n)}, key=len, reverse=True)
    return re.compile(r"(?:%s)(?![\w-])" % grouped_alternatives(names, r"(?<![\w-].)")) if names else None


def make_id(kind: str, name: str) -> str:
    """A readable register id: ``p-kim-il-sung``, ``p-brezhnev-li``, ``org-cpsu-cc``."""
    prefix = KIND_LIST[kind][3]
    if kind == "person":
        key = name_key(name)
        tokens = re.findall(r"[^\s.]+", _HONORIFIC.sub("", name))
        tokens = [t for t in tokens if not re.fullmatch(r"[A-Z][a-z]?", t)] if key.initials else tokens
        if key.initials:
            surname = next((t for t in tokens if fold(t) == key.surname), key.surname)
            parts = [surname, key.initials]
        elif len(tokens) > 1 and not is_east_asian_surname(tokens[0]):
            parts = [tokens[-1]] + tokens[:-1]
        else:
            parts = tokens
    else:
        parts = [name]
    ascii_ = unicodedata.normalize("NFKD", " ".join(parts).translate(_NO_DECOMPOSITION))
    ascii_ = ascii_.encode("ascii", "ignore").decode().lower()
    return prefix + (re.sub(r"[^a-z0-9]+", "-", ascii_).strip("-") or "x")


class Register:
    """The register file as a tree, with indexes for matching."""

    def __init__(self, tree: etree._ElementTree, path: Path | None = None):
        self.tree = tree
        self.path = path
        self.changed = False
        self._index()

    # -- loading and saving

    @classmethod
    def load(cls, path: Path) -> "Register":
        """Load ``path``, or start from the packaged base register when it does not exist."""
        if path.exists():
            return cls(xmlio.parse_xml(path), path)
        base = resources.files("toolchain") / "data" / "register-base.xml"
        tree = xmlio.parse_bytes(base.read_bytes(), str(base))
        reg = cls(tree, path)
        reg.changed = True
        return reg

    def save(self) -> None:
        if self.path is None or not self.changed:
            return
        etree.indent(self.tree, space=" ")
        data = etree.tostring(self.tree, xml_declaration=True, encoding="UTF-8", pretty_print=True)
        xmlio.atomic_write(self.path, data)
        self.changed = False

    def _index(self) -> None:
        self.entries: dict[str, etree._Element] = {}
        self.names: dict[str, list[tuple[str, str]]] = {"person": [], "org": [], "place": []}
        self._names_of: dict[str, list[str]] = {}  # id -> its names (main first), as indexed
        self._by_surname: dict[str, list[tuple[NameKey, str]]] = {}
        self._by_full: dict[str, set[str]] = {}
        self._by_roman: dict[str, set[str]] = {}
        self._by_fold: dict[tuple[str, str], set[str]] = {}  # (kind, folded name) -> ids
        self._surnames: dict[str, set[str]] = {}
        self._org_place_rx = None
        self._matches: dict[str, dict[str, tuple[str, ...]]] = {k: {} for k in KIND_LIST}
        #: grows whenever a name is indexed: equal versions, equal answers of ``match``
        self.version = 0
        for kind, (_, el_name, name_el, _) in KIND_LIST.items():
            for el in self.tree.iter(_t(el_name)):
                xid = el.get(XML_ID)
                if not xid:
                    continue
                self.entries[xid] = el
                if el.get("sameAs"):
                    continue  # a retired id after a merge
                for n in el.findall(_t(name_el)):
                    text = " ".join("".join(n.itertext()).split())
                    if text:
                        self._add_name(kind, text, xid)

    def _add_name(self, kind: str, text: str, xid: str) -> None:
        """Index one name of an entry (lookups stay fast as the register grows)."""
        self._matches[kind].clear()  # a new name can change what any name of its kind matches
        self.version += 1
        self.names[kind].append((text, xid))
        self._names_of.setdefault(xid, []).append(text)
        if kind != "person":
            self._by_fold.setdefault((kind, fold(text)), set()).add(xid)
            self._org_place_rx = None
            return
        key = name_key(text)
        self._by_surname.setdefault(key.surname, []).append((key, xid))
        if key.full:
            self._by_full.setdefault(key.full, set()).add(xid)
            if key.east_asian:
                self._by_roman.setdefault(romanisation_key(key.full), set()).add(xid)
        self._surnames.setdefault(key.surname, set()).add(xid)

    # -- lookups used by the reader

    def gazetteer(self, text: str) -> list[tuple[int, int, str]]:
        """Organisations and places named in ``text``: (start, end, kind), longest names first."""
        if self._org_place_rx is None:
            names = sorted({n for k in ("org", "place") for n, _ in self.names[k]}, key=len, reverse=True)
            self._kind_of = {n: k for k in ("org", "place") for n, _ in self.names[k]}
            # the look-behind after each first letter (same meaning) lets the regex engine
            # skip to the names' first letters instead of trying every name everywhere
            self._org_place_rx = re.compile(r"(?:%s)(?![\w-])" % grouped_alternatives(
                names, r"(?<![\w-].)")) if names else None
        if self._org_place_rx is None:
            return []
        return [(m.start(), m.end(), self._kind_of[m.group()]) for m in self._org_place_rx.finditer(text)]

    def full_names(self, text: str) -> list[tuple[int, int]]:
        """Where ``text`` gives the full name of a reference person (``Dean Rusk``, ``Joseph
        Stalin``): a name of two words or more as the reference lists it, found even when its
        surname is also an English word, which the person rules leave alone. The reference
        never changes, so a reading that asked stays valid as the register grows."""
        rx = _reference_full_names()
        return [(m.start(), m.end()) for m in rx.finditer(text)] if rx else []

    def gazetteer_names(self) -> frozenset[tuple[str, str]]:
        """Every (name, kind) of organisation and place the gazetteer looks for."""
        return frozenset((n, k) for k in ("org", "place") for n, _ in self.names[k])

    def known_surname(self, token: str) -> bool:
        """A surname alone names a person when an entry has it (and it is no English word),
        or a reference person (``Beria``). Several entries with it (Fidel and Raúl Castro):
        still a person, whom linking leaves ambiguous."""
        if len(token) < 3 or is_english(token) or is_east_asian_surname(token):
            return False
        key = fold(token)
        return bool(self._surnames.get(key)) or bool(reference()._surnames.get(key))

    def adopt_reference(self, name: str) -> list[str]:
        """The id of the one reference person ``name`` names (``[]`` when none or several),
        copied into this register first: a name no entry matches may still be a well-known
        person (``Beria``, ``Harry S. Truman``), who then keeps the reference's id and names."""
        ids = reference().match("person", name)
        if len(ids) != 1 or ids[0] in self.entries:
            return []
        standoff = self.tree.getroot().find(_t("standOff"))
        lst = next(iter(standoff.xpath("t:listPerson[not(@type)]", namespaces=NS)), None)
        if lst is None:  # the reviewed persons come first (guide §4)
            lst = etree.Element(_t("listPerson"))
            standoff.insert(0, lst)
        el = etree.SubElement(lst, _t("person"))
        el.set(XML_ID, ids[0])
        for known in reference().entries[ids[0]]:
            etree.SubElement(el, known.tag, type=known.get("type")).text = known.text
        self.changed = True
        self.entries[ids[0]] = el
        for n in el:
            self._add_name("person", n.text, ids[0])
        return ids

    # -- matching and updating

    def match(self, kind: str, name: str) -> list[str]:
        """Ids of the entries ``name`` may refer to (one id = linked).

        Why remembered: a document names the same few people and organisations again and
        again, and the register gains a name far less often than it is asked (the answers
        of a kind are forgotten whenever a name of that kind is indexed)."""
        known = self._matches[kind]
        ids = known.get(name)
        if ids is None:
            ids = known[name] = tuple(self._match(kind, name))
        return list(ids)

    def _match(self, kind: str, name: str) -> list[str]:
        if kind != "person":
            return sorted(self._by_fold.get((kind, fold(name)), ()))
        key = name_key(name)
        exact = {xid for other, xid in self._by_surname.get(key.surname, ()) if keys_match(key, other)}
        if key.full:
            exact |= self._by_full.get(key.full, set())
            if not exact and key.east_asian:
                exact = set(self._by_roman.get(romanisation_key(key.full), ()))
        if exact:
            return sorted(exact)
        if key.initials or key.full:
            # "A. A. Gromyko" after a bare "Gromyko" entry: the same person, named fully at last
            bare = {xid for other, xid in self._by_surname.get(key.surname, ())
                    if all(not k.initials and not k.full for k in self._keys_of(xid))}
            if len(bare) == 1 and len(self._surnames.get(key.surname, ())) == 1:
                return sorted(bare)
        if not key.full and not key.initials:
            return sorted(self._surnames.get(key.surname, ()))
        return []

    def _keys_of(self, xid: str) -> list[NameKey]:
        return [name_key(text) for text in self._names_of.get(xid, ())]

    def add_variant(self, xid: str, name: str) -> None:
        """Record a new spelling of an entry (no-op when the entry already has it)."""
        name = " ".join(name.split())
        if name in self._names_of.get(xid, ()):
            return
        el = self.entries[xid]
        kind = next(k for k, v in KIND_LIST.items() if el.tag == _t(v[1]))
        name_el = etree.Element(_t(KIND_LIST[kind][2]), type="variant")
        name_el.text = name
        existing = el.findall(_t(KIND_LIST[kind][2]))
        existing[-1].addnext(name_el)
        self.changed = True
        self._add_name(kind, name, xid)

    def add_candidate(self, kind: str, name: str) -> str:
        """Add an unreviewed entry for ``name`` to the candidates list; return its id."""
        list_name, el_name, name_el_name, _ = KIND_LIST[kind]
        standoff = self.tree.getroot().find(_t("standOff"))
        lst = standoff.find(f"t:{list_name}[@type='candidates']", NS)
        if lst is None:
            lst = etree.SubElement(standoff, _t(list_name), type="candidates")
        xid = base = make_id(kind, name)
        n = 2
        while xid in self.entries:
            xid, n = f"{base}-{n}", n + 1
        el = etree.SubElement(lst, _t(el_name))
        el.set(XML_ID, xid)
        name_el = etree.SubElement(el, _t(name_el_name), type="main")
        name_el.text = " ".join(name.split())
        self.changed = True
        self.entries[xid] = el
        self._add_name(kind, name_el.text, xid)
        return xid

    def add_occupation(self, xid: str, office: str, not_before: str, not_after: str) -> None:
        """Record an office a document gives a person, dated by the documents that state it."""
        el = self.entries.get(xid)
        if el is None or el.tag != _t("person"):
            return
        for occ in el.findall(_t("occupation")):
            if " ".join("".join(occ.itertext()).split()) == office:
                lo, hi = min(occ.get("notBefore", not_before), not_before), max(occ.get("notAfter", not_after), not_after)
                if (lo, hi) != (occ.get("notBefore"), occ.get("notAfter")):
                    occ.set("notBefore", lo)
                    occ.set("notAfter", hi)
                    self.changed = True
                return
        occ = etree.Element(_t("occupation"), notBefore=not_before, notAfter=not_after)
        occ.text = office
        el.findall(_t("persName"))[-1].addnext(occ)
        self.changed = True

    def categories(self, taxonomy: str) -> set[str]:
        tax = self.tree.getroot().find(f".//t:taxonomy[@xml:id='{taxonomy}']", NS)
        return set() if tax is None else {c.get(XML_ID) for c in tax.iter(_t("category"))}

    def add_category(self, taxonomy: str, xid: str, label: str) -> None:
        """Add a taxonomy category (a classification level, a document type) if missing."""
        tax = self.tree.getroot().find(f".//t:taxonomy[@xml:id='{taxonomy}']", NS)
        if tax is None or xid in self.categories(taxonomy):
            return
        cat = etree.SubElement(tax, _t("category"))
        cat.set(XML_ID, xid)
        etree.SubElement(cat, _t("catDesc")).text = label
        self.changed = True

    def category_label(self, xid: str) -> str | None:
        """The label (catDesc) of a taxonomy category, e.g. ``cls-secret`` → ``SECRET``."""
        cat = self.tree.getroot().find(f".//t:category[@xml:id='{xid}']/t:catDesc", NS)
        return None if cat is None else " ".join("".join(cat.itertext()).split())

    def main_name(self, xid: str | None) -> str | None:
        """The main name of an entry; a retired entry answers with its survivor's."""
        el = self.entries.get(xid or "")
        if el is not None and el.get("sameAs", "").startswith("#"):
            el = self.entries.get(el.get("sameAs")[1:], el)
        if el is None:
            return None
        kind = next(k for k, v in KIND_LIST.items() if el.tag == _t(v[1]))
        main = el.find(f"t:{KIND_LIST[kind][2]}", NS)
        return None if main is None else " ".join("".join(main.itertext()).split())

    def location(self, xid: str) -> tuple[str | None, str | None]:
        """(country, settlement) recorded for an organisation (an archive)."""
        el = self.entries.get(xid)
        if el is None:
            return None, None
        country = el.find(".//t:location/t:country", NS)
        settlement = el.find(".//t:location/t:settlement", NS)
        return (country.text if country is not None else None,
                settlement.text if settlement is not None else None)
