"""A pool of three cooks works through eight jobs; one sentinel per cook ends the day."""

import asyncio
import time

JOBS = [("soup", 0.3), ("salad", 0.2), ("toast", 0.1), ("stew", 0.3),
        ("roast", 0.4), ("rice", 0.2), ("curry", 0.4), ("tart", 0.2)]  # fmt: skip
DONE = None  # (1)!

start = time.perf_counter()


async def cook(name: str, jobs: asyncio.Queue, finished: dict) -> None:
    while (job := await jobs.get()) is not DONE:  # (2)!
        dish, seconds = job
        await asyncio.sleep(seconds)
        finished.setdefault(name, []).append(dish)
        print(f"{time.perf_counter() - start:4.2f} s  {name} finished the {dish}")


async def main() -> None:
    jobs: asyncio.Queue = asyncio.Queue()
    for job in JOBS:
        jobs.put_nowait(job)
    cooks = ["Ann", "Ben", "Cai"]
    for _ in cooks:
        jobs.put_nowait(DONE)  # (3)!
    finished: dict[str, list[str]] = {}
    async with asyncio.TaskGroup() as tg:
        for name in cooks:
            tg.create_task(cook(name, jobs, finished))
    work = sum(seconds for _, seconds in JOBS)
    print(f"{work:.1f} s of work done in {time.perf_counter() - start:.2f} s")
    for name in cooks:
        print(f"{name}: {', '.join(finished[name])}")


asyncio.run(main())
