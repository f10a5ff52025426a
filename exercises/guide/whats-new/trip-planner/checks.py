"""Checks for the trip planner exercise (guide/whats-new)."""

import asyncio

from checking import Fail, check

ITEMS = ("flight", "hotel", "car")


def _holds(error: BaseException, kind) -> bool:
    """True when `error` is a `kind`, or an exception group with a `kind` inside."""
    if isinstance(error, kind):
        return True
    return isinstance(error, BaseExceptionGroup) and error.subgroup(kind) is not None


@check(
    "behaviour",
    en="A failed booking cancels the others: nothing is charged for a failed trip",
    zh="一项预订失败，其他预订随之取消：失败的行程不收任何费用",
)
async def no_ghost_bookings(program):
    module = program.module
    plan_trip = program.function("plan_trip")
    unavailable = getattr(module, "Unavailable", None)
    confirmed = getattr(module, "confirmed", None)
    if not isinstance(unavailable, type) or not isinstance(confirmed, list):
        raise Fail(
            en="The program has lost `Unavailable` or the `confirmed` list: keep `book` and "
            "what it uses as the starter has them.",
            zh="程序里找不到 `Unavailable` 或 `confirmed` 列表了：`book` 以及它用到的东西请保持"
            "初始代码的样子。",
        )
    want = [f"{item} in Lisbon" for item in ITEMS]
    got = await plan_trip("Lisbon", 2.0)
    if list(got) != want:
        raise Fail(
            en=f"plan_trip('Lisbon', 2.0) returned {got!r}, expected {want!r}: the flight, the "
            "hotel and the car, in that order.",
            zh=f"plan_trip('Lisbon', 2.0) 返回了 {got!r}，应该是 {want!r}："
            "依次是航班、酒店和租车。",
        )
    before = len(confirmed)
    try:
        got = await plan_trip("Porto", 2.0)
    except Exception as error:
        if not _holds(error, unavailable):
            raise
    else:
        raise Fail(
            en=f"plan_trip('Porto', 2.0) returned {got!r}, but Porto has no hotel room left: "
            "it should fail with `Unavailable` (on its own or in an exception group).",
            zh=f"plan_trip('Porto', 2.0) 返回了 {got!r}，可是 Porto 已经没有酒店房间了："
            "它应该以 `Unavailable` 失败（单独抛出或放在异常组里都可以）。",
        )
    await asyncio.sleep(0.6)  # longer than any agency takes to answer
    ghosts = [booking for booking in confirmed[before:] if booking.endswith("in Porto")]
    if ghosts:
        raise Fail(
            en=f"The hotel in Porto said no after 0.1 s and plan_trip() gave up, but later "
            f"these were still booked and charged for: {', '.join(ghosts)}. `gather` does not "
            "cancel the other awaitables when one fails. Start the bookings in an "
            "`asyncio.TaskGroup`: when one task fails, the group cancels the others.",
            zh=f"Porto 的酒店在 0.1 秒后就拒绝了，plan_trip() 也放弃了，可后来下面这些还是订上了，"
            f"而且都已扣费：{', '.join(ghosts)}。一个失败时，`gather` 不会取消其他可等待对象。"
            "请在 `asyncio.TaskGroup` 里发起这几项预订：只要有一个任务失败，"
            "任务组就会取消其余的任务。",
        )


@check(
    "timing",
    en="The trip gives up when its time limit is up",
    zh="时限一到，行程规划就放弃",
)
async def gives_up_in_time(program):
    plan_trip = program.function("plan_trip")
    _, lisbon = await program.timed(plan_trip("Lisbon", 5.0))  # as long as the slowest agency

    async def attempt():
        try:
            await plan_trip("Bergen", 0.5)
        except Exception as error:
            if _holds(error, TimeoutError):
                return "timed out"
            raise
        return "booked"

    outcome, took = await program.timed(attempt())
    if took > 2 * lisbon:
        raise Fail(
            en=f"plan_trip('Bergen', limit=0.5) took {took:.2f} s, {took / lisbon:.1f} times a "
            f"whole trip to Lisbon ({lisbon:.2f} s): it waited for Bergen's slow agencies "
            "instead of giving up after 0.5 s. Put the whole booking inside "
            "`async with asyncio.timeout(limit):`.",
            zh=f"plan_trip('Bergen', limit=0.5) 用了 {took:.2f} 秒，"
            f"是订一趟 Lisbon 行程（{lisbon:.2f} 秒）的 {took / lisbon:.1f} 倍："
            "它一直在等 Bergen 那几家很慢的代理，而不是 0.5 秒后就放弃。"
            "请把整个预订过程放进 `async with asyncio.timeout(limit):`。",
        )
    if outcome != "timed out":
        raise Fail(
            en="plan_trip('Bergen', limit=0.5) ended without a `TimeoutError`: when the time is "
            "up, let `asyncio.timeout()` raise it, so that main() can say the trip was "
            "cancelled.",
            zh="plan_trip('Bergen', limit=0.5) 结束时没有抛出 `TimeoutError`：时间一到，"
            "就让 `asyncio.timeout()` 抛出它，这样 main() 才能报告行程已取消。",
        )


@check(
    "structure",
    en="No asyncio.wait_for() left: the deadline is an asyncio.timeout() block",
    zh="不再用 asyncio.wait_for()：截止时间由 asyncio.timeout() 块负责",
)
async def no_wait_for(program):
    found = program.calls("asyncio.wait_for")
    if found:
        raise Fail(
            en=f"The program still calls `asyncio.wait_for()` (line {found[0].lineno}). It works, "
            "but it puts a deadline on one awaitable, so the code has to be wrapped in an extra "
            "coroutine to fit. Since Python 3.11, `async with asyncio.timeout(limit):` puts it "
            "on a whole block, however many awaits that contains.",
            zh=f"程序仍然调用了 `asyncio.wait_for()`（第 {found[0].lineno} 行）。它能用，"
            "但它只给一个可等待对象设截止时间，代码得再包一层协程才套得进去。从 Python 3.11 起，"
            "`async with asyncio.timeout(limit):` 可以给整个代码块设截止时间，"
            "不管块里有多少个 await。",
        )
