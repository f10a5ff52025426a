"""What ensure_future() does with each kind of awaitable, next to create_task()."""

import asyncio


class Doorbell:
    """Awaitable, but neither a coroutine nor a Future: it has only __await__."""

    def __await__(self):
        yield from asyncio.sleep(0.1).__await__()
        return "ding dong"


async def chime() -> str:
    await asyncio.sleep(0.1)
    return "chime"


async def main() -> None:
    loop = asyncio.get_running_loop()
    task = asyncio.ensure_future(chime())  # (1)!
    print("coroutine      ->", type(task).__name__)
    print("task           -> same object:", asyncio.ensure_future(task) is task)  # (2)!
    future = loop.create_future()
    print("future         -> same object:", asyncio.ensure_future(future) is future)
    bell = asyncio.ensure_future(Doorbell())  # (3)!
    print("other awaitable ->", type(bell).__name__)
    for thing in (Doorbell(), future):
        try:
            asyncio.create_task(thing)  # (4)!
        except TypeError:
            print(f"create_task({type(thing).__name__}) -> TypeError")
    try:
        asyncio.ensure_future(42)
    except TypeError as error:
        print("ensure_future(42) ->", error)
    future.cancel()
    print("results:", await task, "/", await bell)


asyncio.run(main())
