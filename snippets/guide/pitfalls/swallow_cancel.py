"""Pitfall: catching CancelledError and carrying on."""

import asyncio
import time


async def upload(chunks: int) -> int:
    sent = 0
    for _ in range(chunks):
        try:
            await asyncio.sleep(0.4)  # send one chunk
            sent += 1
        except asyncio.CancelledError:  # (1)!
            print("  upload: cancelled? never mind, carrying on")
    return sent


async def main() -> None:
    start = time.perf_counter()
    try:
        async with asyncio.timeout(0.6):  # (2)!
            sent = await upload(4)
        print(f"no TimeoutError: {sent} chunks sent after {time.perf_counter() - start:.2f} s")
    except TimeoutError:
        print(f"TimeoutError after {time.perf_counter() - start:.2f} s")

    task = asyncio.create_task(upload(3))
    await asyncio.sleep(0.2)
    task.cancel()
    sent = await task  # (3)!
    print(f"the cancelled task returned {sent}; task.cancelled() is {task.cancelled()}")


asyncio.run(main())
