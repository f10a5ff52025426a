"""The right way: clean up on cancellation, then let CancelledError go on."""

import asyncio
import time

START = time.perf_counter()


def elapsed() -> str:
    return f"{time.perf_counter() - START:.2f} s"


async def upload(parts: int) -> str:
    sent = 0
    try:
        for part in range(1, parts + 1):
            await asyncio.sleep(0.2)
            sent += 1
            print(f"  {elapsed()} part {part} sent")
        return f"all {parts} parts sent"
    except asyncio.CancelledError:
        print(f"  {elapsed()} cancelled after {sent} parts: deleting them")  # (1)!
        raise  # (2)!
    finally:
        print(f"  {elapsed()} closing the connection")  # (3)!


async def main() -> None:
    task = asyncio.create_task(upload(4))
    await asyncio.sleep(0.5)
    print(f"{elapsed()} cancelling the upload")
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print(f"{elapsed()} the upload stopped; cancelled(): {task.cancelled()}")  # (4)!


asyncio.run(main())
