"""A thousand simulated downloads that each wait two seconds, on one thread."""

import asyncio
import time

WAIT = 2.0  # seconds a download spends waiting for the network


async def download(url: str) -> int:
    await asyncio.sleep(WAIT)  # (1)!
    return len(url)


async def main() -> None:
    urls = [f"https://example.com/page/{i}" for i in range(1_000)]
    start = time.perf_counter()
    sizes = await asyncio.gather(*(download(u) for u in urls))  # (2)!
    elapsed = time.perf_counter() - start
    print(f"{len(sizes)} downloads, {sum(sizes)} bytes in total")
    print(f"one after another: {len(urls) * WAIT / 60:.1f} minutes of waiting")
    print(f"all at once: {elapsed:.1f} s")


asyncio.run(main())
