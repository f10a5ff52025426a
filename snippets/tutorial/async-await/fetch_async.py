"""The same three downloads as coroutines: their waits overlap."""

import asyncio
import time

PAGES = {"/news": 0.3, "/shop": 0.5, "/maps": 0.4}  # seconds each page takes
started = time.perf_counter()


def clock() -> str:
    return f"{time.perf_counter() - started:4.2f} s"


async def download(path: str, seconds: float) -> str:  # (1)!
    print(f"{clock()}  asking for {path}")
    await asyncio.sleep(seconds)  # (2)!
    print(f"{clock()}  got {path}")
    return path


async def main() -> None:
    pages = await asyncio.gather(*(download(p, s) for p, s in PAGES.items()))  # (3)!
    print(f"{clock()}  {len(pages)} pages, side by side: {pages}")


asyncio.run(main())  # (4)!
