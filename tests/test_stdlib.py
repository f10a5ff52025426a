"""Pyodide's standard library as the site serves it: start-up modules compiled.

`asyncdocs.stdlib` adds a `.pyc` beside each `.py` that a cold start imports; Python
under Pyodide must then load those modules from the `.pyc`, and everything else must be
the zip Pyodide ships, unchanged.
"""

from __future__ import annotations

import zipfile

import pytest
from conftest import ROOT

from asyncdocs import pyodide
from asyncdocs.stdlib import compiled_stdlib

STOCK = ROOT / "node_modules/pyodide/python_stdlib.zip"


@pytest.fixture(scope="module")
def compiled() -> zipfile.ZipFile:
    with zipfile.ZipFile(compiled_stdlib()) as archive:
        yield archive


def test_the_stock_library_is_all_there_unchanged(compiled):
    with zipfile.ZipFile(STOCK) as stock:
        for info in stock.infolist():
            assert compiled.read(info.filename) == stock.read(info), info.filename


def test_start_up_modules_have_unchecked_hash_based_pycs(compiled):
    pycs = [n for n in compiled.namelist() if n.endswith(".pyc")]
    assert len(pycs) > 100  # Pyodide's start-up and the shim's imports
    for name in ("asyncio/tasks.pyc", "asyncio/base_events.pyc", "inspect.pyc", "ast.pyc"):
        assert name in pycs
    magics = set()
    for name in pycs:
        header = compiled.read(name)[:16]
        magics.add(header[:4])
        assert int.from_bytes(header[4:8], "little") == 0b01, name  # hash-based, unchecked
        assert name[:-1] in compiled.namelist(), name  # the source stays beside it
    assert len(magics) == 1


def test_pyodide_imports_them_compiled_and_still_finds_their_source(tmp_path):
    probe = tmp_path / "probe.py"
    probe.write_text(
        "import asyncio.tasks\nimport inspect\n\n"
        "print(asyncio.tasks.__file__.rsplit('/', 1)[1])\n"
        "print(inspect.getsource(asyncio.sleep).split('(')[0])\n",
        encoding="utf-8",
    )
    (result,) = pyodide.run_files([probe], jspi=False).values()
    assert result["output"] == "tasks.pyc\nasync def sleep\n"
