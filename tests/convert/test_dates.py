"""Printed dates and their ISO readings (encoding guide §3.3 Q), form by form."""
from __future__ import annotations

import pytest

from toolchain.readers.dates import find_dates


def _dates(text: str, year: int | None = None) -> list[tuple[str, str | None]]:
    return [(text[d.start:d.end], d.when or d.not_before) for d in find_dates(text, year)]


@pytest.mark.parametrize("text, dates", [
    ("on 22 July 1960 he", [("22 July 1960", "1960-07-22")]),
    ("on July 22, 1960 he", [("July 22, 1960", "1960-07-22")]),
    ("dated 24.III.50", [("24.III.50", "1950-03-24")]),
    # the Roman month after a slash or spaced dots, a year of two digits after a space
    ("dated 8/V/1953 and", [("8/V/1953", "1953-05-08")]),
    ("on 6. II. 1949", [("6. II. 1949", "1949-02-06")]),
    ("No. 229, 27.X 62.", [("27.X 62", "1962-10-27")]),
    ("ON/9/9/XI/62", []),                                   # inside a file's reference
    ("dated 13.02.1973", [("13.02.1973", "1973-02-13")]),
    ("recorded on 1968.1.29 in", [("1968.1.29", "1968-01-29")]),  # the year first, with dots
    ("version 2.1968.1.2 and File 2011.0741", []),
    # the month first, as American forms print it, only where the day cannot come first
    ("Dispatched on 10.31.1962 at 13:30", [("10.31.1962", "1962-10-31")]),
    ("received 11.01.1962", [("11.01.1962", "1962-01-11")]),
    # with slashes the month first, as American forms print it, unless it cannot be
    ("In Prague on 5/16/1963", [("5/16/1963", "1963-05-16")]),
    ("Sent on 09/29/50", [("09/29/50", "1950-09-29")]),
    ("dated 16/5/1963", [("16/5/1963", "1963-05-16")]),
    ("file 003786/63-7 and No. 131/1963", []),
    ("Date: 01/11/02", []),                                        # a file's number
    # a two-digit year, as the roman-month form reads it
    ("ROSHCHIN No. 2974 13.6.51", [("13.6.51", "1951-06-13")]),
    ("version 1.2.3 and 12.10.55.3", []),          # no date inside longer numbers
    # the day in quotation marks, as Russian forms print it
    ("“27” April 1956", [("“27” April 1956", "1956-04-27")]),
    ('the "13" June 1956 note', [('"13" June 1956', "1956-06-13")]),
    ("on 9 May", [("9 May", "1972-05-09")]),        # the year of the document completes it
    # an ordinal spaced off the day; dots for spaces
    ("Pyongyang, 28 th September, 1955", [("28 th September, 1955", "1955-09-28")]),
    ("in his telegram No 424 dated Sept 9th, 1973:", [("Sept 9th, 1973", "1973-09-09")]),   # Sept, no dot
    # the year first, as Chinese, Japanese and Hungarian records print it; a dot after the day
    ("Date: 1955 January 7", [("1955 January 7", "1955-01-07")]),
    ("Date: 1954, December 18", [("1954, December 18", "1954-12-18")]),
    ("Berlin, 18. July 1973", [("18. July 1973", "1973-07-18")]),
    ("Received 19:55 13.June.1951", [("13.June.1951", "1951-06-13")]),
    ("London, 30TH October, 1951.", [("30TH October, 1951", "1951-10-30")]),   # the ordinal in capitals
    ("plenum on 14 June1967 heard", [("14 June1967", "1967-06-14")]),          # the year glued to the month
    ("Belgrade, 31.X 1962", [("31.X 1962", "1962-10-31")]),          # a Roman month, a space, the year
    ("on 1.XI 62 the", []),                                          # ... of four digits only
    ("Maputo, September, 10th, 1980", [("September, 10th, 1980", "1980-09-10")]),  # a comma after the month
    ("Lansk, January 12-14, 1968", [("January 12-14, 1968", "1968-01-12")]),    # days of a month, the month first
    ("the 5th of May, 1960 and 3 Sept. 1961", [("5th of May, 1960", "1960-05-05"), ("3 Sept. 1961", "1961-09-03")]),
])
def test_find_dates(text, dates):
    assert _dates(text, 1972) == dates
