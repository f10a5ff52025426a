"""The everyday toolkit in one program: run, TaskGroup, Queue and timeout."""

import asyncio
import time

# file: seconds its upload takes
UPLOADS = {
    "beach.jpg": 0.2,
    "cake.jpg": 0.4,
    "video.mp4": 3.0,
    "dog.jpg": 0.2,
    "map.png": 0.4,
    "sunset.jpg": 0.4,
}
LIMIT = 2.0  # seconds allowed per upload


def log(message: str) -> None:
    print(f"{time.perf_counter() - START:.2f} s  {message}")


async def upload(name: str) -> None:
    await asyncio.sleep(UPLOADS[name])  # stands in for network I/O


async def worker(number: int, queue: asyncio.Queue, failed: list[str]) -> None:
    while True:
        name = await queue.get()  # (1)!
        try:
            async with asyncio.timeout(LIMIT):  # (2)!
                await upload(name)
            log(f"worker {number}: {name} uploaded")
        except TimeoutError:
            log(f"worker {number}: {name} gave up after {LIMIT} s")
            failed.append(name)
        finally:
            queue.task_done()


async def main() -> None:
    queue: asyncio.Queue[str] = asyncio.Queue()
    for name in UPLOADS:
        queue.put_nowait(name)
    failed: list[str] = []
    async with asyncio.TaskGroup() as group:  # (3)!
        workers = [group.create_task(worker(n, queue, failed)) for n in (1, 2)]
        await queue.join()  # (4)!
        for task in workers:
            task.cancel()  # (5)!
    log(f"done: {len(UPLOADS) - len(failed)} uploaded, failed: {failed}")


START = time.perf_counter()
asyncio.run(main())  # (6)!
