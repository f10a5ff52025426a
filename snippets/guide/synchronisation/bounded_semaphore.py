"""One release too many: a Semaphore quietly grows, a BoundedSemaphore raises ValueError."""

import asyncio


async def admitted(sem: asyncio.Semaphore) -> int:
    count = 0
    while not sem.locked():  # (1)!
        await sem.acquire()
        count += 1
    return count


async def main() -> None:
    for kind in (asyncio.Semaphore, asyncio.BoundedSemaphore):
        sem = kind(2)
        async with sem:
            pass  # a correct acquire/release pair
        try:
            sem.release()  # (2)!
        except ValueError as exc:
            print(f"{kind.__name__}(2): {type(exc).__name__}: {exc}")  # (3)!
        else:
            print(f"{kind.__name__}(2) now lets {await admitted(sem)} tasks in at once")


asyncio.run(main())
