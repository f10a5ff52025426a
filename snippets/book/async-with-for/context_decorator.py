"""The same async context manager, written as an async generator."""

import asyncio
from contextlib import asynccontextmanager


@asynccontextmanager
async def reservation(table: int):
    await asyncio.sleep(0.1)
    print(f"  table {table} booked")
    try:
        yield table  # (1)!
    finally:  # (2)!
        await asyncio.sleep(0.1)
        print(f"  table {table} released")


async def main() -> None:
    async with reservation(4) as table:
        print(f"dinner at table {table}")

    try:
        async with reservation(9):
            raise LookupError("the kitchen ran out of soup")  # (3)!
    except LookupError as error:
        print("main() still sees the error:", error)


asyncio.run(main())
