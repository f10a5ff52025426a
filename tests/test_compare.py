"""The comparison rule itself (asyncdocs.compare), on made-up outputs."""

from asyncdocs.compare import CpuWaits, mismatch, tidy, timing_only


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


def waited(output, *readings):
    """The waits of a run that printed `output`, from (seconds, lines, waited) readings
    of a one-thread run."""
    return CpuWaits.of(output, [(t, lines, {"main": w}) for t, lines, w in readings])


def test_a_duration_may_be_late_by_the_wait_that_fell_within_it():
    """Only late, only by the wait measured within the duration, only for durations
    (asyncdocs.compare)."""
    late = "all at once: 3.2 s\n"
    # 3.2 s before the line was printed it had waited 0.1 s; by the line, 0.5 s
    within = waited(late, (0.0, 0, 0.0), (0.5, 0, 0.1), (3.7, 1, 0.5))
    assert within.during(0, 3.2) == 0.4
    assert mismatch("all at once: 2.0 s\n", late, same_python=False) is not None
    assert mismatch("all at once: 2.0 s\n", late, same_python=False, waits=within) is None
    too_little = waited(late, (0.0, 0, 0.0), (3.7, 1, 0.1))
    assert mismatch("all at once: 2.0 s\n", late, same_python=False, waits=too_little)
    assert "0.10 s of it waiting for a CPU" in mismatch(
        "all at once: 2.0 s\n", late, same_python=False, waits=too_little
    )
    assert timing_only("all at once: 2.0 s\n", late, same_python=False, waits=too_little)
    assert not timing_only("all at once: 2.0 s\n", late, same_python=False, waits=within)
    # a short duration cannot borrow a wait from before it began
    short = "first: 3.0 s\nsecond: 0.9 s\n"
    stalled_early = waited(short, (0.0, 0, 0.0), (2.0, 0, 1.8), (3.0, 1, 1.8), (3.9, 2, 1.8))
    assert stalled_early.during(1, 0.9) == 0.0
    assert "0.9 s was recorded as 0.2 s" in mismatch(
        "first: 1.0 s\nsecond: 0.2 s\n", short, waits=stalled_early
    )
    assert mismatch("first: 1.0 s\nsecond: 0.9 s\n", short, waits=stalled_early) is None
    stalled_late = waited(short, (0.0, 0, 0.0), (3.0, 1, 0.0), (3.5, 1, 0.45), (3.9, 2, 0.75))
    assert mismatch("first: 3.0 s\nsecond: 0.2 s\n", short, waits=stalled_late) is None
    # never early, never the text
    early = waited("took 1.0 s\n", (0.0, 0, 0.0), (1.0, 1, 1.0))
    assert early.during(0, 1.0) == 1.0
    assert mismatch("took 2.0 s\n", "took 1.0 s\n", waits=early) is not None
    other = waited("b 1.0 s then a\n", (0.0, 0, 0.0), (1.0, 1, 1.0))
    assert mismatch("a then b 1.0 s\n", "b 1.0 s then a\n", waits=other) is not None


def test_the_wait_counts_by_the_busiest_thread_and_from_the_reading_before_the_span():
    """A thread's wait is its own: threads waiting side by side hold a run up by the
    longest wait, not their sum. The reading at a span's start is the last one at or
    before it (none: the run's start), so a wait is never undercounted."""
    two = CpuWaits.of(
        "done: 1.0 s\n",
        [(0.0, 0, {"a": 0.0}), (0.6, 0, {"a": 0.2, "b": 0.1}), (1.0, 1, {"a": 0.3, "b": 0.4})],
    )
    assert two.during(0, 0.5) == 0.4  # b began after the reading at 0.0
    assert two.total() == 0.4
    assert abs(two.during(0, 0.3) - 0.3) < 1e-9  # from the reading at 0.6: a 0.1, b 0.3
    # a thread waits at most a second a second: sparse readings do not let a short span
    # claim a long stretch's wait
    sparse = CpuWaits.of("x\ntook 0.5 s\n", [(0.0, 0, {"m": 0.0}), (3.0, 2, {"m": 2.0})])
    assert sparse.during(0, 0.5) == 0.5
    # a thread that ended before the duration was printed keeps its last reading
    joined = CpuWaits.of(
        "done: 1.0 s\n",
        [(0.0, 0, {"m": 0.0}), (0.5, 0, {"m": 0.0, "w": 0.4}), (1.0, 1, {"m": 0.1})],
    )
    assert joined.during(0, 1.0) == 0.4
    # a duration whose line never ended is judged at the last reading
    unfinished = CpuWaits.of("a\ntook 1.0 s", [(0.0, 0, {"m": 0.0}), (2.0, 1, {"m": 0.5})])
    assert unfinished.printed == (1,)
    assert CpuWaits.of("took 1.0 s\n", []) is None


def test_a_pyodide_run_counts_its_wait_and_the_report_can_tell():
    """`pyodide.problem` passes the run's measured waits to the comparison, and
    `matched_by_its_wait` names a run that matched only thanks to them."""
    from conftest import all_snippets

    from asyncdocs import pyodide

    snippet = next(s for s in all_snippets() if s.rel == "preface/thousand_downloads.py")
    output = snippet.recorded_output().replace("all at once: 2.0 s", "all at once: 3.2 s")
    lines = output.count("\n")
    waits = waited(output, (0.0, 0, 0.0), (3.5, lines, 1.0))
    result = {"output": output, "status": "ok", "exception": None, "waits": waits}
    assert pyodide.problem(snippet, result) is None
    assert pyodide.problem(snippet, result, count_the_wait=False) is not None
    assert pyodide.matched_by_its_wait(snippet, result)
    assert pyodide.waited(result) == 1.0
    assert pyodide.first_difference(snippet, {**result, "waits": None}) == "a duration"
    quiet = {**result, "output": snippet.recorded_output()}
    assert not pyodide.matched_by_its_wait(snippet, quiet)
    assert pyodide.problem(snippet, {**result, "waits": None}) is not None


def test_a_cpython_run_counts_its_wait_and_the_report_can_tell():
    """The same for a CPython run (`runner.problem`, `runner.matched_by_its_wait`)."""
    from conftest import all_snippets

    from asyncdocs import runner

    snippet = next(s for s in all_snippets() if s.rel == "preface/thousand_downloads.py")
    output = snippet.recorded_output().replace("all at once: 2.0 s", "all at once: 3.2 s")
    waits = waited(output, (0.0, 0, 0.0), (3.5, output.count("\n"), 1.2))
    result = runner.Result(snippet, output, 0, 3.5, waits=waits)
    assert runner.problem(result) is None
    assert runner.matched_by_its_wait(result)
    without = runner.Result(snippet, output, 0, 3.5)
    assert runner.needs_second_run(without) and runner.first_difference(without) == "a duration"
    assert not runner.matched_by_its_wait(runner.Result(snippet, snippet.recorded_output(), 0, 2))
