"""CPython-like semantics for snippets run by the in-page runner under Pyodide.

engine.mjs imports this file once as the module ``_runner_shim``, then runs
each snippet with ``run_blocking(code, filename, argv, cwd, lang)`` where the
JS engine has JSPI, ``run(...)`` where it has not, and cancels a run with
``interrupt()``.  Importing it patches the interpreter for good:

* every run gets a fresh ``__main__`` (``__name__``, ``__file__``, ``sys.argv``)
  and unbuffered stdout/stderr, so output streams as it is written; its folder
  comes first on ``sys.path``, and modules an earlier run imported from there
  are imported afresh;
* ``asyncio.run`` works like CPython's: it runs the coroutine as a task, then
  cancels and awaits what it left behind.  With JSPI (WebAssembly stack
  switching) the engine runs the module body through ``run_blocking`` in a
  stack that can be suspended, so ``asyncio.run`` (and Pyodide's
  ``loop.run_until_complete``) block for real, through ``run_sync``.  Without
  JSPI nothing can block, so ``run`` rewrites the code first (see
  ``_Awaitify``): ``asyncio.run(x)`` and ``loop.run_until_complete(x)`` become
  awaits, the module-level functions calling them (directly or through each
  other) become ``async def`` and their calls are awaited, and the module runs
  with top-level await;
* loop callbacks are plain calls, not stack-switching ones: that makes a step
  of the event loop about 25 times cheaper under JSPI (0.02 ms, not 0.4 ms);
* ``time.sleep`` blocks like CPython's: in the module body with JSPI it
  suspends on a JS timer (``interrupt()`` cuts it short), elsewhere, as in a
  task, it is Pyodide's busy wait, which holds the event loop as CPython does
  (in a worker it freezes only the worker);
* ``asyncio.new_event_loop()`` gives a loop of the program's own, running only
  in its ``run_until_complete``/``run_forever``, closed by ``close()``;
  ``asyncio.all_tasks()`` shows the program's tasks, not the runner's;
* tasks, callbacks and timers a run leaves behind are cancelled when it ends;
  tasks are named Task-1, Task-2... per run, as in a fresh CPython; a task
  factory the snippet sets (``asyncio.eager_task_factory``...) is called as
  CPython 3.14 calls it, and is dropped when the run ends;
* ``input()``, threads (also ``asyncio.to_thread`` and ``run_in_executor``,
  which Pyodide would run inline), sockets, subprocesses and ``asyncio.Runner``
  raise ``RunLocallyError`` whose message, in English or Chinese, says to run
  the example locally;
* tracebacks, also in the loop's "Task exception was never retrieved"-style
  reports, show only the frames of the snippet itself, formatted by the
  ``traceback`` module as CPython prints them, less the ``^^^`` marker lines
  (they differ between Python versions; the site's records drop them too);
  the run's status is "error" when an exception escaped (``SystemExit`` with
  code 0 or None is "ok"), with the exit status CPython would give;
* every run is recorded by ``asynctimeline`` (beside this file): when each task
  ran, what it waited for, and who printed what; ``last_timeline()`` returns the
  recording and ``timeline_svg()`` draws it;
* the runner's own failures (a snippet may even break this module) are
  reported, never raised into the engine.

Known limits:

* Without JSPI, ``asyncio.run`` is only supported where the rewrite reaches it:
  module level (also inside ``if``/``for``/``with``/``try`` blocks) and plain
  module-level functions called from there, e.g. ``def main():
  asyncio.run(amain())``.  Anywhere else (a lambda, a method, a nested
  function, a class body, a name other than ``asyncio``/``from asyncio import
  run``) it raises RunLocallyError.  A promoted function that is decorated, or
  used as a callback, gets a coroutine where it expects a result.
* ``interrupt()`` cannot stop a busy-waiting ``time.sleep`` (in a task, or
  anywhere without JSPI) nor a loop that never awaits: it takes effect at the
  next ``await``; only terminating the worker stops such code.
* With JSPI, ``loop.run_until_complete`` inside a task fails with Pyodide's
  stack-switching error, where CPython says the loop is already running.
* ``asyncio.run`` uses Pyodide's WebLoop, which is "running" even at module
  level: ``asyncio.get_event_loop()`` works where CPython 3.14 would raise (and
  returns that loop even after ``asyncio.set_event_loop(loop)``), a
  task created outside ``asyncio.run`` runs after the module body (then it is
  cancelled) instead of never, and at module level ``asyncio.gather`` of a
  program loop's tasks says they belong to another loop.  A loop from
  ``asyncio.new_event_loop()`` is a loop of its own (``_ProgramLoop``); a task
  left pending on it after ``close()`` is reported as destroyed when it is
  collected during the run, not at the end as CPython's exit reports it, and a
  task factory does not see the two tasks of ``asyncio.run``'s shutdown.
  Modules imported from elsewhere than the snippet's folder (the standard
  library) stay imported between runs.
* A ``SystemExit``/``KeyboardInterrupt`` raised in a plain loop callback (not
  in a task) is dropped; CPython would stop the program.
"""

import ast
import asyncio
import builtins
import contextlib
import functools
import gc
import importlib
import inspect
import io
import itertools
import json
import linecache
import os
import socket
import subprocess
import sys
import threading
import time
import traceback
import types
import weakref

import pyodide.webloop
from js import Promise, clearTimeout, setTimeout
from pyodide.ffi import can_run_sync, create_once_callable, run_sync
from pyodide.webloop import PyodideFuture, PyodideTask, WebLoop, WebLoopPolicy

import asynctimeline

_loop = asyncio.get_event_loop()  # Pyodide's one WebLoop, shared by all runs
_home = os.getcwd()
_stdout = io.TextIOWrapper(io.FileIO(1, "w", closefd=False), encoding="utf-8", write_through=True)
_stderr = io.TextIOWrapper(
    io.FileIO(2, "w", closefd=False),
    encoding="utf-8",
    errors="backslashreplace",
    write_through=True,
)

# The task timeline of each run (asynctimeline.py sits beside this file);
# RECORD = False turns it off (the timeline benchmark compares).
RECORD = True
_recorder = None
_last_timeline = None

# State of the current run, reset by _begin().
_filename = "main.py"
_lang = "en"
_interrupted = False
_tasks = weakref.WeakSet()  # tasks created during the run
_task_numbers = itertools.count(1)
_handles = weakref.WeakSet()  # loop callbacks scheduled during the run
_infra = weakref.WeakSet()  # tasks of this module (the runner, asyncio.run's driver, run_sync's)
_sleeping = False  # a time.sleep() is suspending the module body (JSPI)
_wake = None  # resolves that sleep early (interrupt)


# -- run-locally errors --------------------------------------------------------


class RunLocallyError(RuntimeError):
    """What a browser cannot do; the UI recognises this name."""


RunLocallyError.__module__ = "builtins"  # tracebacks end in "RunLocallyError: ..."

_FEATURES = {  # what the browser cannot do: (English, Chinese)
    "input": ("input() does not work in the browser.", "浏览器中无法使用 input()。"),
    "thread": ("Threads do not work in the browser.", "浏览器中无法使用线程。"),
    "socket": ("Network connections do not work in the browser.", "浏览器中无法建立网络连接。"),
    "subprocess": ("Subprocesses do not work in the browser.", "浏览器中无法启动子进程。"),
    "runner": ("asyncio.Runner does not work in the browser.", "浏览器中无法使用 asyncio.Runner。"),
    "no_jspi": (
        "This browser cannot wait for asyncio.run() here (it lacks WebAssembly stack switching).",
        "此浏览器不支持 WebAssembly 栈切换，无法在此处等待 asyncio.run()。",
    ),
}


def _unavailable(feature):
    en, zh = _FEATURES[feature]
    script = os.path.basename(_filename)
    if _lang == "zh":
        return RunLocallyError(f"{zh}请在本地运行此示例：python {script}")
    return RunLocallyError(f"{en} Run this example locally: python {script}")


def _refuse(feature):
    def refuse(*args, **kwargs):
        raise _unavailable(feature)

    return refuse


builtins.input = _refuse("input")
threading.Thread.start = _refuse("thread")
socket.socket.__init__ = _refuse("socket")
socket.create_connection = socket.create_server = _refuse("socket")
subprocess.Popen.__init__ = _refuse("subprocess")
os.system = _refuse("subprocess")
for _name in (
    "create_connection",
    "create_server",
    "create_unix_connection",
    "create_unix_server",
    "create_datagram_endpoint",
):
    setattr(WebLoop, _name, _refuse("socket"))
WebLoop.subprocess_exec = WebLoop.subprocess_shell = _refuse("subprocess")
WebLoop.run_in_executor = _refuse("thread")
# Runner.run() sees the always-running WebLoop and Runner.close() would cancel
# every task of the loop, the runner's own too.
asyncio.Runner.__init__ = _refuse("runner")


# -- event loop bookkeeping ----------------------------------------------------

_orig_create_task = WebLoop.create_task
_orig_call_later = WebLoop.call_later  # call_soon and call_at go through it


def _create_task(self, coro, *, name=None, **kwargs):
    # While a sleep suspends, only run_sync makes tasks; they are ours like those
    # that run_sync makes for our coroutines.
    ours = _sleeping or getattr(coro, "cr_code", None) in (_main_runner.__code__, _end.__code__)
    number = None if name is not None or ours else f"Task-{next(_task_numbers)}"
    if self._task_factory is None:
        # Numbered per run, as in a fresh CPython.
        task = _orig_create_task(self, coro, name=name or number, **kwargs)
        task.remove_done_callback(self._decrement_in_progress)  # see create_future below
    else:
        # As CPython 3.14 does it: the factory gets the keywords the caller passed
        # (WebLoop's copy of 3.11's code calls a helper that 3.13 removed), and our
        # per-run number where it takes a name: an eager task may print its name
        # before the factory returns.  Other factories' tasks are renamed after.
        given = {"name": name} if name is not None else {}
        if number is not None and _takes_name(self._task_factory):
            given, number = {"name": number}, None
        task = self._task_factory(self, coro, **given, **kwargs)
        if number is not None:
            task.set_name(number)
    (_infra if ours else _tasks).add(task)
    return task


@functools.lru_cache(maxsize=16)  # asked at every create_task: signature() is slow
def _takes_name(factory):
    """Whether a task factory accepts ``name=`` (3.11-style ones take only loop, coro)."""
    try:
        parameters = inspect.signature(factory).parameters.values()
    except (TypeError, ValueError):
        return False
    return any(p.kind is p.VAR_KEYWORD or p.name == "name" for p in parameters)


def _call_later(self, *args, **kwargs):
    handle = _orig_call_later(self, *args, **kwargs)
    _handles.add(handle)
    return handle


def _default_exception_handler(self, context):
    """The report of CPython's BaseEventLoop, with only the snippet's frames."""
    lines = [context.get("message") or "Unhandled exception in event loop"]
    lines += [
        f"{key}: {value!r}"
        for key, value in sorted(context.items())
        if key not in ("message", "exception")
    ]
    sys.stderr.write("\n".join(lines) + "\n")
    if context.get("exception") is not None:
        _print_exception(context["exception"])


WebLoop.create_task = _create_task
WebLoop.call_later = _call_later
WebLoop.default_exception_handler = _default_exception_handler
# WebLoop counts pending futures for Pyodide's console with a done callback
# that shows in every repr and reports a failed task at once when nothing
# awaits it yet, even if something will (CPython reports a task when it is
# collected unretrieved).  Snippets need neither.
WebLoop.create_future = lambda self: PyodideFuture(loop=self)
# Reprs and reports say <Task ...> and <Future ...> as in CPython.
PyodideTask.__name__ = PyodideTask.__qualname__ = "Task"
PyodideFuture.__name__ = PyodideFuture.__qualname__ = "Future"
_orig_all_tasks = asyncio.all_tasks


def _all_tasks(loop=None):
    """The program's tasks only: the runner's own (asyncio.run's driver, the module
    body's task without JSPI) are not the program's, and CPython has none of them.
    Those the run created are also counted from its own list: with JSPI, asyncio's
    misses those made in a call that stack switching has since left."""
    if loop is None:
        loop = asyncio.get_running_loop()
    ours = {task for task in _tasks if task.get_loop() is loop and not task.done()}
    return {task for task in _orig_all_tasks(loop) if task not in _infra} | ours


asyncio.all_tasks = asyncio.tasks.all_tasks = _all_tasks
# SystemExit/KeyboardInterrupt from a task step: the task holds it for whoever
# awaits it; WebLoop would throw it into JS.
_loop._system_exit_handler = lambda code: None
_loop._keyboard_interrupt_handler = lambda: None


class _ProgramLoop(WebLoop):
    """A loop the program makes with ``asyncio.new_event_loop()``.

    It schedules on the browser's timers like Pyodide's loop, with CPython's
    lifecycle: it runs only inside ``run_until_complete`` (which blocks through
    ``run_sync`` with JSPI, and is awaited where the rewrite put it without):
    a callback that falls due while it is not running waits for its next run;
    ``stop()`` ends a run as in CPython; ``close()`` closes it for good, and a
    closed loop refuses new work with CPython's "Event loop is closed"; closing
    drops its pending callbacks, so a task left pending is destroyed as in CPython.
    """

    def __init__(self):
        running = asyncio._get_running_loop()
        super().__init__()  # makes itself the running loop: undo that
        asyncio._set_running_loop(running)
        self._closed = False
        self._running = False
        self._own_handles = weakref.WeakSet()
        self._held = []  # (when, handle): due while the loop was not running
        self._stopping = None  # run_forever's future, or this run's end (stop())
        self._stop_asked = False
        self._halt = None  # resolved when the current run ends
        self._ended_at = None  # loop time when the round that ended the current run began
        self._step_began = None  # loop time when the callback now running began
        self._on_done = None  # resolves it when the run's task is done
        self._system_exit_handler = _loop._system_exit_handler
        self._keyboard_interrupt_handler = _loop._keyboard_interrupt_handler
        if _recorder is not None:
            _recorder.attach(self)

    def is_running(self):
        return self._running

    def is_closed(self):
        return self._closed

    def _check_closed(self):
        if self._closed:
            raise RuntimeError("Event loop is closed")

    def _check_runnable(self):
        self._check_closed()
        if self._running:
            raise RuntimeError("This event loop is already running")
        if _in_user_task():
            raise RuntimeError("Cannot run the event loop while another loop is running")

    def close(self):
        if self._running:
            raise RuntimeError("Cannot close a running event loop")
        if self._closed:
            return
        self._closed = True
        self._held.clear()
        for handle in list(self._own_handles):
            handle.cancel()

    def create_task(self, coro, **kwargs):
        self._check_closed()  # before the task exists, as in CPython
        return super().create_task(coro, **kwargs)

    def call_later(self, delay, callback, *args, context=None):
        self._check_closed()
        if delay < 0:
            raise ValueError("Can't schedule in the past")
        handle = asyncio.Handle(callback, args, self, context=context)
        self._own_handles.add(handle)
        self._schedule(self.time() + delay, handle)
        return handle

    def _schedule(self, when, handle):
        """On the browser's timers while the loop runs; held for its next run otherwise
        (also once its run is ending: nothing scheduled then belongs to this run)."""
        if self._running and self._ended_at is None:
            super().call_later(max(0, when - self.time()), self._fire, when, handle)
        else:
            self._held.append((when, handle))

    def _fire(self, when, handle):
        """Run a callback that fell due, or hold it for the next run: CPython's run ends
        with the round in which stop() was called (or the run's task ended), so what was
        not yet due when that round began waits, however late the browser gets round to
        ending the run (a slow machine)."""
        if handle.cancelled():
            return
        if self._running and (self._ended_at is None or when <= self._ended_at):
            self._step_began = self.time()
            try:
                handle._run()
            finally:
                self._step_began = None
        else:
            self._held.append((when, handle))

    def _install_running_loop(self):  # a timer firing between runs leaves it not running
        if self._running:
            super()._install_running_loop()

    def _install_asyncgen_hooks(self):
        if self._running:
            super()._install_asyncgen_hooks()

    def _start(self, future):
        self._check_runnable()
        # The run ends when the task is done or stop() is called: a future of
        # Pyodide's loop, as a task of another loop cannot be awaited directly. Made
        # first: an eager task's first step runs inside ensure_future, and may stop.
        self._halt = _loop.create_future()
        self._on_done = functools.partial(self._end_run, self._halt)
        self._running = True
        self._ended_at = None
        try:
            held, self._held = self._held, []
            for when, handle in held:  # in order: the run's own task steps after them
                self._schedule(when, handle)
            task = asyncio.ensure_future(future, loop=self)
        except BaseException:
            self._running = False
            raise
        task.add_done_callback(self._on_done)
        if self._stop_asked:  # stop() between runs: CPython runs one round, then stops
            self._stop_asked = False
            self.call_soon(self.stop)
        return task

    def _end_run(self, halt, _task=None):
        if halt is self._halt and self._ended_at is None:
            self._ended_at = self._round_began()
        if not halt.done():
            halt.set_result(None)

    def _round_began(self):
        """When the round now running began (now, if no callback of this loop runs)."""
        return self.time() if self._step_began is None else self._step_began

    def _outcome(self, task):
        if not task.done():
            task.remove_done_callback(self._on_done)
            raise RuntimeError("Event loop stopped before Future completed.")
        with _ctrl_c():
            return task.result()

    def run_until_complete(self, future):
        self._check_runnable()
        if not can_run_sync():  # the rewrite did not reach this call
            raise _unavailable("no_jspi")
        task = self._start(future)
        running = asyncio._get_running_loop()
        try:
            with _ctrl_c():
                run_sync(self._halt)
        finally:
            self._running = False
            asyncio._set_running_loop(running)
        return self._outcome(task)

    async def await_until_complete(self, future):
        """run_until_complete as the rewrite awaits it, from a task of Pyodide's loop."""
        task = self._start(future)
        try:
            await self._halt
        finally:
            self._running = False
        return self._outcome(task)

    def run_forever(self):
        """Until ``stop()``: a future that stop() resolves stands for the loop's run."""
        self._check_runnable()  # before _stopper replaces a running run's future
        self.run_until_complete(self._stopper())

    async def await_forever(self):
        self._check_runnable()
        await self.await_until_complete(self._stopper())

    def _stopper(self):
        self._stopping = self.create_future()
        return self._stopping

    def stop(self):
        if not self._running:
            self._stop_asked = True
            return
        if self._ended_at is None:  # CPython's run ends with the round that called stop()
            self._ended_at = self._round_began()
        if self._stopping is not None and not self._stopping.done():
            self._stopping.set_result(None)  # run_forever's run ends finished
            self._stopping = None
        # on Pyodide's loop: this loop holds what falls due from now on
        _loop.call_soon(self._end_run, self._halt)  # this run's, not the next one's


@contextlib.contextmanager
def _ctrl_c():
    """A run that ``interrupt()`` cancelled ends as Ctrl-C would end it."""
    try:
        yield
    except asyncio.CancelledError:
        if _interrupted:
            raise KeyboardInterrupt from None
        raise


WebLoopPolicy.new_event_loop = lambda self: _ProgramLoop()


def _plain_callback(callback, _may_syncify=False):
    """Loop callbacks as plain calls, not stack-switching ones (see the module docstring)."""
    return create_once_callable(callback)


pyodide.webloop.create_once_callable = _plain_callback


def _current_task():
    loop = asyncio._get_running_loop()
    return loop and asyncio.current_task(loop)


def _in_user_task():
    task = _current_task()
    return task is not None and task not in _infra


def _pending_user_tasks():
    """Pending tasks of this run; those of a loop the program closed stay as they are
    (closing dropped their callbacks: they are destroyed pending, as in CPython)."""
    return [t for t in _tasks if not t.done() and not t.get_loop().is_closed()]


async def _cancel_all(patience=None):
    """Cancel this run's pending tasks and wait for them, like asyncio.run's
    shutdown: as long as they take, or ``patience`` seconds at most."""
    tasks = _pending_user_tasks()
    for task in tasks:
        task.cancel()
    if not tasks:
        return
    await asyncio.wait(tasks, timeout=patience)
    for task in tasks:
        if not task.done():
            task._log_destroy_pending = False  # _end()'s sweep stops it for good
        elif not task.cancelled() and task.exception() is not None:
            _loop.call_exception_handler(
                {
                    "message": "unhandled exception during asyncio.run() shutdown",
                    "exception": task.exception(),
                    "task": task,
                }
            )


# -- asyncio.run and time.sleep ------------------------------------------------


def _check_run(main, jspi_needed=False):
    error = None
    if _in_user_task():
        error = RuntimeError("asyncio.run() cannot be called from a running event loop")
    elif not asyncio.isfuture(main) and not hasattr(main, "__await__"):
        raise TypeError("An asyncio.Future, a coroutine or an awaitable is required")
    elif jspi_needed and not can_run_sync():  # no JSPI and the rewrite did not reach this call
        error = _unavailable("no_jspi")
    if error:
        if asyncio.iscoroutine(main):
            main.close()  # no "never awaited" warning on top of the error
        raise error


async def _main_runner(main):
    task = asyncio.ensure_future(main)
    try:
        return await task
    except asyncio.CancelledError:
        if _interrupted:
            raise KeyboardInterrupt from None  # what Ctrl-C does to asyncio.run
        raise
    finally:
        await _cancel_all()
        # CPython's Runner.close() runs shutdown_asyncgens() and
        # shutdown_default_executor() as two tasks: the next one made is Task-N+3.
        next(_task_numbers), next(_task_numbers)
        await _loop.shutdown_asyncgens()
        _loop._asyncgens_shutdown_called = False  # the loop lives on for the next asyncio.run


def _asyncio_run(main, *, debug=None, loop_factory=None):
    _check_run(main, jspi_needed=True)
    # On Pyodide's loop: a loop of the program's own is never left running.
    return run_sync(_main_runner(main))


async def await_run(main, *, debug=None, loop_factory=None):
    """What ``asyncio.run(...)`` is rewritten to without JSPI."""
    _check_run(main)
    return await _main_runner(main)


async def await_until_complete(loop, future):
    """What ``loop.run_until_complete(...)`` is rewritten to without JSPI."""
    if isinstance(loop, _ProgramLoop):
        return await loop.await_until_complete(future)
    return await asyncio.ensure_future(future, loop=loop)


async def await_forever(loop):
    """What ``loop.run_forever()`` is rewritten to without JSPI."""
    if isinstance(loop, _ProgramLoop):
        return await loop.await_forever()
    return loop.run_forever()  # Pyodide's loop: returns at once, as it always did


_pyodide_sleep = time.sleep  # busy-waits when run_sync is unavailable


def _sleep(secs):
    global _sleeping, _wake
    # Interrupted, a task is cancelled; elsewhere it is Ctrl-C.  (Decided now:
    # after run_sync, the current task is run_sync's own.)
    interruption = asyncio.CancelledError if _in_user_task() else KeyboardInterrupt
    if _interrupted:
        raise interruption
    if not can_run_sync():
        return _pyodide_sleep(secs)
    if secs < 0:
        raise ValueError("sleep length must be non-negative")
    resolvers = []
    promise = Promise.new(create_once_callable(lambda resolve, reject: resolvers.append(resolve)))
    _wake = resolvers[0]
    timer = setTimeout(_wake, secs * 1000)
    _sleeping = True
    try:
        run_sync(promise)
    finally:
        _sleeping, _wake = False, None
        clearTimeout(timer)
    if _interrupted:
        raise interruption


asyncio.run = _asyncio_run
time.sleep = _sleep


# -- the rewrite used without JSPI ---------------------------------------------


def _helper(name):
    """The expression ``__import__("_runner_shim").<name>``."""
    module = ast.Call(ast.Name("__import__", ast.Load()), [ast.Constant(__name__)], [])
    return ast.Attribute(module, name, ast.Load())


def _calls_in_scope(nodes):
    """The calls in ``nodes``, not counting nested functions, lambdas and classes."""
    todo = list(nodes)
    while todo:
        node = todo.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            continue
        if isinstance(node, ast.Call):
            yield node
        todo.extend(ast.iter_child_nodes(node))


class _Awaitify(ast.NodeTransformer):
    """Turn blocking event-loop entry points into awaits (see the module docstring)."""

    def __init__(self, tree):
        self.asyncio_names, self.run_names = set(), set()
        for node in tree.body:
            if isinstance(node, ast.Import):
                self.asyncio_names |= {
                    a.asname or a.name for a in node.names if a.name == "asyncio"
                }
            elif isinstance(node, ast.ImportFrom) and node.module == "asyncio":
                self.run_names |= {a.asname or a.name for a in node.names if a.name == "run"}
        self.promoted = set()  # names of module-level functions made async
        functions = [n for n in tree.body if isinstance(n, ast.FunctionDef)]
        while True:
            new = [
                f
                for f in functions
                if f.name not in self.promoted
                and any(self._kind(c) for c in _calls_in_scope(f.body))
            ]
            if not new:
                break
            self.promoted |= {f.name for f in new}
        self.promoted_nodes = [f for f in functions if f.name in self.promoted]
        self.changed = False

    def _kind(self, call):
        func = call.func
        if isinstance(func, ast.Name):
            if func.id in self.run_names:
                return "run"
            if func.id in self.promoted:
                return "promoted"
        elif isinstance(func, ast.Attribute):
            if (
                func.attr == "run"
                and isinstance(func.value, ast.Name)
                and func.value.id in self.asyncio_names
            ):
                return "run"
            if func.attr == "run_until_complete":
                return "until"
            if func.attr == "run_forever" and not call.args:
                return "forever"
        return None

    def visit_FunctionDef(self, node):
        if not any(node is f for f in self.promoted_nodes):
            return node  # a synchronous scope cannot await
        self.generic_visit(node)
        return ast.copy_location(
            ast.AsyncFunctionDef(**{f: getattr(node, f) for f in node._fields}), node
        )

    def visit_Lambda(self, node):
        return node

    visit_ClassDef = visit_Lambda

    def visit_Call(self, node):
        self.generic_visit(node)
        kind = self._kind(node)
        if kind is None:
            return node
        if kind == "run":
            node = ast.copy_location(ast.Call(_helper("await_run"), node.args, node.keywords), node)
        elif kind in ("until", "forever"):
            helper = "await_until_complete" if kind == "until" else "await_forever"
            node = ast.copy_location(
                ast.Call(_helper(helper), [node.func.value, *node.args], node.keywords), node
            )
        self.changed = True
        return ast.copy_location(ast.Await(node), node)


def _rewrite(code, filename):
    """The rewritten module as code to await, or None if it has nothing to rewrite."""
    tree = ast.parse(code, filename)
    rewriter = _Awaitify(tree)
    tree = ast.fix_missing_locations(rewriter.visit(tree))
    if rewriter.changed:
        return compile(
            tree, filename, "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT, dont_inherit=True
        )
    return None


# -- running a snippet ---------------------------------------------------------


_script_dir = None  # what the last run put first on sys.path


def _fresh_imports(script_dir):
    """The script's folder comes first on sys.path, as in CPython; modules imported
    from it by an earlier run are forgotten, so a run sees the files as they are now."""
    global _script_dir
    if _script_dir in sys.path:
        sys.path.remove(_script_dir)
    for name, module in list(sys.modules.items()):
        origin = getattr(module, "__file__", None) or ""
        if _script_dir and origin.startswith(_script_dir.rstrip("/") + "/"):
            del sys.modules[name]
    _script_dir = script_dir
    sys.path.insert(0, script_dir)
    importlib.invalidate_caches()


def _begin(code, filename, argv, cwd, lang):
    global _filename, _lang, _interrupted, _tasks, _task_numbers, _handles
    _filename, _lang, _interrupted = filename, lang, False
    _tasks, _task_numbers, _handles = weakref.WeakSet(), itertools.count(1), weakref.WeakSet()
    if runner := _current_task():
        _infra.add(runner)
    _loop.set_exception_handler(None)
    _loop.set_task_factory(None)
    sys.stdout, sys.stderr = _stdout, _stderr
    _start_timeline()
    sys.argv = [filename, *argv]
    os.chdir(cwd or _home)
    _fresh_imports(os.getcwd())
    linecache.cache[filename] = (len(code), None, code.splitlines(True), filename)
    main = types.ModuleType("__main__")
    main.__file__ = filename
    main.__builtins__ = builtins
    sys.modules["__main__"] = main
    return main.__dict__


def _tidy(te):
    """Keep the snippet's own frames, without column spans (so no ^^^ lines)."""
    te.stack = traceback.StackSummary.from_list([f for f in te.stack if f.filename == _filename])
    for frame in te.stack:
        frame.colno = frame.end_colno = None
    te.offset = None  # a SyntaxError's caret
    for chained in (te.__cause__, te.__context__, *(te.exceptions or ())):
        if chained is not None:
            _tidy(chained)


def _print_exception(exc):
    te = traceback.TracebackException.from_exception(exc)
    _tidy(te)
    sys.stderr.write("".join(te.format()))


def _outcome(exc):
    """(status, exception type name or None, exit status) of a run that raised exc
    (or None), after printing what CPython would print for it."""
    if exc is None or isinstance(exc, SystemExit) and exc.code in (None, 0):
        return "ok", None, 0
    try:
        if isinstance(exc, SystemExit):  # as CPython exits: a code, or a message and 1
            if isinstance(exc.code, int):
                return "error", "SystemExit", exc.code & 0xFF
            print(exc.code, file=sys.stderr)
        else:
            _print_exception(exc)
    except BaseException as failure:  # say, a sys.stderr the snippet broke
        _internal_error("printing the error", failure)
    code = 130 if isinstance(exc, KeyboardInterrupt) else 1  # 130: what a shell shows for Ctrl-C
    return "error", type(exc).__name__, code


def _internal_error(doing, exc):
    """The runner's own failure: say so on the real stderr, never fail the engine."""
    try:
        _stderr.write(f"(the runner failed while {doing}: {type(exc).__name__}: {exc})\n")
    except BaseException:
        pass


def _after_user_code():
    """What the snippet set on the loop must not run the runner's own cleanup: its
    task factory makes run_sync's tasks, its exception handler reports."""
    _loop.set_task_factory(None)


async def _end():
    """Nothing of this run may act in the next one."""
    try:
        await _cancel_all(patience=1)
    except BaseException as exc:
        _internal_error("cancelling the tasks left behind", exc)
    for handle in list(_handles):
        handle.cancel()
    gc.collect()  # finalizers ("never awaited", "never retrieved") report in this run
    for task in list(_tasks):  # pending on a loop the program closed, still referenced:
        if not task.done():  # CPython reports it at exit; here it would in the next run
            task._log_destroy_pending = False


def _ours(coro):
    """Tasks of the runner itself, left out of the timeline."""
    return _sleeping or getattr(coro, "cr_code", None) in (_main_runner.__code__, _end.__code__)


def _start_timeline():
    global _recorder, _last_timeline
    _last_timeline = None
    if not RECORD:
        return
    try:
        _recorder = asynctimeline.Recorder(ignore=_ours, task_class=PyodideTask)
        _recorder.start()
        _recorder.attach(_loop)
    except BaseException as exc:
        _recorder = None
        _internal_error("starting the timeline", exc)


def _stop_timeline(namespace):
    global _recorder, _last_timeline
    if _recorder is None:
        return
    try:
        recording = _recorder.stop()
        asynctimeline.adopt_own(recording, namespace)  # a toy loop's own, in __timeline__
        recording["program"] = _filename
        _last_timeline = json.dumps(recording, ensure_ascii=False)
    except BaseException as exc:
        _internal_error("ending the timeline", exc)
    _recorder = None


def last_timeline():
    """The last run's task timeline (JSON, see asynctimeline.py), or None."""
    return _last_timeline


def timeline_svg(recording, lang, width=None):
    """A timeline from ``last_timeline()`` drawn as SVG, labelled in ``lang``, for a box
    ``width`` px wide (None: the site's usual size)."""
    return asynctimeline.svg(json.loads(recording), lang, width=int(width) if width else None)


def run_blocking(code, filename, argv, cwd, lang):
    """Run one snippet as ``__main__``; returns (status, exception type name or None,
    exit status).

    With JSPI: the engine calls this through ``callPromising``, so it may block.
    """
    namespace = _begin(code, filename, list(argv), cwd, lang)
    try:
        exec(compile(code, filename, "exec", dont_inherit=True), namespace)
        result = _outcome(None)
    except BaseException as exc:
        result = _outcome(exc)
    _after_user_code()
    try:
        run_sync(_end())
    except BaseException as exc:
        _internal_error("ending the run", exc)
    _stop_timeline(namespace)
    return result


async def run(code, filename, argv, cwd, lang):
    """``run_blocking`` without JSPI: asyncio.run is rewritten into awaits."""
    namespace = _begin(code, filename, list(argv), cwd, lang)
    try:
        compiled = compile(code, filename, "exec", dont_inherit=True)  # CPython's own syntax errors
        if rewritten := _rewrite(code, filename):
            await eval(rewritten, namespace)
        else:
            exec(compiled, namespace)
        result = _outcome(None)
    except BaseException as exc:
        result = _outcome(exc)
    _after_user_code()
    await _end()
    _stop_timeline(namespace)
    return result


def interrupt():
    """Cancel the current run: like Ctrl-C, asyncio.run raises KeyboardInterrupt."""
    global _interrupted
    _interrupted = True
    if _wake is not None:
        _wake()
    for task in _pending_user_tasks():
        task.cancel()


# Every run ends with a full garbage collection (see _end).  What exists now, the
# standard library and this module, lives as long as the interpreter: set it apart,
# so that collection looks only at what runs create (15 ms → under 1 ms a run).
gc.freeze()
