"""Pitfall: calling an event loop's methods from another thread."""

import asyncio
import threading
import time

START = time.perf_counter()


def stamp() -> str:
    return f"{time.perf_counter() - START:.2f} s"


def sensor(loop: asyncio.AbstractEventLoop, inbox: asyncio.Queue) -> None:
    time.sleep(0.1)  # a blocking read from the device
    print(f"sensor thread: handing over a reading at {stamp()}")
    loop.call_soon(inbox.put_nowait, 21.5)  # (1)!


async def autosave() -> None:
    await asyncio.sleep(1.0)  # (2)!
    print(f"autosave at {stamp()}")


async def main() -> None:
    inbox: asyncio.Queue = asyncio.Queue()
    saver = asyncio.create_task(autosave())
    worker = threading.Thread(target=sensor, args=(asyncio.get_running_loop(), inbox))
    worker.start()
    reading = await inbox.get()
    print(f"main: got {reading} at {stamp()}")  # (3)!
    await saver
    await asyncio.to_thread(worker.join)


asyncio.run(main())
