"""CPython-like semantics for snippets run by the in-page runner under Pyodide.

engine.mjs imports this file once as the module ``_runner_shim`` and then calls
``run(code, filename, argv, cwd, lang)`` for each run and ``interrupt()`` to
cancel one.  Importing it patches the interpreter for good:

* every run gets a fresh ``__main__`` (``__name__``, ``__file__``, ``sys.argv``)
  and unbuffered stdout/stderr, so output streams as it is written;
* ``asyncio.run`` works like CPython's: it runs the coroutine as a task, then
  cancels and awaits what it left behind.  With JSPI (WebAssembly stack
  switching) it really blocks, through ``run_sync``.  Without JSPI nothing can
  block, so the code is rewritten before it runs (see ``_Awaitify``):
  ``asyncio.run(x)`` and ``loop.run_until_complete(x)`` become awaits, the
  module-level functions calling them (directly or through each other) become
  ``async def`` and their calls are awaited, and the module runs with top-level
  await;
* ``time.sleep`` blocks the event loop as in CPython: with JSPI it suspends the
  whole Python stack on a JS timer while every asyncio callback that comes due
  is held back until the sleeping callback finishes (so the page never
  freezes); without JSPI it is Pyodide's busy wait;
* tasks, callbacks and timers a run leaves behind are cancelled when it ends;
* ``input()``, threads (also ``asyncio.to_thread`` and ``run_in_executor``,
  which Pyodide would run inline), sockets and subprocesses raise
  ``RunLocallyError`` whose message, in English or Chinese, says to run the
  example locally;
* tracebacks show only the frames of the snippet itself, formatted by the
  ``traceback`` module as CPython prints them; the run's status is "error"
  when an exception escaped (``SystemExit`` with code 0 or None is "ok").

Known limits:

* Without JSPI, ``asyncio.run`` is only supported where the rewrite reaches it:
  module level (also inside ``if``/``for``/``with``/``try`` blocks) and plain
  module-level functions called from there, e.g. ``def main():
  asyncio.run(amain())``.  Anywhere else (a lambda, a method, a nested
  function, a class body, a name other than ``asyncio``/``from asyncio import
  run``) it raises RunLocallyError.  A promoted function that is decorated, or
  used as a callback, gets a coroutine where it expects a result.
* Without JSPI ``asyncio.Runner`` does not block either, and ``time.sleep``
  cannot be interrupted by ``interrupt()``.
* ``interrupt()`` takes effect at the next ``await`` or ``time.sleep``; a
  loop that never yields can only be stopped by terminating the worker.
* The event loop is Pyodide's single WebLoop, so it is "running" even at
  module level: ``asyncio.get_event_loop()`` returns it where CPython 3.14
  would raise, and a task created outside ``asyncio.run`` runs after the
  module body instead of never.  Imported modules stay imported between runs.
* A ``SystemExit``/``KeyboardInterrupt`` raised in a plain loop callback (not
  in a task) is dropped; CPython would stop the program.
"""

import ast
import asyncio
import builtins
import io
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

from js import Promise, clearTimeout, setTimeout
from pyodide.ffi import can_run_sync, create_once_callable, run_sync
from pyodide.webloop import WebLoop

_loop = asyncio.get_event_loop()  # Pyodide's one WebLoop, shared by all runs
_home = os.getcwd()
_stdout = io.TextIOWrapper(io.FileIO(1, "w", closefd=False), encoding="utf-8", write_through=True)
_stderr = io.TextIOWrapper(
    io.FileIO(2, "w", closefd=False), encoding="utf-8", errors="backslashreplace", write_through=True
)

# State of the current run, reset by _begin().
_filename = "main.py"
_lang = "en"
_interrupted = False
_tasks = weakref.WeakSet()  # tasks created during the run
_handles = weakref.WeakSet()  # loop callbacks scheduled during the run
_infra = weakref.WeakSet()  # tasks of this module (the runner, asyncio.run's driver)

# time.sleep() under JSPI.
_blocked = False  # a time.sleep() is suspending the Python stack
_deferred = []  # loop callbacks that came due meanwhile
_wake = None  # resolves the pending sleep early (interrupt)


# -- run-locally errors --------------------------------------------------------


class RunLocallyError(RuntimeError):
    """What a browser cannot do; the UI recognises this name."""


RunLocallyError.__module__ = "builtins"  # tracebacks end in "RunLocallyError: ..."

_FEATURES = {
    "input": ("input()", "input()"),
    "thread": ("Threads", "线程"),
    "socket": ("Network sockets", "网络套接字"),
    "subprocess": ("Subprocesses", "子进程"),
    "no_jspi": (
        "asyncio.run() at this place (this browser lacks WebAssembly stack switching)",
        "在此处调用 asyncio.run()（此浏览器不支持 WebAssembly 栈切换）",
    ),
}


def _unavailable(feature):
    en, zh = _FEATURES[feature]
    script = os.path.basename(_filename)
    if _lang == "zh":
        return RunLocallyError(f"浏览器中无法使用{zh}。请在本地运行此示例：python {script}")
    return RunLocallyError(f"{en} cannot be used in the browser. Run this example locally: python {script}")


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
for _name in ("create_connection", "create_server", "create_unix_connection", "create_unix_server",
              "create_datagram_endpoint"):
    setattr(WebLoop, _name, _refuse("socket"))
WebLoop.subprocess_exec = WebLoop.subprocess_shell = _refuse("subprocess")
WebLoop.run_in_executor = _refuse("thread")


# -- event loop bookkeeping ----------------------------------------------------

_orig_create_task = WebLoop.create_task
_orig_call_later = WebLoop.call_later  # call_soon and call_at go through it
_orig_handle_run = asyncio.Handle._run


def _create_task(self, *args, **kwargs):
    task = _orig_create_task(self, *args, **kwargs)
    _tasks.add(task)
    return task


def _call_later(self, *args, **kwargs):
    handle = _orig_call_later(self, *args, **kwargs)
    _handles.add(handle)
    return handle


def _handle_run(self):
    """Handle._run, held back while a time.sleep() blocks the loop."""
    if _blocked:
        _deferred.append(self)
        return
    try:
        _orig_handle_run(self)
    except (SystemExit, KeyboardInterrupt):
        pass  # raised in a task, which holds it for whoever awaits it; WebLoop would throw it into JS
    if _deferred and not _blocked:
        # The callback that slept has finished: run the held-back ones next, in order.
        held = _deferred[:]
        _deferred.clear()
        for handle in held:
            handle._loop.call_soon(_rerun, handle)


def _rerun(handle):
    if not handle.cancelled():
        handle._run()


WebLoop.create_task = _create_task
WebLoop.call_later = _call_later
asyncio.Handle._run = _handle_run


def _current_task():
    loop = asyncio._get_running_loop()
    return loop and asyncio.current_task(loop)


def _in_user_task():
    task = _current_task()
    return task is not None and task not in _infra


def _pending_user_tasks():
    return [t for t in _tasks if not t.done() and t not in _infra]


async def _cancel_all(timeout=None):
    """Cancel this run's pending tasks and wait for them, like asyncio.run's shutdown."""
    tasks = _pending_user_tasks()
    for task in tasks:
        task.cancel()
    if not tasks:
        return
    await asyncio.wait(tasks, timeout=timeout)
    for task in tasks:
        if not task.done():
            task._log_destroy_pending = False  # it will be silenced by the sweep in run()
        elif not task.cancelled() and task.exception() is not None:
            _loop.call_exception_handler({
                "message": "unhandled exception during asyncio.run() shutdown",
                "exception": task.exception(),
                "task": task,
            })


# -- asyncio.run and time.sleep ------------------------------------------------


def _check_run(main):
    if _in_user_task():
        raise RuntimeError("asyncio.run() cannot be called from a running event loop")
    if not asyncio.isfuture(main) and not hasattr(main, "__await__"):
        raise TypeError("An asyncio.Future, a coroutine or an awaitable is required")


async def _main_runner(main):
    _infra.add(_current_task())
    task = asyncio.ensure_future(main)
    try:
        return await task
    except asyncio.CancelledError:
        if _interrupted:
            raise KeyboardInterrupt from None  # what Ctrl-C does to asyncio.run
        raise
    finally:
        await _cancel_all()
        await _loop.shutdown_asyncgens()
        _loop._asyncgens_shutdown_called = False  # the loop lives on for the next asyncio.run


def _asyncio_run(main, *, debug=None, loop_factory=None):
    _check_run(main)
    if not can_run_sync():  # no JSPI and the rewrite did not reach this call
        raise _unavailable("no_jspi")
    return run_sync(_main_runner(main))


async def await_run(main, *, debug=None, loop_factory=None):
    """What ``asyncio.run(...)`` is rewritten to without JSPI."""
    _check_run(main)
    return await _main_runner(main)


async def await_until_complete(loop, future):
    """What ``loop.run_until_complete(...)`` is rewritten to without JSPI."""
    return await asyncio.ensure_future(future, loop=loop)


def _interruption():
    return asyncio.CancelledError() if _in_user_task() else KeyboardInterrupt()


_pyodide_sleep = time.sleep  # busy-waits when run_sync is unavailable


def _sleep(secs):
    global _blocked, _wake
    if _interrupted:
        raise _interruption()
    if not can_run_sync():
        return _pyodide_sleep(secs)
    if secs < 0:
        raise ValueError("sleep length must be non-negative")
    resolvers = []
    promise = Promise.new(create_once_callable(lambda resolve, reject: resolvers.append(resolve)))
    _wake = resolvers[0]
    timer = setTimeout(_wake, secs * 1000)
    _blocked = True
    try:
        run_sync(promise)
    finally:
        _blocked, _wake = False, None
        clearTimeout(timer)
    if _interrupted:
        raise _interruption()


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
                self.asyncio_names |= {a.asname or a.name for a in node.names if a.name == "asyncio"}
            elif isinstance(node, ast.ImportFrom) and node.module == "asyncio":
                self.run_names |= {a.asname or a.name for a in node.names if a.name == "run"}
        self.promoted = set()  # names of module-level functions made async
        functions = [n for n in tree.body if isinstance(n, ast.FunctionDef)]
        while True:
            new = [f for f in functions if f.name not in self.promoted
                   and any(self._kind(c) for c in _calls_in_scope(f.body))]
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
            if func.attr == "run" and isinstance(func.value, ast.Name) and func.value.id in self.asyncio_names:
                return "run"
            if func.attr == "run_until_complete":
                return "until"
        return None

    def visit_FunctionDef(self, node):
        if not any(node is f for f in self.promoted_nodes):
            return node  # a synchronous scope cannot await
        self.generic_visit(node)
        return ast.copy_location(ast.AsyncFunctionDef(**{f: getattr(node, f) for f in node._fields}), node)

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
        elif kind == "until":
            node = ast.copy_location(
                ast.Call(_helper("await_until_complete"), [node.func.value, *node.args], node.keywords), node
            )
        self.changed = True
        return ast.copy_location(ast.Await(node), node)


def _compile(code, filename):
    """The code object to run, and whether it is a coroutine (the rewrite, without JSPI)."""
    compiled = compile(code, filename, "exec", dont_inherit=True)  # CPython's own syntax errors
    if can_run_sync():
        return compiled, False
    tree = ast.parse(code, filename)
    rewriter = _Awaitify(tree)
    tree = ast.fix_missing_locations(rewriter.visit(tree))
    if not rewriter.changed:
        return compiled, False
    return compile(tree, filename, "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT, dont_inherit=True), True


# -- running a snippet ---------------------------------------------------------


def _begin(code, filename, argv, cwd, lang):
    global _filename, _lang, _interrupted, _tasks, _handles
    _filename, _lang, _interrupted = filename, lang, False
    _tasks, _handles = weakref.WeakSet(), weakref.WeakSet()
    _infra.add(_current_task())
    _loop.set_exception_handler(None)
    _loop.set_task_factory(None)
    sys.stdout, sys.stderr = _stdout, _stderr
    sys.argv = [filename, *argv]
    os.chdir(cwd or _home)
    linecache.cache[filename] = (len(code), None, code.splitlines(True), filename)
    main = types.ModuleType("__main__")
    main.__file__ = filename
    main.__builtins__ = builtins
    sys.modules["__main__"] = main
    return main.__dict__


def _only_user_frames(te):
    te.stack = traceback.StackSummary.from_list([f for f in te.stack if f.filename == _filename])
    for chained in (te.__cause__, te.__context__, *(te.exceptions or ())):
        if chained is not None:
            _only_user_frames(chained)


def _print_exception(exc):
    te = traceback.TracebackException.from_exception(exc)
    _only_user_frames(te)
    sys.stderr.write("".join(te.format()))


async def run(code, filename, argv, cwd, lang):
    """Run one snippet as ``__main__``; returns (status, exception type name or None)."""
    namespace = _begin(code, filename, list(argv), cwd, lang)
    status, exception = "ok", None
    try:
        compiled, is_coroutine = _compile(code, filename)
        if is_coroutine:
            await eval(compiled, namespace)
        else:
            exec(compiled, namespace)
    except SystemExit as exc:
        if exc.code is not None and exc.code != 0:
            if not isinstance(exc.code, int):
                print(exc.code, file=sys.stderr)
            status, exception = "error", "SystemExit"
    except BaseException as exc:
        _print_exception(exc)
        status, exception = "error", type(exc).__name__
    finally:
        # Nothing of this run may act in the next one.
        await _cancel_all(timeout=1)
        for handle in _handles:
            handle.cancel()
    return status, exception


def interrupt():
    """Cancel the current run: like Ctrl-C, asyncio.run raises KeyboardInterrupt."""
    global _interrupted
    _interrupted = True
    if _wake is not None:
        _wake()
    for task in _pending_user_tasks():
        task.cancel()
