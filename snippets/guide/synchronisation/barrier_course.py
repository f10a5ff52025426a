"""A table's dishes should leave the kitchen together: without and with asyncio.Barrier."""

import asyncio
import time

COOKS = {"salad": 0.1, "soup": 0.2, "steak": 0.3}  # seconds each dish takes


async def cook(dish: str, seconds: float, barrier, start: float) -> None:
    await asyncio.sleep(seconds)
    print(f"  {time.perf_counter() - start:.2f} s  {dish} is ready")
    await barrier.wait()  # (1)!
    print(f"  {time.perf_counter() - start:.2f} s  {dish} goes out")


class NoBarrier:
    async def wait(self) -> None:
        pass


async def main() -> None:
    for title, barrier in [
        ("without a barrier:", NoBarrier()),
        ("with Barrier(3):", asyncio.Barrier(len(COOKS))),  # (2)!
    ]:
        print(title)
        start = time.perf_counter()
        async with asyncio.TaskGroup() as tg:
            for dish, seconds in COOKS.items():
                tg.create_task(cook(dish, seconds, barrier, start))


asyncio.run(main())
