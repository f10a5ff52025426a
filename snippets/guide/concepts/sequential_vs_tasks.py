"""Three dishes: awaited one after another, awaited right after creation, run as tasks."""

import asyncio
import time

DISHES = {"soup": 0.3, "steak": 0.5, "salad": 0.2}  # seconds each one cooks


async def cook(dish: str, seconds: float) -> str:
    await asyncio.sleep(seconds)
    return dish


async def one_after_another() -> list[str]:
    return [await cook(dish, seconds) for dish, seconds in DISHES.items()]  # (1)!


async def task_then_await() -> list[str]:
    return [await asyncio.create_task(cook(d, s)) for d, s in DISHES.items()]  # (2)!


async def all_tasks_first() -> list[str]:
    tasks = [asyncio.create_task(cook(d, s)) for d, s in DISHES.items()]  # (3)!
    return [await task for task in tasks]


async def main() -> None:
    for version in (one_after_another, task_then_await, all_tasks_first):
        start = time.perf_counter()
        served = await version()
        print(f"{version.__name__:<18} {time.perf_counter() - start:.2f} s  {served}")


asyncio.run(main())
