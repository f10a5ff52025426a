"""See when each asyncio task ran: record a program's tasks and draw their timeline.

Run a program under it and get the timeline as text:

    python -m asynctimeline program.py [ARGS...]

The program runs as usual and prints what it always prints; when it ends, the timeline
follows on standard error: one lane per task, its running slices (`█`), its waits
(`·`), and every line printed, with the time and the task that printed it. Options:
`--json FILE` writes the recording as JSON, `--svg FILE` draws it as an SVG picture.

How it records, with hooks the event loop offers:

* a **task factory** (`loop.set_task_factory`) sees every task being created: its name,
  the task that created it, and the moment. It gives each task its own `contextvars`
  context, which is how the loop runs that task's steps. A factory the program sets
  itself keeps working: it is called from ours.
* a step of a task is one callback of the loop (an `asyncio.Handle`) run in that task's
  context. Timing each such callback gives the task's **running slices**. After each
  slice the task says what it waits for (`Task._fut_waiter`, and the chain of
  coroutines it is suspended in): a `sleep`, another task, a queue, a lock…
* when a slice ends with the task done, its **outcome** is read (result, exception,
  cancelled) without marking an exception as retrieved;
* standard output and standard error are tapped: every line is recorded with its time
  and the task that printed it.

Nothing else of the program changes: it prints exactly what it prints without the
recorder, which the project's tests check for every sample. The cost is a few
microseconds per task step.

This file has no dependencies beyond the standard library and runs on Python 3.11+
and in the browser (Pyodide): download it next to a program and run the command above.
"""

from __future__ import annotations

import asyncio
import contextvars
import dataclasses
import functools
import inspect
import json
import math
import os
import sys
import time
import weakref
from collections.abc import Callable
from pathlib import Path

# argparse, hashlib and runpy are imported where the command line needs them: the
# in-page runner imports this module at every cold start, from source.

__all__ = ["Recorder", "dumps", "record_program", "svg", "text"]

FORMAT = 1
"""Version of the JSON recording's layout."""
MAX_TASKS = 5_000
"""Tasks recorded at most; later ones run unrecorded (`tasks_dropped` counts them)."""
MAX_PRINTS = 1_000
"""Printed lines recorded at most (`prints_dropped` counts the rest)."""

_WAITS = {
    "sleep": "sleep",
    "Queue.get": "queue",
    "Queue.put": "queue",
    "Queue.join": "queue",
    "Lock.acquire": "lock",
    "Event.wait": "event",
    "Condition.wait": "condition",
    "Condition.wait_for": "condition",
    "Semaphore.acquire": "semaphore",
    "Barrier.wait": "barrier",
    "TaskGroup.__aexit__": "taskgroup",
    "TaskGroup._aexit": "taskgroup",  # 3.14
    "wait": "wait",
    "wait_for": "wait",
    "as_completed": "wait",
    "to_thread": "thread",
    "StreamReader._wait_for_data": "stream",
    "StreamWriter.drain": "stream",
    "open_connection": "stream",
}
"""Innermost asyncio function a task is suspended in -> the kind of wait it is."""


@dataclasses.dataclass(slots=True)
class Track:
    """What was recorded of one task."""

    id: int
    name: str
    parent: int | None
    created: float
    slices: list[list[float]] = dataclasses.field(default_factory=list)
    waits: list[list] = dataclasses.field(default_factory=list)
    """[start, end, kind, detail]: from the end of a slice to the start of the next."""
    ended: float | None = None
    outcome: str = "pending"
    """"result", "exception", "cancelled", or "pending" if it never finished."""
    detail: str = ""


_TRACK_FIELDS = dataclasses.fields(Track)


class _Tap:
    """A stream that records each complete line written to it, then passes it on."""

    def __init__(self, stream, name: str, recorder: Recorder):
        self._stream = stream
        self._name = name
        self._recorder = recorder
        self._partial = ""

    def write(self, text):
        written = self._stream.write(text)
        if isinstance(text, str) and text:
            lines = (self._partial + text).split("\n")
            self._partial = lines.pop()
            for line in lines:
                self._recorder._printed(self._name, line)
        return written

    def flush_partial(self):
        if self._partial:
            self._recorder._printed(self._name, self._partial)
            self._partial = ""

    def __getattr__(self, name):
        return getattr(self._stream, name)


class Recorder:
    """Records the tasks of the loops it is attached to, and what the program prints.

    `ignore(coro)` tells which tasks are not the program's own (a runner's); `task_class`
    makes tasks where the program sets no factory (Pyodide's loop has its own)."""

    def __init__(
        self,
        *,
        ignore: Callable[[object], bool] = lambda coro: False,
        task_class: type = asyncio.Task,
        clock: Callable[[], float] = time.perf_counter,
    ):
        self._ignore = ignore
        self._task_class = task_class
        self._clock = clock
        self._start = clock()
        self._end: float | None = None
        self.tracks: list[Track] = []
        self.prints: list[list] = []
        self.dropped = {"tasks": 0, "prints": 0}
        self._by_context: dict[int, tuple[contextvars.Context, Track, weakref.ref]] = {}
        self._by_task: dict[int, tuple[weakref.ref, Track]] = {}
        self._kinds: dict[object, str | None] = {}  # code object -> kind of wait, or None
        self._running: Track | None = None
        self._loops: dict[int, tuple[asyncio.AbstractEventLoop, object]] = {}
        self._taps: list[tuple[str, object, _Tap]] = []
        self._original_run = None

    # -- the clock ---------------------------------------------------------------

    def now(self) -> float:
        """Seconds since the recorder started."""
        return self._clock() - self._start

    # -- switching on and off ----------------------------------------------------

    def start(self) -> None:
        """Time loop callbacks and tap stdout/stderr (attach loops with `attach`)."""
        original = self._original_run = asyncio.events.Handle._run
        recorder = self

        clock, start = self._clock, self._start

        def _run(handle):
            entry = recorder._by_context.get(id(handle._context))
            if entry is None or entry[0] is not handle._context:
                return original(handle)
            _, track, task = entry
            began = clock() - start
            outer, recorder._running = recorder._running, track
            try:
                return original(handle)
            finally:
                recorder._running = outer
                recorder._stepped(track, task(), began, clock() - start)

        asyncio.events.Handle._run = _run
        for name in ("stdout", "stderr"):
            stream = getattr(sys, name)
            tap = _Tap(stream, name, self)
            self._taps.append((name, stream, tap))
            setattr(sys, name, tap)

    def attach(self, loop: asyncio.AbstractEventLoop) -> None:
        """Record the tasks this loop creates from now on."""
        if id(loop) in self._loops:
            return
        self._loops[id(loop)] = (loop, loop.get_task_factory())
        recorder = self

        def factory(loop, coro, **kwargs):
            return recorder._create(loop, coro, kwargs)

        type(loop).set_task_factory(loop, factory)
        # The program may set a factory of its own: ours calls it.
        loop.set_task_factory = lambda f: recorder._set_user_factory(loop, f)
        loop.get_task_factory = lambda: recorder._loops[id(loop)][1]

    def stop(self) -> dict:
        """Undo `start` and `attach`; return the recording (see `as_dict`)."""
        self._end = self.now()
        for name, stream, tap in reversed(self._taps):
            tap.flush_partial()
            if getattr(sys, name) is tap:
                setattr(sys, name, stream)
        self._taps.clear()
        if self._original_run is not None:
            asyncio.events.Handle._run = self._original_run
            self._original_run = None
        for loop, user in self._loops.values():
            for attribute in ("set_task_factory", "get_task_factory"):
                loop.__dict__.pop(attribute, None)
            if not loop.is_closed():
                loop.set_task_factory(user)
        self._loops.clear()
        for _, track, task in self._by_context.values():
            if task() is not None:
                track.name = task().get_name()
                if track.ended is None and task().done():  # steps not seen: its end is
                    track.outcome, track.detail = _outcome(task())  # known, not when
        return self.as_dict()

    def _set_user_factory(self, loop, factory) -> None:
        self._loops[id(loop)] = (loop, factory)

    # -- what the hooks see ------------------------------------------------------

    def _create(self, loop, coro, kwargs):
        user = self._loops.get(id(loop), (None, None))[1]
        if len(self.tracks) >= MAX_TASKS and not self._ignore(coro):
            self.dropped["tasks"] += 1
            return self._create_plain(loop, coro, user, kwargs)
        if self._ignore(coro):
            return self._create_plain(loop, coro, user, kwargs)
        context = kwargs.pop("context", None)
        if context is None:
            context = contextvars.copy_context()
        began = self.now()
        if user is None:
            task = self._task_class(coro, loop=loop, context=context, **kwargs)
        else:
            given = _accepted(user, {**kwargs, "context": context})
            task = user(loop, coro, **given)
            if kwargs.get("name") is not None and "name" not in given:
                task.set_name(kwargs["name"])  # as the loop names a factory's task
            if "context" not in given:  # a 3.11-style factory(loop, coro): the task
                context = getattr(task, "_context", context)  # may not show its context
        parent = self._running
        track = Track(
            id=len(self.tracks) + 1,
            name=task.get_name(),
            parent=parent.id if parent else None,
            created=round(began, 6),
        )
        self.tracks.append(track)
        self._by_context[id(context)] = (context, track, weakref.ref(task))
        self._by_task[id(task)] = (weakref.ref(task), track)
        if getattr(coro, "cr_suspended", False) or getattr(coro, "cr_frame", True) is None:
            self._stepped(track, task, began, self.now())  # an eager task's first step
        return task

    def _create_plain(self, loop, coro, user, kwargs):
        """A task the recorder leaves alone."""
        if user is not None:
            return user(loop, coro, **_accepted(user, kwargs))
        return self._task_class(coro, loop=loop, **kwargs)

    def _stepped(self, track: Track, task, began: float, ended: float) -> None:
        track.slices.append([round(began, 6), round(ended, 6)])
        if task is None:
            return
        if len(track.slices) == 1 or task.done():  # named after the factory returned
            track.name = task.get_name()
        if task.done():
            track.ended = round(ended, 6)
            track.outcome, track.detail = _outcome(task)
        else:
            track.waits.append([round(ended, 6), None, *self._waiting_on(task)])

    def _waiting_on(self, task) -> tuple[str, str]:
        """What a suspended task waits for: (kind, detail)."""
        future = getattr(task, "_fut_waiter", None)
        if future is None:
            return "ready", ""
        other = self._by_task.get(id(future))
        if other is not None and other[0]() is future:
            return "task", str(other[1].id)
        if type(future).__name__ == "_GatheringFuture":
            return "gather", ""
        kind = inner = None
        coro = task.get_coro()
        kinds = self._kinds
        while coro is not None:  # down the chain of awaits, to the innermost asyncio call
            code = getattr(coro, "cr_code", None) or getattr(coro, "gi_code", None)
            if code not in kinds:
                in_asyncio = f"{os.sep}asyncio{os.sep}" in getattr(code, "co_filename", "")
                kinds[code] = _WAITS.get(code.co_qualname, code.co_qualname) if in_asyncio else None
            if kinds[code] is not None:
                kind, inner = kinds[code], coro
            coro = getattr(coro, "cr_await", None) or getattr(coro, "gi_yieldfrom", None)
        if kind is None:
            return "future", ""
        if kind == "sleep":
            delay = inner.cr_frame.f_locals.get("delay") if inner.cr_frame else None
            return kind, f"{delay:.3g}" if isinstance(delay, int | float) else ""
        return kind, ""

    def _printed(self, stream: str, line: str) -> None:
        if len(self.prints) >= MAX_PRINTS:
            self.dropped["prints"] += 1
            return
        task = self._running
        self.prints.append([round(self.now(), 6), task.id if task else None, stream, line])

    # -- the recording -----------------------------------------------------------

    def as_dict(self) -> dict:
        """The recording: plain data, ready for `json.dumps`, `text` and `svg`."""
        end = self._end if self._end is not None else self.now()
        tasks = []
        for track in self.tracks:
            waits = []
            starts = [s[0] for s in track.slices[1:]] + [track.ended or round(end, 6)]
            for wait, until in zip(track.waits, starts, strict=False):
                waits.append([wait[0], until, wait[2], wait[3]])
            data = {f.name: getattr(track, f.name) for f in _TRACK_FIELDS}
            data["waits"] = waits
            tasks.append(data)
        return {
            "format": FORMAT,
            "python": ".".join(map(str, sys.version_info[:2])),
            "duration": round(end, 6),
            "tasks_dropped": self.dropped["tasks"],
            "prints_dropped": self.dropped["prints"],
            "tasks": tasks,
            "prints": self.prints,
        }


def _accepted(factory, kwargs: dict) -> dict:
    """The keyword arguments a task factory takes (3.11-style ones take none)."""
    names = _keywords(factory)
    return kwargs if names is None else {k: v for k, v in kwargs.items() if k in names}


@functools.lru_cache(maxsize=16)
def _keywords(factory) -> frozenset[str] | None:
    """The names a callable takes, or None if it takes any keyword (or cannot tell)."""
    try:
        parameters = inspect.signature(factory).parameters.values()
    except (TypeError, ValueError):
        return None
    if any(p.kind is p.VAR_KEYWORD for p in parameters):
        return None
    return frozenset(p.name for p in parameters)


def _outcome(task) -> tuple[str, str]:
    """Result, exception or cancelled, read without marking an exception as retrieved."""
    if task.cancelled():
        return "cancelled", ""
    error = getattr(task, "_exception", None)
    if error is not None:
        return "exception", _short(f"{type(error).__name__}: {error}".rstrip(": "))
    return "result", _short(repr(getattr(task, "_result", None)))


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# -- running a program under the recorder ----------------------------------------


_SHUTDOWN = {"BaseEventLoop.shutdown_asyncgens", "BaseEventLoop.shutdown_default_executor"}


def _is_shutdown(coro) -> bool:
    """asyncio.run's own clean-up tasks, which are not the program's."""
    code = getattr(coro, "cr_code", None)
    return code is not None and code.co_qualname in _SHUTDOWN


def dumps(recording: dict) -> str:
    """The recording as JSON, a line per task and per printed line (readable diffs)."""
    head = {k: v for k, v in recording.items() if k not in ("tasks", "prints")}
    lines = ["{"]
    lines += [f" {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}," for k, v in head.items()]
    for key in ("tasks", "prints"):
        items = [json.dumps(item, ensure_ascii=False) for item in recording[key]]
        body = ",\n  ".join(items)
        lines.append(f' "{key}": [\n  {body}\n ]' if items else f' "{key}": []')
        lines[-1] += "," if key == "tasks" else ""
    lines.append("}")
    return "\n".join(lines) + "\n"


def adopt_own(recording: dict, namespace: dict) -> None:
    """Use the program's own recording if it left one, in this recorder's format, in a
    global named `__timeline__` (a program that runs a toy event loop of its own, which no
    task factory sees): its keys replace the recorder's. Used under CPython
    (`record_program`) and by the browser's runner (shim.py)."""
    own = namespace.get("__timeline__")
    if isinstance(own, dict) and own.get("format") == FORMAT:
        recording.update(own)


def record_program(path: str, argv: list[str]) -> tuple[dict, BaseException | None]:
    """Run a program as `__main__` with the recorder on every loop it creates.

    Returns the recording and the exception that ended the program (None if none).
    A program that runs its own toy event loop, which no task factory sees, may leave
    its own recording (`format`, `duration`, `tasks`, `prints`) in a global named
    `__timeline__`: it is then used instead."""
    recorder = Recorder(ignore=_is_shutdown)
    events = asyncio.events
    policy_class = getattr(events, "BaseDefaultEventLoopPolicy", None)  # renamed in 3.14:
    policy_class = policy_class or events._BaseDefaultEventLoopPolicy
    original_new_loop = policy_class.new_event_loop

    def new_event_loop(policy):
        loop = original_new_loop(policy)
        recorder.attach(loop)
        return loop

    import hashlib
    import runpy

    policy_class.new_event_loop = new_event_loop
    sys.argv = [path, *argv]
    sys.path.insert(0, str(Path(path).resolve().parent))
    error = None
    namespace: dict = {}
    recorder.start()
    try:
        namespace = runpy.run_path(path, run_name="__main__")
    except BaseException as exc:  # the program's own end, reported by our caller
        error = exc
    finally:
        policy_class.new_event_loop = original_new_loop
        recording = recorder.stop()
    adopt_own(recording, namespace)
    recording["program"] = Path(path).name
    recording["source_sha256"] = hashlib.sha256(Path(path).read_bytes()).hexdigest()
    return recording, error


_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"})


def _escape(text: str) -> str:
    """html.escape without importing html (its entity table costs a cold start)."""
    return text.translate(_ESCAPES)


# -- drawing: labels in the reader's language ------------------------------------

LABELS = {
    "en": {
        "title": "Task timeline",
        "summary": "{tasks} tasks, {seconds} in all",
        "seconds": "{value} s",
        "program": "(program)",
        "running": "running",
        "waiting": "waiting",
        "printed": "printed a line",
        "created": "created by {parent}",
        "created_top": "created by the program",
        "outcome": {
            "result": "returned {detail}",
            "exception": "raised {detail}",
            "cancelled": "cancelled",
            "pending": "still pending at the end",
        },
        "waits": {
            "sleep": "sleep({detail})",
            "task": "{detail}",
            "gather": "gather(…)",
            "ready": "its turn to run again",
            "queue": "a queue",
            "lock": "a lock",
            "event": "an event",
            "condition": "a condition",
            "semaphore": "a semaphore",
            "barrier": "a barrier",
            "taskgroup": "its task group",
            "wait": "wait(…)",
            "thread": "a thread",
            "stream": "the network",
            "future": "a future",
        },
        "run_slice": "{name} runs {start}–{end}",
        "wait_slice": "{name} waits for {what}, {start}–{end}",
        "print_at": "{time} {name}: {line}",
        "more": "… and {n} more tasks, not drawn",
        "ends": {
            "result": "returned",
            "exception": "raised",
            "cancelled": "cancelled",
            "pending": "pending",
        },
        "describe": "{name}: from {start} to {end}, ran {runs} ({busy} in all){waits}; {outcome}.",
        "describe_waits": ", waited for {what}",
        "busy_tiny": "less than 1 ms",
        "describe_prints": "{name} printed {n} lines.",
        "describe_print": "{name} printed one line.",
        "times": ("once", "{n} times"),
        "list_sep": ", ",
        "sentence_sep": " ",
    },
    "zh": {
        "title": "任务时间线",
        "summary": "共 {tasks} 个任务，总计 {seconds}",
        "seconds": "{value} 秒",
        "program": "（主程序）",
        "running": "运行",
        "waiting": "等待",
        "printed": "打印一行",
        "created": "由 {parent} 创建",
        "created_top": "由主程序创建",
        "outcome": {
            "result": "返回 {detail}",
            "exception": "抛出 {detail}",
            "cancelled": "已取消",
            "pending": "结束时仍未完成",
        },
        "waits": {
            "sleep": "sleep({detail})",
            "task": "{detail}",
            "gather": "gather(…)",
            "ready": "再次被调度",
            "queue": "队列",
            "lock": "锁",
            "event": "事件",
            "condition": "条件变量",
            "semaphore": "信号量",
            "barrier": "屏障",
            "taskgroup": "任务组",
            "wait": "wait(…)",
            "thread": "线程",
            "stream": "网络",
            "future": "Future",
        },
        "run_slice": "{name} 运行 {start}–{end}",
        "wait_slice": "{name} 等待{what}，{start}–{end}",
        "print_at": "{time} {name}：{line}",
        "more": "……另有 {n} 个任务未画出",
        "ends": {
            "result": "返回",
            "exception": "抛出异常",
            "cancelled": "已取消",
            "pending": "未完成",
        },
        "describe": "{name}：从 {start}到 {end}，运行 {runs}（共{busy}）{waits}；{outcome}。",
        "describe_waits": "，等待{what}",
        "busy_tiny": "不到 1 毫秒",
        "describe_prints": "{name} 打印了 {n} 行。",
        "describe_print": "{name} 打印了 1 行。",
        "times": ("1 次", "{n} 次"),
        "list_sep": "、",
        "sentence_sep": "",
    },
}
"""Every word a picture or text timeline shows, per language."""


def _labels(lang: str) -> dict:
    return LABELS.get(lang, LABELS["en"])


def _seconds(value: float, lang: str, digits: int = 2) -> str:
    return _labels(lang)["seconds"].format(value=f"{value:.{digits}f}")


def _names(recording: dict, lang: str) -> dict[int | None, str]:
    names = {t["id"]: t["name"] for t in recording["tasks"]}
    names[None] = _labels(lang)["program"]
    return names


def _wait_text(wait: list, names: dict, lang: str) -> str:
    """What a wait is for, as the object of "waits for" / "等待"."""
    kind, detail = wait[2], wait[3]
    if kind == "task":
        detail = names.get(int(detail), detail)
    template = _labels(lang)["waits"].get(kind, kind)
    return template.format(detail=detail)


def _after_han(text: str, lang: str) -> str:
    """`text` to follow a Chinese character: a space before Latin letters or digits
    ("等待 sleep(0.5)", "共 0.002 秒"), none before Chinese ("等待事件")."""
    return f" {text}" if lang == "zh" and text[:1].isascii() and text[:1].isalnum() else text


def _lanes(recording: dict) -> list[int | None]:
    """Lane order: the program's own lane (if it printed), then tasks as created."""
    lanes: list[int | None] = [t["id"] for t in recording["tasks"]]
    if any(p[1] is None for p in recording["prints"]):
        lanes.insert(0, None)
    return lanes


# -- drawing: text ---------------------------------------------------------------


def text(recording: dict, width: int = 60, lang: str = "en") -> str:
    """The timeline as lines of text: a lane per task, then the printed lines."""
    labels = _labels(lang)
    names = _names(recording, lang)
    duration = max(recording["duration"], 1e-9)
    tasks = {t["id"]: t for t in recording["tasks"]}
    lanes = _lanes(recording)
    column = duration / width

    def cell(t: float) -> int:
        return min(width - 1, int(t / column))

    name_width = max(len(names[lane]) for lane in lanes) if lanes else 8
    out = [
        f"{labels['title']}: {recording.get('program', '')} — "
        + labels["summary"].format(
            tasks=len(recording["tasks"]), seconds=_seconds(recording["duration"], lang)
        ),
        f"{'':{name_width}}  0{'':{width - 2}}{_seconds(recording['duration'], lang)}",
    ]
    for lane in lanes:
        row = [" "] * width
        if lane is None:
            outcome = ""
        else:
            task = tasks[lane]
            for start, end, *_ in task["waits"]:
                for i in range(cell(start), cell(end) + 1):
                    row[i] = "·"
            for start, end in task["slices"]:
                for i in range(cell(start), cell(end) + 1):
                    row[i] = "█"
            outcome = labels["outcome"][task["outcome"]].format(detail=task["detail"])
        for when, who, _, _line in recording["prints"]:
            if who == lane and row[cell(when)] == " ":
                row[cell(when)] = "|"
        out.append(f"{names[lane]:{name_width}}  {''.join(row)}  {outcome}".rstrip())
    out.append(f"█ {labels['running']}   · {labels['waiting']}")
    out.append("")
    for when, who, _, line in recording["prints"]:
        out.append(f"{when:7.3f}  {names[who]:{name_width}}  {line}")
    return "\n".join(out) + "\n"


# -- drawing: SVG ----------------------------------------------------------------

_STYLE = """
.atl text{font:12px var(--md-text-font-family,system-ui,sans-serif);
fill:var(--md-default-fg-color,#222)}
.atl .atl-muted{fill:var(--md-default-fg-color--light,#666)}
.atl .atl-grid{stroke:var(--md-default-fg-color--lightest,#ddd);stroke-width:1}
.atl .atl-life{stroke:var(--md-default-fg-color--lighter,#bbb);stroke-width:1}
.atl .atl-wait{fill:none;stroke:var(--md-default-fg-color--light,#666);stroke-width:1;
stroke-dasharray:3 2}
.atl .atl-run{fill:var(--md-typeset-a-color,#4051b5)}
.atl .atl-print{fill:var(--md-accent-fg-color,#ffd740);stroke:var(--md-default-fg-color,#222);
stroke-width:1}
.atl .atl-end-result{fill:var(--atl-result,#2e7d32)}
.atl .atl-end-exception{fill:none;stroke:var(--atl-exception,#c62828);stroke-width:2.5}
.atl .atl-end-cancelled{fill:var(--atl-cancelled,#b74e00)}
.atl .atl-end-pending{fill:none;stroke:var(--atl-cancelled,#b74e00);stroke-width:2}
.atl .atl-hit{fill:transparent}
""".strip()


def _text_width(text: str) -> int:
    """About how wide a label is at 12 px: wide (CJK) characters count double."""
    return sum(13 if ord(c) > 0x2E80 else 7 for c in text)


def _ticks(duration: float, steps: int = 6) -> list[float]:
    """Round tick values from 0 to at least `duration`, about `steps` steps (at most
    `steps` + 2)."""
    if duration <= 0:
        return [0.0]
    raw = duration / steps
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    count = math.ceil(duration / step - 1e-9)
    return [round(i * step, 10) for i in range(count + 1)]


MAX_LANES = 40
"""Lanes a picture draws at most; it says how many more tasks there were."""


def _merged(spans: list[list], x: Callable[[float], float]) -> list[list]:
    """Spans that would touch on the picture (under a pixel apart) drawn as one: a
    program of thousands of steps stays a light picture. A merged span keeps the
    details of its first part."""
    merged: list[list] = []
    for span in spans:
        if merged and x(span[0]) - x(merged[-1][1]) < 1.0:
            merged[-1] = [merged[-1][0], span[1], *merged[-1][2:]]
        else:
            merged.append(list(span))
    return merged


def _end_mark(outcome: str, cx: float, cy: float, key: bool = False) -> str:
    """An opened `<g>` with the mark of how a task ended: a disc (returned), a cross
    (raised), a square (cancelled) or a ring (still pending), so that the outcome shows
    without its colour too."""
    group = f'<g class="atl-end atl-end-{outcome}{" atl-key" if key else ""}">'
    if outcome == "exception":
        return group + f'<path d="M{cx - 4} {cy - 4}l8 8m0-8l-8 8"/>'
    if outcome == "cancelled":
        return group + f'<rect x="{cx - 4}" y="{cy - 4}" width="8" height="8"/>'
    return group + f'<circle cx="{cx}" cy="{cy}" r="{3.5 if outcome == "pending" else 4}"/>'


def describe(recording: dict, lang: str = "en") -> str:
    """The timeline in sentences, for a screen reader (the SVG's `<desc>`): per task,
    when it lived, how often and how long it ran, what it waited for and how it ended;
    how many lines each lane printed."""
    labels = _labels(lang)
    names = _names(recording, lang)
    sep = labels["list_sep"]
    sentences = []
    for task in recording["tasks"][:MAX_LANES]:
        end = task["ended"] if task["ended"] is not None else recording["duration"]
        busy = sum(stop - start for start, stop, *_ in task["slices"])
        whats = []
        for wait in task["waits"]:
            what = _wait_text(wait, names, lang)
            if what not in whats:
                whats.append(what)
        waits = (
            labels["describe_waits"].format(what=_after_han(sep.join(whats[:6]), lang))
            if whats
            else ""
        )
        spent = _seconds(busy, lang, 3) if busy >= 0.0005 else labels["busy_tiny"]
        sentences.append(
            labels["describe"].format(
                name=task["name"],
                start=_seconds(task["created"], lang, 3),
                end=_seconds(end, lang, 3),
                runs=labels["times"][len(task["slices"]) != 1].format(n=len(task["slices"])),
                busy=_after_han(spent, lang),
                waits=waits,
                outcome=labels["outcome"][task["outcome"]].format(detail=task["detail"]),
            )
        )
    printed: dict[int | None, int] = {}
    for _, who, _, _ in recording["prints"]:
        printed[who] = printed.get(who, 0) + 1
    for who, n in printed.items():
        template = labels["describe_print" if n == 1 else "describe_prints"]
        # no space after a full-width bracket: "（主程序）打印了 1 行。"
        sentences.append(template.format(name=names.get(who, "?"), n=n).replace("） ", "）"))
    hidden = max(0, len(recording["tasks"]) - MAX_LANES) + recording.get("tasks_dropped", 0)
    if hidden:
        sentences.append(labels["more"].format(n=hidden))
    return labels["sentence_sep"].join(sentences)


def svg(recording: dict, lang: str = "en", width: int | None = None) -> str:
    """The timeline as an SVG picture: a lane per task with running slices, waits,
    printed lines and the outcome; hovering shows the details (`<title>`).

    `width` (in px) draws it for a box that wide, as on a phone: narrower lane names,
    a shorter time axis with fewer ticks, the key wrapped over several lines. Without
    it the time axis is 560 px long."""
    labels = _labels(lang)
    names = _names(recording, lang)
    tasks = {t["id"]: t for t in recording["tasks"]}
    lanes = _lanes(recording)
    hidden = max(0, len(lanes) - MAX_LANES) + recording.get("tasks_dropped", 0)
    lanes = lanes[:MAX_LANES]
    span = max(recording["duration"], 1e-3)
    widest = 200 if width is None else max(70, width // 3)
    name_width = min(widest, 16 + max((_text_width(names[lane]) for lane in lanes), default=42))
    right, top, row = 24, 30, 26
    left = name_width
    plot = 560 if width is None else max(120, width - left - right)
    width = left + plot + right
    ticks = [t for t in _ticks(span, min(6, max(2, plot // 55))) if t <= span * 1.0001]
    digits = max(0, min(3, -math.floor(math.log10(ticks[1])))) if len(ticks) > 1 else 1
    keep = 26 if widest >= 200 else max(4, (name_width - 16) // 7)  # characters of a name
    key = _key_layout(recording, lanes, tasks, labels, left, width)
    key_y = top + row * len(lanes) + 22 + (20 if hidden else 0)
    height = key_y + key[-1][2] + 12
    e = _escape

    def x(t: float) -> float:
        return round(left + plot * t / span, 2)

    def fmt(t: float) -> str:
        return _seconds(t, lang, 3)

    summary = labels["summary"].format(
        tasks=len(recording["tasks"]), seconds=_seconds(recording["duration"], lang)
    )
    parts = [
        f'<svg class="atl" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" '
        f'aria-label="{e(labels["title"])}: {e(summary)}">',
        f"<title>{e(labels['title'])}: {e(summary)}</title>",
        f"<desc>{e(describe(recording, lang))}</desc>",
        f"<style>{_STYLE}</style>",
    ]
    for value in ticks:
        parts.append(
            f'<line class="atl-grid" x1="{x(value)}" y1="{top - 8}" x2="{x(value)}" '
            f'y2="{top + row * len(lanes)}"/>'
            f'<text class="atl-muted" x="{x(value)}" y="{top - 12}" text-anchor="middle">'
            f"{e(_seconds(value, lang, digits))}</text>"
        )
    for index, lane in enumerate(lanes):
        y = top + row * index
        mid = y + row / 2
        parts.append(f'<g class="atl-lane" data-task="{"" if lane is None else lane}">')
        label = names[lane]
        shown = label if len(label) <= keep else label[: keep - 1] + "…"
        parts.append(
            f'<text class="atl-name" x="{left - 10}" y="{mid + 4}" text-anchor="end">'
            f"<title>{e(label)}</title>{e(shown)}</text>"
        )
        if lane is not None:
            task = tasks[lane]
            end = task["ended"] if task["ended"] is not None else recording["duration"]
            parent = task["parent"]
            born = (
                labels["created"].format(parent=names.get(parent, "?"))
                if parent
                else labels["created_top"]
            )
            parts.append(
                f'<line class="atl-life" x1="{x(task["created"])}" y1="{mid}" '
                f'x2="{x(end)}" y2="{mid}"><title>{e(label)}: {e(born)}, '
                f"{e(fmt(task['created']))}</title></line>"
            )
            for start, stop, *wait in _merged(task["waits"], x):
                what = _after_han(_wait_text([start, stop, *wait], names, lang), lang)
                tip = labels["wait_slice"].format(
                    name=label, what=what, start=fmt(start), end=fmt(stop)
                )
                parts.append(
                    f'<rect class="atl-wait" x="{x(start)}" y="{mid - 4}" '
                    f'width="{max(0.5, x(stop) - x(start)):.2f}" height="8" rx="2">'
                    f"<title>{e(tip)}</title></rect>"
                )
            for start, stop, *_ in _merged(task["slices"], x):
                tip = labels["run_slice"].format(name=label, start=fmt(start), end=fmt(stop))
                parts.append(
                    f'<rect class="atl-run" x="{x(start)}" y="{mid - 7}" '
                    f'width="{max(2.0, x(stop) - x(start)):.2f}" height="14" rx="2">'
                    f"<title>{e(tip)}</title></rect>"
                )
            outcome = labels["outcome"][task["outcome"]].format(detail=task["detail"])
            parts.append(
                _end_mark(task["outcome"], x(end) + 6, mid)
                + f"<title>{e(label)}: {e(outcome)}, {e(fmt(end))}</title></g>"
            )
        for when, who, _, line in recording["prints"]:
            if who != lane:
                continue
            tip = labels["print_at"].format(time=fmt(when), name=label, line=line)
            px = x(when)
            parts.append(
                f'<g class="atl-printed"><title>{e(tip)}</title>'
                f'<path class="atl-print" d="M{px - 4} {mid - 13}h8l-4 6z"/>'
                f'<rect class="atl-hit" x="{px - 5}" y="{mid - 13}" width="10" height="26"/></g>'
            )
        parts.append("</g>")
    if hidden:
        parts.append(
            f'<text class="atl-muted" x="{left}" y="{key_y - 20}">'
            f"{e(labels['more'].format(n=hidden))}</text>"
        )
    for (kind, word), lx, dy in key:
        legend_y = key_y + dy
        if kind in ("atl-run", "atl-wait"):
            parts.append(
                f'<rect class="{kind} atl-key" x="{lx}" y="{legend_y - 9}" width="14" '
                'height="10" rx="2"/>'
            )
        elif kind == "atl-print":
            parts.append(f'<path class="{kind} atl-key" d="M{lx + 3} {legend_y - 8}h8l-4 6z"/>')
        else:  # how a task ended: outcomes differ in shape as well as colour
            parts.append(_end_mark(kind, lx + 7, legend_y - 4, key=True) + "</g>")
        parts.append(f'<text class="atl-muted" x="{lx + 20}" y="{legend_y}">{e(word)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _key_layout(recording, lanes, tasks, labels, left, width) -> list:
    """The key under the lanes: ((kind, word), x, line offset) for each entry, from the
    lanes' left edge, on as many lines as the width needs (the outcomes in the picture
    only)."""
    entries = [
        ("atl-run", labels["running"]),
        ("atl-wait", labels["waiting"]),
        ("atl-print", labels["printed"]),
    ]
    entries += [
        (outcome, labels["ends"][outcome])
        for outcome in ("result", "exception", "cancelled", "pending")
        if any(tasks[lane]["outcome"] == outcome for lane in lanes if lane is not None)
    ]
    start = left if width >= 480 else 8  # a narrow picture uses its whole width
    layout, lx, dy = [], start, 0
    for entry in entries:
        size = 40 + _text_width(entry[1])
        if lx > start and lx + size - 20 > width:
            lx, dy = start, dy + 18
        layout.append((entry, lx, dy))
        lx += size
    return layout


# -- command line ----------------------------------------------------------------


def main(args: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(
        prog="python -m asynctimeline",
        description="Run an asyncio program and show when each of its tasks ran.",
    )
    parser.add_argument("program", help="the Python file to run")
    parser.add_argument("args", nargs=argparse.REMAINDER, help="its command-line arguments")
    parser.add_argument("--json", metavar="FILE", help="write the recording as JSON")
    parser.add_argument("--svg", metavar="FILE", help="draw the timeline as an SVG file")
    parser.add_argument("--lang", default="en", choices=sorted(LABELS), help="label language")
    parser.add_argument("--width", type=int, default=60, help="columns of the text timeline")
    parser.add_argument("--quiet", action="store_true", help="no text timeline on stderr")
    options = parser.parse_args(args)
    recording, error = record_program(options.program, options.args)
    if options.json:
        Path(options.json).write_text(dumps(recording), encoding="utf-8")
    if options.svg:
        Path(options.svg).write_text(svg(recording, options.lang) + "\n", encoding="utf-8")
    status = 0
    if error is not None:
        if isinstance(error, SystemExit):
            code = error.code
            status = code if isinstance(code, int) else (0 if code is None else 1)
            if code is not None and not isinstance(code, int):
                print(code, file=sys.stderr)
        else:
            import traceback

            traceback.print_exception(error)
            status = 130 if isinstance(error, KeyboardInterrupt) else 1
    if not options.quiet:
        sys.stdout.flush()
        sys.stderr.write("\n" + text(recording, options.width, options.lang))
    return status


if __name__ == "__main__":
    sys.exit(main())
