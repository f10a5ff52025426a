"""as_completed hands you results in the order they finish."""

import asyncio
import time


async def download(name: str, seconds: float) -> str:
    await asyncio.sleep(seconds)
    return name


async def main() -> None:
    start = time.perf_counter()
    jobs = [download("big.iso", 0.3), download("notes.txt", 0.1), download("photo.jpg", 0.2)]
    for next_done in asyncio.as_completed(jobs):  # (1)!
        name = await next_done
        print(f"{time.perf_counter() - start:.1f} s: {name}")


asyncio.run(main())
