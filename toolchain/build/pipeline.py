"""``tei-tool build``: sources -> TEI -> validation -> HTML, PDF and JSON, incrementally, in parallel.

Each stage redoes only what changed since the last successful build, judged by
content hashes in the manifest (``state``): a source is converted when its
text, its TEI or the tool changed; a TEI file is validated when it, the schemas
or the register changed; the site, the volume and the export are made again
when any document, the register or the stylesheets changed. A no-op rebuild
reads and hashes files and does nothing else.

Documents are processed in worker processes (``--jobs``, default: the cores),
each compiling the schemas once; results are collected in a fixed order, so the
output is the same byte for byte whatever the number of jobs.
"""
from __future__ import annotations

import ctypes
import fcntl
import multiprocessing
import os
import resource
import signal
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator

from lxml import etree

from toolchain import __version__, xmlio
from toolchain.build import publishing, site, workers
from toolchain.build.state import STATE_DIR, BuildState, DocState, fingerprints, file_sha, sha
from toolchain.diagnostics import Diagnostic, Report
from toolchain.errors import LockedError, Location, WorkerLostError
from toolchain.register import Register
from toolchain.sources import display_path, expand_sources

if TYPE_CHECKING:  # the converter is imported only when there is something to convert
    from toolchain.model import Record
    from toolchain.reading import Reading

_T = "{http://www.tei-c.org/ns/1.0}"
_XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
#: Sources converted per batch (records of a batch are held in memory for linking).
CHUNK = 500
REGISTER_FILE = "register.xml"


@dataclass
class BuildResult:
    report: Report = field(default_factory=Report)
    documents: int = 0
    converted: int = 0
    validated: int = 0
    published: list[str] = field(default_factory=list)
    seconds: float = 0.0
    stages: dict[str, float] = field(default_factory=dict)  # wall seconds per stage

    @contextmanager
    def timed(self, stage: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.stages[stage] = self.stages.get(stage, 0.0) + time.perf_counter() - started

    def timings(self) -> str:
        """Wall time per stage and the peak memory of the main process and of the largest worker."""
        main = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
        worker = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
        return ("tei-tool build: " + ", ".join(f"{k} {v:.2f} s" for k, v in self.stages.items())
                + f"; peak RSS {main} MB (main process), {worker} MB (largest worker)")

    @property
    def failed(self) -> bool:
        return self.report.errors > 0

    def summary(self) -> str:
        made = ", ".join(self.published) or "nothing to publish"
        return (f"tei-tool build: {self.documents} documents, {self.converted} converted, "
                f"{self.validated} validated, {made}; {self.report.errors} errors, "
                f"{self.report.warnings} warnings in {self.seconds:.2f} s")


@contextmanager
def build_lock(out: Path) -> Iterator[None]:
    """Only one build writes an output folder at a time."""
    (out / STATE_DIR).mkdir(parents=True, exist_ok=True)
    with open(out / STATE_DIR / "lock", "w") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise LockedError("another tei-tool build is writing this folder",
                              Location(str(out))) from None
        yield


Progress = Callable[[str, int, int], None]
_STOP_SIGNALS = {signal.SIGINT, signal.SIGTERM}


def _init_worker(init: Callable, args: tuple) -> None:
    """Worker set-up: the main process alone handles Ctrl-C (and then stops the workers)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOP_SIGNALS)  # blocked while the pool started
    _end_with_parent()
    init(*args)


def _end_with_parent() -> None:
    """Linux: the worker gets SIGTERM when the thread that started it ends, so a worker the
    pool started while the build was being stopped cannot outlive it (holding its lock)."""
    try:
        ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    parent = multiprocessing.parent_process()
    if parent is not None and os.getppid() != parent.pid:  # it ended before prctl
        os._exit(1)


def _stop(pool) -> None:
    """Stop a pool's workers at once (Ctrl-C, kill, an error). ``Pool.terminate`` first stops
    the pool from starting new workers, but may then wait for ever for a queue lock that a
    killed worker held: it gets two seconds, then every worker left is killed."""
    stopper = threading.Thread(target=pool.terminate, daemon=True)
    stopper.start()
    stopper.join(timeout=2)
    for _ in range(10):  # a worker the pool was starting meanwhile shows up a moment later
        alive = multiprocessing.active_children()
        for worker in alive:
            worker.kill()
        if not alive:
            break
        time.sleep(0.05)


def _call_many(job: tuple) -> list:
    fn, chunk = job
    return [fn(*args) for args in chunk]


class _Runner:
    """Maps a worker function over items, in a pool or (jobs=1) in this process; order kept.

    Each ``imap`` starts and ends its own pool, unless the runner is used as a context
    manager: then one pool serves every call until the block ends (its workers keep what
    they learnt, such as the lexicon's caches, from one batch to the next).
    """

    def __init__(self, jobs: int, init: Callable, init_args: tuple, stage: str = "",
                 progress: Progress | None = None):
        self.jobs = jobs
        self.init = init
        self.init_args = init_args
        self.stage = stage
        self.progress = progress
        self._keep = False
        self._pool = None

    def __enter__(self) -> "_Runner":
        self._keep = True
        return self

    def __exit__(self, kind, exc, tb) -> None:
        self._keep = False
        if self._pool is None:
            return
        if kind is None:
            self._pool.terminate()
        else:
            _stop(self._pool)
        self._pool = None

    def map(self, fn: Callable, *iterables) -> list:
        return list(self.imap(fn, *iterables))

    def imap(self, fn: Callable, *iterables) -> Iterator:
        """The results one by one, in order, as the workers finish them (the caller can work
        on the first while the workers make the next). The work is handed to the workers at
        once, before the first result is asked for."""
        items = list(zip(*iterables))
        if self.jobs <= 1 or len(items) < 2:
            return self._here(fn, items)
        size = max(1, len(items) // (self.jobs * 8))
        chunks = [items[i:i + size] for i in range(0, len(items), size)]
        pool = self._pool or self._start(self.jobs if self._keep else min(self.jobs, len(chunks)))
        workers = _worker_pids(pool)
        results = _waking(pool.imap(_call_many, ((fn, chunk) for chunk in chunks)), len(chunks),
                          lost=lambda: _worker_pids(pool) != workers)
        return self._collect(pool, results, len(items))

    def _here(self, fn: Callable, items: list[tuple]) -> Iterator:
        if items:
            self.init(*self.init_args)
            yield from self._progress((fn(*args) for args in items), len(items))

    def _collect(self, pool, chunks: Iterator[list], total: int) -> Iterator:
        try:
            yield from self._progress((r for chunk in chunks for r in chunk), total)
        except BaseException:
            _stop(pool)
            self._pool = None
            raise
        if not self._keep:
            pool.terminate()

    def _start(self, size: int):
        context = multiprocessing.get_context("fork")
        # Ctrl-C and kill wait while the pool starts (a signal handled while forking is lost),
        # and the pool's threads, started meanwhile, never receive them: the main thread does
        blocked = signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS)
        try:
            pool = context.Pool(size, _init_worker, (self.init, self.init_args))
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
        if self._keep:
            self._pool = pool
        return pool

    def _progress(self, results, total: int) -> Iterator:
        for i, r in enumerate(results, start=1):
            yield r
            if self.progress:
                self.progress(self.stage, i, total)


def _waking(results, total: int, lost: Callable[[], bool]) -> Iterator:
    """``total`` results of ``Pool.imap``, waited for in short steps: a signal (kill, Ctrl-C)
    is handled by the main thread only when it wakes up, and a worker that died meanwhile
    (``lost``) is noticed: ``Pool`` replaces it but would wait for ever for its work."""
    for _ in range(total):
        while True:
            try:
                yield results.next(timeout=0.2)
                break
            except multiprocessing.TimeoutError:
                if lost():
                    raise WorkerLostError(
                        "a worker process ended in the middle of the build (killed by the "
                        "system for lack of memory or by hand, or it could not start); the files "
                        "written so far are whole: run the build again (with fewer --jobs if "
                        "memory is short)") from None


def _worker_pids(pool) -> set[int]:
    """The process ids of a pool's workers (``Pool._pool``: private, the same since Python
    3.2). Workers never end on their own while the pool lives (no ``maxtasksperchild``),
    so a changed set means one died and was replaced."""
    return {worker.pid for worker in pool._pool}


def build(sources: list[Path], out: Path, tei_dir: Path, jobs: int | None = None,
          publish: tuple[str, ...] = ("html", "pdf", "json"),
          progress: Progress | None = None) -> BuildResult:
    """Run the whole pipeline (see module docstring)."""
    started = time.perf_counter()
    out, tei_dir = xmlio.check_output_folder(out), xmlio.check_output_folder(tei_dir)
    jobs = jobs or os.cpu_count() or 1
    result = BuildResult()
    with build_lock(out):
        for folder in (out, tei_dir):
            if folder.is_dir():
                xmlio.remove_stale_temps(folder)  # left by a build that was killed
        state_path = out / STATE_DIR / "state.json"
        state = BuildState.load(state_path)
        prints = fingerprints()
        if state.fingerprints.get("convert") != prints["convert"]:
            state.docs = {}  # new converter code: every source is converted again
        with result.timed("convert"):
            _convert(sources, tei_dir, state, jobs, result, progress)
        reg_hash = file_sha(tei_dir / REGISTER_FILE) or ""
        tei_files = sorted(p for p in tei_dir.glob("*.xml") if p.name != REGISTER_FILE)
        result.documents = len(tei_files)
        facts = _register_facts(tei_dir / REGISTER_FILE)
        with result.timed("validate"):
            _validate(tei_files, facts, state, prints, jobs, result, progress)
        _publish(tei_files, out, tei_dir, state, prints, reg_hash, facts, jobs, publish, result,
                 progress)
        state.fingerprints = prints
        state.save(state_path)
    result.seconds = time.perf_counter() - started
    return result


def _convert(sources: list[Path], tei_dir: Path, state: BuildState, jobs: int,
             result: BuildResult, progress: Progress | None) -> None:
    """Convert new and changed sources; a TEI file edited by hand is kept and reported."""
    files, problems = expand_sources(sources)
    result.report.extend(problems)
    todo: list[Path] = []
    src_hashes: dict[str, str | None] = {}
    for src in files:
        target = tei_dir / f"{src.stem}.xml"
        doc = state.docs.get(src.stem)
        src_hash = src_hashes[str(src)] = file_sha(src)
        if target.exists() and doc and doc.source == src_hash and doc.tei == file_sha(target):
            continue
        if target.exists() and xmlio.is_hand_edited(target.read_bytes()):
            result.report.add(Diagnostic("warning", "tei-edited",
                                         "edited by hand since it was generated; kept as it is "
                                         "(convert --force replaces it)", str(target)))
            continue
        todo.append(src)
    if not todo:
        return
    tei_dir.mkdir(parents=True, exist_ok=True)
    register = Register.load(tei_dir / REGISTER_FILE)
    # one pool for every batch: its workers keep their caches; they read the register again
    # whenever its file changed (workers.read; read_many saves it first)
    with _Runner(jobs, workers.init, (str(register.path), False), "read sources", progress) as runner:
        for start in range(0, len(todo), CHUNK):  # in batches: memory stays flat
            with result.timed("convert: read, link and write"):
                written = _read_link_write(todo[start:start + CHUNK], register, tei_dir, runner, result)
                register.save()
                xmlio.replace_all([(tmp, target) for target, tmp, _ in written.values() if tmp is not None])
            for src, (_, _, tei_hash) in written.items():
                state.docs[Path(src).stem] = DocState(source=src_hashes[src], tei=tei_hash)
            result.converted += len(written)


def _read_link_write(batch: list[Path], register: Register, tei_dir: Path, runner: _Runner,
                     result: BuildResult) -> dict[str, tuple[Path, Path | None, str]]:
    """Read a batch in the workers, link it in this process (``reading.read_and_link``) and
    write each record's TEI as soon as its links are final, into a temporary file (renamed
    by the caller after one flush to disk). Writing here costs less than sending the record
    to a worker. Returns, by source: (target, temporary file or None when the file already
    holds these bytes, hash of the TEI)."""
    from toolchain.reading import read_and_link
    from toolchain.writers.tei import write_tei

    written: dict[str, tuple[Path, Path | None, str]] = {}

    def read_many(paths: list[Path]) -> Iterator[Reading]:
        register.save()  # workers read the register from its file (linking goes on meanwhile)
        return runner.imap(workers.read, map(str, paths), map(display_path, paths))

    def write(record: Record) -> None:
        target = tei_dir / f"{record.stem}.xml"
        data = write_tei(record, __version__)
        unchanged = target.exists() and target.read_bytes() == data
        written[record.path] = (target, None if unchanged else xmlio.write_temp(target, data), sha(data))

    readings, records, link_diags = read_and_link(batch, register, read_many, done=write)
    for reading in readings.values():
        result.report.extend(reading.diagnostics)
    result.report.extend(link_diags)
    return written


def _validate(tei_files: list[Path], facts: RegisterFacts, state: BuildState, prints: dict, jobs: int,
              result: BuildResult, progress: Progress | None) -> None:
    """Validate the TEI files whose content or schemas changed, or whose pointers into the
    register now land elsewhere; replay the diagnostics of the others."""
    todo = []
    for path in tei_files:
        doc = state.docs.setdefault(path.stem, DocState())
        doc.tei = file_sha(path)
        if doc.valid_key != _valid_key(doc, prints["validate"], facts):
            todo.append(str(path))
    runner = _Runner(jobs, workers.init, (None, True), "validate", progress)
    for target, diags, date_key, named in runner.map(workers.check, todo):
        doc = state.docs[Path(target).stem]
        doc.diagnostics = [d.to_dict() for d in diags]
        doc.date_key, doc.named = date_key, named
        doc.valid_key = _valid_key(doc, prints["validate"], facts)
    for path in tei_files:
        result.report.extend(Diagnostic(**d) for d in state.docs[path.stem].diagnostics)
    result.validated = len(todo)


def _valid_key(doc: DocState, schemas: str, facts: RegisterFacts) -> str:
    """A document's validation is current while its TEI, the schemas, the register's
    taxonomies and the existence of the entries it points to stay the same."""
    pointers = ",".join(f"{i}{'+' if i in facts.ids else '-'}" for i in doc.named)
    return sha(f"{doc.tei}:{schemas}:{facts.taxonomies}:{pointers}".encode())


@dataclass
class RegisterFacts:
    """What validation and the document pages read from the register, parsed once per build."""

    ids: set[str] = field(default_factory=set)  # every xml:id (entries and taxonomy categories)
    links: dict[str, str] = field(default_factory=dict)  # entry id -> the entry it was merged into, or "+"
    taxonomies: str = ""  # hash of the register's header
    labels: dict[str, str] = field(default_factory=dict)  # entry id -> main name; category id -> label


def _register_facts(register: Path) -> RegisterFacts:
    if not register.exists():
        return RegisterFacts()
    tree = xmlio.parse_xml(register)
    root = tree.getroot()
    header = root.find(f"{_T}teiHeader")
    reg = Register(tree, register)
    labels = {xid: reg.main_name(xid) or "" for xid in reg.entries}
    labels |= {el.get(_XML_ID): reg.category_label(el.get(_XML_ID)) or ""
               for el in root.iter(f"{_T}category") if el.get(_XML_ID)}
    return RegisterFacts(
        ids={el.get(_XML_ID) for el in root.iter()} - {None},
        links={el.get(_XML_ID): el.get("sameAs") or "+"
               for el in root.iter(f"{_T}person", f"{_T}org", f"{_T}place")},
        taxonomies=sha(etree.tostring(header)) if header is not None else "",
        labels=labels)


def _publish(tei_files: list[Path], out: Path, tei_dir: Path, state: BuildState, prints: dict,
             reg_hash: str, facts: RegisterFacts, jobs: int, publish: tuple[str, ...],
             result: BuildResult, progress: Progress | None) -> None:
    """HTML site, PDFs and the JSON export, each made again only when one of its inputs changed.

    A document with validation errors is left out (and reported); the others are published.
    """
    invalid = {d.path for d in result.report.items if d.severity == "error"}
    tei_files = [p for p in tei_files if str(p) not in invalid]
    if not tei_files:
        return
    register = tei_dir / REGISTER_FILE
    register = register if register.exists() else None
    docs_key = "|".join(f"{p.stem}:{state.docs[p.stem].tei}" for p in tei_files) + f"|{reg_hash}"
    if "pdf" in publish:
        with result.timed("pdf"):
            publishing.pdf_outputs(tei_files, out, state, sha(f"{docs_key}|{prints['pdf']}".encode()), result)
    if "json" in publish:
        with result.timed("export"):
            runner = _Runner(jobs, publishing.init_export, (str(register),), "export", progress)
            publishing.data_exports(tei_files, out, register, state, facts.labels, prints["export"],
                                    runner, result)
    if "html" in publish:
        runner = _Runner(jobs, site.init_site, (str(register) if register else None,),
                         "render pages", progress)
        with result.timed("html"):
            site.html_site(tei_files, out / "html", state, prints["html"], register, facts, runner, result,
                           sha(f"{docs_key}|{prints['html']}|{'pdf' in publish}".encode()))
