"""Inside a coroutine, asyncio.get_running_loop() hands you the loop that runs it."""

import asyncio


def remind(loop: asyncio.AbstractEventLoop, start: float, what: str) -> None:
    print(f"  +{loop.time() - start:.2f} s callback: {what}")  # (1)!


async def main() -> None:
    loop = asyncio.get_running_loop()  # (2)!
    print("get_event_loop() returns the same loop:", asyncio.get_event_loop() is loop)  # (3)!
    start = loop.time()
    loop.call_later(0.2, remind, loop, start, "water the plants")  # (4)!
    loop.call_soon(remind, loop, start, "feed the cat")
    print("callbacks scheduled; main() now sleeps")
    await asyncio.sleep(0.3)
    print(f"  +{loop.time() - start:.2f} s main() is done")


asyncio.run(main())
