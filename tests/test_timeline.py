"""Task timelines: what asynctimeline records of known programs, under CPython and under
Pyodide; that it changes nothing a program prints; the pages' static timelines are
current; the text and SVG drawings."""

from __future__ import annotations

import asyncio
import json
import re
import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ET

import pytest
from conftest import LATE_FOR_THE_CPU, ROOT, SECOND_RUNS, all_snippets, run_async

import asynctimeline
from asyncdocs import compare, pyodide, runner, timelines
from asyncdocs.compare import duration_mismatch, mismatch

THREE_NAPS = """
    import asyncio


    async def nap(seconds):
        await asyncio.sleep(seconds)
        print(f"slept {seconds}")
        return seconds


    async def main():
        async with asyncio.TaskGroup() as tg:
            for seconds in (0.3, 0.1, 0.2):
                tg.create_task(nap(seconds), name=f"nap-{seconds}")
        print("all done")


    asyncio.run(main())
"""

FAILURES = """
    import asyncio


    async def fail():
        await asyncio.sleep(0.05)
        raise ValueError("no")


    async def forever():
        await asyncio.Event().wait()


    async def main():
        failing = asyncio.create_task(fail(), name="fail")
        waiting = asyncio.create_task(forever(), name="forever")
        lock = asyncio.Lock()
        async with lock:
            await asyncio.sleep(0.1)
        waiting.cancel()
        await asyncio.gather(failing, waiting, return_exceptions=True)
        print("done")


    asyncio.run(main())
"""


@pytest.fixture(scope="module")
def programs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("programs")
    for name, code in (("three_naps.py", THREE_NAPS), ("failures.py", FAILURES)):
        (folder / name).write_text(textwrap.dedent(code), encoding="utf-8")
    own_loop = textwrap.dedent(OWN_LOOP).replace("FORMAT", str(asynctimeline.FORMAT))
    (folder / "own_loop.py").write_text(own_loop, encoding="utf-8")
    return folder


def cpython_recording(path) -> dict:
    proc = subprocess.run(
        [sys.executable, "-m", "asynctimeline", "--quiet", "--json", "rec.json", path.name],
        cwd=path.parent,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert proc.returncode == 0, proc.stderr
    return json.loads((path.parent / "rec.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def pyodide_recordings(programs) -> dict[bool, dict[str, dict]]:
    """The known programs under Pyodide, with JSPI and without (both Pyodides at once):
    jspi -> file name -> recording."""
    files = [str(programs / name) for name in ("three_naps.py", "failures.py", "own_loop.py")]
    started = {jspi: pyodide.start_files(files, jspi=jspi) for jspi in (True, False)}
    recordings = {}
    for jspi, harness in started.items():
        runs = pyodide.finish(harness)
        for result in runs.values():
            assert result["status"] == "ok", result["output"]
        recordings[jspi] = {path.rsplit("/", 1)[1]: r["timeline"] for path, r in runs.items()}
    return recordings


def check_three_naps(recording: dict, same_python: bool = True) -> None:
    """Timings are held to the snippets' rule (`asyncdocs.compare`), which a busy machine
    meets; orders, parents and waits exactly."""
    tasks = {t["name"]: t for t in recording["tasks"]}
    assert list(tasks) == ["Task-1", "nap-0.3", "nap-0.1", "nap-0.2"], "one lane per task"
    main = tasks["Task-1"]
    assert main["parent"] is None
    assert all(tasks[n]["parent"] == main["id"] for n in ("nap-0.3", "nap-0.1", "nap-0.2"))
    ended = sorted(tasks.values(), key=lambda t: t["ended"])
    assert [t["name"] for t in ended] == ["nap-0.1", "nap-0.2", "nap-0.3", "Task-1"]
    for seconds in (0.1, 0.2, 0.3):
        nap = tasks[f"nap-{seconds}"]
        assert nap["outcome"] == "result" and nap["detail"] == str(seconds)
        assert len(nap["slices"]) == 2, "runs until its sleep, then once more"
        ((start, end, kind, detail),) = nap["waits"]
        assert (kind, detail) == ("sleep", str(seconds))
        assert end - start > seconds - 0.01, "a sleep never ends early"
        assert duration_mismatch(seconds, end - start, same_python=same_python) is None
    assert main["waits"][0][2] == "taskgroup"
    # The whole recording also holds the program's start (imports, a first run under
    # Pyodide): seconds, not the 0.3 s of naps alone, yet never less.
    assert 0.3 <= recording["duration"] < 3.0
    printed = [(p[1], p[3]) for p in recording["prints"]]
    ids = {name: t["id"] for name, t in tasks.items()}
    assert printed == [
        (ids["nap-0.1"], "slept 0.1"),
        (ids["nap-0.2"], "slept 0.2"),
        (ids["nap-0.3"], "slept 0.3"),
        (ids["Task-1"], "all done"),
    ]
    running = sum(end - start for t in tasks.values() for start, end in t["slices"])
    assert running < recording["duration"] / 3, "the tasks mostly wait, they seldom run"


def check_failures(recording: dict) -> None:
    tasks = {t["name"]: t for t in recording["tasks"]}
    assert tasks["fail"]["outcome"] == "exception"
    assert tasks["fail"]["detail"] == "ValueError: no"
    assert tasks["forever"]["outcome"] == "cancelled"
    assert [w[2] for w in tasks["forever"]["waits"]] == ["event"]
    assert [w[2] for w in tasks["Task-1"]["waits"]] == ["sleep", "gather"]


def test_three_naps_under_cpython(programs):
    check_three_naps(cpython_recording(programs / "three_naps.py"))


def test_outcomes_and_waits_under_cpython(programs):
    check_failures(cpython_recording(programs / "failures.py"))


@pytest.mark.parametrize("jspi", [True, False], ids=["jspi", "no-jspi"])
def test_three_naps_under_pyodide(pyodide_recordings, programs, jspi, request):
    """As under CPython. A recording that fails the checks is made once more, alone, as
    the second-run rule says (`asyncdocs.compare`): a loaded machine stretches a task's
    slices (measured: 0.38 s of running in a 0.79 s recording beside a Chromium)."""
    recordings = pyodide_recordings[jspi]
    try:
        check_three_naps(recordings["three_naps.py"], same_python=False)
    except AssertionError:
        path = str(programs / "three_naps.py")
        again = pyodide.run_files([path], jspi=jspi)[path]["timeline"]
        mode = "jspi" if jspi else "no-jspi"
        request.config.stash.setdefault(SECOND_RUNS, []).append(f"three_naps.py (timeline, {mode})")
        check_three_naps(again, same_python=False)
    check_failures(recordings["failures.py"])


TIMELINE_SNIPPETS = [s for s in all_snippets() if s.timeline]
FAILING = next(s for s in all_snippets() if s.rel == "tutorial/async-await/not_awaitable.py")


def differs(snippet, result, recording) -> bool:
    """True when a run under the recorder differs from the record or the stored timeline
    in anything the tests below check: it gets one run more, on its own (the rule is in
    `asyncdocs.compare`)."""
    if runner.needs_second_run(result):
        return True
    if recording is None or not snippet.timeline or not snippet.timeline_path.exists():
        return False
    stored = timelines.load(snippet)
    return (
        timelines.shape(recording) != timelines.shape(stored)
        or mismatch(timelines.printed(stored), timelines.printed(recording)) is not None
        or duration_mismatch(stored["duration"], recording["duration"]) is not None
    )


@pytest.fixture(scope="module")
def fresh(request):
    """The samples whose timelines pages show, and a failing one, recorded now, at once:
    rel -> (result, recording). One that differs is recorded once more on its own, as
    `conftest.second_runs` does for the snippets' runs (a few at most)."""
    chosen = [*TIMELINE_SNIPPETS, FAILING]

    async def runs():
        return await asyncio.gather(*(timelines.record(s) for s in chosen))

    pairs = {s.rel: pair for s, pair in zip(chosen, run_async(runs()), strict=True)}
    again = request.config.stash.setdefault(SECOND_RUNS, [])
    differing = [s for s in chosen if differs(s, *pairs[s.rel])]
    if len(differing) <= compare.MOST_SECOND_RUNS:
        for snippet in differing:
            pairs[snippet.rel] = run_async(timelines.record(snippet))
            again.append(f"{snippet.rel} (timeline)")
    request.config.stash.setdefault(LATE_FOR_THE_CPU, []).extend(
        f"{rel} (timeline: waited {result.waits.total():.2f} s)"
        for rel, (result, _) in pairs.items()
        if runner.matched_by_its_wait(result)
    )
    return pairs


def test_the_recorder_changes_nothing_a_program_prints(fresh):
    """Under the recorder, a program prints what it prints without it: checked on the
    samples whose timelines pages show, and on a failing one (its traceback)."""
    for snippet in [*TIMELINE_SNIPPETS, FAILING]:
        result, recording = fresh[snippet.rel]
        assert runner.exit_problem(snippet, result.returncode, result.output) is None
        assert mismatch(snippet.recorded_output(), result.output, waits=result.waits) is None, (
            snippet.rel
        )
        assert recording is not None


@pytest.mark.parametrize("snippet", TIMELINE_SNIPPETS, ids=lambda s: s.rel)
def test_static_timeline_is_current(snippet, fresh):
    """The page's timeline was recorded from the snippet as it is now, and recording it
    again gives the same tasks, outcomes and printed lines, in about the same time."""
    assert snippet.timeline_path.exists(), f"run `python -m asyncdocs record {snippet.rel}`"
    stored = timelines.load(snippet)
    assert stored["source_sha256"] == timelines.source_hash(snippet), (
        f"{snippet.timeline_path.name} was recorded from an older {snippet.path.name}: "
        f"run `python -m asyncdocs record {snippet.rel}`"
    )
    result, recording = fresh[snippet.rel]
    assert recording is not None, result.output
    assert timelines.shape(recording) == timelines.shape(stored)
    assert mismatch(timelines.printed(stored), timelines.printed(recording)) is None
    wrong = duration_mismatch(stored["duration"], recording["duration"])
    assert wrong is None, f"the whole run: {wrong}"


def test_pages_show_the_static_timelines():
    """Every snippet with a recorded timeline is shown as one, in both languages."""
    for lang in ("en", "zh"):
        shown = set()
        for page in (ROOT / "docs" / lang).rglob("*.md"):
            for line in page.read_text("utf-8").splitlines():  # not the ones in `code`
                if m := timelines.MARKER.fullmatch(line.strip()):
                    shown.add(m["rel"])
        assert shown == {s.rel for s in TIMELINE_SNIPPETS}, lang


def test_text_timeline(programs):
    recording = cpython_recording(programs / "three_naps.py")
    lines = asynctimeline.text(recording, width=30).splitlines()
    assert lines[0].startswith("Task timeline: three_naps.py — 4 tasks, 0.3")
    lanes = {line.split()[0]: line for line in lines[2:6]}
    assert list(lanes) == ["Task-1", "nap-0.3", "nap-0.1", "nap-0.2"]
    bar = lanes["nap-0.1"].split(None, 1)[1]
    assert bar.startswith("█·") and "returned 0.1" in bar
    assert bar.index("█", 1) < lanes["nap-0.2"].split(None, 1)[1].index("█", 1), "0.1 s ends first"
    assert "slept 0.3" in lines[-2] and "nap-0.3" in lines[-2]
    zh = asynctimeline.text(recording, lang="zh")
    assert "任务时间线" in zh and "返回 0.1" in zh


def test_command_prints_the_program_output_then_the_timeline(programs):
    proc = subprocess.run(
        [sys.executable, "-m", "asynctimeline", "three_naps.py"],
        cwd=programs,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert proc.returncode == 0
    assert proc.stdout == "slept 0.1\nslept 0.2\nslept 0.3\nall done\n"
    assert "Task timeline: three_naps.py" in proc.stderr and "█" in proc.stderr


def test_command_exits_like_the_program(tmp_path):
    (tmp_path / "boom.py").write_text("raise SystemExit(3)\n")
    proc = subprocess.run(
        [sys.executable, "-m", "asynctimeline", "--quiet", "boom.py"],
        cwd=tmp_path,
        capture_output=True,
        timeout=30,
    )
    assert proc.returncode == 3


@pytest.mark.parametrize(
    ("lang", "words"), [("en", ["running", "waiting"]), ("zh", ["运行", "等待"])]
)
def test_svg_has_a_lane_per_task_and_labels(programs, lang, words):
    recording = cpython_recording(programs / "three_naps.py")
    picture = asynctimeline.svg(recording, lang)
    assert picture.startswith("<svg") and picture.endswith("</svg>")
    assert picture.count('class="atl-lane"') == 4
    assert picture.count('class="atl-run"') == 8
    assert picture.count('class="atl-printed"') == 4
    for word in words:
        assert f">{word}</text>" in picture
    assert "sleep(0.3)" in picture, "a wait says what it waits for"


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("width", [300, 340, 390, 720])
def test_svg_drawn_for_a_width_fits_it(programs, lang, width):
    """Drawn for a phone's box, the whole picture fits: lanes, the time axis to the
    program's end, the key (wrapped); nothing drawn beyond the width."""
    recording = cpython_recording(programs / "three_naps.py")
    picture = asynctimeline.svg(recording, lang, width=width)
    root = ET.fromstring(picture)
    assert root.get("viewBox").split()[2] == str(width)
    ticks = [t for t in root if t.tag.endswith("text") and re.match(r"[\d.]+ ", t.text or "")]
    assert len(ticks) >= 2
    assert float(ticks[-1].text.split()[0]) >= recording["duration"] / 2
    xs = [float(e.get("x")) for e in root.iter() if e.get("x") is not None]
    widths = [float(e.get("width")) for e in root.iter() if e.get("width") and e is not root]
    assert max(xs) < width and max(widths) < width
    assert picture.count('class="atl-lane"') == 4


def test_the_harness_draws_timelines_without_a_width(tmp_path):
    """engine.timelineSvg(timeline, lang): no width given is the site's usual size."""
    program = tmp_path / "nap.py"
    program.write_text("import asyncio\n\nasyncio.run(asyncio.sleep(0.01))\n", encoding="utf-8")
    done = subprocess.run(
        ["node", str(pyodide.HARNESS), "--svg", "zh", str(program)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    line = json.loads(done.stdout)
    assert line["status"] == "ok" and line["svg"].startswith("<svg"), done.stderr[-2000:]


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            [
                "fail: from ",
                "raised ValueError: no",
                "forever: from ",
                "cancelled",
                "waited for an event",
                "Task-1 printed one line.",
            ],
        ),
        (
            "zh",
            ["fail：从 ", "抛出 ValueError: no", "已取消", "等待事件", "Task-1 打印了 1 行。"],
        ),
    ],
)
def test_svg_outcomes_differ_in_shape_and_are_described(programs, lang, said):
    """How a task ended shows by shape, not colour alone, with a key; a screen reader
    gets the timeline in sentences of the page's language (the picture's <desc>)."""
    recording = cpython_recording(programs / "failures.py")
    picture = asynctimeline.svg(recording, lang)
    root = ET.fromstring(picture)
    ns = "{http://www.w3.org/2000/svg}"
    description = root.find(f"{ns}desc").text
    for words in said:
        assert words in description, description
    shapes = {}
    for group in root.iter(f"{ns}g"):
        kind = re.search(r"atl-end-(\w+)", group.get("class", ""))
        if kind:
            mark = next(child for child in group if child.tag != f"{ns}title")
            shapes.setdefault(kind[1], set()).add(mark.tag.removeprefix(ns))
    assert shapes == {"result": {"circle"}, "exception": {"path"}, "cancelled": {"rect"}}
    labels = asynctimeline.LABELS[lang]["ends"]
    for outcome in shapes:
        assert f">{labels[outcome]}</text>" in picture, "the key names each outcome shown"


OWN_LOOP = """
    print("stepped by hand")
    __timeline__ = {
        "format": FORMAT,
        "duration": 0.5,
        "tasks": [{"id": 1, "name": "toy", "parent": None, "created": 0.0,
                   "slices": [[0.0, 0.1]], "waits": [], "ended": 0.1,
                   "outcome": "result", "detail": "None"}],
        "prints": [[0.05, 1, "stdout", "stepped by hand"]],
    }
"""


@pytest.mark.parametrize(("version", "used"), [(asynctimeline.FORMAT, True), (0, False)])
def test_a_program_with_its_own_loop_gives_its_own_recording(tmp_path, version, used):
    """A program that runs a loop of its own (no asyncio task) may leave its recording in
    `__timeline__`; it is used if its format is the recorder's, and ignored otherwise."""
    program = tmp_path / "own_loop.py"
    program.write_text(textwrap.dedent(OWN_LOOP).replace("FORMAT", str(version)))
    target = tmp_path / "timeline.json"
    proc = subprocess.run(
        [sys.executable, "-m", "asynctimeline", "--quiet", "--json", str(target), program.name],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert (proc.returncode, proc.stdout) == (0, "stepped by hand\n")
    recording = json.loads(target.read_text(encoding="utf-8"))
    assert recording["program"] == "own_loop.py" and "source_sha256" in recording
    if used:
        assert [t["name"] for t in recording["tasks"]] == ["toy"]
        assert recording["prints"] == [[0.05, 1, "stdout", "stepped by hand"]]
        assert recording["duration"] == 0.5
    else:
        assert recording["tasks"] == []
        assert [p[1:] for p in recording["prints"]] == [[None, "stdout", "stepped by hand"]]


@pytest.mark.parametrize("jspi", [True, False], ids=["jspi", "no-jspi"])
def test_a_program_with_its_own_loop_under_pyodide(pyodide_recordings, jspi):
    """The browser's runner, too, shows the recording a program leaves in `__timeline__`."""
    recording = pyodide_recordings[jspi]["own_loop.py"]
    assert [t["name"] for t in recording["tasks"]] == ["toy"]
    assert recording["prints"] == [[0.05, 1, "stdout", "stepped by hand"]]
    assert recording["duration"] == 0.5
