"""Pure-Python number crunching in a thread pool and in a process pool."""

import asyncio
import os
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

LIMITS = [50_000, 52_000]


def count_primes(limit: int) -> int:  # (1)!
    return sum(1 for n in range(2, limit) if all(n % d for d in range(2, int(n**0.5) + 1)))


def job(limit: int) -> tuple[int, int]:
    return count_primes(limit), os.getpid()  # (2)!


async def crunch(name: str, pool) -> None:
    loop = asyncio.get_running_loop()
    jobs = await asyncio.gather(*(loop.run_in_executor(pool, job, n) for n in LIMITS))
    processes = len({pid for _, pid in jobs})  # (3)!
    gils = "one GIL for both jobs" if processes == 1 else "a GIL for each job"
    print(f"{name}: counted {[count for count, _ in jobs]}")
    print(f"  ran in {processes} process{'es' if processes > 1 else ''}: {gils}")


async def main() -> None:
    with ThreadPoolExecutor(max_workers=2) as threads, ProcessPoolExecutor(max_workers=2) as procs:
        await crunch("thread pool", threads)
        await crunch("process pool", procs)


if __name__ == "__main__":  # (4)!
    asyncio.run(main())
