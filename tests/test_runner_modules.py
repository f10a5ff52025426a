"""The runner's browser modules, each with its tests.

Modules without the DOM (editing, highlight, text, runtime with a stand-in Worker,
prefetch) are tested in Node (`tests/runner/*.test.mjs`, Node's own test runner); those
that need a page (dom, editor, runner) by the Chromium tests of test_runner_browser.py,
and exercise.js by those of test_exercise_page.py.
A new module must say where its tests are.
"""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from conftest import ROOT

MODULES = ROOT / "docs/overrides/assets/runner"
NODE_TESTS = ROOT / "tests/runner"
IN_CHROMIUM = {"dom.js", "editor.js", "runner.js", "exercise.js"}  # test_runner_browser.py,
# test_exercise_page.py


def test_every_module_has_tests():
    modules = {p.name for p in MODULES.glob("*.js")}
    in_node = {p.name.replace(".test.mjs", ".js") for p in NODE_TESTS.glob("*.test.mjs")}
    assert modules == in_node | IN_CHROMIUM
    assert not in_node & IN_CHROMIUM


def test_modules_pass_their_node_tests():
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node.js is needed (see README)")
    done = subprocess.run(
        [node, "--test", str(NODE_TESTS)], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    passed = int(re.search(r"^# pass (\d+)$", done.stdout, re.M)[1])
    assert passed >= 14 and re.search(r"^# fail 0$", done.stdout, re.M)
