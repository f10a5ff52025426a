"""Checks for the bike dock exercise (guide/synchronisation)."""

import asyncio

from checking import Fail, check


def _empty_dock(program) -> list:
    dock = getattr(program.module, "dock", None)
    if not isinstance(dock, list):
        raise Fail(
            en="The program has no `dock` list any more: keep it, the checks put bikes in it "
            "through `return_bike`.",
            zh="程序里没有 `dock` 列表了：请保留它，检查会通过 `return_bike` 往里面放自行车。",
        )
    dock.clear()
    return dock


async def _stop(tasks) -> None:
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)


def _crashed(riders: dict) -> tuple[str, BaseException] | None:
    for name, task in riders.items():
        if task.done() and not task.cancelled() and task.exception() is not None:
            return name, task.exception()
    return None


@check(
    "behaviour",
    en="Each bike brought back goes to exactly one waiting rider",
    zh="每辆还回来的自行车只交给一位正在等待的骑手",
)
async def one_bike_one_rider(program):
    rent = program.function("rent")
    return_bike = program.function("return_bike")
    _empty_dock(program)
    riders = {name: asyncio.create_task(rent(name)) for name in ("Dee", "Eli", "Fay")}
    try:
        await asyncio.sleep(0.1)  # all three wait at the empty dock
        await return_bike("bike 1")
        await asyncio.sleep(0.5)  # longer than taking and unlocking a bike
        crashed = _crashed(riders)
        if crashed:
            name, error = crashed
            raise Fail(
                en=f"One bike came back for three waiting riders, and {name}'s rent() raised "
                f"{type(error).__name__}: {name} was woken up, found the dock empty (another "
                "rider had taken the bike), and took a bike anyway. After a wake-up, look at "
                "the dock again before taking a bike: wait in a `while` loop, or with "
                "`await dock_changed.wait_for(lambda: dock)`.",
                zh=f"三位骑手在等，只还回来一辆车，{name} 的 rent() 却抛出了 "
                f"{type(error).__name__}："
                f"{name} 被唤醒时，车已经被别的骑手骑走了，桩上是空的，{name} 却照样去取车。"
                "被唤醒之后，要先重新看一眼车桩再取车：在 `while` 循环里等待，"
                "或者写 `await dock_changed.wait_for(lambda: dock)`。",
            )
        riding = [name for name, task in riders.items() if task.done()]
        if len(riding) != 1:
            raise Fail(
                en=f"One bike came back for three waiting riders; 0.5 s later {len(riding)} of "
                "them had a bike, one was expected. A rider must notice the bike as soon as "
                "it is back: `return_bike` notifies the condition, and `rent` waits on it.",
                zh=f"三位骑手在等，还回来一辆车；0.5 秒后，有 {len(riding)} 位骑手拿到了车，"
                "应该正好一位。车一还回来，骑手就要知道：`return_bike` 通知条件变量，"
                "`rent` 在它上面等待。",
            )
        await return_bike("bike 2")
        await return_bike("bike 3")
        _, waiting = await asyncio.wait(riders.values(), timeout=1.5)
        crashed = _crashed(riders)
        if crashed:
            name, error = crashed
            raise Fail(
                en=f"When two more bikes came back, {name}'s rent() raised "
                f"{type(error).__name__}. Take a bike only while holding the condition's lock, "
                "after checking that the dock has one.",
                zh=f"又还回来两辆车时，{name} 的 rent() 抛出了 {type(error).__name__}。"
                "只能在持有条件变量的锁、并确认车桩上有车之后再取车。",
            )
        bikes = sorted(task.result() for task in riders.values() if task.done())
        if waiting or bikes != ["bike 1", "bike 2", "bike 3"]:
            raise Fail(
                en=f"Three bikes came back for three riders, but they ended up with {bikes} "
                f"and {len(waiting)} still waiting. Every returned bike must wake a rider: "
                "call `notify()` in `return_bike`, while holding the condition's lock.",
                zh=f"三位骑手等来了三辆车，结果他们拿到的是 {bikes}，还有 {len(waiting)} 位在等。"
                "每还回一辆车都必须唤醒一位骑手：在 `return_bike` 里持有条件变量的锁，"
                "调用 `notify()`。",
            )
    finally:
        await _stop(list(riders.values()))


@check(
    "timing",
    en="Riders unlock their bikes at the same time",
    zh="骑手们同时解锁各自的车",
)
async def unlock_together(program):
    unlock = program.function("unlock")
    rent = program.function("rent")
    return_bike = program.function("return_bike")
    _, one = await program.timed(unlock("bike 0"))
    _empty_dock(program)
    riders = []

    async def rush():
        riders.extend(asyncio.create_task(rent(f"rider {n}")) for n in range(1, 5))
        await asyncio.sleep(0.2)  # the dock is empty for a while
        for n in range(1, 5):
            await return_bike(f"bike {n}")
        return await asyncio.gather(*riders)

    try:
        _, took = await program.timed(rush())
    finally:
        await _stop(riders)
    if took > 3 * one:
        raise Fail(
            en=f"Four bikes came back together after 0.2 s, and the four waiting riders had "
            f"them all unlocked only after {took:.2f} s, {took / one:.1f} times one unlocking "
            f"({one:.2f} s); about 1.7 would be right. Either the riders noticed the bikes "
            "late, or they unlocked them one at a time: hold the condition's lock only to "
            "look at the dock and take a bike, and call `unlock()` after the `async with` "
            "block.",
            zh=f"0.2 秒后四辆车一起还了回来，四位等待的骑手却到 {took:.2f} 秒才全部解锁，"
            f"是解锁一辆车（{one:.2f} 秒）的 {took / one:.1f} 倍，正确的话大约是 1.7 倍。"
            "要么骑手们发现车太晚，要么他们一个接一个地解锁：只在查看车桩、取车时持有条件变量的锁，"
            "把 `unlock()` 放到 `async with` 块后面。",
        )


@check(
    "structure",
    en="Riders wait on an asyncio.Condition instead of looking again and again",
    zh="骑手在 asyncio.Condition 上等待，而不是一遍遍地查看",
)
async def waits_on_a_condition(program):
    if not (
        program.uses("asyncio.Condition") and (program.awaits("wait_for") or program.awaits("wait"))
    ):
        raise Fail(
            en="The program does not wait on an `asyncio.Condition` (no `Condition` whose "
            "`wait()` or `wait_for()` is awaited). Looking at the dock more often makes "
            "riders react sooner, but each look is work for nothing, and they still react "
            "late. Create one `asyncio.Condition()` for the dock: `rent` waits on it, "
            "`return_bike` notifies it.",
            zh="程序没有在 `asyncio.Condition` 上等待（没有哪个 `Condition` 的 `wait()` 或 "
            "`wait_for()` 被 await）。查看车桩查得越勤，骑手反应越快，可每次查看都是白费功夫，"
            "而且反应仍然会晚。请为车桩创建一个 `asyncio.Condition()`：`rent` 在它上面等待，"
            "`return_bike` 通知它。",
        )
