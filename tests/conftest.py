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
from typing import NamedTuple

import pytest

from asyncdocs import compare, exercises, imports, manifest, pyodide, runner, site

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
        if getattr(item, "originalname", "") == EXERCISES_UNDER_PYODIDE:
            about.setdefault(item.module.__name__, set()).add(EXERCISES_UNDER_PYODIDE)
        if "exercise_runs" in getattr(item, "fixturenames", ()):
            about.setdefault(item.module.__name__, set()).add("exercise_runs")
    session.config.stash[ABOUT] = about


ABOUT = pytest.StashKey[dict[str, set[str]]]()
EXERCISES_UNDER_PYODIDE = "test_checks_give_the_same_verdicts_under_pyodide"
"""The test that judges the exercises' Checks under Pyodide: when it is selected, the
Pyodides of `all_runs` run them too, after the snippets (one interpreter start for both)."""
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


class Runs(NamedTuple):
    cpython: dict[str, runner.Result]
    """Snippet rel -> its CPython run."""
    pyodide: dict[str, dict[str, dict]]
    """Mode -> snippet rel -> its run under Pyodide."""
    checks: dict[tuple[str, str, str], exercises.Outcome]
    """(exercise, program, language) -> its Check in CPython."""
    pyodide_checks: dict[str, dict[tuple[str, str, str], tuple[dict | None, dict]]]
    """Mode -> (exercise, program, language) -> (the run of check.py, results by check)."""


@pytest.fixture(scope="session")
def all_runs(request) -> Runs:
    """Every selected snippet run once, on CPython and under Pyodide, and, when their
    tests are selected, the exercises' Checks (see `Runs`).

    All of them mostly sleep, so they run at the same time: first the Pyodides load (a
    few CPU-seconds each) and wait for each other at a barrier; then the light CPython
    runs and the exercises' CPython Checks start while the Pyodides share out theirs
    (the snippets, then the exercises' Checks), and the heavy CPython runs (see `heavy`)
    follow once all of that is done. Nothing is timed while Pyodide loads."""
    about = request.config.stash.get(ABOUT, {}).get("test_exercises", set())
    browser = [s for s in all_snippets() if s.browser and s.run]
    chosen = selected(request.config, "test_pyodide", browser)
    folder = Path(tempfile.mkdtemp(prefix="pyodide-barrier-"))
    checks = {}
    if EXERCISES_UNDER_PYODIDE in about:
        checks = exercises.pyodide_checks(folder / "exercises")
    after = {
        mode: [{"path": str(checks[key]), "argv": [key[2]]} for key in keys]
        for mode, keys in exercises.share_modes(list(checks), PYODIDE_MODES).items()
    }
    most = max((len(jobs) for jobs in after.values()), default=0)
    harnesses = min(PYODIDES, -(-(len(chosen) + most) // SNIPPETS_PER_PYODIDE))
    barrier = f"{folder}:{harnesses * len(PYODIDE_MODES)}"
    started = [
        (
            mode,
            pyodide.start(
                chosen, jspi=(mode == "jspi"), barrier=barrier, share=True, after=after[mode]
            ),
        )
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
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        jobs = exercises.cpython_checks() if about & {"exercise_runs"} else []
        checking = pool.submit(asyncio.run, exercises.run_many(jobs))
        cpython = run_async(runner.run_many([s for s in local if not heavy(s)]))
        under_pyodide: dict[str, dict[str, dict]] = {mode: {} for mode in PYODIDE_MODES}
        for mode, harness in started:
            under_pyodide[mode].update(pyodide.finish(harness))
        outcomes = {exercises.key(job): o for job, o in zip(jobs, checking.result(), strict=True)}
    cpython.update(run_async(runner.run_many([s for s in local if heavy(s)])))
    checked = {
        mode: {
            key: (results.pop(str(checks[key]), None), exercises.pyodide_results(checks[key]))
            for key in exercises.share_modes(list(checks), PYODIDE_MODES)[mode]
        }
        for mode, results in under_pyodide.items()
    }
    second_runs(request.config, cpython, under_pyodide)
    second_checks(request.config, jobs, outcomes, checks, checked)
    shutil.rmtree(folder, ignore_errors=True)
    return Runs(cpython, under_pyodide, outcomes, checked)


SECOND_RUNS = pytest.StashKey[list[str]]()
LATE_FOR_THE_CPU = pytest.StashKey[list[str]]()


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
    late = config.stash.setdefault(LATE_FOR_THE_CPU, [])
    late += [
        f"{rel} (CPython: waited {r.waits.total():.2f} s)"
        for rel, r in cpython.items()
        if runner.matched_by_its_wait(r)
    ]
    for mode, results in under_pyodide.items():
        late += [
            f"{rel} (Pyodide, {mode}: waited {pyodide.waited(r):.2f} s)"
            for rel, r in results.items()
            if pyodide.matched_by_its_wait(by_rel[rel], r)
        ]


def second_checks(
    config: pytest.Config,
    jobs: list[tuple[exercises.Exercise, Path, str]],
    outcomes: dict[tuple[str, str, str], exercises.Outcome],
    folders: dict[tuple[str, str, str], Path],
    checked: dict[str, dict[tuple[str, str, str], tuple[dict | None, dict]]],
) -> None:
    """The exercises' Checks get the snippets' rule (see `asyncdocs.compare`): a Check
    whose verdicts are not the ones its program was written to get (a timing check under
    load, say), or not the ones the same program got in the other Python, is run once
    more, on its own, and the second run is what the tests judge; the report lists it. At
    most `compare.MOST_SECOND_RUNS` of one kind (CPython, one Pyodide mode), as for the
    snippets. CPython goes first: a Check under Pyodide is compared with its second run."""
    again = config.stash.setdefault(SECOND_RUNS, [])
    by_key = {exercises.key(job): job for job in jobs}
    under_pyodide: dict[tuple[str, str, str], list[set[str]]] = {}
    for runs in checked.values():
        for key, (run, results) in runs.items():
            if _ended(run):
                under_pyodide.setdefault(key, []).append(exercises.failed(results))
    differ = {}
    for key, outcome in outcomes.items():
        there = under_pyodide.get(key, [])
        differ[key] = exercises.unexpected(key[1], outcome.results) or (
            there
            and outcome.failed() not in there
            and exercises.disagree(outcome.results, there[0], "Pyodide")
        )
    differ = {key: why for key, why in differ.items() if why}
    if 0 < len(differ) <= compare.MOST_SECOND_RUNS:
        for key, why in differ.items():
            outcomes[key] = run_async(exercises.run(*by_key[key]))
            again.append(f"exercise {key[0]}, {key[1]} [{key[2]}] (CPython Check: {why})")
    for mode, runs in checked.items():
        differ = {
            key: exercises.unexpected(key[1], results)
            or (key in outcomes and exercises.disagree(results, outcomes[key].failed(), "CPython"))
            if _ended(run)
            else "the Check did not end"
            for key, (run, results) in runs.items()
        }
        differ = {key: why for key, why in differ.items() if why}
        if not 0 < len(differ) <= compare.MOST_SECOND_RUNS:
            continue
        for key in differ:
            folders[key].with_name("results.json").unlink(missing_ok=True)
        alone = [{"path": str(folders[key]), "argv": [key[2]]} for key in differ]
        results = pyodide.finish(pyodide.start([], jspi=(mode == "jspi"), after=alone))
        for key, why in differ.items():
            runs[key] = (results.get(str(folders[key])), exercises.pyodide_results(folders[key]))
            again.append(f"exercise {key[0]}, {key[1]} [{key[2]}] (Pyodide, {mode}: {why})")


def _ended(run: dict | None) -> bool:
    """Whether a Check under Pyodide ran to its end (its verdicts are then in results)."""
    return run is not None and run["status"] == "ok"


def pytest_terminal_summary(terminalreporter, config) -> None:
    again = config.stash.get(SECOND_RUNS, None)
    if again is not None:
        names = "".join(f"\n  {name}" for name in again)
        terminalreporter.write_line(f"snippets that needed a second run: {len(again)}{names}")
    late = config.stash.get(LATE_FOR_THE_CPU, None)
    if late:
        names = "".join(f"\n  {name}" for name in late)
        terminalreporter.write_line(
            f"snippets whose durations matched only with their wait for a CPU: {len(late)}{names}"
        )


@pytest.fixture(scope="session")
def snippet_runs(all_runs) -> dict[str, runner.Result]:
    """The CPython runs of the selected snippets (see `all_runs`)."""
    return all_runs.cpython


@pytest.fixture(scope="session")
def pyodide_runs(all_runs) -> dict[str, dict[str, dict]]:
    """The Pyodide runs of the selected browser snippets (see `all_runs`)."""
    return all_runs.pyodide


@pytest.fixture(scope="session")
def exercise_runs(all_runs) -> dict[tuple[str, str, str], exercises.Outcome]:
    """The exercises' Checks in CPython (see `all_runs`)."""
    return all_runs.checks


@pytest.fixture(scope="session")
def exercise_pyodide_runs(all_runs) -> dict[str, dict[tuple[str, str, str], tuple]]:
    """The exercises' Checks under Pyodide (see `all_runs`)."""
    return all_runs.pyodide_checks


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
