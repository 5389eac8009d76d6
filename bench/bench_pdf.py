"""Benchmark: build time of the print volume of the seeds + devset (issue 7 target < 30 s).

    .venv/bin/python bench/bench_pdf.py [--repeat N]

Converts ../shared/seeds and ../shared/devset into a temporary TEI folder
(not timed), then times ``tei-tool pdf TEI --out volume.pdf`` in-process:
stylesheet compilation, both layout passes and the PDF writing. Prints one
line per run and the best time. A figure to report, not a test.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3, help="runs to time (default 3)")
    args = ap.parse_args()
    from pypdf import PdfReader

    from toolchain.publish.pdf import publish_pdf

    with tempfile.TemporaryDirectory() as tmp:
        tei = Path(tmp) / "tei"
        subprocess.run([sys.executable, "-m", "toolchain", "convert", str(SHARED / "seeds"),
                        str(SHARED / "devset"), "--out", str(tei), "-q"], check=True)
        docs = len([p for p in tei.glob("*.xml") if p.name != "register.xml"])
        times = []
        for run in range(1, args.repeat + 1):
            out = Path(tmp) / "volume.pdf"
            start = time.perf_counter()
            publish_pdf([tei], volume=out)
            times.append(time.perf_counter() - start)
            pages = len(PdfReader(str(out)).pages)
            print(f"run {run}: {times[-1]:.2f} s  ({docs} documents, {pages} pages, "
                  f"{out.stat().st_size // 1024} KB)")
        print(f"best {min(times):.2f} s (target < 30 s)")


if __name__ == "__main__":
    main()
