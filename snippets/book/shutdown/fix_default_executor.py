"""Way out 2: run the job in the default executor, which asyncio.run() waits for."""

import asyncio
import time


def report(message):
    print(f"loop: {message}")


def write_report(loop, name):
    time.sleep(0.2)
    loop.call_soon_threadsafe(report, f"{name} is 50 % written")
    time.sleep(0.4)
    loop.call_soon_threadsafe(report, f"{name} written")


async def main():
    loop = asyncio.get_running_loop()
    loop.run_in_executor(None, write_report, loop, "report.pdf")  # (1)!
    await asyncio.sleep(0.4)
    print("main: done")


start = time.perf_counter()
asyncio.run(main())  # (2)!
print(f"asyncio.run: returned after {time.perf_counter() - start:.2f} s")
