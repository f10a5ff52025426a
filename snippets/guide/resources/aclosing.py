"""Leaving an async for early: when does an async generator's cleanup run?"""

import asyncio
import contextlib


async def rows(label: str):
    print(f"  {label}: cursor opened")
    try:
        for n in range(1000):
            await asyncio.sleep(0.01)
            yield n
    finally:
        print(f"  {label}: cursor closed")  # (1)!


async def main() -> None:
    print("plain async for:")
    async for row in rows("plain"):
        if row == 2:
            break
    print("  loop left")  # (2)!
    await asyncio.sleep(0.1)

    print("with contextlib.aclosing:")
    async with contextlib.aclosing(rows("aclosing")) as cursor:  # (3)!
        async for row in cursor:
            if row == 2:
                break
    print("  loop left")


asyncio.run(main())
