"""Every browser-runnable snippet prints its recorded output under Pyodide too.

Pyodide (Python 3.14, WebAssembly) runs in Node with the same engine and shim the
page's runner uses, once with JSPI (WebAssembly stack switching, as in current
Chromium) and once without (as in browsers that lack it).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import IN_CI, PYODIDE_MODES, all_snippets

from asyncdocs import pyodide

BROWSER = [s for s in all_snippets() if s.browser and s.run]
MODES = PYODIDE_MODES


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("snippet", BROWSER, ids=lambda s: s.rel)
def test_same_output_under_pyodide(snippet, mode, pyodide_runs):
    run = pyodide_runs[mode][snippet.rel]
    assert run["jspi"] is (mode == "jspi")
    wrong = pyodide.problem(snippet, run)
    assert wrong is None, wrong


def test_a_run_kept_from_the_cpu_reports_how_long_it_waited(tmp_path):
    """The harness reads, as a run goes, how long its thread has been ready but had no
    CPU (the rule in asyncdocs.compare lets a duration be late by the wait that fell
    within it). Here Pyodide's thread shares one CPU with a busy loop for a second of
    work, then rests half a second once the loop has stopped: the wait must fall within
    the first duration it prints, and not within the second."""
    stats = Path("/proc/thread-self/schedstat")
    if not stats.exists() or not any(int(n) for n in stats.read_text().split()):
        if IN_CI:
            pytest.fail("CI runs on Linux, whose scheduler statistics the harness reads")
        pytest.skip("needs Linux's scheduler statistics (/proc/thread-self/schedstat); CI has them")
    (tmp_path / "loaded.py").write_text("open('loaded', 'w').close()\n", encoding="utf-8")
    (tmp_path / "busy.py").write_text(
        "import os, time\n\n"
        "while not os.path.exists('go'):\n"
        "    time.sleep(0.01)\n"
        "start = time.perf_counter()\n"
        "while time.perf_counter() - start < 1.0:\n"
        "    pass\n"
        "print(f'busy: {time.perf_counter() - start:.1f} s')\n"
        "os.remove('go')  # the busy loop beside it stops\n"
        "start = time.perf_counter()\n"
        "time.sleep(0.5)\n"
        "print(f'rest: {time.perf_counter() - start:.1f} s')\n",
        encoding="utf-8",
    )
    harness = pyodide.start_files([tmp_path / "loaded.py", tmp_path / "busy.py"], timeline=False)
    cpu = min(os.sched_getaffinity(0))
    hog = None
    try:
        deadline = time.monotonic() + 120
        while not (tmp_path / "loaded").exists():
            assert harness.proc.poll() is None, harness.output()
            assert time.monotonic() < deadline, "Pyodide did not start within 120 s"
            time.sleep(0.05)
        os.sched_setaffinity(harness.proc.pid, {cpu})  # Pyodide's thread: Node's main one
        # The busy loop says go once it is on that CPU, so the whole second is shared.
        go = tmp_path / "go"
        spin = f"import os\nos.sched_setaffinity(0, {{{cpu}}})\nopen({str(go)!r}, 'w').close()\n"
        spin += f"while os.path.exists({str(go)!r}): pass\n"  # until the run removes it
        hog = subprocess.Popen([sys.executable, "-c", spin])
        results = pyodide.finish(harness, timeout=120)
    finally:
        if hog:
            hog.kill()
            hog.wait()
        if harness.proc.poll() is None:
            harness.proc.kill()
            harness.proc.wait()
    run = results[str(tmp_path / "busy.py")]
    assert run["status"] == "ok", run
    assert re.fullmatch(r"busy: 1\.\d s\nrest: 0\.\d s\n", run["output"]), run["output"]
    busy, rest = run["waits"].during(0, 1.0), run["waits"].during(1, 0.5)
    assert busy >= 0.25, f"waited {busy:.3f} s in its busy second"
    assert rest < 0.1, f"waited {rest:.3f} s while it slept alone"
    assert run["waits"].total() <= run["elapsed_ms"] / 1000  # seconds, not milliseconds
