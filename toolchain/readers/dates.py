"""Recognising printed dates and reading them as ISO values (encoding guide §3.3 Q)."""
from __future__ import annotations

import calendar
import datetime as _dt
import re
from dataclasses import dataclass

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTHS["sept"] = 9
#: Month names as printed, tried in this order (``Sept.`` before ``Sep.``).
_MONTH_WORDS = ("January February March April May June July August September October November December "
                "JANUARY FEBRUARY MARCH APRIL MAY JUNE JULY AUGUST SEPTEMBER OCTOBER NOVEMBER DECEMBER "
                r"Jan\. Feb\. Mar\. Apr\. Jun\. Jul\. Aug\. Sept\. Sep\. Oct\. Nov\. Dec\. Sept").split()


def _month_rx(word_start: bool = False) -> str:
    """A month name, group ``m``; with ``word_start`` only where a word starts (``\\b``).

    The names are grouped by their first letter, which the pattern starts with (what
    precedes it is checked after it, ``(?<!\\w.)``), so that a scan jumps from one of
    those capitals to the next instead of trying every name at every position. Names
    with different first letters never match at the same place, so the order of the
    names within a letter is the order they are tried in, as in a plain alternation.
    """
    groups: dict[str, list[str]] = {}
    for word in _MONTH_WORDS:
        groups.setdefault(word[0], []).append(word[1:])
    check = r"(?<!\w.)" if word_start else ""
    return "(?P<m>%s)" % "|".join(f"{first}{check}(?:{'|'.join(rest)})" for first, rest in groups.items())


_MONTH = _month_rx()
_MONTH_AT = _month_rx(word_start=True)


def _day(name: str) -> str:
    """One or two digits, group ``name``, where a word starts (``\\b``): the digit comes
    first and what precedes it is checked after it, so that a scan jumps from digit to digit."""
    return rf"(?P<{name}>\d(?<!\w\d)\d?)"


_ORD = r"(?:st|nd|rd|th)?"
_YEAR = r"(?P<y>1[6-9]\d\d|20\d\d)"
_ROMAN_MONTHS = {r: i for i, r in enumerate(
    "I II III IV V VI VII VIII IX X XI XII".split(), start=1)}

# Ordered: the first pattern that matches at a position wins, longest forms first.
_PATTERNS = [
    ("range", re.compile(rf"{_day('d1')}{_ORD}\s*[/–-]\s*(?P<d>\d{{1,2}}){_ORD}\s+"
                         rf"{_MONTH},?\s+{_YEAR}\b")),
    # ... or with the month first (January 12-14, 1968)
    ("range", re.compile(rf"{_MONTH_AT}\s+{_day('d1')}\s*[–-]\s*(?P<d>\d{{1,2}}),?\s+{_YEAR}\b")),
    # the day maybe in quotation marks, as Russian forms print it (“27” April 1956)
    # ... or its ordinal spaced off or in capitals (28 th September, 1955; 30TH October, 1951), or
    # dots for spaces (13.June.1951), or the year glued to the month (14 June1967)
    ("dmy", re.compile(rf"[“\"«]?{_day('d')}[”\"»]?(?:\s?(?:st|nd|rd|th|ST|ND|RD|TH))?(?:\.?\s+(?:of\s+)?"
                       rf"|\.(?=[A-Z])){_MONTH}(?:,?\s+|(?<=[a-z])\.?(?=\d)){_YEAR}\b")),
    ("mdy", re.compile(rf"{_MONTH_AT},?\s+(?P<d>\d{{1,2}}){_ORD},?\s+{_YEAR}\b")),  # (September, 10th, 1980)
    # the year first, as Chinese, Japanese and Hungarian records print it (1955 January 7)
    ("ymd", re.compile(rf"{_YEAR}(?<!\w\d{{4}}),?\s+{_MONTH}\s+(?P<d>\d{{1,2}}){_ORD}\b(?![.,]?\d)")),
    # a Roman month after a dot or slash, maybe spaced (31.X 1962, 8/V/1953, 6. II. 1949, 27.X 62.);
    # not inside a file's reference (ON/9/9/XI/62)
    ("roman", re.compile(r"(?<![/.])" + _day("d") + r"\s?[./]\s?(?P<rm>XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)"
                         r"(?:\s?[./]\s?(?P<y>\d{4}|\d{2})|\.? (?P<y4>1[6-9]\d\d|20\d\d|\d\d(?=\.)))\b")),
    ("numeric", re.compile(_day("d") + r"\.(?P<mm>\d{1,2})\.(?P<y>1[6-9]\d\d|20\d\d|\d\d)\b(?!\.\d)")),
    # with slashes, the month first as American forms print it, unless it cannot be (5/16/1963);
    # a year of two digits from 1930 (01/11/02 is a file's number)
    ("slash", re.compile(_day("mm") + r"/(?P<d>\d{1,2})/(?P<y>1[6-9]\d\d|20\d\d|[3-9]\d)\b(?![/.]?\d)")),
    ("iso", re.compile(r"(?P<y>(?:1[6-9]|20)(?<!\w\d\d)\d\d)-(?P<mm>\d\d)-(?P<d>\d\d)\b")),
    # ... or with dots, as Chinese and Mongolian records print it (1968.1.29)
    ("iso-dots", re.compile(r"(?P<y>(?:19|20)(?<![\w.]\d\d)\d\d)\.(?P<mm>\d{1,2})\.(?P<d>\d{1,2})\b(?!\.\d)")),
    # "12 or 14 May", "22 and 29 May 1972": the first day takes the month (and year) of the second.
    ("first-day", re.compile(rf"{_day('d')}{_ORD}(?=\s+(?:or|and|to)\s+\d{{1,2}}{_ORD}\s+"
                             rf"{_MONTH}(?:,?\s+(?P<y>1[6-9]\d\d|20\d\d)\b)?)")),
    ("my", re.compile(rf"{_MONTH_AT},?\s+{_YEAR}\b")),
    ("dm", re.compile(rf"{_day('d')}{_ORD}\s+(?:of\s+)?{_MONTH}\b(?!\s*,?\s*\d)")),
    ("md", re.compile(rf"{_MONTH_AT}\s+(?P<d>\d{{1,2}}){_ORD}\b(?![\d,]*\s*\d{{4}})")),
    # The year comes first (then the word before it is checked), so that the
    # scan jumps from one 1 or 2 to the next.
    ("year", re.compile(r"(?P<y>1[6-9]\d\d|20\d\d)(?:(?<=\bin \d{4})|(?<=\bfor \d{4})|(?<=\bsince \d{4})|"
                        r"(?<=\buntil \d{4})|(?<=\bof \d{4}))\b(?![-–/]\d)")),
]

# Every date prints a digit, and most print a month name: text without them
# (most runs of a page) is not scanned pattern by pattern. Every date starts
# with a digit, a month name or a quotation mark right before its day's digit, so the
# text before the first of them is not scanned.
_DIGIT = re.compile(r"\d")
_MONTH_NAME = re.compile(_MONTH)
_NEEDS_MONTH = frozenset(kind for kind, rx in _PATTERNS if "(?P<m>" in rx.pattern)


@dataclass(frozen=True)
class DateMatch:
    """A date found in text: character range and ISO reading."""

    start: int
    end: int
    when: str | None = None
    not_before: str | None = None
    not_after: str | None = None
    inferred: bool = False


def _month(m: re.Match) -> int:
    return _MONTHS[m.group("m").lower().rstrip(".")]


def _iso(y: int, mo: int, d: int) -> str | None:
    try:
        return _dt.date(y, mo, d).isoformat()
    except ValueError:
        return None


def _read(kind: str, m: re.Match, year: int | None) -> DateMatch | None:
    s, e = m.span()
    if kind == "range":
        y, mo = int(m.group("y")), _month(m)
        a, b = _iso(y, mo, int(m.group("d1"))), _iso(y, mo, int(m.group("d")))
        if a and b and a < b:
            return DateMatch(s, e, not_before=a, not_after=b)
        return None
    if kind in ("dmy", "mdy", "ymd"):
        when = _iso(int(m.group("y")), _month(m), int(m.group("d")))
        return DateMatch(s, e, when=when) if when else None
    if kind == "roman":
        y = int(m.group("y") or m.group("y4"))
        y = y + 1900 if y < 100 else y
        when = _iso(y, _ROMAN_MONTHS[m.group("rm")], int(m.group("d")))
        return DateMatch(s, e, when=when) if when else None
    if kind in ("numeric", "iso", "iso-dots", "slash"):
        y = int(m.group("y"))
        y, day, month = y + 1900 if y < 100 else y, int(m.group("d")), int(m.group("mm"))
        # the other order only where this one cannot be (10.31.1962, 16/5/1963)
        when = _iso(y, month, day) or kind in ("numeric", "slash") and _iso(y, day, month)
        return DateMatch(s, e, when=when) if when else None
    if kind == "my":
        y, mo = int(m.group("y")), _month(m)
        last = calendar.monthrange(y, mo)[1]
        return DateMatch(s, e, not_before=f"{y:04d}-{mo:02d}-01", not_after=f"{y:04d}-{mo:02d}-{last:02d}")
    if kind == "first-day" and m.group("y"):
        when = _iso(int(m.group("y")), _month(m), int(m.group("d")))
        return DateMatch(s, e, when=when) if when else None
    if kind in ("dm", "md", "first-day"):
        if year is None:
            return None
        when = _iso(year, _month(m), int(m.group("d")))
        return DateMatch(s, e, when=when, inferred=True) if when else None
    if kind in ("year", "bare-year"):
        y = int(m.group("y"))
        return DateMatch(s, e, not_before=f"{y:04d}-01-01", not_after=f"{y:04d}-12-31")
    return None


def find_dates(text: str, doc_year: int | None = None) -> list[DateMatch]:
    """All non-overlapping dates in ``text``, in order; ``doc_year`` completes day+month dates."""
    found: list[DateMatch] = []
    digit = _DIGIT.search(text)
    if digit is None:
        return found
    month = _MONTH_NAME.search(text)
    start = min(digit.start(), month.start()) if month else digit.start()
    start = max(0, start - 1)  # a quotation mark before the day (“27” April 1956)
    taken = [False] * (len(text) + 1)
    for kind, rx in _PATTERNS:
        if kind in _NEEDS_MONTH and month is None:
            continue
        for m in rx.finditer(text, start):  # \b and look-behinds still see the text before start
            if any(taken[m.start():m.end()]):
                continue
            dm = _read(kind, m, doc_year)
            if dm is None:
                continue
            for i in range(dm.start, dm.end):
                taken[i] = True
            found.append(dm)
    found.sort(key=lambda d: d.start)
    return found


_BARE_YEAR = ("bare-year", re.compile(r"(?P<y>1[6-9]\d\d|20\d\d)"))
_FULL_PATTERNS = dict(_PATTERNS + [_BARE_YEAR])


def parse_full_date(text: str, whole: bool = False, partial: bool = False) -> DateMatch | None:
    """Read a complete date (day, month, year); with ``whole`` the text must be only that date.

    With ``partial`` a month and year (``May 1950``) or a bare year also count.
    """
    t = text.strip()
    if not _DIGIT.search(t):  # every form read here prints a year
        return None
    kinds = ["dmy", "mdy", "ymd", "iso", "iso-dots", "roman", "numeric", "slash"]
    kinds += ["my", "bare-year"] if partial else []
    for kind in kinds:
        rx = _FULL_PATTERNS[kind]
        m = rx.fullmatch(t) if whole else rx.search(t)
        if m:
            dm = _read(kind, m, None)
            if dm:
                return dm
    return None
