"""Every exercise's checks, in CPython: the solution passes them all, the starter fails
at least one, and each check has a wrong solution that it alone rejects (no dead check).
Messages and titles exist in every language; a program that never yields is killed and
reported, one that raises fails with its own traceback."""

from __future__ import annotations

import asyncio
import sys

import pytest

from asyncdocs import exercises

EXERCISES = exercises.load_all()
sys.path.insert(0, str(exercises.CHECKING.parent))
import checking  # noqa: E402


@pytest.fixture(scope="module")
def outcomes() -> dict[tuple[str, str, str], exercises.Outcome]:
    """(exercise, program, lang) -> its Check; solutions and starters in both languages,
    wrong solutions in English. All at once: they mostly sleep."""
    jobs = []
    for e in EXERCISES:
        for lang in exercises.LANGUAGES:
            jobs += [(e, e.program("solution.py"), lang), (e, e.program("starter.py"), lang)]
        jobs += [(e, path, "en") for path in e.wrong.values()]
    done = asyncio.run(exercises.run_many(jobs))
    return {
        (e.rel, p.relative_to(e.folder).as_posix(), lang): o
        for (e, p, lang), o in zip(jobs, done, strict=True)
    }


def test_there_are_exercises():
    assert EXERCISES, "exercises/ has no exercise.toml"


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.rel)
def test_texts_in_every_language(exercise):
    meta = exercise.meta
    for lang in exercises.LANGUAGES:
        assert {"title", "task", "hints"} <= set(meta[lang]), lang
        assert meta[lang]["hints"], f"{lang}: at least one hint"
        assert len(meta[lang]["hints"]) == len(meta["en"]["hints"]), "hints match in number"
    checks = checking.load_checks((exercise.folder / "checks.py").read_text(encoding="utf-8"))
    assert checks, "checks.py defines checks"
    for c in checks:
        assert set(c.title) == set(exercises.LANGUAGES), c.name


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.rel)
@pytest.mark.parametrize("lang", exercises.LANGUAGES)
def test_solution_passes_and_starter_does_not(exercise, lang, outcomes):
    solution = outcomes[exercise.rel, "solution.py", lang]
    assert solution.returncode == 0 and solution.results, solution.stderr
    assert solution.failed() == set(), solution.results
    starter = outcomes[exercise.rel, "starter.py", lang]
    assert starter.results and starter.failed(), "the starter must fail at least one check"
    assert starter.returncode == 1, starter.stderr


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.rel)
def test_each_check_alone_rejects_its_wrong_solution(exercise, outcomes):
    checks = checking.load_checks((exercise.folder / "checks.py").read_text(encoding="utf-8"))
    assert set(exercise.wrong) == {c.name for c in checks}, "one wrong/<check>.py per check"
    for name in exercise.wrong:
        outcome = outcomes[exercise.rel, f"wrong/{name}.py", "en"]
        assert outcome.failed() == {name}, (name, outcome.results, outcome.stderr)
        assert outcome.results[name]["message"], "a failed check says why"


def _check(source: str, checks_source: str, lang: str = "en"):
    checks = checking.load_checks(checks_source)
    return asyncio.run(checking.run_checks(source, checks, lang))


CHECKS = """
from checking import Fail, check

@check("behaviour", en="works", zh="可用")
async def works(program):
    await program.function("work")()
"""


def test_an_exception_fails_the_check_with_the_readers_traceback():
    source = "async def work():\n    return {}['missing']\n"
    [result] = _check(source, CHECKS, "zh")
    assert not result.passed and "KeyError" in result.message
    assert 'File "exercise.py", line 2, in work' in result.traceback
    assert "{}['missing']" in result.traceback, "the reader's line is shown"
    assert "checking.py" not in result.traceback, "only the reader's frames"


def test_a_check_that_waits_for_ever_times_out_in_the_readers_language():
    source = "import asyncio\n\nasync def work():\n    await asyncio.Event().wait()\n"
    checks = CHECKS.replace('@check("behaviour",', '@check("behaviour", limit=0.3,')
    [result] = _check(source, checks, "zh")
    assert not result.passed and "0.3 秒" in result.message


def test_a_program_that_never_yields_is_killed_and_reported(tmp_path):
    program = tmp_path / "spin.py"
    program.write_text(
        "async def main():\n    while True:\n        pass\n", encoding="utf-8"
    )  # every exercise's checks call main() or a function it calls
    exercise = EXERCISES[0]
    outcome = asyncio.run(exercises.run(exercise, program, limit=2))
    assert outcome.returncode is None and "killed after 2" in outcome.stderr


def test_asyncio_run_outside_the_main_guard_is_explained():
    source = "import asyncio\n\nasync def work():\n    pass\n\nasyncio.run(work())\n"
    [result] = _check(source, CHECKS)
    assert not result.passed and '__name__ == \\"__main__\\"' not in result.message
    assert "if __name__ ==" in result.message


def test_structure_helpers_see_where_a_call_sits():
    program = checking.Program(
        "import asyncio, time\n\n"
        "def setup():\n    time.sleep(1)\n\n"
        "async def work(q):\n    time.sleep(1)\n    await q.join()\n"
        "    async with asyncio.TaskGroup() as tg:\n        pass\n"
    )
    assert [c.lineno for c in program.calls("time.sleep", inside_async=True)] == [7]
    assert [c.lineno for c in program.calls("time.sleep", inside_async=False)] == [4]
    assert program.awaits("join") and not program.awaits("get")
    assert program.uses("asyncio.TaskGroup") and not program.uses("asyncio.gather")


@pytest.mark.parametrize("mode", ["jspi", "no-jspi"])
def test_checks_give_the_same_verdicts_under_pyodide(mode, outcomes, tmp_path):
    """The Check button runs the same checks in Pyodide: for every exercise, the
    solution, the starter and each wrong solution get the verdicts CPython gives."""
    from asyncdocs import pyodide

    harnesses = {}
    for key in outcomes:
        rel, name, lang = key
        if lang != "en" and name != "solution.py":
            continue
        exercise = next(e for e in EXERCISES if e.rel == rel)
        folder = tmp_path / rel / name.replace("/", "-") / lang
        harnesses[key] = exercises.pyodide_folder(exercise, exercise.program(name), lang, folder)
    runs = pyodide.run_files(harnesses.values(), jspi=(mode == "jspi"), timeline=False)
    for key, harness in harnesses.items():
        run = runs[str(harness)]
        assert run["status"] == "ok", run["output"]
        got = exercises.pyodide_results(run)
        assert set(got) == set(outcomes[key].results), (key, run["output"])
        failed = {n for n, r in got.items() if not r["passed"]}
        assert failed == outcomes[key].failed(), (key, got)


def test_structure_helpers_follow_imports():
    program = checking.Program(
        "import asyncio as aio\nfrom time import sleep as nap\nfrom asyncio import TaskGroup\n\n"
        "async def work():\n    nap(1)\n    await aio.sleep(1)\n"
        "    async with TaskGroup() as tg:\n        pass\n"
    )
    assert [c.lineno for c in program.calls("time.sleep", inside_async=True)] == [6]
    assert [c.lineno for c in program.calls("asyncio.sleep")] == [7]
    assert [c.lineno for c in program.calls("sleep")] == [6, 7]
    assert program.uses("asyncio.TaskGroup")
    assert not checking.Program("import datetime\ndatetime.sleep()\n").calls("time.sleep")
