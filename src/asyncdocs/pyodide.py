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
import tempfile
from collections.abc import Iterable
from pathlib import Path

from asyncdocs.compare import CpuWaits, mismatch, tidy, timing_only
from asyncdocs.manifest import Snippet
from asyncdocs.runner import exit_problem
from asyncdocs.site import ROOT
from asyncdocs.stdlib import compiled_stdlib

HARNESS = ROOT / "tests/pyodide/run_snippets.mjs"
JSPI_FLAG = "--experimental-wasm-stack-switching"


class Harness:
    """A started harness: its process, and files that collect what it writes."""

    def __init__(self, cmd: list[str], spec: str):
        self.out = tempfile.TemporaryFile()
        self.err = tempfile.TemporaryFile()
        self.proc = subprocess.Popen(
            cmd, cwd=ROOT / "snippets", stdin=subprocess.PIPE, stdout=self.out, stderr=self.err
        )
        self.proc.stdin.write(spec.encode())  # a few KB: fits in the pipe at once
        self.proc.stdin.close()

    def output(self) -> tuple[str, str]:
        """What it wrote to stdout and stderr (once it has ended)."""
        texts = []
        for file in (self.out, self.err):
            file.seek(0)
            texts.append(file.read().decode("utf-8", errors="replace"))
            file.close()
        return texts[0], texts[1]


def start(
    snippets: Iterable[Snippet],
    jspi: bool,
    barrier: str | None = None,
    share: bool = False,
    after: Iterable[dict] = (),
) -> Harness:
    """Start the harness on `snippets`; it runs while the caller does other work.
    `after`: more jobs (`{"path": absolute path, "argv": [...]}`) run after them.

    `barrier` ("DIR:N") makes it wait, once Pyodide is loaded, until N harnesses given
    the same empty folder are loaded, so that no run is timed while others load. With
    `share`, harnesses of the same mode given the same snippets and barrier share them
    out: each runs the next one not yet taken, and reports only those it ran."""
    jobs = [{"path": s.rel, "argv": list(s.args)} for s in snippets]
    return _start([*jobs, *after], jspi, barrier=barrier, share=share)


def _start(
    jobs: list[dict],
    jspi: bool,
    timeline: bool = True,
    barrier: str | None = None,
    share: bool = False,
) -> Harness:
    node = shutil.which("node")
    if not node:
        raise RuntimeError("Node.js ≥ 20 is needed to run snippets under Pyodide (see README)")
    cmd = [node, *([JSPI_FLAG] if jspi else []), str(HARNESS), "--spec", "-"]
    cmd += ["--stdlib", str(compiled_stdlib())]
    if not timeline:
        cmd.append("--no-timeline")
    if barrier:
        cmd += ["--barrier", barrier, *(["--share"] if share else [])]
    return Harness(cmd, json.dumps(jobs))


def finish(harness: Harness, timeout: float = 600) -> dict[str, dict]:
    """Wait for a started harness; results keyed by snippet `rel`, output tidied.

    Each result has `output`, `status` ("ok" or "error"), `exception`, `elapsed_ms`,
    `waits` (when the run waited for a CPU: a [CpuWaits][asyncdocs.compare.CpuWaits], or
    None), `jspi`, and `timeline` (the run's task timeline, see `asynctimeline`).
    """
    try:
        harness.proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        harness.proc.kill()
        harness.proc.wait()
    out, err = harness.output()
    if harness.proc.returncode != 0:
        raise RuntimeError(f"the Pyodide harness failed:\n{err}")
    results = {}
    for line in out.splitlines():
        if line.strip():
            result = json.loads(line)
            readings = [(t / 1000, lines, {"main": w / 1000}) for t, lines, w in result["waits"]]
            result["waits"] = CpuWaits.of(result["output"], readings)
            result["output"] = tidy(result["output"])
            results[result["path"]] = result
    return results


def start_files(paths: Iterable[Path | str], jspi: bool = True, timeline: bool = True) -> Harness:
    """Start the harness on Python files (absolute paths), run like snippets with no
    arguments. `timeline=False` runs them without recording their task timelines."""
    return _start([{"path": str(p)} for p in paths], jspi, timeline)


def run_files(paths: Iterable[Path | str], jspi: bool = True, timeline: bool = True) -> dict:
    """[start_files][asyncdocs.pyodide.start_files], then wait: results keyed by path."""
    return finish(start_files(paths, jspi, timeline))


def run(snippets: Iterable[Snippet], jspi: bool = True) -> dict[str, dict]:
    """Run snippets one after another in one Pyodide; see [finish][asyncdocs.pyodide.finish]."""
    return finish(start(list(snippets), jspi))


def waited(result: dict) -> float:
    """Seconds the run was ready but waited for a CPU, in all (see run_snippets.mjs)."""
    waits = result.get("waits")
    return waits.total() if waits else 0.0


def _ended(snippet: Snippet, result: dict) -> str | None:
    returncode = 0 if result["status"] == "ok" else 1
    wrong = exit_problem(snippet, returncode, result["output"])
    if wrong is None and snippet.raises and result["exception"] != snippet.raises:
        wrong = f"expected {snippet.raises}, got {result['exception']}"
    return wrong


def problem(snippet: Snippet, result: dict, *, count_the_wait: bool = True) -> str | None:
    """Everything wrong with a Pyodide run of `snippet` (a result of
    [finish][asyncdocs.pyodide.finish]) against its manifest entry and record, or None.
    The record was made on CPython: see [mismatch][asyncdocs.compare.mismatch] for what
    may differ under another Python, and for the run's waits for a CPU, which count
    unless `count_the_wait` is False."""
    return _ended(snippet, result) or mismatch(
        snippet.recorded_output(),
        result["output"],
        same_python=False,
        waits=result.get("waits") if count_the_wait else None,
    )


def matched_by_its_wait(snippet: Snippet, result: dict) -> bool:
    """True when a run matches its record only because its wait for a CPU counted: the
    report lists such runs (see `asyncdocs.compare`)."""
    return problem(snippet, result) is None and (
        problem(snippet, result, count_the_wait=False) is not None
    )


def needs_second_run(snippet: Snippet, result: dict) -> bool:
    """True when a Pyodide run differs from its record in any way (see the second-run rule
    in [asyncdocs.compare][]): the tests run it once more, on its own, and that run must
    match."""
    return problem(snippet, result) is not None


def first_difference(snippet: Snippet, result: dict) -> str:
    """What kind of difference a run that needs a second run showed, for the report: a
    duration, the text, or how it ended."""
    if _ended(snippet, result) is not None:
        return "how it ended"
    if timing_only(
        snippet.recorded_output(), result["output"], same_python=False, waits=result.get("waits")
    ):
        return "a duration"
    return "the text"
