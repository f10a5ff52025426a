"""Async comprehensions: `async for` and `await` inside list, set and dict comprehensions."""

import asyncio


async def countdown(n: int):
    while n > 0:
        yield n
        await asyncio.sleep(0)
        n -= 1


async def square(x: int) -> int:
    await asyncio.sleep(0)
    return x * x


async def main() -> None:
    print([n async for n in countdown(4)])  # (1)!
    print({n % 2 async for n in countdown(4)})
    print({n: await square(n) async for n in countdown(3)})  # (2)!
    print([await square(n) for n in range(4)])  # (3)!


asyncio.run(main())
