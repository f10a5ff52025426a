"""Every browser-runnable snippet prints its recorded output under Pyodide too.

Pyodide (Python 3.14, WebAssembly) runs in Node with the same engine and shim the
page's runner uses, once with JSPI (WebAssembly stack switching, as in current
Chromium) and once without (as in browsers that lack it).
"""

from __future__ import annotations

import pytest
from conftest import PYODIDE_MODES, all_snippets

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
