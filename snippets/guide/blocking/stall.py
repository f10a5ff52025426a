"""A heartbeat that should tick every 0.3 s, next to a chore that naps in two different ways."""

import asyncio
import time

INTERVAL = 0.3


async def heartbeat(start: float, beats: int) -> None:
    last = time.perf_counter()
    for n in range(1, beats + 1):
        await asyncio.sleep(INTERVAL)
        now = time.perf_counter()
        gap = now - last  # (1)!
        print(f"{now - start:.2f} s  beat {n}, {gap:.2f} s after the last one")
        last = now


def legacy_nap(seconds: float) -> None:
    time.sleep(seconds)  # (2)!


async def chore(start: float, blocking: bool) -> None:
    await asyncio.sleep(0.45)
    print(f"{time.perf_counter() - start:.2f} s  chore naps for 0.9 s")
    if blocking:
        legacy_nap(0.9)
    else:
        await asyncio.sleep(0.9)  # (3)!
    print(f"{time.perf_counter() - start:.2f} s  chore wakes up")


async def main() -> None:
    for blocking in (True, False):
        print("--- time.sleep(0.9) ---" if blocking else "--- await asyncio.sleep(0.9) ---")
        start = time.perf_counter()
        await asyncio.gather(heartbeat(start, 5), chore(start, blocking))


asyncio.run(main())
