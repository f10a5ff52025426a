"""A Task is a Future whose result comes from its coroutine, never from outside."""

import asyncio


async def count_votes() -> int:
    await asyncio.sleep(0.1)
    return 17


async def main() -> None:
    task = asyncio.create_task(count_votes())
    print("a Task is a Future:", isinstance(task, asyncio.Future))
    print("result from the coroutine:", await task)

    recount = asyncio.create_task(count_votes())
    recount.set_result(99)


asyncio.run(main())
