"""A photo kiosk prints a batch of photos on its printers, which share one queue."""

import asyncio

PRINT_TIME = 0.2  # seconds per photo


async def print_photo(photo: str) -> str:
    await asyncio.sleep(PRINT_TIME)
    return photo


async def printer(queue: asyncio.Queue, printed: list[str]) -> None:
    """Print photos from `queue` for as long as there are any."""
    while True:
        photo = await queue.get()
        try:
            printed.append(await print_photo(photo))
        finally:
            queue.task_done()


async def print_all(photos: list[str], printers: int = 3) -> list[str]:
    """Print every photo on `printers` printers; returns them in the order they came out."""
    queue = asyncio.Queue()
    for photo in photos:
        queue.put_nowait(photo)
    printed = []
    workers = [asyncio.create_task(printer(queue, printed)) for _ in range(printers)]  # noqa: F841
    await queue.join()  # every photo printed: the job is done
    return printed


async def main() -> None:
    loop = asyncio.get_running_loop()
    started = loop.time()
    printed = await print_all([f"IMG_{n:04}.jpg" for n in range(1, 10)])
    print(f"{len(printed)} photos printed in {loop.time() - started:.1f} s:")
    print(", ".join(sorted(printed)))


if __name__ == "__main__":
    asyncio.run(main())
