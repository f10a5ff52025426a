"""The fix: clean up, then re-raise CancelledError."""

import asyncio
import time


async def upload(chunks: int) -> int:
    sent = 0
    for _ in range(chunks):
        try:
            await asyncio.sleep(0.4)
            sent += 1
        except asyncio.CancelledError:
            print(f"  upload: cancelled after {sent} chunks, closing the connection")
            raise  # (1)!
    return sent


async def main() -> None:
    start = time.perf_counter()
    try:
        async with asyncio.timeout(0.6):
            sent = await upload(4)
        print(f"no TimeoutError: {sent} chunks sent after {time.perf_counter() - start:.2f} s")
    except TimeoutError:
        print(f"TimeoutError after {time.perf_counter() - start:.2f} s")

    task = asyncio.create_task(upload(3))
    await asyncio.sleep(0.2)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print(f"the task ended cancelled; task.cancelled() is {task.cancelled()}")


asyncio.run(main())
