"""Blocking calls go to a thread pool, so the event loop keeps running."""

import asyncio
import time

START = time.perf_counter()


def elapsed() -> str:
    return f"{time.perf_counter() - START:.2f} s"


def lookup_price(sku: str) -> float:  # (1)!
    time.sleep(0.5)  # stands in for a slow library call that blocks
    return {"A-100": 4.5, "B-200": 12.0}[sku]


async def ticker() -> None:
    while True:
        await asyncio.sleep(0.2)
        print(f"  tick at {elapsed()}")


async def main() -> None:
    ticks = asyncio.create_task(ticker())
    loop = asyncio.get_running_loop()
    prices = await asyncio.gather(
        loop.run_in_executor(None, lookup_price, "A-100"),  # (2)!
        asyncio.to_thread(lookup_price, "B-200"),  # (3)!
    )
    ticks.cancel()
    print(f"prices {prices} after {elapsed()}")


asyncio.run(main())
