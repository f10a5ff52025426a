"""Python 3.11: TaskGroup waits for its tasks and cancels the rest when one fails."""

import asyncio


async def load(part: str, delay: float, fail: bool = False) -> str:
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print(f"{part}: cancelled")
        raise
    if fail:
        raise LookupError(f"{part} not found")
    print(f"{part}: loaded")
    return part


async def main() -> None:
    try:
        async with asyncio.TaskGroup() as tg:  # (1)!
            tg.create_task(load("profile", 0.1))
            tg.create_task(load("avatar", 0.2, fail=True))
            tg.create_task(load("history", 0.5))  # (2)!
    except* LookupError as group:  # (3)!
        for exc in group.exceptions:
            print("page failed:", exc)


asyncio.run(main())
