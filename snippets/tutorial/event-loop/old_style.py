"""The 2019 way of running a coroutine, spelled out, and what asyncio.run() does instead."""

import asyncio


async def answer() -> int:
    await asyncio.sleep(0.1)
    return 42


# Before Python 3.7 every program managed its loop by hand:
loop = asyncio.new_event_loop()  # (1)!
try:
    print("by hand:", loop.run_until_complete(answer()))
finally:
    loop.close()

# Since 3.7 one call creates a loop, runs the coroutine, and cleans up:
print("asyncio.run:", asyncio.run(answer()))  # (2)!
