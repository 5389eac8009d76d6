"""The Nu HTML Checker (the W3C validator, npm vnu-jar on the machine's Java) on the built site."""
from __future__ import annotations

import shutil
import subprocess

from htmlkit import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_nu_checker_finds_no_error_in_the_site(site, kinds_site):
    java = shutil.which("java")
    assert java and VNU.is_file(), "needs Java and node_modules/vnu-jar: run scripts/setup.sh --test"
    proc = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--skip-non-html",
                           str(site), str(kinds_site)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert proc.stderr.strip() == ""
