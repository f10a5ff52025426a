import asyncio
import time

PARCELS = 6
START = time.perf_counter()


def now():
    return time.perf_counter() - START


def scanner(loop, queue):
    def put(item):
        before = time.perf_counter()
        future = asyncio.run_coroutine_threadsafe(queue.put(item), loop)  # (1)!
        future.result()  # (2)!
        return time.perf_counter() - before

    blocked = 0.0
    for n in range(1, PARCELS + 1):
        time.sleep(0.02)
        blocked += put((f"parcel-{n}", now()))
    blocked += put(None)  # (3)!
    return now(), blocked


async def sorter(queue):
    while (parcel := await queue.get()) is not None:
        name, scanned_at = parcel
        await asyncio.sleep(0.1)
        print(f"{name} scanned at {scanned_at:.2f} s, sorted at {now():.2f} s")


async def main():
    queue = asyncio.Queue(maxsize=2)  # (4)!
    loop = asyncio.get_running_loop()
    async with asyncio.TaskGroup() as tg:
        scan = tg.create_task(asyncio.to_thread(scanner, loop, queue))
        tg.create_task(sorter(queue))
    done_at, blocked = scan.result()
    print(f"scanner done at {done_at:.2f} s, {blocked:.2f} s of it blocked in put()")
    print(f"sorter done at {now():.2f} s")


asyncio.run(main())
