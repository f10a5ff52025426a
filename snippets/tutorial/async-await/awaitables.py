"""The three kinds of awaitable object, plus a class that makes its own."""

import asyncio


async def double(x: int) -> int:
    await asyncio.sleep(0.1)
    return 2 * x


class Ready:
    """Any object whose `__await__` returns an iterator can be awaited."""

    def __init__(self, value: str) -> None:
        self.value = value

    def __await__(self):
        yield from asyncio.sleep(0).__await__()  # (1)!
        return self.value


async def main() -> None:
    print("coroutine ->", await double(1))  # (2)!

    task = asyncio.create_task(double(2))  # (3)!
    print("task      ->", await task)

    loop = asyncio.get_running_loop()
    future = loop.create_future()  # (4)!
    loop.call_later(0.1, future.set_result, "set by a callback")
    print("future    ->", await future)

    print("custom    ->", await Ready("made by __await__"))


asyncio.run(main())
