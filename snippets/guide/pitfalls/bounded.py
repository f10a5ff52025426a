"""The fix: a semaphore lets at most LIMIT requests run at once."""

import asyncio
import time

LIMIT = 20


class Gauge:
    """Counts how many requests are in flight, and the most there ever were."""

    def __init__(self) -> None:
        self.now = self.peak = 0

    def __enter__(self) -> None:
        self.now += 1
        self.peak = max(self.peak, self.now)

    def __exit__(self, *exc: object) -> None:
        self.now -= 1


async def check_link(url: str, gauge: Gauge, gate: asyncio.Semaphore) -> bool:
    async with gate:  # (1)!
        with gauge:
            await asyncio.sleep(0.1)  # one HTTP request
            return True


async def main() -> None:
    urls = [f"https://shop.example/item/{n}" for n in range(200)]
    gauge = Gauge()
    gate = asyncio.Semaphore(LIMIT)
    start = time.perf_counter()
    results = await asyncio.gather(*(check_link(url, gauge, gate) for url in urls))
    elapsed = time.perf_counter() - start
    print(f"checked {len(results)} links in {elapsed:.2f} s")
    print(f"peak concurrency: {gauge.peak} requests at once")  # (2)!


asyncio.run(main())
