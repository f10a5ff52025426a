import asyncio
import time

PARCELS = 6
START = time.perf_counter()


def now():
    return time.perf_counter() - START


def scanner(loop, queue):
    for n in range(1, PARCELS + 1):
        time.sleep(0.02)
        loop.call_soon_threadsafe(queue.put_nowait, (f"parcel-{n}", now()))  # (1)!
    loop.call_soon_threadsafe(queue.put_nowait, None)  # (2)!
    return now()


async def sorter(queue):
    while (parcel := await queue.get()) is not None:
        name, scanned_at = parcel
        await asyncio.sleep(0.1)
        print(f"{name} scanned at {scanned_at:.2f} s, sorted at {now():.2f} s")


async def main():
    queue = asyncio.Queue()  # (3)!
    loop = asyncio.get_running_loop()
    async with asyncio.TaskGroup() as tg:
        scan = tg.create_task(asyncio.to_thread(scanner, loop, queue))
        tg.create_task(sorter(queue))
    print(f"scanner done at {scan.result():.2f} s")
    print(f"sorter done at {now():.2f} s")


asyncio.run(main())
