"""`async for` is still one item after another: the waits add up. gather overlaps them."""

import asyncio
import time


async def fetch(page: int) -> str:
    await asyncio.sleep(0.2)
    return f"page {page}"


async def pages_one_by_one(count: int):
    for page in range(count):
        yield await fetch(page)  # (1)!


async def main() -> None:
    start = time.perf_counter()
    got = [p async for p in pages_one_by_one(5)]
    print(f"async for:  {len(got)} pages in {time.perf_counter() - start:.2f} s")

    start = time.perf_counter()
    got = await asyncio.gather(*(fetch(page) for page in range(5)))  # (2)!
    print(f"gather:     {len(got)} pages in {time.perf_counter() - start:.2f} s")


asyncio.run(main())
