"""Checks for the weather stations exercise."""

import asyncio

from checking import Fail, check

STATIONS = ["harbour", "hill", "airport"]
EXPECTED = ["harbour: 14 °C", "hill: 9 °C", "airport: 12 °C"]


@check("output", en="main() prints the three readings, one per line", zh="main() 逐行打印三个读数")
async def prints_readings(program):
    printed = await program.main_output()
    if printed.splitlines() != EXPECTED:
        raise Fail(
            en=f"Expected these three lines:\n{chr(10).join(EXPECTED)}\nbut main() printed:\n"
            f"{printed or '(nothing)'}\nPrint each reading on a line of its own.",
            zh=f"应该打印这三行：\n{chr(10).join(EXPECTED)}\n但 main() 打印的是：\n"
            f"{printed or '（什么也没有）'}\n每个读数单独打印一行。",
        )


@check(
    "behaviour",
    en="read_all() answers for any stations, in the order asked",
    zh="read_all() 对任意几个气象站都能给出读数，并按请求的顺序排列",
)
async def other_stations(program):
    read_all = program.function("read_all")
    for names in (["airport", "harbour"], ["hill"], []):
        got = await read_all(names)
        want = [EXPECTED[STATIONS.index(n)] for n in names]
        if list(got) != want:
            raise Fail(
                en=f"read_all({names}) returned {got!r}, expected {want!r}. Each reading "
                "belongs at the place of its station in `names`, whichever answers first.",
                zh=f"read_all({names}) 返回了 {got!r}，应该是 {want!r}。不管哪个气象站先回答，"
                "每个读数都应该放在它的气象站在 `names` 中的位置上。",
            )


async def seconds(coro) -> float:
    """The seconds `coro` took, on the loop's clock."""
    loop = asyncio.get_running_loop()
    start = loop.time()
    await coro
    return loop.time() - start


@check("timing", en="The three stations are read at the same time", zh="三个气象站同时读取")
async def all_at_once(program):
    read_station = program.function("read_station")
    read_all = program.function("read_all")
    # the slowest station alone and all three, side by side: a stall of a loaded machine
    # delays both alike
    (one, together), _ = await program.timed(
        asyncio.gather(seconds(read_station("hill")), seconds(read_all(STATIONS)))
    )
    if together > 1.5 * one:
        raise Fail(
            en=f"Reading all three took {together:.2f} s, {together / one:.1f} times as long "
            f"as the slowest station alone ({one:.2f} s): they are read one after another. "
            "Start all three reads before awaiting any of them.",
            zh=f"读取三个气象站用了 {together:.2f} 秒，是最慢的那个单独读取（{one:.2f} 秒）的 "
            f"{together / one:.1f} 倍：它们是一个接一个读取的。先把三个读取都启动，再等待它们。",
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
            en=f"time.sleep() inside a coroutine (line {lines}) stops the whole event loop, "
            "and every station with it. Use `await asyncio.sleep()`.",
            zh=f"协程里的 time.sleep()（第 {lines} 行）会让整个事件循环停下来，所有气象站都跟着停。"
            "请改用 `await asyncio.sleep()`。",
        )
