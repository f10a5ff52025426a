"""Six pans, a stove with two burners: without a limit, then with asyncio.Semaphore(2)."""

import asyncio
import contextlib
import time


class Stove:
    def __init__(self) -> None:
        self.in_use = 0
        self.most = 0

    async def cook(self, guard) -> None:
        async with guard:  # (1)!
            self.in_use += 1
            self.most = max(self.most, self.in_use)
            await asyncio.sleep(0.2)
            self.in_use -= 1


async def main() -> None:
    for title, guard in [
        ("no limit", contextlib.nullcontext()),  # (2)!
        ("Semaphore(2)", asyncio.Semaphore(2)),  # (3)!
    ]:
        stove = Stove()
        start = time.perf_counter()
        await asyncio.gather(*(stove.cook(guard) for _ in range(6)))
        elapsed = time.perf_counter() - start
        print(f"{title:<12} at most {stove.most} pans on 2 burners, all cooked in {elapsed:.2f} s")


asyncio.run(main())
