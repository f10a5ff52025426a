import asyncio
import time

import janus

PARCELS = 6
START = time.perf_counter()


def now():
    return time.perf_counter() - START


def scanner(sync_q):
    # Runs in a worker thread: blocking calls are fine here.
    blocked = 0.0
    for n in range(1, PARCELS + 1):
        time.sleep(0.02)  # a blocking read from the scanner
        parcel = (f"parcel-{n}", now())
        before = time.perf_counter()
        sync_q.put(parcel)  # (1)!
        blocked += time.perf_counter() - before
    sync_q.shutdown()  # (2)!
    return now(), blocked


async def sorter(async_q):
    while True:
        try:
            name, scanned_at = await async_q.get()  # (3)!
        except janus.AsyncQueueShutDown:
            break
        await asyncio.sleep(0.1)  # sorting takes longer than scanning
        print(f"{name} scanned at {scanned_at:.2f} s, sorted at {now():.2f} s")
        async_q.task_done()


async def main():
    queue = janus.Queue(maxsize=2)  # (4)!
    try:
        async with asyncio.TaskGroup() as tg:
            scan = tg.create_task(asyncio.to_thread(scanner, queue.sync_q))
            tg.create_task(sorter(queue.async_q))
    finally:
        await queue.aclose()  # (5)!
    done_at, blocked = scan.result()
    print(f"scanner done at {done_at:.2f} s, {blocked:.2f} s of it blocked in put()")
    print(f"sorter done at {now():.2f} s")


asyncio.run(main())
