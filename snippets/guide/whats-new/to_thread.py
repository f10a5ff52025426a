"""Python 3.9: asyncio.to_thread() runs a blocking function without stalling the loop."""

import asyncio
import time

START = time.perf_counter()


def read_meter() -> int:
    time.sleep(0.35)  # a blocking driver call
    return 4711


async def ticker() -> None:
    for _ in range(3):
        await asyncio.sleep(0.1)
        print(f"tick at {time.perf_counter() - START:.2f} s")


async def main() -> None:
    reading, _ = await asyncio.gather(asyncio.to_thread(read_meter), ticker())  # (1)!
    print(f"meter reading {reading} at {time.perf_counter() - START:.2f} s")


asyncio.run(main())
