"""A thousand guests waiting at once take one bot about as long as the longest single wait."""

import asyncio
import random
import threading
import time

GUESTS = 1_000


async def guest(wait: float) -> float:
    await asyncio.sleep(wait)  # (1)!
    return wait


async def main() -> None:
    rng = random.Random(1)
    waits = [rng.uniform(1.0, 2.0) for _ in range(GUESTS)]  # (2)!
    start = time.perf_counter()
    served = await asyncio.gather(*(guest(wait) for wait in waits))
    elapsed = time.perf_counter() - start
    print(f"{len(served)} guests served by {threading.active_count()} thread")
    print(f"longest single wait: {max(waits):.2f} s")
    print(f"all waits added up: {sum(waits) / 60:.0f} minutes")  # (3)!
    print(f"everyone served in: {elapsed:.1f} s")  # (4)!


asyncio.run(main())
