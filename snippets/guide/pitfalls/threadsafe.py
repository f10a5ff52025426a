"""The fix: call_soon_threadsafe() and run_coroutine_threadsafe() from other threads."""

import asyncio
import threading
import time

START = time.perf_counter()


def stamp() -> str:
    return f"{time.perf_counter() - START:.2f} s"


async def current_setpoint() -> float:
    await asyncio.sleep(0.05)  # e.g. a query on the loop's own connection
    return 22.0


def sensor(loop: asyncio.AbstractEventLoop, inbox: asyncio.Queue) -> None:
    time.sleep(0.1)
    print(f"sensor thread: handing over a reading at {stamp()}")
    loop.call_soon_threadsafe(inbox.put_nowait, 21.5)  # (1)!
    future = asyncio.run_coroutine_threadsafe(current_setpoint(), loop)  # (2)!
    print(f"sensor thread: setpoint is {future.result(timeout=1)} at {stamp()}")  # (3)!


async def autosave() -> None:
    await asyncio.sleep(1.0)
    print(f"autosave at {stamp()}")


async def main() -> None:
    inbox: asyncio.Queue = asyncio.Queue()
    saver = asyncio.create_task(autosave())
    worker = threading.Thread(target=sensor, args=(asyncio.get_running_loop(), inbox))
    worker.start()
    reading = await inbox.get()
    print(f"main: got {reading} at {stamp()}")
    await asyncio.to_thread(worker.join)  # (4)!
    await saver


asyncio.run(main())
