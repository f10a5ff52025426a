"""Checks for the news wire: an async generator hands over each value as it arrives."""

import ast
import contextlib
import inspect
import io
import time

from checking import Fail, check

HEADLINES = [
    "Bridge reopens after repairs",
    "Ferry timetable changes on Monday",
    "Market hall turns 100",
    "Lighthouse lamp replaced",
]


def _async_iterable(program, count):
    """wire(count), or a Fail saying it is not something `async for` can consume."""
    got = program.function("wire")(count)
    if not hasattr(got, "__aiter__"):
        if inspect.iscoroutine(got):
            got.close()
        raise Fail(
            en=f"wire({count}) gave {type(got).__name__}, which `async for` cannot iterate. "
            "An `async def` that contains `yield` is an async generator: yield each "
            "headline instead of collecting them in a list.",
            zh=f"wire({count}) 得到的是 {type(got).__name__}，`async for` 无法迭代它。"
            "含有 `yield` 的 `async def` 就是异步生成器：把每条标题 yield 出去，"
            "而不是先收集到列表里。",
        )
    return got


@check("output", en="main() prints the four headlines", zh="main() 打印四条新闻标题")
async def prints_headlines(program):
    printed = await program.main_output()
    want = [f"NEWS: {h}" for h in HEADLINES]
    if printed.splitlines() != want:
        raise Fail(
            en=f"Expected these lines:\n{chr(10).join(want)}\nbut main() printed:\n"
            f"{printed or '(nothing)'}\nPrint each headline as `NEWS: ` and the headline.",
            zh=f"应该打印这几行：\n{chr(10).join(want)}\n但 main() 打印的是：\n"
            f"{printed or '（什么也没有）'}\n每条标题都按 `NEWS: ` 加标题的格式打印。",
        )


@check(
    "behaviour",
    en="wire(count) gives exactly the first count headlines",
    zh="wire(count) 正好给出前 count 条标题",
)
async def any_count(program):
    for count in (2, 0):
        with contextlib.redirect_stdout(io.StringIO()):  # prints discarded
            got = [headline async for headline in _async_iterable(program, count)]
        if got != HEADLINES[:count]:
            raise Fail(
                en=f"wire({count}) gave {got!r}, expected {HEADLINES[:count]!r}. Stop after "
                "`count` headlines.",
                zh=f"wire({count}) 给出的是 {got!r}，应该是 {HEADLINES[:count]!r}。"
                "给出 `count` 条标题之后就停下。",
            )


@check(
    "timing",
    en="The first headline comes out without waiting for the others",
    zh="第一条标题不必等其他标题到齐就能拿到",
)
async def first_without_waiting(program):
    stream = _async_iterable(program, 4)
    start = time.perf_counter()
    first = None
    with contextlib.redirect_stdout(io.StringIO()):  # prints discarded
        async for _ in stream:
            if first is None:
                first = time.perf_counter() - start
    total = time.perf_counter() - start
    if first is None or first > 0.6 * total:  # right: 1/4 of the total; wrong: all of it
        raise Fail(
            en=f"The first of four headlines came out after {first or 0:.2f} s, and the "
            f"last after {total:.2f} s: the first one waited for all the others. Yield each "
            "headline as soon as it has arrived, inside the loop that waits for them.",
            zh=f"四条标题中的第一条在 {first or 0:.2f} 秒后才拿到，最后一条在 {total:.2f} 秒后："
            "第一条是等其他标题都到齐才交出来的。在等待标题的那个循环里，"
            "每到一条就立即 yield 出去。",
        )


@check(
    "structure",
    en="main() prints inside an async for loop",
    zh="main() 在 async for 循环里打印",
)
async def prints_as_they_come(program):
    mains = [
        node
        for node in program.tree.body
        if isinstance(node, ast.AsyncFunctionDef) and node.name == "main"
    ]
    loops = [
        node
        for main in mains
        for node in ast.walk(main)
        if isinstance(node, ast.AsyncFor)
        and any(
            isinstance(call, ast.Call) and getattr(call.func, "id", "") == "print"
            for call in ast.walk(node)
        )
    ]
    if not loops:
        raise Fail(
            en="main() has no `async for` loop that prints. Collecting the headlines first "
            "(in a list or an async comprehension) and printing them afterwards shows "
            "nothing until the last one has arrived. Write `async for headline in "
            "wire(4):` and print in its body.",
            zh="main() 里没有一个在循环体中打印的 `async for` 循环。先把标题收集起来"
            "（放进列表，或者用异步推导式），事后再打印，就要等到最后一条到达才能看到任何内容。"
            "请写成 `async for headline in wire(4):`，并在循环体里打印。",
        )
