"""Plain functions scheduled on the loop: call_soon, call_later, call_at."""

import asyncio
import functools
import time

start = time.perf_counter()


def note(text: str, *, level: str = "info") -> None:
    print(f"{time.perf_counter() - start:.2f} s  [{level}] {text}")


async def main() -> None:
    loop = asyncio.get_running_loop()  # (1)!
    loop.call_later(0.3, note, "call_later(0.3)")  # (2)!
    loop.call_at(loop.time() + 0.2, note, "call_at(loop.time() + 0.2)")  # (3)!
    loop.call_soon(note, "call_soon, first")
    loop.call_soon(note, "call_soon, second")  # (4)!
    reminder = loop.call_later(0.6, note, "never printed")
    loop.call_later(0.1, functools.partial(note, "partial", level="warn"))  # (5)!
    print("main: everything scheduled, nothing has run yet")
    await asyncio.sleep(0.35)
    reminder.cancel()  # (6)!
    print(f"main: reminder cancelled: {reminder.cancelled()}")
    await asyncio.sleep(0.35)  # past the time it was due


asyncio.run(main())
