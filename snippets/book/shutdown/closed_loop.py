"""A blocking job still running in a thread when asyncio.run() closes the loop."""

import asyncio
import threading
import time


def report(message):  # runs in the event loop's thread
    print(f"loop: {message}")


def write_report(loop, name):  # runs in its own thread and blocks it
    time.sleep(0.2)
    loop.call_soon_threadsafe(report, f"{name} is 50 % written")  # (1)!
    time.sleep(0.4)  # (2)!
    loop.call_soon_threadsafe(report, f"{name} written")


async def main():
    loop = asyncio.get_running_loop()
    writer = threading.Thread(target=write_report, args=(loop, "report.pdf"), name="writer")
    writer.start()  # fire and forget
    await asyncio.sleep(0.4)
    print("main: done")


asyncio.run(main())
print("asyncio.run: returned, the loop is closed")  # (3)!
