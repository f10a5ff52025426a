"""One event loop per process: a process pool, each worker running its own asyncio.run()."""

import asyncio
import os
from concurrent.futures import ProcessPoolExecutor

WORKERS = 2


async def ping(host: int) -> int:
    await asyncio.sleep(0.3)  # stands for a network round trip
    return host


def check_block(block: range) -> tuple[int, int, int]:
    """Runs in a worker process: its own interpreter, its own event loop."""

    async def all_hosts() -> list[int]:
        async with asyncio.TaskGroup() as tg:
            tasks = [tg.create_task(ping(host)) for host in block]
        return [task.result() for task in tasks]

    answered = asyncio.run(all_hosts())  # (1)!
    return os.getpid(), block.start, len(answered)


async def main() -> None:
    loop = asyncio.get_running_loop()
    blocks = [range(start, start + 250) for start in range(0, 1000, 250)]
    with ProcessPoolExecutor(max_workers=WORKERS) as pool:
        jobs = [loop.run_in_executor(pool, check_block, block) for block in blocks]  # (2)!
        results = await asyncio.gather(*jobs)
    for _, start, count in results:
        print(f"hosts {start}-{start + count - 1}: {count} answered")
    pids = {pid for pid, _, _ in results}
    print(f"{len(pids)} worker processes, none of them this one: {os.getpid() not in pids}")


if __name__ == "__main__":  # (3)!
    asyncio.run(main())
