"""Every snippet runs as a real process and prints exactly its recorded output."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from conftest import ROOT, SNIPPETS, all_snippets, need_debian, runs_on_cpython
from pytest_examples import CodeExample, EvalExample

from asyncdocs import runner
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
