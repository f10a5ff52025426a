"""A homemade sleep on the real event loop: a future, and call_later to finish it."""

import asyncio
import time

START = time.perf_counter()


def say(text):
    print(f"{time.perf_counter() - START:.2f} s  {text}")


async def nap(delay, value=None):
    loop = asyncio.get_running_loop()
    future = loop.create_future()  # (1)!
    timer = loop.call_later(delay, future.set_result, value)  # (2)!
    try:
        return await future  # (3)!
    finally:
        timer.cancel()  # (4)!


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(say, "call_soon: run at the loop's next turn")  # (5)!
    say("main: before its first await")
    tea, toast = await asyncio.gather(nap(0.3, "tea"), nap(0.2, "toast"))
    say(f"main: {tea} and {toast}")

    dinner = asyncio.create_task(nap(60, "dinner"))
    await nap(0.1)
    dinner.cancel()  # (6)!
    try:
        await dinner
    except asyncio.CancelledError:
        say("main: dinner cancelled")


asyncio.run(main())
