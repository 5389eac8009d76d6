#!/usr/bin/env python3
"""Benchmark: ``tei-tool build`` against the per-file way, on a generated corpus.

    .venv/bin/python bench/bench_build.py [--docs 1000] [--naive-sample 20] [--keep DIR]

Makes a corpus of N source pages by varying the sample pages (seeds and the
golden cases whose documents validate, so that every document is published):
new stems, shuffled body paragraphs, renamed people. Then, on
this machine, in one run:

  (a) naive: one ``tei-tool`` process per file per step (convert, validate,
      html), timed on ``--naive-sample`` files and scaled to N (running it on
      1,000 files would take an hour);
  (b) ``tei-tool build --jobs 1``;   (c) ``tei-tool build`` with all cores;
  (d) a no-op rebuild;               (e) a rebuild after touching one source.

The builds (b)-(e) run what (a) runs: convert + RELAX NG + Schematron + HTML
(``--no-pdf --no-json``); (c+) is (c) with the JSON export too. Prints docs/s,
the ratios (b)/(a) and (c)/(a), and the peak RSS of each build.
"""
from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
TOOL = [sys.executable, "-m", "toolchain"]
SURNAMES = "Brezhnev Podgornyy Kosygin Gromyko Puzanov Sudarikov Khrushchev Kozlov Novikov".split()


def samples() -> list[str]:
    """The sample pages (seeds and golden cases) whose documents pass validation, so that every
    document of the corpus is published (a page without its Document Information, like the
    truncated devset pages, is reported and left out of the site; it would flatter the figures)."""
    from toolchain.build.pipeline import build

    files = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "golden").glob("*/*.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        result = build(files, Path(tmp), Path(tmp) / "tei", jobs=1, publish=())
    bad = {Path(d.path).stem for d in result.report.items if d.severity == "error"}
    return [f.read_text(encoding="utf-8") for f in files if f.stem not in bad]


def vary(text: str, i: int) -> str:
    """A new page from a sample: the body's paragraphs shuffled, some people renamed."""
    from toolchain.readers.page import zone_page
    from toolchain.readers.source import split_lines

    rng = random.Random(i)
    lines = text.split("\n")
    body = {ln.no - 1 for ln in zone_page(split_lines(text)).body}
    prose = [k for k, ln in enumerate(lines) if k in body and len(ln.split()) > 25 and "[" not in ln]
    shuffled = [lines[k] for k in prose]
    rng.shuffle(shuffled)
    for k, ln in zip(prose, shuffled):
        lines[k] = ln
    out = "\n".join(lines)
    for name in rng.sample(SURNAMES, 3):
        out = re.sub(rf"\b{name}\b", f"{name}{chr(97 + rng.randrange(26))}{chr(97 + rng.randrange(26))}", out)
    return out


def make_corpus(folder: Path, n: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    base = samples()
    for i in range(n):
        (folder / f"bench_{i:05d}.txt").write_text(vary(base[i % len(base)], i), encoding="utf-8")


def run(args: list[str], cwd: Path) -> tuple[float, int, str]:
    """Wall time, peak RSS (MB, the largest process: the main one or a worker) and the stage
    timings (``build --timings``) of one command."""
    t = time.perf_counter()
    proc = subprocess.run(["/usr/bin/time", "-f", "%M", *args], cwd=cwd, capture_output=True, text=True)
    dt = time.perf_counter() - t
    if proc.returncode not in (0, 1):
        sys.exit(f"failed: {' '.join(args)}\n{proc.stderr[-2000:]}")
    lines = proc.stderr.strip().splitlines()
    stages = next((ln.removeprefix("tei-tool build: ") for ln in lines
                   if ln.startswith("tei-tool build: ") and " s, " in ln and "documents" not in ln), "")
    return dt, int(lines[-1]) // 1024, stages


def naive(corpus: Path, work: Path, sample: int) -> float:
    """Seconds per document the per-file way (three processes per file)."""
    files = sorted(corpus.glob("*.txt"))[:sample]
    tei, html = work / "naive-tei", work / "naive-html"
    t = time.perf_counter()
    for f in files:
        for step in (["convert", str(f), "--out", str(tei)], ["validate", str(tei / f"{f.stem}.xml")],
                     ["html", str(tei / f"{f.stem}.xml"), "--out", str(html)]):
            run(TOOL + step, ROOT)
    return (time.perf_counter() - t) / len(files)


def build(corpus: Path, out: Path, jobs: int | None, export: bool = False) -> tuple[float, int, str]:
    args = TOOL + ["build", str(corpus), "--out", str(out), "--tei", str(out / "tei"), "--no-pdf", "--timings"]
    return run(args + ([] if export else ["--no-json"]) + (["--jobs", str(jobs)] if jobs else []), ROOT)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--naive-sample", type=int, default=20)
    ap.add_argument("--keep", type=Path, help="keep the corpus and outputs here")
    ap.add_argument("--parallel-only", action="store_true",
                    help="only (c), (d), (e): for memory figures on large corpora")
    a = ap.parse_args()
    work = a.keep or Path(tempfile.mkdtemp(prefix="tei-bench-"))
    corpus = work / "corpus"
    make_corpus(corpus, a.docs)
    n, cores = a.docs, os.cpu_count()
    if not a.parallel_only:
        per_doc = naive(corpus, work, a.naive_sample)
        t_a = per_doc * n
        t_b, rss_b, stages_b = build(corpus, work / "out1", 1)
    t_c, rss_c, stages_c = build(corpus, work / "outN", None)
    t_j, rss_j, stages_j = build(corpus, work / "outJ", None, export=True)
    t_d, _, _ = build(corpus, work / "outN", None)
    touched = sorted(corpus.glob("*.txt"))[n // 2]
    touched.write_text(touched.read_text(encoding="utf-8") + "\nOne more line of text was added here.\n",
                       encoding="utf-8")
    t_e, _, stages_e = build(corpus, work / "outN", None)
    print(f"corpus: {n} documents, {cores} cores")
    if not a.parallel_only:
        print(f"(a) naive, per file per step   {t_a:9.1f} s  {n / t_a:8.1f} docs/s "
              f"(measured on {a.naive_sample} files: {per_doc:.2f} s/doc)")
        print(f"(b) build --jobs 1             {t_b:9.1f} s  {n / t_b:8.1f} docs/s  peak RSS {rss_b} MB")
        print(f"    stages: {stages_b}")
    print(f"(c) build --jobs {cores}             {t_c:9.1f} s  {n / t_c:8.1f} docs/s  peak RSS {rss_c} MB")
    print(f"    stages: {stages_c}")
    print(f"(c+) and the JSON export       {t_j:9.1f} s  {n / t_j:8.1f} docs/s  peak RSS {rss_j} MB")
    print(f"    stages: {stages_j}")
    print(f"(d) no-op rebuild              {t_d:9.2f} s")
    print(f"(e) rebuild, one source edited {t_e:9.2f} s")
    print(f"    stages: {stages_e}")
    if not a.parallel_only:
        print(f"speed-up (b)/(a): {t_a / t_b:.1f}x   (c)/(a): {t_a / t_c:.1f}x")
    if not a.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
