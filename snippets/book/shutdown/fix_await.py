"""Way out 1: await the blocking job (here through asyncio.to_thread) before main returns."""

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
    writing = asyncio.create_task(asyncio.to_thread(write_report, loop, "report.pdf"))  # (1)!
    await asyncio.sleep(0.4)
    print("main: other work done, waiting for the report")
    await writing  # (2)!
    print("main: done")


asyncio.run(main())
print("asyncio.run: returned, the loop is closed")
