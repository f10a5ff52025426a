"""The comparison rule itself (asyncdocs.compare), on made-up outputs."""

from asyncdocs.compare import mismatch, tidy, timing_only


def test_identical_output_matches():
    assert mismatch("a\nb\n", "a\nb\n") is None


def test_changed_text_is_reported_as_a_diff():
    problem = mismatch("a: one\n", "a: 1\n")
    assert problem and "-a: one" in problem and "+a: 1" in problem


def test_durations_match_within_tolerance_only():
    assert mismatch("finished in 0.50 s\n", "finished in 0.58 s\n") is None
    assert mismatch("took 1.00 seconds\n", "took 1.20 seconds\n") is None
    assert mismatch("finished in 0.50 s\n", "finished in 1.50 s\n") is not None
    assert mismatch("finished in 1.5s\n", "finished in 0.5s\n") is not None


def test_numbers_that_are_not_durations_must_be_equal():
    assert mismatch("pi is 3.14\n", "pi is 3.15\n") is not None
    assert mismatch("Python 3.11 says hi\n", "Python 3.12 says hi\n") is not None


def test_addresses_match_any_address():
    assert mismatch("<Task at 0x7f3a2b1c>\n", "<Task at 0x55d0e1f0>\n") is None


def test_tidy_keeps_only_the_snippets_own_frames():
    raw = (
        "Traceback (most recent call last):\n"
        '  File "demo.py", line 9, in <module>\n'
        "    asyncio.run(main())\n"
        '  File "/usr/lib/python3.11/asyncio/runners.py", line 190, in run\n'
        "    return runner.run(main)\n"
        "           ^^^^^^^^^^^^^^^^\n"
        '  File "demo.py", line 5, in main\n'
        "    await 42\n"
        "    ^^^^^^^^\n"
        "TypeError: object int can't be used in 'await' expression\n"
    )
    assert tidy(raw) == (
        "Traceback (most recent call last):\n"
        '  File "demo.py", line 9, in <module>\n'
        "    asyncio.run(main())\n"
        '  File "demo.py", line 5, in main\n'
        "    await 42\n"
        "TypeError: object int can't be used in 'await' expression\n"
    )


def test_other_python_may_word_the_error_differently_but_not_change_its_type():
    rec = "x\nTypeError: object int can't be used in 'await' expression\n"
    assert mismatch(rec, "x\nTypeError: 'int' object can't be awaited\n") is not None
    assert mismatch(rec, "x\nTypeError: 'int' object can't be awaited\n", same_python=False) is None
    assert mismatch(rec, "x\nValueError: 'int' object\n", same_python=False) is not None


def test_tidy_works_inside_exception_groups():
    raw = (
        "  + Exception Group Traceback (most recent call last):\n"
        '  |   File "demo.py", line 12, in <module>\n'
        "  |     asyncio.run(main())\n"
        '  |   File "/usr/lib/python3.11/asyncio/runners.py", line 190, in run\n'
        "  |     return runner.run(main)\n"
        "  |            ^^^^^^^^^^^^^^^^\n"
        "  | ExceptionGroup: unhandled errors in a TaskGroup (1 sub-exception)\n"
        "  +-+---------------- 1 ----------------\n"
        "    | Traceback (most recent call last):\n"
        '    |   File "demo.py", line 5, in boom\n'
        "    |     raise ValueError(1)\n"
        "    | ValueError: 1\n"
        "    +------------------------------------\n"
    )
    assert tidy(raw) == (
        "  + Exception Group Traceback (most recent call last):\n"
        '  |   File "demo.py", line 12, in <module>\n'
        "  |     asyncio.run(main())\n"
        "  | ExceptionGroup: unhandled errors in a TaskGroup (1 sub-exception)\n"
        "  +-+---------------- 1 ----------------\n"
        "    | Traceback (most recent call last):\n"
        '    |   File "demo.py", line 5, in boom\n'
        "    |     raise ValueError(1)\n"
        "    | ValueError: 1\n"
        "    +------------------------------------\n"
    )


def test_another_runtime_may_be_slower_but_not_faster():
    record = "sequential: 1.00 s\nconcurrent: 0.50 s\n"
    slower = "sequential: 1.60 s\nconcurrent: 0.90 s\n"
    assert mismatch(record, slower, same_python=False) is None
    assert mismatch(record, slower) is not None, "CPython gets no extra slack"
    faster = "sequential: 1.00 s\nconcurrent: 0.20 s\n"
    assert "allowed -0.22/+0.47 s" in mismatch(record, faster, same_python=False)
    sequential_by_mistake = "sequential: 1.00 s\nconcurrent: 1.00 s\n"
    assert mismatch(record, sequential_by_mistake, same_python=False) is not None


def test_a_last_line_that_only_looks_like_an_error_is_compared_in_full():
    record = "x\nresult: 0.50 s\n"
    assert mismatch(record, "x\nresult: 9.99 s\n", same_python=False) is not None
    group = "x\nExceptionGroup: unhandled errors in a TaskGroup (1 sub-exception)\n"
    assert mismatch(group, "x\nExceptionGroup: other words\n", same_python=False) is None


def test_only_a_duration_out_of_tolerance_earns_a_second_run():
    slow = "tick 3 at 1.49 s\n"
    assert timing_only("tick 3 at 1.06 s\n", slow)  # a busy machine alone can do this
    assert not timing_only("tick 3 at 1.06 s\n", "tick 3 at 1.10 s\n")  # it matches: no rerun
    assert not timing_only("tick 3 at 1.06 s\n", "tick 4 at 1.49 s\n")  # other text: fails now
    assert not timing_only("a\nb 1.0 s\n", "b 1.9 s\na\n")  # order of lines: fails now
    assert not timing_only("done in 0.5 s\n", "done in 0.5 s\nextra\n")


def test_second_run_under_another_python_ignores_only_the_error_wording():
    recorded = "waited 0.20 s\nTypeError: object int can't be used in 'await' expression\n"
    slower = "waited 0.90 s\nTypeError: 'int' object can't be awaited\n"
    assert timing_only(recorded, slower, same_python=False)
    assert not timing_only(recorded, slower.replace("TypeError", "ValueError"), same_python=False)


def test_a_duration_may_be_late_by_the_measured_wait_for_a_cpu():
    """Only late, only by the wait measured, only for durations (asyncdocs.compare)."""
    late = "all at once: 3.2 s\n"
    assert mismatch("all at once: 2.0 s\n", late, same_python=False) is not None
    assert mismatch("all at once: 2.0 s\n", late, same_python=False, waited=0.1) is not None
    assert mismatch("all at once: 2.0 s\n", late, same_python=False, waited=0.3) is None
    assert "0.10 s of it waiting for a CPU" in mismatch("took 0.10 s\n", "took 9.0 s\n", waited=1.5)
    assert mismatch("took 2.0 s\n", "took 1.0 s\n", waited=5) is not None  # never early
    # a short duration borrows at most its own length from a long run's wait
    assert mismatch("at once: 0.23 s\n", "at once: 2.18 s\n", same_python=False, waited=5)
    assert mismatch("a then b\n", "b then a\n", waited=5) is not None  # never the text
    assert timing_only("took 2.0 s\n", "took 3.2 s\n", waited=0.1)
    assert not timing_only("took 2.0 s\n", "took 3.2 s\n", waited=2)


def test_a_pyodide_run_counts_its_wait_and_the_report_can_tell():
    """`pyodide.problem` passes the run's measured wait to the comparison, and
    `matched_by_its_wait` names a run that matched only thanks to it."""
    from conftest import all_snippets

    from asyncdocs import pyodide

    snippet = next(s for s in all_snippets() if s.rel == "preface/thousand_downloads.py")
    output = snippet.recorded_output().replace("all at once: 2.0 s", "all at once: 3.2 s")
    result = {"output": output, "status": "ok", "exception": None, "waited_ms": 300}
    assert pyodide.problem(snippet, result) is None
    assert pyodide.problem(snippet, result, count_the_wait=False) is not None
    assert pyodide.matched_by_its_wait(snippet, result)
    assert pyodide.first_difference(snippet, {**result, "waited_ms": 0}) == "a duration"
    quiet = {**result, "output": snippet.recorded_output(), "waited_ms": 300}
    assert not pyodide.matched_by_its_wait(snippet, quiet)
    assert pyodide.problem(snippet, {**result, "waited_ms": None}) is not None
