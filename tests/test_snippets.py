"""Every snippet runs as a real process and prints exactly its recorded output."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from conftest import (
    ROOT,
    SECOND_RUNS,
    SNIPPETS,
    all_snippets,
    need_debian,
    runs_on_cpython,
    second_runs,
)
from pytest_examples import CodeExample, EvalExample

from asyncdocs import compare, pyodide, runner
from asyncdocs.backends import BACKENDS

SNIPPET_LIST = all_snippets()
RUNNABLE = [s for s in SNIPPET_LIST if runs_on_cpython(s)]


@pytest.mark.parametrize("snippet", RUNNABLE, ids=lambda s: s.rel)
def test_output_matches_record(snippet, snippet_runs):
    for name in snippet.backends:
        need_debian(BACKENDS[name].binary, BACKENDS[name].package)
    problem = runner.problem(snippet_runs[snippet.rel])
    assert problem is None, problem


def test_every_record_belongs_to_a_snippet():
    runnable = {s.output_path for s in SNIPPET_LIST if s.run}
    records = set(SNIPPETS.rglob("*.out"))
    assert sorted(records - runnable) == [], "recorded outputs without a runnable snippet"
    assert sorted(runnable - records) == [], "snippets never recorded: run `make record`"


@pytest.mark.parametrize("snippet", SNIPPET_LIST, ids=lambda s: s.rel)
def test_lint(snippet, eval_example: EvalExample):
    """Ruff's lints, through pytest-examples; `#>` comments are checked by running the file."""
    eval_example.set_config(
        ruff_line_length=100,
        target_version="py311",  # the site's oldest Python (also the newest pytest-examples knows)
        ruff_select=["E", "F", "W", "I", "B", "UP"],
        ruff_ignore=["ASYNC", "B018", "UP036"],  # as pyproject.toml does for snippets/**
    )
    source = snippet.path.read_text(encoding="utf-8")
    example = CodeExample.create(source, path=snippet.path)
    eval_example.lint_ruff(example)
    if "#>" in source:
        eval_example.run_print_check(example)


def test_code_is_formatted():
    """`ruff format` is the one code style; run `.venv/bin/ruff format` to fix."""
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "ruff",
            "format",
            "--check",
            "snippets",
            "src",
            "tests",
            "docs/overrides",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_tooling_lint():
    proc = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "src", "tests", "docs/overrides", "snippets"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


PORT = re.compile(
    r"(?:127\.0\.0\.1:|localhost:|PORT\w*\s*=\s*|port\w*=|[\"']--\w*port[\"'],\s*[\"']?)(\d{4,5})\b"
)


def test_folders_with_servers_use_ports_of_their_own():
    """The folders' fixed-port runs go side by side (see `runner.run_many`), so two
    folders must never name the same port."""
    owners: dict[str, set[str]] = {}
    for snippet in all_snippets():
        if snippet.uses_fixed_ports:
            for path in snippet.path.parent.glob("*.py"):
                for port in PORT.findall(path.read_text(encoding="utf-8")):
                    owners.setdefault(port, set()).add(
                        snippet.path.parent.relative_to(SNIPPETS).as_posix()
                    )
    assert len(owners) >= 10, "the pattern still finds the ports"
    shared = {port: sorted(folders) for port, folders in owners.items() if len(folders) > 1}
    assert shared == {}


def test_a_run_that_differs_gets_one_second_run_and_it_counts():
    """A run that differs from its record (a duration out of tolerance, or its text, as a
    busy machine can make it) is run again on its own, under CPython and under Pyodide;
    the second run is what counts, and the report says what the first run got wrong."""
    by_rel = {s.rel: s for s in SNIPPET_LIST}
    timed = by_rel["guide/scheduling/drift.py"]
    recorded = timed.recorded_output()
    assert compare.DURATION.search(recorded), "the sample still prints durations"
    slowed = compare.DURATION.sub(lambda m: f"{float(m[1]) + 0.9:.2f}", recorded)
    other = by_rel["home/first_taste.py"]
    assert other.browser, "the sample still runs in the browser"
    lines = other.recorded_output().splitlines(keepends=True)
    assert len(lines) > 1, "the sample still prints more than one line"
    reordered = "".join(lines[1:] + lines[:1])
    cpython = {
        timed.rel: runner.Result(timed, slowed, 0, 9.0),
        other.rel: runner.Result(other, reordered, 0, 1.0),
    }
    under_pyodide = {
        "jspi": {
            timed.rel: {"output": slowed, "status": "ok", "exception": None},
            other.rel: {"output": reordered, "status": "ok", "exception": None},
        }
    }
    config = type("Config", (), {"stash": pytest.Stash()})()
    second_runs(config, cpython, under_pyodide)
    assert config.stash[SECOND_RUNS] == [
        f"{timed.rel} (CPython: a duration)",
        f"{other.rel} (CPython: the text)",
        f"{timed.rel} (Pyodide, jspi: a duration)",
        f"{other.rel} (Pyodide, jspi: the text)",
    ]
    for rel in (timed.rel, other.rel):
        assert runner.problem(cpython[rel]) is None, "the second run is the one kept"
        kept = under_pyodide["jspi"][rel]
        assert pyodide.problem(by_rel[rel], kept) is None, "the second run is the one kept"


def test_many_differences_fail_at_once():
    """More differing runs of one kind than a stall could explain are not run again."""
    browser = [s for s in SNIPPET_LIST if s.browser and s.run and s.output_path.exists()]
    many = browser[: compare.MOST_SECOND_RUNS + 1]
    wrong = {
        s.rel: {"output": "not what it prints\n", "status": "ok", "exception": None} for s in many
    }
    cpython = {s.rel: runner.Result(s, "not what it prints\n", 0, 1.0) for s in many}
    under_pyodide = {"no-jspi": dict(wrong)}
    config = type("Config", (), {"stash": pytest.Stash()})()
    second_runs(config, dict(cpython), under_pyodide)
    assert config.stash[SECOND_RUNS] == []
    assert under_pyodide["no-jspi"] == wrong
