"""A call binds tighter than `await`, and `await` tighter than arithmetic; `yield` binds loosely."""

import asyncio


async def two() -> int:
    await asyncio.sleep(0)
    return 2


async def words() -> str:
    await asyncio.sleep(0)
    return "hello world"


async def main() -> None:
    print(await two() * 10)  # (1)!
    print(-await two())  # (2)!
    print((await words()).upper())  # (3)!


async def numbers():
    yield await two() + 1  # (4)!


async def show() -> None:
    await main()
    print([n async for n in numbers()])


asyncio.run(show())
