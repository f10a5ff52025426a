"""The same three stock checks, run with create_task, with gather and with a TaskGroup."""

import asyncio
import time

SUPPLIERS = {"north": 0.3, "east": 0.1, "south": 0.2}  # seconds each one takes to answer


async def stock(supplier: str, seconds: float) -> str:
    await asyncio.sleep(seconds)
    return f"{supplier}: {int(seconds * 100)} crates"


async def with_create_task() -> list[str]:
    tasks = [asyncio.create_task(stock(s, t)) for s, t in SUPPLIERS.items()]  # (1)!
    return [await task for task in tasks]


async def with_gather() -> list[str]:
    return await asyncio.gather(*(stock(s, t) for s, t in SUPPLIERS.items()))  # (2)!


async def with_task_group() -> list[str]:
    async with asyncio.TaskGroup() as tg:  # (3)!
        tasks = [tg.create_task(stock(s, t)) for s, t in SUPPLIERS.items()]
    return [task.result() for task in tasks]  # (4)!


async def main() -> None:
    for way in (with_create_task, with_gather, with_task_group):
        start = time.perf_counter()
        answers = await way()
        print(f"{way.__name__:<16} {time.perf_counter() - start:.2f} s  {answers}")


asyncio.run(main())
