"""Deadlock: blocking on a future's result in the loop's own thread."""

import asyncio
import time


async def fetch_rate(currency: str) -> float:
    await asyncio.sleep(0.05)  # stands for a request to a rates service
    return {"EUR": 1.08, "JPY": 0.0067}[currency]


def rate_now(loop: asyncio.AbstractEventLoop, currency: str) -> float:
    """A synchronous wrapper, meant for code running in other threads."""
    future = asyncio.run_coroutine_threadsafe(fetch_rate(currency), loop)
    return future.result(timeout=1.0)  # (1)!


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = time.perf_counter()
    try:
        rate = rate_now(loop, "EUR")  # (2)!
    finally:
        print(f"blocked the loop for {time.perf_counter() - start:.2f} s")
    print(f"EUR: {rate}")


asyncio.run(main())
