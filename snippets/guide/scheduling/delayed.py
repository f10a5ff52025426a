"""Delayed jobs as tasks: run a coroutine later, or call it off before it starts."""

import asyncio
import time

start = time.perf_counter()


def log(message: str) -> None:
    print(f"{time.perf_counter() - start:.2f} s  {message}")


async def send(text: str) -> None:
    log(f"sending {text!r}")
    await asyncio.sleep(0.1)
    log(f"sent {text!r}")


async def after(delay: float, job, *args) -> None:
    await asyncio.sleep(delay)  # (1)!
    await job(*args)  # (2)!


async def main() -> None:
    reminder = asyncio.create_task(after(0.3, send, "stand-up in 5 minutes"))
    nudge = asyncio.create_task(after(0.6, send, "you have not replied"))
    await asyncio.sleep(0.2)
    log("the user replied: calling off the nudge")
    nudge.cancel()  # (3)!
    await asyncio.gather(reminder, nudge, return_exceptions=True)
    log(f"reminder done: {reminder.done()}, nudge cancelled: {nudge.cancelled()}")


asyncio.run(main())
