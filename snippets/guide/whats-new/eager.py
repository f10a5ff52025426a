"""Python 3.12: with the eager task factory, a task runs at once until its first real wait."""

import asyncio

cache = {"ada": "Ada Lovelace"}


async def lookup(key: str) -> str:
    if key in cache:
        return cache[key]  # (1)!
    await asyncio.sleep(0.1)  # ask the database
    cache[key] = key.title()
    return cache[key]


async def main() -> None:
    loop = asyncio.get_running_loop()
    for mode, factory in [("default", None), ("eager", asyncio.eager_task_factory)]:
        loop.set_task_factory(factory)  # (2)!
        hit = asyncio.create_task(lookup("ada"))
        miss = asyncio.create_task(lookup(f"{mode}-newcomer"))
        print(f"{mode:>7}: cache hit done at creation: {hit.done()}, miss: {miss.done()}")  # (3)!
        await asyncio.gather(hit, miss)


asyncio.run(main())
