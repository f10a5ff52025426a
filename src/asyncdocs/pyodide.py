"""Run browser-runnable snippets under Pyodide, in Node, with the in-page runner's engine.

`tests/pyodide/run_snippets.mjs` loads Pyodide once and runs each snippet with
`docs/overrides/assets/runner/engine.mjs`, the engine the page's runner uses. With
`jspi=True` Node gets `--experimental-wasm-stack-switching` (WebAssembly stack
switching, as in current Chromium); without it the engine takes its non-JSPI path.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path

from asyncdocs.compare import tidy
from asyncdocs.manifest import Snippet
from asyncdocs.site import ROOT

HARNESS = ROOT / "tests/pyodide/run_snippets.mjs"
JSPI_FLAG = "--experimental-wasm-stack-switching"


def start(snippets: Iterable[Snippet], jspi: bool) -> tuple[subprocess.Popen, str]:
    """Start the harness on `snippets`; returns the process and the spec to send it."""
    return _start([{"path": s.rel, "argv": list(s.args)} for s in snippets], jspi)


def _start(jobs: list[dict], jspi: bool, timeline: bool = True) -> tuple[subprocess.Popen, str]:
    node = shutil.which("node")
    if not node:
        raise RuntimeError("Node.js ≥ 20 is needed to run snippets under Pyodide (see README)")
    spec = json.dumps(jobs)
    cmd = [node, *([JSPI_FLAG] if jspi else []), str(HARNESS), "--spec", "-"]
    if not timeline:
        cmd.append("--no-timeline")
    proc = subprocess.Popen(
        cmd,
        cwd=ROOT / "snippets",
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    return proc, spec


def finish(proc: subprocess.Popen, spec: str, timeout: float = 600) -> dict[str, dict]:
    """Wait for a started harness; results keyed by snippet `rel`, output tidied.

    Each result has `output`, `status` ("ok" or "error"), `exception`, `elapsed_ms`, `jspi`,
    and `timeline` (the run's task timeline, see `asynctimeline`).
    """
    out, err = proc.communicate(spec, timeout=timeout)
    if proc.returncode != 0:
        raise RuntimeError(f"the Pyodide harness failed:\n{err}")
    results = {}
    for line in out.splitlines():
        if line.strip():
            result = json.loads(line)
            result["output"] = tidy(result["output"])
            results[result["path"]] = result
    return results


def run_files(paths: Iterable[Path], jspi: bool = True, timeline: bool = True) -> dict[str, dict]:
    """Run Python files (absolute paths) like snippets with no arguments; keyed by path.
    `timeline=False` runs them without recording their task timelines."""
    return finish(*_start([{"path": str(p)} for p in paths], jspi, timeline))


def run(snippets: Iterable[Snippet], jspi: bool = True) -> dict[str, dict]:
    """Run snippets one after another in one Pyodide; see [finish][asyncdocs.pyodide.finish]."""
    return finish(*start(list(snippets), jspi))
