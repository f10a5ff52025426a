"""The fix: in coroutines, use asyncio.Lock; waiting for it lets the loop run."""

import asyncio
import time

cache_lock = asyncio.Lock()  # (1)!
START = time.perf_counter()


def log(message: str) -> None:
    print(f"{time.perf_counter() - START:4.2f} s  {message}")


async def refresh(name: str) -> None:
    async with cache_lock:
        log(f"{name}: refreshing")
        await asyncio.sleep(0.2)
        log(f"{name}: done")


async def heartbeat() -> None:
    for _ in range(3):
        log("heartbeat")
        await asyncio.sleep(0.05)


async def main() -> None:
    await asyncio.gather(heartbeat(), refresh("first"), refresh("second"))


asyncio.run(main())
