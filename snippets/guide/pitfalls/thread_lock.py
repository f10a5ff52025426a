"""Pitfall: a threading.Lock held across an await freezes the whole loop."""

import asyncio
import threading
import time

cache_lock = threading.Lock()
START = time.perf_counter()


def log(message: str) -> None:
    print(f"{time.perf_counter() - START:4.2f} s  {message}")


async def refresh(name: str) -> None:
    if not cache_lock.acquire(timeout=1.0):  # (1)!
        log(f"{name}: gave up waiting for the lock")
        raise TimeoutError(f"{name} could not take cache_lock")
    try:
        log(f"{name}: refreshing")
        await asyncio.sleep(0.2)  # (2)!
        log(f"{name}: done")
    finally:
        cache_lock.release()


async def heartbeat() -> None:
    for _ in range(3):
        log("heartbeat")
        await asyncio.sleep(0.05)


async def main() -> None:
    await asyncio.gather(heartbeat(), refresh("first"), refresh("second"))  # (3)!


asyncio.run(main())
