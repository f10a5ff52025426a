"""loop.run_in_executor with a thread pool of our own: two workers, four jobs."""

import asyncio
import functools
import time
from concurrent.futures import ThreadPoolExecutor

start = time.perf_counter()


def compress(name: str, seconds: float, *, level: int) -> str:
    time.sleep(seconds)  # stands in for a blocking library call
    return f"{name}.gz (level {level})"


async def job(pool: ThreadPoolExecutor, name: str, seconds: float) -> None:
    loop = asyncio.get_running_loop()
    call = functools.partial(compress, name, seconds, level=6)  # (1)!
    result = await loop.run_in_executor(pool, call)  # (2)!
    print(f"{time.perf_counter() - start:.2f} s  {result}")


async def main() -> None:
    with ThreadPoolExecutor(max_workers=2) as pool:  # (3)!
        jobs = {"a": 0.2, "b": 0.3, "c": 0.4, "d": 0.5}
        await asyncio.gather(*(job(pool, name, seconds) for name, seconds in jobs.items()))


asyncio.run(main())
