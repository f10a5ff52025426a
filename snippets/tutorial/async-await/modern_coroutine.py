"""The same countdown today: `async def` replaces the decorator, `await` replaces `yield from`."""

import asyncio


async def countdown(n: int) -> None:
    while n > 0:
        print(n)
        await asyncio.sleep(0.1)
        n -= 1


asyncio.run(countdown(3))
