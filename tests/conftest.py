"""Fixtures shared by the test modules: the snippets, their runs, the built site."""

from __future__ import annotations

import asyncio
import concurrent.futures
import functools
import http.server
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest

from asyncdocs import compare, imports, manifest, pyodide, runner, site

ROOT = site.ROOT
SNIPPETS = ROOT / "snippets"
IN_CI = os.environ.get("CI") == "true"


def all_snippets() -> list[manifest.Snippet]:
    return manifest.load_all(SNIPPETS)


def runs_on_cpython(snippet: manifest.Snippet) -> bool:
    return snippet.run and snippet.python_tuple() <= sys.version_info[:2]


def need_debian(path: str, package: str) -> None:
    """Skip outside CI when a Debian package is missing; in CI it is an error."""
    if Path(path).exists():
        return
    if IN_CI:
        pytest.fail(f"{path} is missing in CI: .ci/debian-packages.sh should install {package}")
    pytest.skip(
        f"needs Debian's {package} (apt-get install {package}); `make test` installs it in CI"
    )


def pytest_configure(config: pytest.Config) -> None:
    runner.let_children_take_ctrl_c()  # even when the suite itself runs in the background


def pytest_collection_finish(session: pytest.Session) -> None:
    """Note which snippets the selected tests are about, so `-k tutorial/patterns` runs
    only those (the session fixture below runs every selected snippet at once)."""
    about: dict[str, set[str]] = {}
    for item in session.items:
        params = getattr(getattr(item, "callspec", None), "params", {})
        if "snippet" in params:
            about.setdefault(item.module.__name__, set()).add(params["snippet"].rel)
    session.config.stash[ABOUT] = about


ABOUT = pytest.StashKey[dict[str, set[str]]]()
PYODIDE_MODES = ("jspi", "no-jspi")
"""Each browser snippet runs under Pyodide with WebAssembly stack switching and without."""
PYODIDES = 3
"""Pyodides per mode at most; they share the snippets out as they go."""
SNIPPETS_PER_PYODIDE = 10
"""A Pyodide costs a few CPU-seconds to load: a small selection (`-k some/folder`) gets
one per mode, not three."""
HEAVY_NEEDS = {"processes", "subprocess", "packages"}


def heavy(snippet: manifest.Snippet) -> bool:
    """True for a CPython run that keeps a core busy for a while: one with servers, a
    database, other processes or third-party packages to import. These run after the
    Pyodides, whose durations a busy machine would stretch."""
    return bool(
        snippet.uses_fixed_ports
        or snippet.backends
        or HEAVY_NEEDS & set(snippet.needs)
        or imports.requirements(snippet.path)
    )


def selected(config: pytest.Config, module: str, snippets: list[manifest.Snippet]):
    """The snippets among `snippets` that selected tests of `module` are about."""
    wanted = config.stash.get(ABOUT, {}).get(module, set())
    return [s for s in snippets if s.rel in wanted]


@pytest.fixture(scope="session")
def all_runs(request) -> tuple[dict[str, runner.Result], dict[str, dict[str, dict]]]:
    """Every selected snippet run once: on CPython (rel -> result) and under Pyodide
    (mode -> rel -> the harness's result).

    Both mostly sleep, so they run at the same time: first the Pyodides load (a few
    CPU-seconds each) and wait for each other at a barrier; then the light CPython runs
    start while the Pyodides share out theirs, and the heavy ones (see `heavy`) follow
    once the Pyodides are done. Nothing is timed while Pyodide loads."""
    browser = [s for s in all_snippets() if s.browser and s.run]
    chosen = selected(request.config, "test_pyodide", browser)
    folder = Path(tempfile.mkdtemp(prefix="pyodide-barrier-"))
    harnesses = min(PYODIDES, -(-len(chosen) // SNIPPETS_PER_PYODIDE))
    barrier = f"{folder}:{harnesses * len(PYODIDE_MODES)}"
    started = [
        (mode, pyodide.start(chosen, jspi=(mode == "jspi"), barrier=barrier, share=True))
        for mode in PYODIDE_MODES
        for _ in range(harnesses)
    ]
    deadline = time.monotonic() + 120
    while len(list(folder.glob("ready-*"))) < harnesses * len(PYODIDE_MODES):
        if time.monotonic() > deadline or any(h.proc.poll() is not None for _, h in started):
            break  # finish() reports a harness that failed
        time.sleep(0.1)
    local = selected(
        request.config, "test_snippets", [s for s in all_snippets() if runs_on_cpython(s)]
    )
    cpython = run_async(runner.run_many([s for s in local if not heavy(s)]))
    under_pyodide: dict[str, dict[str, dict]] = {mode: {} for mode in PYODIDE_MODES}
    for mode, harness in started:
        under_pyodide[mode].update(pyodide.finish(harness))
    cpython.update(run_async(runner.run_many([s for s in local if heavy(s)])))
    shutil.rmtree(folder, ignore_errors=True)
    second_runs(request.config, cpython, under_pyodide)
    return cpython, under_pyodide


SECOND_RUNS = pytest.StashKey[list[str]]()


def second_runs(
    config: pytest.Config,
    cpython: dict[str, runner.Result],
    under_pyodide: dict[str, dict[str, dict]],
) -> None:
    """Run once more, on their own, the runs that differ from their record (a few at
    most per kind; the rule is in `asyncdocs.compare`), and keep the second run: that is
    what the tests judge. The report lists them, with what the first run got wrong."""
    again = config.stash.setdefault(SECOND_RUNS, [])
    differ = {
        rel: runner.first_difference(r) for rel, r in cpython.items() if runner.needs_second_run(r)
    }
    if 0 < len(differ) <= compare.MOST_SECOND_RUNS:
        for rel, kind in differ.items():
            cpython[rel] = run_async(runner.run_many([cpython[rel].snippet]))[rel]
            again.append(f"{rel} (CPython: {kind})")
    by_rel = {s.rel: s for s in all_snippets()}
    for mode, results in under_pyodide.items():
        differ = {
            rel: pyodide.first_difference(by_rel[rel], r)
            for rel, r in results.items()
            if pyodide.needs_second_run(by_rel[rel], r)
        }
        if 0 < len(differ) <= compare.MOST_SECOND_RUNS:
            results.update(pyodide.run([by_rel[rel] for rel in differ], jspi=(mode == "jspi")))
            again += [f"{rel} (Pyodide, {mode}: {kind})" for rel, kind in differ.items()]


def pytest_terminal_summary(terminalreporter, config) -> None:
    again = config.stash.get(SECOND_RUNS, None)
    if again is not None:
        names = "".join(f"\n  {name}" for name in again)
        terminalreporter.write_line(f"snippets that needed a second run: {len(again)}{names}")


@pytest.fixture(scope="session")
def snippet_runs(all_runs) -> dict[str, runner.Result]:
    """The CPython runs of the selected snippets (see `all_runs`)."""
    return all_runs[0]


@pytest.fixture(scope="session")
def pyodide_runs(all_runs) -> dict[str, dict[str, dict]]:
    """The Pyodide runs of the selected browser snippets (see `all_runs`)."""
    return all_runs[1]


def run_async(coro):
    """`asyncio.run(coro)` in a thread of its own: Playwright's sync API keeps an event
    loop running in the main thread, where asyncio.run would refuse to start."""
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> tuple[Path, str]:
    """Both languages built strictly, served on 127.0.0.1: (folder, base URL)."""
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    out = tmp_path_factory.mktemp("site")
    os.environ["REPO_URL"] = "https://github.com/example/asyncio-docs"  # for edit links
    try:
        site.build(out, base)
    finally:
        del os.environ["REPO_URL"]
    handler = functools.partial(_QuietHandler, directory=str(out))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield out, base
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (no browser download needed)."""
    need_debian(site.CHROMIUM, "chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=site.CHROMIUM, args=site.CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def scratch_build(tree: Path, config: str = "mkdocs.yml") -> subprocess.CompletedProcess:
    """Build one language of a scratch tree strictly into `tree/out`. The search index and
    the API pages (half of a build's time) are left out: no scratch-tree test looks at
    them, and the full build of both languages (`built_site`) checks them. Without the API
    pages, links to their anchors cannot be checked, so anchors are not."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", config, "-d", "out"],
        cwd=tree,
        capture_output=True,
        text=True,
        env={
            "NO_MKDOCS_2_WARNING": "1",
            "PATH": "/usr/bin:/bin",
            "ASYNCDOCS_FULL_BUILD": "false",
            "ASYNCDOCS_ANCHOR_CHECK": "info",
        },
    )


def copy_tree_for_build(dest: Path) -> Path:
    """A scratch copy of what a build reads, to break on purpose in a test."""
    shutil.copytree(ROOT / "docs", dest / "docs")
    for name in ("mkdocs.yml", "mkdocs.zh.yml"):
        shutil.copy2(ROOT / name, dest / name)
    for name in ("snippets", "src", "node_modules"):
        (dest / name).symlink_to(ROOT / name)
    return dest
