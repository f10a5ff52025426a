"""Exercises: one folder each under `exercises/<part>/<page>/<name>/`.

A folder holds `exercise.toml` (title, task and hints in every language of the site),
`starter.py` (what the editor shows first), `solution.py`, `checks.py` (checks written
with the runner's `checking` module, see docs/overrides/assets/runner/checking.py) and
`wrong/<check>.py` for each check: a plausible wrong solution that this check alone
rejects, which proves the check is not dead.

`run` runs an exercise's checks on a program in a child process, as the tests do: a
program that never gives the loop back is killed after `TIMEOUT` seconds.
"""

from __future__ import annotations

import asyncio
import json
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

from asyncdocs.site import ROOT

EXERCISES = ROOT / "exercises"
CHECKING = ROOT / "docs/overrides/assets/runner/checking.py"
LANGUAGES = ("en", "zh")
TIMEOUT = 30.0
"""Seconds a whole Check may take in the tests before its process is killed."""


@dataclass(frozen=True)
class Exercise:
    folder: Path

    @property
    def rel(self) -> str:
        return self.folder.relative_to(EXERCISES).as_posix()

    @property
    def meta(self) -> dict:
        return tomllib.loads((self.folder / "exercise.toml").read_text(encoding="utf-8"))

    def program(self, name: str) -> Path:
        return self.folder / name

    @property
    def wrong(self) -> dict[str, Path]:
        """check name -> the wrong solution that this check alone rejects."""
        return {p.stem: p for p in sorted((self.folder / "wrong").glob("*.py"))}


def load_all(root: Path = EXERCISES) -> list[Exercise]:
    return [Exercise(p.parent) for p in sorted(root.glob("*/*/*/exercise.toml"))]


@dataclass
class Outcome:
    """What a Check gave: results by check name, or how the process ended."""

    results: dict[str, dict]
    returncode: int | None
    stderr: str

    def failed(self) -> set[str]:
        return {name for name, r in self.results.items() if not r["passed"]}


async def run(exercise: Exercise, program: Path, lang: str = "en", limit: float = TIMEOUT):
    """Run `exercise`'s checks on `program` in a child process; kill it after `limit` seconds."""
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        str(CHECKING),
        str(exercise.folder / "checks.py"),
        str(program),
        lang,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        out, err = await asyncio.wait_for(proc.communicate(), limit)
    except TimeoutError:
        proc.kill()
        out, err = await proc.communicate()
        return Outcome({}, None, err.decode() + f"\nkilled after {limit} s")
    results = {}
    for line in out.decode().splitlines():
        result = json.loads(line)
        results[result["name"]] = result
    return Outcome(results, proc.returncode, err.decode())


AT_ONCE = 4
"""Checks run at the same time by `run_many`: they mostly sleep, but each starts a Python,
and many at once would load the machine enough to upset their own timing checks."""


async def run_many(jobs: list[tuple[Exercise, Path, str]]) -> list[Outcome]:
    """Run several Checks, `AT_ONCE` at a time."""
    gate = asyncio.Semaphore(AT_ONCE)

    async def one(exercise: Exercise, program: Path, lang: str) -> Outcome:
        async with gate:
            return await run(exercise, program, lang)

    return await asyncio.gather(*(one(e, p, lang) for e, p, lang in jobs))


HARNESS = """\
import asyncio
import json

import checking

with open("checks.py", encoding="utf-8") as f:
    checks = checking.load_checks(f.read())
with open("program.py", encoding="utf-8") as f:
    source = f.read()
for result in asyncio.run(checking.run_checks(source, checks, {lang!r})):
    print(json.dumps(vars(result), ensure_ascii=False))
"""
"""What the page's worker runs for Check, as a program of its own: the reader's code is
only awaited inside it, so it needs no blocking `asyncio.run` (Pyodide without JSPI)."""


def pyodide_folder(exercise: Exercise, program: Path, lang: str, folder: Path) -> Path:
    """A folder holding what a Check under Pyodide needs (the `checking` module, the
    exercise's checks, the program) and its harness: returns the harness's path."""
    folder.mkdir(parents=True)
    (folder / "checking.py").write_bytes(CHECKING.read_bytes())
    (folder / "checks.py").write_bytes((exercise.folder / "checks.py").read_bytes())
    (folder / "program.py").write_bytes(program.read_bytes())
    harness = folder / "check.py"
    harness.write_text(HARNESS.format(lang=lang), encoding="utf-8")
    return harness


def pyodide_results(result: dict) -> dict[str, dict]:
    """Results by check name from a harness run's output (see `asyncdocs.pyodide`)."""
    found = {}
    for line in result["output"].splitlines():
        if line.startswith("{"):
            item = json.loads(line)
            found[item["name"]] = item
    return found
