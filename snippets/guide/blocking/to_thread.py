"""Blocking calls moved to threads: the heartbeat keeps its rhythm."""

import asyncio
import time

INTERVAL = 0.2


def fetch_report(name: str, seconds: float) -> str:
    time.sleep(seconds)  # (1)!
    return f"{name} report ({seconds} s)"


async def heartbeat(start: float, beats: int) -> None:
    last = time.perf_counter()
    for n in range(1, beats + 1):
        await asyncio.sleep(INTERVAL)
        now = time.perf_counter()
        print(f"{now - start:.2f} s  beat {n}, {now - last:.2f} s after the last one")
        last = now


async def main() -> None:
    start = time.perf_counter()
    beating = asyncio.create_task(heartbeat(start, 4))
    reports = await asyncio.gather(
        asyncio.to_thread(fetch_report, "sales", 0.5),  # (2)!
        asyncio.to_thread(fetch_report, "stock", 0.7),
    )
    print(f"{time.perf_counter() - start:.2f} s  got {reports}")  # (3)!
    await beating


asyncio.run(main())
