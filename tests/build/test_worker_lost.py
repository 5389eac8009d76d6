"""A worker process killed in the middle of a build (the kernel's out-of-memory killer, a
user's kill) stops the build with one line and exit code 3 instead of leaving it waiting
for ever for the lost work (``multiprocessing.Pool`` replaces the worker, not its task)."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from toolchain.build.pipeline import _Runner
from toolchain.errors import WorkerLostError

ROOT = Path(__file__).resolve().parents[2]


def _nothing() -> None:
    pass


def _square_or_die(n: int) -> int:
    if n == 13:
        os.kill(os.getpid(), signal.SIGKILL)
    return n * n


class _Hung(Exception):
    pass


@pytest.fixture
def deadline():
    """Fail (instead of waiting for ever) when the map does not stop within 30 s."""
    def hung(*_):
        raise _Hung("the map still waits for the lost worker's results")
    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(30)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize("keep", [False, True])
def test_a_killed_worker_stops_the_map_at_once(keep, deadline):
    runner = _Runner(2, _nothing, ())
    started = time.monotonic()
    with pytest.raises(WorkerLostError, match="worker process ended"):
        if keep:
            with runner:
                assert runner.map(_square_or_die, range(10)) == [n * n for n in range(10)]
                runner.map(_square_or_die, range(40))
        else:
            runner.map(_square_or_die, range(40))
    assert time.monotonic() - started < 10
    assert not [p for p in __import__("multiprocessing").active_children() if p.is_alive()]


_KILL_ONE_CHECK = """
import os, signal, sys
from toolchain.build import workers
from toolchain.cli import main
check = workers.check
def dying(target):
    if "/002_" in target:
        os.kill(os.getpid(), signal.SIGKILL)
    return check(target)
workers.check = dying
main(sys.argv[1:])
"""


def test_build_reports_a_lost_worker_in_one_line_and_the_next_build_completes(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for s in sorted((ROOT / "seeds").glob("*.txt")):
        shutil.copy(s, src / s.name)
    out = tmp_path / "out"
    args = ["build", str(src), "--out", str(out), "--tei", str(out / "tei"), "--no-pdf", "--jobs", "2"]
    proc = subprocess.run([sys.executable, "-c", _KILL_ONE_CHECK, *args], capture_output=True,
                          text=True, timeout=120, cwd=ROOT)
    assert proc.returncode == 3, proc.stderr
    assert "Traceback" not in proc.stderr
    assert proc.stderr.strip().splitlines()[-1].startswith("tei-tool: a worker process ended")
    again = subprocess.run([sys.executable, "-m", "toolchain", *args], capture_output=True, text=True,
                           timeout=300, cwd=ROOT)
    assert again.returncode == 0, again.stderr
    assert (out / "html" / "index.html").is_file()


def _cannot_start() -> None:
    raise RuntimeError("a worker set-up that fails (Pool would start it again for ever)")


def test_a_worker_that_cannot_start_stops_the_map(deadline):
    with pytest.raises(WorkerLostError, match="could not start"):
        _Runner(2, _cannot_start, ()).map(_square_or_die, range(10))
