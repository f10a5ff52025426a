"""Python 3.14: create_task(..., eager_start=...) chooses per task."""

import asyncio


async def note(text: str) -> str:
    print(f"  running: {text}")
    return text


async def main() -> None:
    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)  # (1)!
    first = asyncio.create_task(note("eager by default"))
    print("after create_task: done =", first.done())
    second = asyncio.create_task(note("scheduled for later"), eager_start=False)  # (2)!
    print("after create_task(eager_start=False): done =", second.done())
    await second


asyncio.run(main())
