"""Check a reader's solution to an exercise: the same code in CPython (the tests), in
Pyodide under Node (the tests) and in the page's worker (the Check button).

An exercise's `checks.py` defines its checks as coroutine functions, each taking the
reader's program (a `Program`) and decorated with `check`, which says the check's kind
and gives its title in every language of the site:

    @check("output", en="Prints the three ports in order", zh="按顺序打印三个港口")
    async def prints_ports(program):
        printed = await program.main_output()
        if printed.splitlines() != [...]:
            raise Fail(en="...", zh="...")

Kinds: `output` (what `main()` prints), `behaviour` (the reader's functions and
coroutines called with other inputs), `timing` (proof of concurrency or of a timeout, as
ratios that hold on a slow machine), `structure` (read from the program's syntax tree,
without running it).

Conventions every exercise keeps, and the task says so: the program defines `async def
main()` and runs it only under `if __name__ == "__main__":`. The checks load the program
under another name, so that nothing runs on loading, and await what they need inside
the one event loop `run_checks` runs in: nothing here needs to block, which is what
Pyodide without WebAssembly stack switching requires.

A check passes when it returns; it fails with `Fail` (its message, in each language);
an exception from the reader's code, or a check that takes longer than its `limit`,
fails it too, with the reader's traceback. A program that never gives the loop back
(`while True: pass`) cannot be cut short from inside: the tests run the checks in a
process they can kill, and the page stops its worker.
"""

from __future__ import annotations

import ast
import asyncio
import contextlib
import contextvars
import inspect
import io
import json
import linecache
import sys
import time
import traceback
import types
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

FILENAME = "exercise.py"
"""The name the reader's program runs under: tracebacks show it."""
KINDS = ("output", "behaviour", "timing", "structure")
LIMIT = 5.0
"""Seconds a check may take unless it says otherwise."""


class Fail(Exception):
    """A check's verdict that the program is not right yet: what was expected, what
    happened, and a nudge, in each language (keys are language codes)."""

    def __init__(self, **text: str):
        super().__init__(text.get("en", ""))
        self.text = text


@dataclass
class Check:
    name: str
    kind: str
    title: dict[str, str]
    run: Callable[[Program], Awaitable[None]]
    limit: float = LIMIT


CHECKS: list[Check] = []
"""Filled by `check` while an exercise's checks.py is executed (see `load_checks`)."""


def check(kind: str, *, limit: float = LIMIT, **title: str):
    """Register a check of `kind` (one of KINDS) with its title in each language."""
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}, not {kind!r}")

    def register(func):
        if not inspect.iscoroutinefunction(func):
            raise TypeError(f"check {func.__name__} must be an async def")
        CHECKS.append(Check(func.__name__, kind, title, func, limit))
        return func

    return register


class Program:
    """The reader's program: its source, its syntax tree, and (loaded once, on demand)
    its module, whose functions and coroutines the checks call."""

    def __init__(self, source: str):
        self.source = source
        # Tracebacks show the reader's lines, as for a file on disk.
        linecache.cache[FILENAME] = (len(source), None, source.splitlines(True), FILENAME)
        self._tree: ast.Module | None = None
        self._module: types.ModuleType | None = None
        self._aliases: dict[str, str] | None = None

    @property
    def tree(self) -> ast.Module:
        if self._tree is None:
            self._tree = ast.parse(self.source, FILENAME)
        return self._tree

    @property
    def module(self) -> types.ModuleType:
        """The program run as a module named `exercise` (so `if __name__ == "__main__"`
        is false): its definitions, nothing started. Output it prints is discarded."""
        if self._module is None:
            if self.runs_at_import():
                raise Fail(
                    en='Keep `asyncio.run(main())` under `if __name__ == "__main__":`, as '
                    "the starter has it: the checks import your program, then call its "
                    "functions themselves.",
                    zh="请像初始代码那样，把 `asyncio.run(main())` 放在 "
                    '`if __name__ == "__main__":` 下面：'
                    "检查会先导入你的程序，再自己调用其中的函数。",
                )
            module = types.ModuleType("exercise")
            module.__file__ = FILENAME
            code = compile(self.source, FILENAME, "exec")
            with _captured(io.StringIO()):
                exec(code, module.__dict__)
            self._module = module
        return self._module

    def function(self, name: str, *, en: str = "", zh: str = "") -> Callable:
        """The reader's function or coroutine function `name`, or a Fail saying it is
        missing."""
        found = getattr(self.module, name, None)
        if not callable(found):
            raise Fail(
                en=f"The program has no function `{name}`. {en}".strip(),
                zh=f"程序里没有函数 `{name}`。{zh}".strip(),
            )
        return found

    async def output(self, coro: Awaitable) -> str:
        """Await `coro` and return what it printed."""
        buffer = io.StringIO()
        with _captured(buffer):
            await coro
        return buffer.getvalue()

    async def main_output(self) -> str:
        """What `await main()` prints."""
        return await self.output(self.function("main")())

    async def timed(self, coro: Awaitable) -> tuple[object, float]:
        """Await `coro` (its prints are discarded); its result and the seconds it took.
        Several may run at once (in `asyncio.gather`) or one inside another."""
        start = time.perf_counter()
        with _captured(io.StringIO()):
            result = await coro
        return result, time.perf_counter() - start

    # ---- the syntax tree ---------------------------------------------------------

    def runs_at_import(self) -> bool:
        """True when a module-level statement outside `if __name__ == "__main__":`
        calls `asyncio.run` (also as `run` after `from asyncio import run`; not
        `subprocess.run`)."""
        for statement in self.tree.body:
            if isinstance(statement, ast.If) and "__main__" in ast.unparse(statement.test):
                continue
            if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                continue
            for node in ast.walk(statement):
                if isinstance(node, ast.Call) and self.name_of(node.func) == "asyncio.run":
                    return True
        return False

    def name_of(self, node: ast.AST) -> str:
        """The dotted name `node` refers to, through the program's imports: `t.sleep`
        after `import time as t`, and `nap` after `from time import sleep as nap`, are
        both "time.sleep"."""
        if self._aliases is None:
            self._aliases = _aliases(self.tree)
        name = _dotted(node)
        first, dot, rest = name.partition(".")
        return self._aliases.get(first, first) + dot + rest

    def _is(self, node: ast.AST, dotted: str) -> bool:
        name = self.name_of(node)
        return name == dotted or name.endswith("." + dotted)

    def calls(self, dotted: str, *, inside_async: bool | None = None) -> list[ast.Call]:
        """Calls of `dotted` ("asyncio.gather", "time.sleep", or just "sleep", which
        matches both time.sleep and asyncio.sleep), names resolved through the imports
        (see `name_of`). `inside_async=True` keeps those inside an `async def`, False
        those outside any."""
        found = []
        for node, in_async in _walk(self.tree):
            if isinstance(node, ast.Call) and self._is(node.func, dotted):
                if inside_async is None or inside_async == in_async:
                    found.append(node)
        return sorted(found, key=lambda n: (n.lineno, n.col_offset))

    def awaits(self, attribute: str) -> bool:
        """True when the program awaits a call of a method or function named
        `attribute` (`join` matches `await queue.join()`)."""
        return any(
            isinstance(node, ast.Await)
            and isinstance(node.value, ast.Call)
            and _dotted(node.value.func).split(".")[-1] == attribute
            for node, _ in _walk(self.tree)
        )

    def uses(self, dotted: str) -> bool:
        """True when a name or attribute chain meaning `dotted` appears anywhere
        (`asyncio.TaskGroup` in `async with asyncio.TaskGroup() as tg`, or after
        `from asyncio import TaskGroup`)."""
        return any(
            isinstance(node, (ast.Name, ast.Attribute)) and self._is(node, dotted)
            for node, _ in _walk(self.tree)
        )


_capture: contextvars.ContextVar[io.StringIO | None] = contextvars.ContextVar(
    "capture", default=None
)
"""Where the reader's prints go in this context: tasks the reader's code creates inherit
it, so each `Program.output`/`timed` gets exactly the prints of what it awaits, even when
several run at once (swapping `sys.stdout` would mix them up)."""


class _Router(io.TextIOBase):
    """`sys.stdout` while checks run: writes go to the capture of the writing context,
    or to the real stdout (which only a Check's log shows)."""

    def __init__(self, real):
        self.real = real

    def write(self, text: str) -> int:
        target = _capture.get()
        return (self.real if target is None else target).write(text)

    def flush(self) -> None:
        if _capture.get() is None:
            self.real.flush()


@contextlib.contextmanager
def _captured(buffer: io.StringIO):
    if not isinstance(sys.stdout, _Router):
        sys.stdout = _Router(sys.stdout)
    token = _capture.set(buffer)
    try:
        yield buffer
    finally:
        _capture.reset(token)


def _aliases(tree: ast.AST) -> dict[str, str]:
    """Local name -> what it was imported as, for every import in the program."""
    found = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname:
                    found[alias.asname] = alias.name
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            for alias in node.names:
                found[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    return found


def _dotted(node: ast.AST) -> str:
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
    return ".".join(reversed(parts))


def _walk(tree: ast.AST):
    """Every node, with whether it sits inside an `async def` (nearest function)."""
    todo = [(tree, False)]
    while todo:
        node, in_async = todo.pop()
        yield node, in_async
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.AsyncFunctionDef):
                todo.append((child, True))
            elif isinstance(child, (ast.FunctionDef, ast.Lambda)):
                todo.append((child, False))
            else:
                todo.append((child, in_async))


@dataclass
class Result:
    name: str
    kind: str
    title: str
    passed: bool
    message: str = ""
    traceback: str = ""
    seconds: float = 0.0
    extra: dict = field(default_factory=dict)


TEXT = {
    "en": {
        "syntax": "The program does not compile, so nothing else was checked.",
        "timeout": "This check took longer than {limit:g} s: is something waiting for ever?",
        "raised": "Your code raised {error}.",
    },
    "zh": {
        "syntax": "程序无法编译，所以其他检查都没有进行。",
        "timeout": "这项检查超过了 {limit:g} 秒：是不是有什么在无限期地等待？",
        "raised": "你的代码抛出了 {error}。",
    },
}


def load_checks(source: str, filename: str = "checks.py") -> list[Check]:
    """The checks an exercise's checks.py defines, in the order it defines them."""
    sys.modules["checking"] = sys.modules[__name__]  # checks.py imports this module
    CHECKS.clear()
    namespace = {"__name__": "checks", "__file__": filename}
    exec(compile(source, filename, "exec"), namespace)
    found = list(CHECKS)
    CHECKS.clear()
    return found


def _reader_traceback(error: BaseException) -> str:
    """The traceback, keeping only the frames of the reader's program."""
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == FILENAME]
    lines = ["Traceback (most recent call last):\n", *traceback.format_list(frames)]
    lines += traceback.format_exception_only(type(error), error)
    return "".join(lines) if frames else "".join(lines[-1:])


def _raised(c: Check, title: str, text: dict, error: BaseException) -> Result:
    """A check failed by an exception out of the reader's code: say which, and where."""
    message = text["raised"].format(error=type(error).__name__)
    return Result(c.name, c.kind, title, False, message, _reader_traceback(error))


async def run_checks(source: str, checks: list[Check], lang: str = "en") -> list[Result]:
    """Run every check on the program `source`, each within its time limit, and return
    one Result per check, messages in `lang`. A program that does not compile fails
    every check with the compiler's message."""
    text = TEXT.get(lang, TEXT["en"])
    try:
        compile(source, FILENAME, "exec")
    except (SyntaxError, ValueError) as error:  # ValueError: a null byte, before 3.12
        detail = "".join(traceback.format_exception_only(type(error), error))
        return [
            Result(c.name, c.kind, c.title.get(lang, c.title["en"]), False, text["syntax"], detail)
            for c in checks
        ]
    program = Program(source)
    results = []
    for c in checks:
        title = c.title.get(lang, c.title["en"])
        start = time.perf_counter()
        deadline = asyncio.timeout(c.limit)
        try:
            async with deadline:
                await c.run(program)
        except Fail as fail:
            result = Result(c.name, c.kind, title, False, fail.text.get(lang, str(fail)))
        except TimeoutError as error:
            if deadline.expired():  # the check's own time limit
                message = text["timeout"].format(limit=c.limit)
                result = Result(c.name, c.kind, title, False, message)
            else:  # a TimeoutError out of the reader's code
                result = _raised(c, title, text, error)
        except asyncio.CancelledError as error:
            if asyncio.current_task().cancelling():
                raise  # the Check itself is cancelled (Stop)
            result = _raised(c, title, text, error)  # the reader's code let one out
        except (Exception, SystemExit) as error:  # the reader's code failed (or exit()): say where
            result = _raised(c, title, text, error)
        else:
            result = Result(c.name, c.kind, title, True)
        result.seconds = time.perf_counter() - start
        results.append(result)
    return results


def load_files(checks: str, program: str) -> tuple[list[Check], str]:
    """The checks defined in the file `checks`, and the source of the file `program`."""
    with open(checks, encoding="utf-8") as f:
        found = load_checks(f.read(), checks)
    with open(program, encoding="utf-8") as f:
        return found, f.read()


def write_results(path: str, results: list[Result]) -> bool:
    """Write results to the file `path` as a JSON list; True when all passed.

    Results go to a file, not to stdout, so nothing the reader's program prints can
    break them. The page's Check button runs `check.py` (beside this file) in the
    worker, which hands the file back; the tests run `main` in a process they can kill."""
    with open(path, "w", encoding="utf-8") as f:
        json.dump([vars(r) for r in results], f, ensure_ascii=False)
    return all(r.passed for r in results)


def main(argv: list[str] | None = None) -> int:
    """`python checking.py CHECKS.py PROGRAM.py RESULTS.json [LANG]`: run the checks,
    write the results (see `write_results`), exit 0 when all pass."""
    args = sys.argv[1:] if argv is None else argv
    checks_path, program_path, results_path, lang = (args + ["en"])[:4]
    checks, source = load_files(checks_path, program_path)
    results = asyncio.run(run_checks(source, checks, lang))
    return 0 if write_results(results_path, results) else 1


if __name__ == "__main__":
    sys.exit(main())
