"""Checks for the first-reefer exercise: an async generator left early is closed, so its
clean-up runs before the caller goes on."""

import ast
import asyncio

from checking import Fail, check


async def seconds(coro):
    """The seconds `coro` took."""
    loop = asyncio.get_running_loop()
    start = loop.time()
    await coro
    return loop.time() - start


async def side_by_side(program, *coros):
    """The seconds each of `coros` took, run at the same time (so a stall of a loaded
    machine delays them all); what they print is discarded."""
    times, _ = await program.timed(asyncio.gather(*(seconds(c) for c in coros)))
    return times


@check(
    "behaviour",
    en="The crane is parked when first_reefer() returns",
    zh="first_reefer() 返回时，起重机已经停好",
)
async def crane_parked_on_return(program):
    printed = (await program.main_output()).splitlines()
    if printed[-2:] != ["crane off", "first reefer: R-201"]:
        raise Fail(
            en="main() should end its log with 'crane off' and then 'first reefer: R-201', "
            f"but it printed:\n{chr(10).join(printed) or '(nothing)'}\nThe crane must be "
            "parked before first_reefer() returns: close the generator and await the closing.",
            zh="main() 的日志应该以 'crane off' 和 'first reefer: R-201' 这两行结尾，"
            f"但它打印的是：\n{chr(10).join(printed) or '（什么也没有）'}\n"
            "first_reefer() 返回之前，起重机必须已经停好：请关闭生成器，并等待关闭完成。",
        )
    first_reefer = program.function("first_reefer")
    cases = [(["R-1", "D-2"], "R-1"), (["D-1", "D-2", "R-3", "D-4"], "R-3"), (["D-1"], None)]
    for manifest, want in cases:
        log: list[str] = []
        got = await first_reefer(manifest, log)
        if log.count("crane off") != 1 or log[-1] != "crane off":
            raise Fail(
                en=f"first_reefer({manifest}) returned, and the log at that moment was "
                f"{log!r}: it should end with one 'crane off'. Leaving `async for` early "
                "leaves the generator suspended at its `yield`, its `finally` not run yet. "
                "Close it, and await the closing: `async with contextlib.aclosing(...)`.",
                zh=f"first_reefer({manifest}) 返回时，日志是 {log!r}：它应该以一条 'crane off' "
                "结尾。提前离开 `async for` 时，生成器仍然挂起在 `yield` 处，它的 `finally` "
                "还没有执行。请关闭它，并等待关闭完成：`async with contextlib.aclosing(...)`。",
            )
        if got != want:
            raise Fail(
                en=f"first_reefer({manifest}) returned {got!r}, expected {want!r}: the first "
                "container whose name starts with 'R-', or None when there is none.",
                zh=f"first_reefer({manifest}) 返回了 {got!r}，应该是 {want!r}："
                "名字以 'R-' 开头的第一个集装箱；一个都没有时返回 None。",
            )


@check(
    "timing",
    en="Unloading stops at the first reefer",
    zh="卸到第一个冷藏集装箱就停",
)
async def stops_at_the_reefer(program):
    first_reefer = program.function("first_reefer")
    manifest = ["R-9"] + [f"D-{n}" for n in range(6)]
    alone, ship = await side_by_side(program, first_reefer(["R-9"], []), first_reefer(manifest, []))
    if ship > 2 * alone:
        raise Fail(
            en=f"The reefer is the first of seven containers, yet first_reefer() took "
            f"{ship:.2f} s, {ship / alone:.1f} times as long as for a ship with that reefer "
            f"alone ({alone:.2f} s): the crane went on lifting the other six. Return as soon "
            "as the reefer is found, and let closing the generator park the crane.",
            zh=f"冷藏集装箱是七个集装箱中的第一个，first_reefer() 却用了 {ship:.2f} 秒，"
            f"是船上只有这一个冷藏集装箱时（{alone:.2f} 秒）的 {ship / alone:.1f} 倍："
            "起重机把另外六个也吊了下来。找到冷藏集装箱就返回，停放起重机的事交给生成器的关闭来完成。",
        )


@check(
    "structure",
    en="unload() keeps its clean-up in a finally block",
    zh="unload() 的清理工作仍然放在 finally 块里",
)
async def cleanup_in_the_generator(program):
    for node in ast.walk(program.tree):
        if isinstance(node, ast.AsyncFunctionDef) and node.name == "unload":
            if any(isinstance(n, ast.Try) and n.finalbody for n in ast.walk(node)):
                return
    raise Fail(
        en="unload() no longer parks the crane in a `finally` block. The generator owns "
        "the crane, so it should switch it off however it ends; whoever leaves the "
        "`async for` early closes the generator (`aclosing()` or `await ....aclose()`), "
        "and that runs the `finally`.",
        zh="unload() 不再在 `finally` 块里停放起重机。起重机归生成器管，所以不管生成器"
        "怎样结束，都应该由它来关掉起重机；提前离开 `async for` 的一方负责关闭生成器"
        "（`aclosing()` 或 `await ....aclose()`），这样 `finally` 就会执行。",
    )
