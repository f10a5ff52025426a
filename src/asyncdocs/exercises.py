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
import tempfile
import tomllib
from dataclasses import dataclass
from pathlib import Path

from asyncdocs.site import ROOT

EXERCISES = ROOT / "exercises"
CHECKING = ROOT / "docs/overrides/assets/runner/checking.py"
CHECK = CHECKING.with_name("check.py")
"""What the page's worker runs for Check (and the tests under Pyodide)."""
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
        return failed(self.results)


def failed(results: dict[str, dict]) -> set[str]:
    """The names of the checks that did not pass, from results by check name."""
    return {name for name, r in results.items() if not r["passed"]}


async def run(exercise: Exercise, program: Path, lang: str = "en", limit: float = TIMEOUT):
    """Run `exercise`'s checks on `program` in a child process; kill it after `limit` seconds."""
    with tempfile.TemporaryDirectory() as scratch:
        written = Path(scratch) / "results.json"
        proc = await asyncio.create_subprocess_exec(
            sys.executable,
            str(CHECKING),
            str(exercise.folder / "checks.py"),
            str(program),
            str(written),
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
        found = json.loads(written.read_text(encoding="utf-8")) if written.exists() else []
    results = {result["name"]: result for result in found}
    return Outcome(results, proc.returncode, err.decode() + out.decode())


def unexpected(program: str, results: dict[str, dict]) -> str | None:
    """What is wrong with a Check's verdicts, or None when they are the ones its program
    was written to get: a solution passes every check, a starter fails at least one,
    `wrong/<check>.py` fails that check alone. `program` is relative to the exercise's
    folder; `results` are by check name (see `Outcome.results`)."""
    if not results:
        return "no verdicts"
    got = failed(results)
    if program == "solution.py":
        wanted_ok = not got
    elif program == "starter.py":
        wanted_ok = bool(got)
    else:
        wanted_ok = got == {Path(program).stem}
    return None if wanted_ok else _verdicts(got)


def disagree(results: dict[str, dict], failed_there: set[str], there: str) -> str | None:
    """How a Check's verdicts differ from the ones the same program got `there` (in
    CPython, or under Pyodide), given the checks it failed there; None if they agree."""
    got = failed(results)
    if got == failed_there:
        return None
    return f"{_verdicts(got)} where {there} {_verdicts(failed_there)}"


def _verdicts(failed) -> str:
    return f"failed {', '.join(sorted(failed))}" if failed else "passed every check"


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


def pyodide_folder(exercise: Exercise, program: Path, folder: Path) -> Path:
    """A folder holding what a Check under Pyodide needs, as the page's worker lays it
    out: `check.py`, the `checking` module, the exercise's checks and the program.
    Returns the path of `check.py` (run it with the language as its argument)."""
    folder.mkdir(parents=True)
    for source, name in [
        (CHECK, "check.py"),
        (CHECKING, "checking.py"),
        (exercise.folder / "checks.py", "checks.py"),
        (program, "program.py"),
    ]:
        (folder / name).write_bytes(source.read_bytes())
    return folder / "check.py"


def cpython_checks() -> list[tuple[Exercise, Path, str]]:
    """The Checks the tests run in CPython: each exercise's solution and starter in
    every language, its wrong solutions in English."""
    jobs = []
    for e in load_all():
        for lang in LANGUAGES:
            jobs += [(e, e.program("solution.py"), lang), (e, e.program("starter.py"), lang)]
        jobs += [(e, path, "en") for path in e.wrong.values()]
    return jobs


def key(job: tuple[Exercise, Path, str]) -> tuple[str, str, str]:
    """A Check's key in the tests' results: (exercise, program, language), the program
    relative to the exercise's folder (`wrong/<check>.py`)."""
    exercise, program, lang = job
    return exercise.rel, program.relative_to(exercise.folder).as_posix(), lang


def share_modes(keys: list[tuple[str, str, str]], modes) -> dict[str, list]:
    """The Checks each Pyodide mode runs: every solution in every mode; the starters and
    the wrong solutions shared out in turn, so each verdict is proven under Pyodide
    once, and each mode runs every exercise's checks (its solution) as well."""
    shared: dict[str, list] = {mode: [] for mode in modes}
    turn = 0
    for key in keys:
        if key[1] == "solution.py":
            for mode in modes:
                shared[mode].append(key)
        else:
            shared[modes[turn % len(modes)]].append(key)
            turn += 1
    return shared


def pyodide_checks(folder: Path) -> dict[tuple[str, str, str], Path]:
    """Folders (see `pyodide_folder`) for the Checks the tests run under Pyodide: every
    exercise's solution, its starter and its wrong solutions, in English. Keys:
    (exercise, program, language), as `cpython_checks` gives them."""
    found = {}
    for exercise in load_all():
        programs = [("solution.py", "en"), ("starter.py", "en")]
        programs += [
            (p.relative_to(exercise.folder).as_posix(), "en") for p in exercise.wrong.values()
        ]
        for name, lang in programs:
            where = folder / exercise.rel / name.replace("/", "-") / lang
            found[exercise.rel, name, lang] = pyodide_folder(
                exercise, exercise.program(name), where
            )
    return found


def pyodide_results(harness: Path) -> dict[str, dict]:
    """Results by check name from the `results.json` a Check under Pyodide wrote."""
    written = harness.with_name("results.json")
    found = json.loads(written.read_text(encoding="utf-8")) if written.exists() else []
    return {item["name"]: item for item in found}
