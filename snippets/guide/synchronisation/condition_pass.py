"""Waiters take plates from the pass: woken by an Event, then by a Condition."""

import asyncio

DISHES = ["soup", "stew", "tart"]


async def kitchen_event(plates: list, ready: asyncio.Event) -> None:
    for dish in DISHES:
        await asyncio.sleep(0.1)
        plates.append(dish)
        ready.set()  # (1)!
        ready.clear()


async def waiter_event(name: str, plates: list, ready: asyncio.Event, wasted: list) -> None:
    while True:
        await ready.wait()
        if plates:
            print(f"  {name} takes the {plates.pop(0)}")
            return
        wasted.append(name)  # (2)!


async def kitchen_cond(plates: list, cond: asyncio.Condition) -> None:
    for dish in DISHES:
        await asyncio.sleep(0.1)
        async with cond:
            plates.append(dish)
            cond.notify()  # (3)!


async def waiter_cond(name: str, plates: list, cond: asyncio.Condition, wasted: list) -> None:
    async with cond:  # (4)!
        while not plates:
            await cond.wait()  # (5)!
            if not plates:
                wasted.append(name)
        print(f"  {name} takes the {plates.pop(0)}")


async def main() -> None:
    for title, kitchen, waiter, signal in [
        ("with an Event:", kitchen_event, waiter_event, asyncio.Event()),
        ("with a Condition:", kitchen_cond, waiter_cond, asyncio.Condition()),
    ]:
        print(title)
        plates: list[str] = []
        wasted: list[str] = []
        async with asyncio.TaskGroup() as tg:
            for name in ("Ann", "Ben", "Cai"):
                tg.create_task(waiter(name, plates, signal, wasted))
            tg.create_task(kitchen(plates, signal))
        print(f"  wake-ups for nothing: {len(wasted)} {wasted}")


asyncio.run(main())
