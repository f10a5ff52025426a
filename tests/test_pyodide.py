"""Every browser-runnable snippet prints its recorded output under Pyodide too.

Pyodide (Python 3.14, WebAssembly) runs in Node with the same engine and shim the
page's runner uses, once with JSPI (WebAssembly stack switching, as in current
Chromium) and once without (as in browsers that lack it).
"""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from conftest import ROOT, all_snippets

from asyncdocs.compare import mismatch, tidy
from asyncdocs.runner import exit_problem

BROWSER = [s for s in all_snippets() if s.browser and s.run]
MODES = {"jspi": ["--experimental-wasm-stack-switching"], "no-jspi": []}
HARNESS = ROOT / "tests/pyodide/run_snippets.mjs"


@pytest.fixture(scope="session")
def pyodide_runs() -> dict[str, dict[str, dict]]:
    """mode → snippet rel → the harness's result, both modes running at once."""
    node = shutil.which("node")
    assert node, "Node.js ≥ 20 is required (see README)"
    spec = json.dumps([{"path": s.rel, "argv": list(s.args)} for s in BROWSER])
    procs = {
        mode: subprocess.Popen(
            [node, *flags, HARNESS, "--spec", "-"],
            cwd=ROOT / "snippets",
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for mode, flags in MODES.items()
    }
    results: dict[str, dict[str, dict]] = {}
    for mode, proc in procs.items():
        out, err = proc.communicate(spec, timeout=600)
        assert proc.returncode == 0, f"harness failed ({mode}):\n{err}"
        lines = [json.loads(line) for line in out.splitlines() if line.strip()]
        results[mode] = {r["path"]: r for r in lines}
    return results


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("snippet", BROWSER, ids=lambda s: s.rel)
def test_same_output_under_pyodide(snippet, mode, pyodide_runs):
    run = pyodide_runs[mode][snippet.rel]
    assert run["jspi"] is (mode == "jspi")
    output = tidy(run["output"])
    returncode = 0 if run["status"] == "ok" else 1
    wrong = exit_problem(snippet, returncode, output)
    assert wrong is None, wrong
    if snippet.raises:
        assert run["exception"] == snippet.raises
    diff = mismatch(snippet.recorded_output(), output, same_python=False)
    assert diff is None, diff
