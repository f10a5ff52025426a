"""The fix: await in the loop's thread; block on the future only in another thread."""

import asyncio


async def fetch_rate(currency: str) -> float:
    await asyncio.sleep(0.05)  # stands for a request to a rates service
    return {"EUR": 1.08, "JPY": 0.0067}[currency]


def rate_now(loop: asyncio.AbstractEventLoop, currency: str) -> float:
    """A synchronous wrapper, meant for code running in other threads."""
    future = asyncio.run_coroutine_threadsafe(fetch_rate(currency), loop)
    return future.result(timeout=1.0)


async def main() -> None:
    loop = asyncio.get_running_loop()
    print(f"EUR: {await fetch_rate('EUR')}")  # (1)!
    rate = await asyncio.to_thread(rate_now, loop, "JPY")  # (2)!
    print(f"JPY: {rate}")


asyncio.run(main())
