"""Stop a periodic job with an Event: the run in progress always completes."""

import asyncio

INTERVAL = 0.25


async def flush_metrics(t0: float, stop: asyncio.Event) -> int:
    loop = asyncio.get_running_loop()
    n = 0
    while not stop.is_set():  # (1)!
        print(f"{loop.time() - t0:.2f} s  flush {n} starts")
        await asyncio.sleep(0.15)  # the flush itself
        n += 1
        try:
            async with asyncio.timeout_at(t0 + n * INTERVAL):  # (2)!
                await stop.wait()
        except TimeoutError:
            pass  # time for the next flush
    print(f"{loop.time() - t0:.2f} s  flusher stops after {n} complete flushes")
    return n


async def main() -> None:
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    flusher = asyncio.create_task(flush_metrics(loop.time(), stop))
    await asyncio.sleep(0.8)
    stop.set()  # (3)!
    print(f"flusher returned {await flusher}")


asyncio.run(main())
