"""Checks for the pottery exercise (guide/concepts)."""

import ast

from checking import Fail, check


@check(
    "timing",
    en="The pots fire in the kiln at the same time",
    zh="几件陶器同时在窑里烧制",
)
async def pots_overlap(program):
    make_pot = program.function("make_pot")
    make_all = program.function("make_all")
    _, one = await program.timed(make_pot("plate"))  # a stall only makes the limit kinder
    _, together = await program.timed(make_all(["jug", "bowl", "vase", "cup"]))
    if together > 2.4 * one:
        raise Fail(
            en=f"Four pots took {together:.2f} s, {together / one:.1f} times one pot alone "
            f"({one:.2f} s): each pot went into the kiln only after the previous one came "
            "out. A task created and awaited in the same step of the loop is no better than "
            "awaiting the coroutine: create all the tasks first, then await them.",
            zh=f"四件陶器用了 {together:.2f} 秒，是单独做一件（{one:.2f} 秒）的 "
            f"{together / one:.1f} 倍：每件陶器都要等上一件出窑才进窑。在循环的同一步里创建任务、"
            "又立即 await 它，和直接 await 协程没有区别：先把所有任务都创建出来，再逐个 await。",
        )


@check(
    "behaviour",
    en="make_all() returns one line per pot, in the order asked",
    zh="make_all() 每件陶器返回一行，按订单顺序排列",
)
async def every_pot_in_order(program):
    make_all = program.function("make_all")
    for pots in (["cup", "jug", "cup"], []):
        got, _ = await program.timed(make_all(pots))  # timed() discards what it prints
        want = [f"{pot}: fired" for pot in pots]
        if list(got) != want:
            raise Fail(
                en=f"make_all({pots}) returned {got!r}, expected {want!r}. Every pot in the "
                "list is made, also one that is ordered twice, and its line goes where the "
                "pot stands in the list: keep the tasks in a list, in the order of `pots`.",
                zh=f"make_all({pots}) 返回了 {got!r}，应该是 {want!r}。列表里的每件陶器都要做，"
                "订了两次的也要做两次，它的那一行要放在它在列表中的位置上："
                "把任务按 `pots` 的顺序放进一个列表。",
            )


@check(
    "structure",
    en="Shaping stays work: shape() is a plain function that keeps the thread busy",
    zh="拉坯仍是实打实的手上活：shape() 是一个占着线程的普通函数",
)
async def shaping_is_work(program):
    defined = {
        node.name: node
        for node in program.tree.body
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
    }
    wheel = defined.get("shape")
    if not isinstance(wheel, ast.FunctionDef) or not any(
        isinstance(node, ast.Call) and program.name_of(node.func) == "time.sleep"
        for node in ast.walk(wheel)
    ):
        raise Fail(
            en="`shape` is no longer the plain function that calls `time.sleep(SHAPE_TIME)`. "
            "It stands for work done by hand, such as a computation: turning it into "
            "`await asyncio.sleep()` would make four pots look faster than one potter can "
            "make them. asyncio overlaps waiting, not work. Keep `shape` as the starter has "
            "it and overlap the firing.",
            zh="`shape` 不再是那个调用 `time.sleep(SHAPE_TIME)` 的普通函数了。它代表手上的活，"
            "就像一段计算：把它改成 `await asyncio.sleep()`，四件陶器就显得比一位陶工真正"
            "能做到的还快。asyncio 能让等待重叠，却不能让干活重叠。请保持初始代码里的 "
            "`shape`，让烧制重叠起来。",
        )
