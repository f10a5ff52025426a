"""Pyodide's standard library with its start-up modules compiled (see compile_stdlib.mjs).

Pyodide ships `python_stdlib.zip` as source only, so each start of Python compiled the
~150 modules that Pyodide, the runner's shim and a first asyncio run import: about 2.5
CPU-seconds of every cold start, in the reader's browser and in each Pyodide the test
suite starts. [compiled_stdlib][asyncdocs.stdlib.compiled_stdlib] makes a copy with a
`.pyc` beside each of those `.py` files, once per Pyodide version and version of the
script, and keeps it in `node_modules/.cache/`; the site serves it as
`python_stdlib.zip`, and the Node harness loads it too.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = Path(__file__).with_name("compile_stdlib.mjs")
PYODIDE = ROOT / "node_modules/pyodide"
CACHE = ROOT / "node_modules/.cache/asyncdocs"


def _key() -> str:
    version = json.loads((PYODIDE / "package.json").read_text(encoding="utf-8"))["version"]
    digest = hashlib.sha256(SCRIPT.read_bytes())
    digest.update((PYODIDE / "python_stdlib.zip").read_bytes())
    return f"{version}-{digest.hexdigest()[:12]}"


def compiled_stdlib() -> Path:
    """The compiled copy of Pyodide's `python_stdlib.zip`, made on first use (a few
    seconds of Node) and cached; several processes may ask at once."""
    target = CACHE / f"python_stdlib-{_key()}.zip"
    if target.exists():
        return target
    node = shutil.which("node")
    if not node:
        raise RuntimeError("Node.js ≥ 20 is needed to compile Pyodide's standard library")
    CACHE.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
    done = subprocess.run(
        [node, str(SCRIPT), str(partial)], capture_output=True, text=True, timeout=300
    )
    if done.returncode != 0 or not partial.exists():
        partial.unlink(missing_ok=True)
        raise RuntimeError(f"compiling Pyodide's standard library failed:\n{done.stderr}")
    os.replace(partial, target)  # atomic: a reader sees the whole file or none
    for old in CACHE.glob("python_stdlib-*.zip"):
        if old != target:
            old.unlink(missing_ok=True)
    return target
