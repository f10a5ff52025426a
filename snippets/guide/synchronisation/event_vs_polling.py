"""Waiters wait for the kitchen to open: by polling a flag, then with an asyncio.Event."""

import asyncio
import time


async def poll(name: str, state: dict, start: float) -> None:
    checks = 1
    while not state["open"]:  # (1)!
        await asyncio.sleep(0.2)
        checks += 1
    print(f"  {name} noticed at {time.perf_counter() - start:.2f} s after {checks} checks")


async def wait_for_event(name: str, opened: asyncio.Event, start: float) -> None:
    await opened.wait()  # (2)!
    print(f"  {name} noticed at {time.perf_counter() - start:.2f} s")


async def main() -> None:
    print("polling a flag every 0.2 s:")
    state = {"open": False}
    start = time.perf_counter()
    async with asyncio.TaskGroup() as tg:
        for name in ("Ann", "Ben"):
            tg.create_task(poll(name, state, start))
        await asyncio.sleep(0.3)
        state["open"] = True

    print("waiting on an Event:")
    opened = asyncio.Event()
    start = time.perf_counter()
    async with asyncio.TaskGroup() as tg:
        for name in ("Ann", "Ben"):
            tg.create_task(wait_for_event(name, opened, start))
        await asyncio.sleep(0.3)
        opened.set()  # (3)!


asyncio.run(main())
