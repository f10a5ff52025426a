"""Pitfall: gather() over a huge input starts every request at once."""

import asyncio
import time


class Gauge:
    """Counts how many requests are in flight, and the most there ever were."""

    def __init__(self) -> None:
        self.now = self.peak = 0

    def __enter__(self) -> None:
        self.now += 1
        self.peak = max(self.peak, self.now)

    def __exit__(self, *exc: object) -> None:
        self.now -= 1


async def check_link(url: str, gauge: Gauge) -> bool:
    with gauge:
        await asyncio.sleep(0.1)  # one HTTP request
        return True


async def main() -> None:
    urls = [f"https://shop.example/item/{n}" for n in range(200)]
    gauge = Gauge()
    start = time.perf_counter()
    results = await asyncio.gather(*(check_link(url, gauge) for url in urls))  # (1)!
    elapsed = time.perf_counter() - start
    print(f"checked {len(results)} links in {elapsed:.2f} s")
    print(f"peak concurrency: {gauge.peak} requests at once")  # (2)!


asyncio.run(main())
