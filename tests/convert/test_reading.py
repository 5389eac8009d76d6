"""A batch that grows the register is read again only where the reading would change
(``toolchain.reading``), and the result equals reading everything again."""
from __future__ import annotations

from pathlib import Path

from toolchain.reading import RecordingLexicon, read_and_link, read_page
from toolchain.register import Register
from toolchain.writers.tei import write_tei

HEAD = "July 6, 1972\nA record\n"
PAGES = {
    # names Zorgadi with a title: a person whatever the register holds
    "a": HEAD + "The conversation was held with Cde. Zorgadi at our request.\n",
    # names him by his bare surname: a person only once the register knows him
    "b": HEAD + "Then Zorgadi found that the talks went well and the visit was useful.\n",
    # asks nothing that the batch changes
    "c": HEAD + "The weather was fine and the talks went well in the afternoon.\n",
}


class FakeLexicon:
    def __init__(self, surnames=(), places=()):
        self.surnames, self.places = set(surnames), list(places)

    def known_surname(self, token):
        return token in self.surnames

    def gazetteer(self, text):
        return [(text.index(p), text.index(p) + len(p), "place") for p in self.places if p in text]


def test_answers_hold_until_a_question_would_be_answered_otherwise():
    lexicon = RecordingLexicon(FakeLexicon(surnames={"Petrov"}))
    assert lexicon.known_surname("Petrov") and not lexicon.known_surname("Zorgadi")
    assert lexicon.gazetteer("He went to Kaesong on Monday.") == []
    answers = lexicon.answers()
    assert answers.still_hold(FakeLexicon(surnames={"Petrov"}), frozenset())
    assert not answers.still_hold(FakeLexicon(surnames={"Petrov", "Zorgadi"}), frozenset())
    assert not answers.still_hold(FakeLexicon(), frozenset())  # Petrov no longer one person
    assert not answers.still_hold(FakeLexicon(surnames={"Petrov"}), frozenset({("Kaesong", "place")}))
    assert answers.still_hold(FakeLexicon(surnames={"Petrov"}), frozenset({("Pyongyang", "place")}))


def _batch(tmp_path: Path) -> list[Path]:
    paths = []
    for stem, text in PAGES.items():
        (tmp_path / f"{stem}.txt").write_text(text, encoding="utf-8")
        paths.append(tmp_path / f"{stem}.txt")
    return paths


def _read_with(register: Register, calls: list, everything: list[Path] | None = None):
    """A ``read_many`` that logs the stems asked for (and reads ``everything`` if given)."""
    def read_many(batch):
        calls.append([p.stem for p in batch])
        return [read_page(p, register, p.name) for p in (everything or batch)]
    return read_many


def test_only_pages_whose_reading_changes_are_read_again(tmp_path):
    paths = _batch(tmp_path)
    register, calls = Register.load(tmp_path / "register.xml"), []
    _, records, _ = read_and_link(paths, register, _read_with(register, calls))
    assert calls[0] == ["a", "b", "c"]
    assert "b" in calls[1] and "c" not in calls[1]
    assert 'ref="reg:' in write_tei(records[str(paths[1])], "test").decode()  # bare Zorgadi linked

    # the same as reading the whole batch again with the grown register (as it was done before)
    fresh, every = Register.load(tmp_path / "fresh.xml"), []
    _, again, _ = read_and_link(paths, fresh, _read_with(fresh, every, everything=paths))
    assert len(every) == 2
    assert {k: write_tei(r, "test") for k, r in again.items()} == \
        {k: write_tei(r, "test") for k, r in records.items()}


def _lazy_reads(register: Register, log: list):
    """A ``read_many`` that logs when each reading is made: all at once the first time (as
    workers read against the register before the batch), one at a time after."""
    def read_many(batch):
        for p in batch:
            log.append(("read", p.stem))
            yield read_page(p, register, p.name)
    return lambda batch: read_many(batch) if log else list(read_many(batch))


def test_each_record_is_done_once_in_order_with_its_final_links_while_pages_are_read_again(tmp_path):
    paths = _batch(tmp_path)
    paths.insert(1, tmp_path / "a2.txt")  # a second page read again: "b" is done before it is read
    paths[1].write_text(PAGES["b"], encoding="utf-8")
    register, log, at_done = Register.load(tmp_path / "register.xml"), [], {}

    def done(record):
        log.append(("done", record.stem))
        at_done[record.path] = write_tei(record, "test")

    _, records, _ = read_and_link(paths, register, _lazy_reads(register, log), done=done)
    assert [stem for what, stem in log if what == "done"] == ["a", "a2", "b", "c"]
    assert at_done == {k: write_tei(r, "test") for k, r in records.items()}  # links were final
    second = log[log.index(("read", "c")) + 1:]  # after the first reading of the batch
    assert second.index(("done", "a")) < second.index(("read", "b"))  # linked without waiting


def test_a_page_missing_from_the_second_reading_keeps_its_first_reading(tmp_path):
    paths = _batch(tmp_path)
    register, calls = Register.load(tmp_path / "register.xml"), []

    def read_many(batch):
        calls.append(batch)
        return [read_page(p, register, p.name) for p in batch] if len(calls) == 1 else []

    readings, records, _ = read_and_link(paths, register, read_many)
    assert list(readings) == [str(p) for p in paths] and len(calls) == 2
    assert 'ref="reg:' not in write_tei(records[str(paths[1])], "test").decode().split("<body>")[1]
