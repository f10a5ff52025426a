"""Every exercise's checks, in CPython: the solution passes them all, the starter fails
at least one, and each check has a wrong solution that it alone rejects (no dead check).
Messages and titles exist in every language; a program that never yields is killed and
reported, one that raises fails with its own traceback."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest
from conftest import SECOND_RUNS, run_async, second_checks

from asyncdocs import compare, exercises

EXERCISES = exercises.load_all()
sys.path.insert(0, str(exercises.CHECKING.parent))
import checking  # noqa: E402


@pytest.fixture(scope="module")
def outcomes(exercise_runs) -> dict[tuple[str, str, str], exercises.Outcome]:
    """(exercise, program, lang) -> its Check in CPython: solutions and starters in both
    languages, wrong solutions in English (run by conftest.all_runs, beside the other
    runs that mostly sleep)."""
    return exercise_runs


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
    return run_async(checking.run_checks(source, checks, lang))


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


def test_exit_in_the_readers_code_fails_the_check_and_the_others_still_run():
    """`sys.exit()` (or `exit()`) in the reader's code would end check.py before it
    wrote any result: it fails its check instead, with the reader's traceback."""
    source = "import sys\n\nasync def work():\n    sys.exit(3)\n"
    first, second = _check(source, CHECKS + CHECKS.replace("def works", "def again"))
    assert not first.passed and "SystemExit" in first.message
    assert "line 4, in work" in first.traceback
    assert not second.passed and "SystemExit" in second.message


def test_the_readers_timeout_and_cancellation_fail_only_their_check():
    """A TimeoutError or CancelledError out of the reader's code is the reader's error,
    with its traceback: not the check's time limit, and not the end of the Check."""
    source = (
        "import asyncio\n\nasync def work():\n"
        "    async with asyncio.timeout(0.01):\n        await asyncio.sleep(1)\n\n"
        "async def other():\n    task = asyncio.create_task(asyncio.sleep(1))\n"
        "    task.cancel()\n    await task\n"
    )
    checks = CHECKS + CHECKS.replace('"work"', '"other"').replace("def works", "def others")
    timed_out, cancelled = _check(source, checks.replace("from checking", "\nfrom checking"))
    assert "TimeoutError" in timed_out.message and ", in work" in timed_out.traceback
    assert "CancelledError" in cancelled.message and "line 10, in other" in cancelled.traceback


def _exercise(folder: Path, checks_source: str) -> exercises.Exercise:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "checks.py").write_text(checks_source, encoding="utf-8")
    return exercises.Exercise(folder)


MAIN_CHECK = """
from checking import check

@check("output", en="main runs", zh="main 能运行")
async def runs(program):
    await program.main_output()
"""


def test_a_program_that_never_yields_is_killed_and_reported(tmp_path):
    exercise = _exercise(tmp_path / "spin", MAIN_CHECK)
    program = tmp_path / "spin.py"
    program.write_text("async def main():\n    while True:\n        pass\n", encoding="utf-8")
    outcome = run_async(exercises.run(exercise, program, limit=2))
    assert outcome.returncode is None and "killed after 2" in outcome.stderr


def test_what_the_program_prints_cannot_pass_for_results(tmp_path):
    """Results travel in a file of their own: a program printing something that looks
    like a passed check, outside what the checks capture, changes nothing."""
    exercise = _exercise(tmp_path / "forge", MAIN_CHECK + CHECKS)
    forged = '{"name": "works", "kind": "behaviour", "title": "works", "passed": true}'
    program = tmp_path / "forge.py"
    program.write_text(
        "import sys\n\nasync def main():\n"
        f"    print({forged!r}, file=sys.__stdout__, flush=True)\n",
        encoding="utf-8",
    )
    outcome = run_async(exercises.run(exercise, program))
    assert forged in outcome.stderr, "the forged line did reach the real stdout"
    assert set(outcome.results) == {"runs", "works"}, outcome.stderr
    assert outcome.failed() == {"works"}, outcome.results


def test_timed_and_output_may_run_at_once():
    """Each `Program.output`/`timed` gets the prints of what it awaits, also when several
    run at once or one inside another (tasks the program starts print into theirs)."""
    program = checking.Program(
        "import asyncio\n\n"
        "async def say(word, delay):\n"
        "    for n in range(3):\n"
        "        await asyncio.sleep(delay)\n"
        "        print(word, n)\n\n"
        "async def pair():\n"
        "    await asyncio.gather(say('a', 0.01), asyncio.create_task(say('b', 0.013)))\n"
    )
    say = program.function("say")

    async def together():
        inner = None

        async def nested():
            nonlocal inner
            inner = await program.output(say("c", 0.012))
            return "done"

        got = await asyncio.gather(
            program.output(say("x", 0.01)),
            program.timed(nested()),
            program.output(program.function("pair")()),
        )
        return got, inner

    (x, (result, seconds), both), inner = run_async(together())
    assert x == "x 0\nx 1\nx 2\n"
    assert inner == "c 0\nc 1\nc 2\n" and result == "done" and seconds > 0.03
    assert sorted(both.splitlines()) == ["a 0", "a 1", "a 2", "b 0", "b 1", "b 2"]


def test_asyncio_run_outside_the_main_guard_is_explained():
    source = "import asyncio\n\nasync def work():\n    pass\n\nasyncio.run(work())\n"
    [result] = _check(source, CHECKS)
    assert not result.passed and '__name__ == \\"__main__\\"' not in result.message
    assert "if __name__ ==" in result.message


def test_only_asyncio_run_at_import_is_refused():
    assert checking.Program("from asyncio import run\nrun(main())\n").runs_at_import()
    assert not checking.Program("import subprocess\nsubprocess.run(['ls'])\n").runs_at_import()


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
def test_checks_give_the_same_verdicts_under_pyodide(mode, outcomes, exercise_pyodide_runs):
    """The Check button runs the same checks in Pyodide (check.py, as the page's worker
    runs it): for every exercise, the solution (in both languages), the starter and each
    wrong solution get the verdicts CPython gives."""
    runs = exercise_pyodide_runs[mode]
    assert runs, "conftest.all_runs ran no Check under Pyodide"
    for key, (run, got) in runs.items():
        assert run is not None and run["status"] == "ok", (key, run)
        assert set(got) == set(outcomes[key].results), (key, run["output"])
        assert exercises.failed(got) == outcomes[key].failed(), (key, got)


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


BY_HAND = next(e for e in EXERCISES if e.rel == "tutorial/generators/by-hand")
BY_HAND_CHECKS = ("errors_propagate", "other_coroutines", "prints_journey")


def _forged(*failing: str) -> dict[str, dict]:
    """Verdicts of by-hand's checks with exactly the checks in `failing` failed."""
    return {name: {"name": name, "passed": name not in failing} for name in BY_HAND_CHECKS}


def test_a_check_with_unexpected_verdicts_gets_one_second_run_and_it_counts(tmp_path):
    """A Check whose verdicts are not the ones its program was written for (as a loaded
    machine made a timing check give), or not the ones the other Python gave, is run
    again on its own, in CPython and under Pyodide; the second run is what the tests
    judge, and the report says what the first got wrong. Nothing else is run again.
    (The first runs are made up; the exercise has no timing check, so the second runs
    give their real verdicts on any machine.)"""
    jobs = [(BY_HAND, BY_HAND.program(name), "en") for name in ("solution.py", "starter.py")]
    jobs.append((BY_HAND, BY_HAND.program("solution.py"), "zh"))
    solution, starter, as_is = map(exercises.key, jobs)
    outcomes = {
        solution: exercises.Outcome(_forged("errors_propagate"), 1, ""),
        starter: exercises.Outcome(_forged("other_coroutines", "prints_journey"), 0, ""),
        as_is: exercises.Outcome(_forged(), 0, ""),
    }
    first = dict(outcomes)
    folders = {
        key: exercises.pyodide_folder(BY_HAND, BY_HAND.program(key[1]), tmp_path / key[1])
        for key in (solution, starter)
    }
    ran = {"status": "ok", "output": "", "exception": None}
    checked = {"jspi": {solution: (None, {}), starter: (ran, _forged("other_coroutines"))}}
    config = type("Config", (), {"stash": pytest.Stash()})()
    second_checks(config, jobs, outcomes, folders, checked)
    where = "exercise tutorial/generators/by-hand"
    both, one = "failed other_coroutines, prints_journey", "failed other_coroutines"
    assert config.stash[SECOND_RUNS] == [
        f"{where}, solution.py [en] (CPython Check: failed errors_propagate)",
        f"{where}, starter.py [en] (CPython Check: {both} where Pyodide {one})",
        f"{where}, solution.py [en] (Pyodide, jspi: the Check did not end)",
        f"{where}, starter.py [en] (Pyodide, jspi: {one} where CPython {both})",
    ]
    assert outcomes[as_is] is first[as_is], "a Check as designed is not run again"
    for key in (solution, starter):
        assert outcomes[key] is not first[key], "the second run is kept"
        assert set(outcomes[key].results) == set(BY_HAND_CHECKS)
        run, results = checked["jspi"][key]
        assert run["status"] == "ok" and set(results) == set(BY_HAND_CHECKS)
    assert outcomes[solution].failed() == set()
    assert outcomes[starter].failed() == {"other_coroutines", "prints_journey"}
    assert exercises.failed(checked["jspi"][solution][1]) == set()
    assert exercises.failed(checked["jspi"][starter][1]) == {"other_coroutines", "prints_journey"}


def test_many_unexpected_verdicts_fail_at_once():
    """More Checks with unexpected verdicts than a stall could explain are not run again."""
    exercise = EXERCISES[0]
    jobs = [(exercise, exercise.program("solution.py"), "en")]
    failing = {"a_check": {"name": "a_check", "passed": False}}
    outcomes = {
        (f"made-up/{n}", "solution.py", "en"): exercises.Outcome(failing, 1, "")
        for n in range(compare.MOST_SECOND_RUNS + 1)
    }
    config = type("Config", (), {"stash": pytest.Stash()})()
    second_checks(config, jobs, outcomes, {}, {})
    assert config.stash[SECOND_RUNS] == []
    assert all(o.results is failing for o in outcomes.values())


def test_what_a_verdict_got_wrong():
    ok, bad = {"passed": True}, {"passed": False}
    assert exercises.unexpected("solution.py", {"a": ok, "b": ok}) is None
    assert exercises.unexpected("solution.py", {"a": bad, "b": ok}) == "failed a"
    assert exercises.unexpected("starter.py", {"a": ok}) == "passed every check"
    assert exercises.unexpected("starter.py", {"a": bad}) is None
    assert exercises.unexpected("wrong/b.py", {"a": ok, "b": bad}) is None
    assert exercises.unexpected("wrong/b.py", {"a": bad, "b": bad}) == "failed a, b"
    assert exercises.unexpected("solution.py", {}) == "no verdicts"
    assert exercises.disagree({"a": bad, "b": ok}, {"a"}, "CPython") is None
    said = exercises.disagree({"a": ok, "b": ok}, {"b", "a"}, "Pyodide")
    assert said == "passed every check where Pyodide failed a, b"
