"""Stop a periodic job by cancelling its task, then awaiting it."""

import asyncio

INTERVAL = 0.25


async def flush_metrics(t0: float) -> None:
    loop = asyncio.get_running_loop()
    n = 0
    try:
        while True:
            print(f"{loop.time() - t0:.2f} s  flush {n} starts")
            await asyncio.sleep(0.15)  # the flush itself
            n += 1
            await asyncio.sleep(t0 + n * INTERVAL - loop.time())
    finally:
        print(f"{loop.time() - t0:.2f} s  flusher stops (flush {n} was interrupted)")  # (1)!


async def main() -> None:
    loop = asyncio.get_running_loop()
    flusher = asyncio.create_task(flush_metrics(loop.time()))
    await asyncio.sleep(0.8)
    flusher.cancel()
    try:
        await flusher  # (2)!
    except asyncio.CancelledError:
        if asyncio.current_task().cancelling():  # (3)!
            raise
    print(f"flusher cancelled: {flusher.cancelled()}")


asyncio.run(main())
