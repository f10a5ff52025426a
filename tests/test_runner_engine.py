"""The runner's engine and shim under Pyodide in Node, on cases that once broke them.

Each case is a throwaway file run by the Node harness (the engine the page uses), with
and without JSPI, all in one Pyodide, so a case also proves the next run is clean.

The CPYTHON cases are reader programs whose output under Pyodide must be what this
CPython prints for them: corners of asyncio's API where the runner's single browser
loop once showed through.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from asyncdocs import pyodide

CASES = {
    # A task factory made create_task fail ("module 'asyncio.tasks' has no attribute
    # '_set_task_name'"), then the runner's cleanup, then the harness with it.
    "eager.py": (
        "import asyncio\n\n\n"
        "async def work(n):\n"
        '    print("start", n)\n'
        "    await asyncio.sleep(0.01)\n"
        "    return n * 2\n\n\n"
        "async def main():\n"
        "    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)\n"
        "    task = asyncio.create_task(work(1))\n"
        '    print("created", task.get_name())\n'
        "    print(await task)\n"
        "    loop = asyncio.get_running_loop()\n"
        "    loop.set_task_factory(lambda loop, coro: asyncio.Task(coro, loop=loop))\n"
        '    print("old-style", asyncio.create_task(work(2)).get_name(), await work(3))\n\n\n'
        "asyncio.run(main())\n"
    ),
    "after_eager.py": 'print("clean")\n',
    # Whatever a snippet does, the engine reports a result: here it breaks the shim
    # itself, which used to surface as a ConversionError thrown by engine.mjs.
    "break_shim.py": (
        'import _runner_shim\n\n_runner_shim._after_user_code = None\nprint("broke")\n'
    ),
    "bad_result.py": "import _runner_shim\n\n_runner_shim._outcome = lambda exc: object()\n",
}
# A task whose loop was stopped: its run_until_complete fails, a second run finishes it.
STOPPED_THEN_RUN_AGAIN = (
    "loop = asyncio.new_event_loop()\n"
    "task = loop.create_task(stopper())\n"
    "try:\n"
    "    loop.run_until_complete(task)\n"
    "except RuntimeError as error:\n"
    "    print(error, task.done())\n"
    "print(loop.run_until_complete(task))\n"
)
CPYTHON = {
    # A loop made by hand closes: is_closed() said False after close().
    "closed_loop.py": (
        "import asyncio\n\n\n"
        "async def answer():\n"
        "    await asyncio.sleep(0.01)\n"
        "    return 42\n\n\n"
        "loop = asyncio.new_event_loop()\n"
        "print(loop.is_running(), loop.is_closed())\n"
        "print(loop.run_until_complete(answer()))\n"
        "loop.close()\n"
        "print(loop.is_closed())\n"
        "for refused in (loop.run_forever, lambda: loop.call_soon(print)):\n"
        "    try:\n"
        "        refused()\n"
        "    except RuntimeError as error:\n"
        "        print(error)\n"
        "print(asyncio.run(asyncio.sleep(0.01, 'asyncio.run still works')))\n"
    ),
    # run_forever() until a callback calls stop(), on a loop of the program's own.
    "run_forever.py": (
        "import asyncio\n\n\n"
        "def tick(loop, n):\n"
        "    print('tick', n, asyncio.get_running_loop() is loop)\n"
        "    if n == 3:\n"
        "        loop.stop()\n"
        "    else:\n"
        "        loop.call_later(0.01, tick, loop, n + 1)\n\n\n"
        "def main():\n"
        "    loop = asyncio.new_event_loop()\n"
        "    loop.call_soon(tick, loop, 1)\n"
        "    loop.run_forever()\n"
        "    print('stopped; running:', loop.is_running())\n"
        "    loop.close()\n\n\n"
        "main()\n"
    ),
    # The runner's own task (asyncio.run's driver) was one of all_tasks(): 5, not 4.
    "all_tasks.py": (
        "import asyncio\n\n\n"
        "async def nap(n):\n"
        "    await asyncio.sleep(0.01 * n)\n\n\n"
        "async def main():\n"
        "    tasks = [asyncio.create_task(nap(n)) for n in range(3)]\n"
        "    print(len(asyncio.all_tasks()))\n"
        "    print(sorted(task.get_name() for task in asyncio.all_tasks()))\n"
        "    await asyncio.gather(*tasks)\n"
        "    print(asyncio.all_tasks() == {asyncio.current_task()})\n\n\n"
        "asyncio.run(main())\n"
    ),
    # A loop that is not running runs nothing, while another one runs or the module
    # sleeps: its callbacks and tasks waited for its own run (they ran at once).
    "idle_loop.py": (
        "import asyncio\nimport time\n\n"
        "a = asyncio.new_event_loop()\n"
        "b = asyncio.new_event_loop()\n"
        'b.call_soon(print, "b\'s callback")\n'
        'a.call_soon(print, "a\'s callback")\n'
        "time.sleep(0.05)\n"
        "print('after the sleep')\n"
        "a.run_until_complete(asyncio.sleep(0.01))\n"
        "print('a ran')\n"
        "b.run_until_complete(asyncio.sleep(0))\n"
        "print('b ran')\n"
        "a.close()\n"
        "b.close()\n"
    ),
    # stop() inside run_until_complete ends the run unfinished (it was ignored); the
    # task finishes in the next run; a closed loop refuses create_task before making
    # a task (one was made, then reported destroyed); a task left pending on a closed
    # loop made the runner fail cancelling it.
    "stopped_run.py": (
        (
            "import asyncio\n\n\n"
            "async def stopper():\n"
            "    asyncio.get_running_loop().stop()\n"
            "    await asyncio.sleep(0.02)\n"
            "    return 'finished later'\n\n\n"
        )
        + STOPPED_THEN_RUN_AGAIN
        + (
            "loop.call_soon(loop.stop)\n"
            "loop.call_soon(loop.stop)  # twice: the next run is not stopped by it\n"
            "loop.run_forever()\n"
            "print(loop.run_until_complete(asyncio.sleep(0.01, 'next run')))\n"
            "left = loop.create_task(asyncio.sleep(10))\n"
            "loop.run_until_complete(asyncio.sleep(0))\n"
            "loop.close()\n"
            "coro = asyncio.sleep(0)\n"
            "try:\n"
            "    loop.create_task(coro)\n"
            "except RuntimeError as error:\n"
            "    print(error)\n"
            "    coro.close()\n"
            "left._log_destroy_pending = False  # CPython reports it at exit, after the end\n"
        )
    ),
    # A timer that falls due after stop() waits for the next run. On a slow machine it
    # ran (and the run ended finished): here a blocking step makes it due at once.
    "stop_with_a_timer_due.py": (
        (
            "import asyncio\nimport time\n\n\n"
            "async def stopper():\n"
            "    loop = asyncio.get_running_loop()\n"
            "    loop.call_later(0.01, print, 'a timer set after stop()')\n"
            "    loop.stop()\n"
            "    time.sleep(0.05)\n"
            "    await asyncio.sleep(0.02)\n"
            "    return 'finished in the next run'\n\n\n"
        )
        + STOPPED_THEN_RUN_AGAIN
        + "loop.close()\n"
    ),
    # The same for a timer set in the round that calls stop() but before the call: it
    # was not due when that round began.
    "timer_set_before_stop.py": (
        (
            "import asyncio\nimport time\n\n\n"
            "async def stopper():\n"
            "    loop = asyncio.get_running_loop()\n"
            "    loop.call_later(0.01, print, 'a timer set before stop()')\n"
            "    time.sleep(0.05)\n"
            "    loop.stop()\n"
            "    await asyncio.sleep(0.02)\n"
            "    return 'finished in the next run'\n\n\n"
        )
        + STOPPED_THEN_RUN_AGAIN
        + "loop.close()\n"
    ),
    # And for run_forever: stop() from a callback ends the run with that round.
    "run_forever_timer_due.py": (
        "import asyncio\nimport time\n\n\n"
        "def stopper(loop):\n"
        "    loop.call_later(0.01, print, 'a timer set before stop()')\n"
        "    loop.stop()\n"
        "    time.sleep(0.05)\n\n\n"
        "loop = asyncio.new_event_loop()\n"
        "loop.call_soon(stopper, loop)\n"
        "loop.run_forever()\n"
        "print('stopped')\n"
        "loop.run_until_complete(asyncio.sleep(0))\n"
        "loop.close()\n"
    ),
    # stop() between runs: the next run_until_complete runs one round and stops (it was
    # ignored, and stopped a later run_forever instead).
    "stop_between_runs.py": (
        "import asyncio\n\n"
        "loop = asyncio.new_event_loop()\n"
        "task = loop.create_task(asyncio.sleep(0.01, 'finished in the next run'))\n"
        "loop.stop()\n"
        "try:\n"
        "    loop.run_until_complete(task)\n"
        "except RuntimeError as error:\n"
        "    print(error, task.done())\n"
        "print(loop.run_until_complete(task))\n"
        "loop.call_later(0.01, loop.stop)\n"
        "loop.run_forever()\n"
        "print('run_forever ran until its own stop()')\n"
        "loop.close()\n"
    ),
    # run_forever inside its own run refuses, and the run still stops (it hung).
    "run_forever_inside.py": (
        "import asyncio\n\n\n"
        "async def again(loop):\n"
        "    try:\n"
        "        loop.run_forever()\n"
        "    except RuntimeError as error:\n"
        "        print(error)\n"
        "    loop.stop()\n\n\n"
        "loop = asyncio.new_event_loop()\n"
        "loop.create_task(again(loop))\n"
        "loop.run_forever()\n"
        "print('stopped')\n"
        "loop.close()\n"
    ),
    # asyncio.run's shutdown makes two tasks in CPython: the second run's main is Task-4.
    "run_twice.py": (
        "import asyncio\n\n\n"
        "async def main():\n"
        "    print(asyncio.current_task().get_name())\n\n\n"
        "asyncio.run(main())\n"
        "asyncio.run(main())\n"
    ),
}
CASES = CPYTHON | CASES  # before the cases that break the shim for good
EXPECTED = {
    "eager.py": ("ok", None, "start 1\ncreated Task-2\n2\nstart 3\nstart 2\nold-style Task-3 6\n"),
    "after_eager.py": ("ok", None, "clean\n"),
}


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> dict[str, dict[str, dict]]:
    folder = tmp_path_factory.mktemp("cases")
    for name, code in CASES.items():
        (folder / name).write_text(code, encoding="utf-8")

    class Case:  # what pyodide.start reads of a Snippet
        def __init__(self, name):
            self.rel, self.args = str(folder / name), ()

    for name in CPYTHON:  # what CPython prints, for the tests to compare with
        done = subprocess.run(
            [sys.executable, name],
            cwd=folder,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            timeout=60,
        )
        (folder / f"{name}.cpython").write_text(done.stdout, encoding="utf-8")

    started = {
        mode: pyodide.start([Case(n) for n in CASES], jspi=mode == "jspi")
        for mode in ("jspi", "no-jspi")
    }
    results = {
        mode: {k.rsplit("/", 1)[1]: v for k, v in pyodide.finish(ps, timeout=120).items()}
        for mode, ps in started.items()
    }
    results["cpython"] = {
        name: (folder / f"{name}.cpython").read_text(encoding="utf-8") for name in CPYTHON
    }
    return results


@pytest.mark.parametrize("mode", ["jspi", "no-jspi"])
def test_task_factories_work_and_leave_nothing_behind(runs, mode):
    for name, (status, exception, output) in EXPECTED.items():
        run = runs[mode][name]
        assert (run["status"], run["exception"], run["output"]) == (status, exception, output)


@pytest.mark.parametrize("mode", ["jspi", "no-jspi"])
def test_the_engine_reports_its_own_failure_instead_of_crashing(runs, mode):
    broke = runs[mode]["break_shim.py"]
    assert broke["status"] == "error" and broke["exception"] == "RunnerError"
    assert broke["output"].startswith("broke\nThe runner failed:")
    assert "TypeError" in broke["output"]
    # The harness ran every case to its end: each has a result line.
    assert runs[mode]["bad_result.py"]["exception"] == "RunnerError"


@pytest.mark.parametrize("mode", ["jspi", "no-jspi"])
@pytest.mark.parametrize("name", sorted(CPYTHON))
def test_asyncio_corners_print_what_cpython_prints(runs, mode, name):
    run = runs[mode][name]
    assert run["status"] == "ok", run["output"]
    assert run["output"] == runs["cpython"][name]
