"""Every browser-runnable snippet prints its recorded output under Pyodide too.

Pyodide (Python 3.14, WebAssembly) runs in Node with the same engine and shim the
page's runner uses, once with JSPI (WebAssembly stack switching, as in current
Chromium) and once without (as in browsers that lack it).
"""

from __future__ import annotations

import pytest
from conftest import all_snippets, selected

from asyncdocs import pyodide
from asyncdocs.compare import mismatch
from asyncdocs.runner import exit_problem

BROWSER = [s for s in all_snippets() if s.browser and s.run]
MODES = ("jspi", "no-jspi")


@pytest.fixture(scope="session")
def pyodide_runs(request) -> dict[str, dict[str, dict]]:
    """mode → snippet rel → the harness's result, both modes running at once (only the
    snippets that selected tests are about)."""
    chosen = selected(request.config, BROWSER)
    started = {mode: pyodide.start(chosen, jspi=(mode == "jspi")) for mode in MODES}
    return {mode: pyodide.finish(*proc_spec) for mode, proc_spec in started.items()}


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("snippet", BROWSER, ids=lambda s: s.rel)
def test_same_output_under_pyodide(snippet, mode, pyodide_runs):
    run = pyodide_runs[mode][snippet.rel]
    assert run["jspi"] is (mode == "jspi")
    output = run["output"]
    returncode = 0 if run["status"] == "ok" else 1
    wrong = exit_problem(snippet, returncode, output)
    assert wrong is None, wrong
    if snippet.raises:
        assert run["exception"] == snippet.raises
    diff = mismatch(snippet.recorded_output(), output, same_python=False)
    assert diff is None, diff
