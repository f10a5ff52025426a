"""Checks for the bakery's closing time."""

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


async def not_cancelled(coro):
    """Await `coro`. A CancelledError that comes out of it although nobody cancelled this
    check (the reader awaited a task they had cancelled) fails with a nudge."""
    try:
        return await coro
    except asyncio.CancelledError:
        if asyncio.current_task().cancelling():
            raise  # the check's own time limit: let it through
        raise Fail(
            en="close_bakery() raised CancelledError, although nobody cancelled it: awaiting "
            "a task that you have cancelled raises its CancelledError in your coroutine. Wait "
            "for the cancelled tasks without letting their cancellation out: "
            "`await asyncio.wait(pending)`, or `asyncio.gather(*pending, "
            "return_exceptions=True)`.",
            zh="close_bakery() 抛出了 CancelledError，可并没有谁取消它：await 一个你自己取消了的"
            "任务，它的 CancelledError 会在你的协程里抛出来。等待被取消的任务时，不要让它们的取消"
            "传出来：用 `await asyncio.wait(pending)`，或者 "
            "`asyncio.gather(*pending, return_exceptions=True)`。",
        ) from None


@check(
    "behaviour",
    en="At closing time every oven is off and the baked loaves are listed",
    zh="打烊时所有烤箱都已关闭，并列出烤好的面包",
)
async def ovens_off_at_closing(program):
    printed = await not_cancelled(program.main_output())
    want = ["baked: rye, seeded", "ovens still on: none"]
    if printed.splitlines() != want:
        raise Fail(
            en=f"main() should print:\n{chr(10).join(want)}\nbut it printed:\n"
            f"{printed or '(nothing)'}\nAt closing time, cancel the loaves still baking and "
            "wait until they are out.",
            zh=f"main() 应该打印：\n{chr(10).join(want)}\n但它打印的是：\n"
            f"{printed or '（什么也没有）'}\n打烊时，请取消还在烘烤的面包，并等它们出炉。",
        )
    close_bakery = program.function("close_bakery")
    orders = {"bagel": 0.1, "stollen": 3.0, "pretzel": 0.15}
    ovens: dict[str, str] = {}
    baked = await not_cancelled(close_bakery(orders, 0.35, ovens))
    still_on = sorted(loaf for loaf, state in ovens.items() if state != "off")
    if still_on:
        raise Fail(
            en=f"close_bakery({orders}, 0.35, ovens) returned while these ovens were still "
            f"on: {', '.join(still_on)}. Cancel every task still pending at closing time, "
            "and wait for the cancelled tasks to finish: cancel() only asks.",
            zh=f"close_bakery({orders}, 0.35, ovens) 返回时，这些烤箱还开着："
            f"{', '.join(still_on)}。打烊时要取消所有还没完成的任务，并等这些被取消的任务"
            "真正结束：cancel() 只是提出请求。",
        )
    if list(baked) != ["bagel", "pretzel"]:
        raise Fail(
            en=f"close_bakery({orders}, 0.35, ovens) returned {baked!r}, expected "
            "['bagel', 'pretzel']: the loaves finished before closing, in the order of "
            "the orders.",
            zh=f"close_bakery({orders}, 0.35, ovens) 返回了 {baked!r}，应该是 "
            "['bagel', 'pretzel']：打烊前烤好的面包，按订单的顺序排列。",
        )


@check(
    "timing",
    en="All the loaves bake at once, and the shop closes on time",
    zh="所有面包同时烘烤，并且按时打烊",
)
async def closes_on_time(program):
    bake = program.function("bake")
    close_bakery = program.function("close_bakery")
    one, day = await not_cancelled(
        side_by_side(
            program,
            bake("baguette", 0.4, {}),  # one loaf that takes as long as the day
            close_bakery({"roll": 0.2, "bun": 0.3, "panettone": 5.0}, 0.4, {}),
        )
    )
    if day > 1.5 * one:
        raise Fail(
            en=f"With closing time at 0.4 s, close_bakery() took {day:.2f} s, "
            f"{day / one:.1f} times as long as a single 0.4 s loaf ({one:.2f} s): the loaves "
            "are baked one after another, or closing time is counted per loaf. Start every "
            "loaf as a task first, then wait for all of them, with one deadline.",
            zh=f"打烊时间是 0.4 秒，close_bakery() 却用了 {day:.2f} 秒，是单独烤一个 0.4 秒"
            f"面包（{one:.2f} 秒）的 {day / one:.1f} 倍：面包是一个接一个烤的，或者打烊时间"
            "是按每个面包分别计算的。先把每个面包都作为任务启动，再用同一个截止时间等待它们全部完成。",
        )


@check(
    "structure",
    en="No time.sleep() inside an async def",
    zh="async def 里没有 time.sleep()",
)
async def no_blocking_sleep(program):
    found = program.calls("time.sleep", inside_async=True)
    if found:
        lines = ", ".join(str(call.lineno) for call in found)
        raise Fail(
            en=f"time.sleep() inside a coroutine (line {lines}) makes the one baker stand "
            "still, and every other oven waits with it: the whole event loop stops. Use "
            "`await asyncio.sleep()`, or leave the pause out.",
            zh=f"协程里的 time.sleep()（第 {lines} 行）会让唯一的面包师原地不动，"
            "其他烤箱也都跟着等：整个事件循环停了下来。"
            "请改用 `await asyncio.sleep()`，或者干脆去掉这次停顿。",
        )
