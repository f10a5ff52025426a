"""Pitfall: a blocking call inside a coroutine stalls every other task."""

import asyncio
import time


def make_thumbnail(photo: str) -> str:
    time.sleep(0.5)  # (1)!
    return f"thumb-{photo}"


async def heartbeat(gaps: list[float]) -> None:
    last = time.perf_counter()
    while True:
        await asyncio.sleep(0.1)  # (2)!
        now = time.perf_counter()
        gaps.append(now - last)
        last = now


async def handle_upload(photo: str) -> None:
    await asyncio.sleep(0.25)
    print("made", make_thumbnail(photo))  # (3)!


async def main() -> None:
    gaps: list[float] = []
    beat = asyncio.create_task(heartbeat(gaps))
    await handle_upload("cat.jpg")
    await asyncio.sleep(0.25)
    beat.cancel()
    print(f"longest gap between heartbeats: {max(gaps):.2f} s (they should come every 0.10 s)")


asyncio.run(main())
