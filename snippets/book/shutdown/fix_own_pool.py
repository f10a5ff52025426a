"""Way out 3: your own pool as a context manager that closes before the loop does."""

import asyncio
import time
from concurrent.futures import ThreadPoolExecutor


def report(message):
    print(f"loop: {message}")


def write_report(loop, name):
    time.sleep(0.2)
    loop.call_soon_threadsafe(report, f"{name} is 50 % written")
    time.sleep(0.4)
    loop.call_soon_threadsafe(report, f"{name} written")


async def main(pool):
    loop = asyncio.get_running_loop()
    loop.run_in_executor(pool, write_report, loop, "report.pdf")
    await asyncio.sleep(0.4)
    print("main: done")


start = time.perf_counter()
with asyncio.Runner() as runner, ThreadPoolExecutor(max_workers=2) as pool:  # (1)!
    runner.run(main(pool))
    print("with block: main has returned, the loop is still open")
print(f"pool and loop closed after {time.perf_counter() - start:.2f} s")  # (2)!
