"""The legal forms: what `async def` makes, with and without `yield`."""

import asyncio
import inspect


async def answer() -> int:  # a coroutine function
    await asyncio.sleep(0)
    return 42


async def countdown(n: int):  # an async generator function: it has `yield`
    while n > 0:
        yield n
        await asyncio.sleep(0)
        n -= 1


def regular() -> str:  # an ordinary function: no await allowed here
    return "plain"


async def main() -> None:
    print("answer is a coroutine function:", inspect.iscoroutinefunction(answer))
    print("countdown is an async generator function:", inspect.isasyncgenfunction(countdown))

    coro = answer()  # (1)!
    print("calling answer() gave", type(coro).__name__)
    print("awaiting it gave", await coro)

    print("countdown(3) yields", [n async for n in countdown(3)])  # (2)!
    print("regular() returns", regular())


asyncio.run(main())
