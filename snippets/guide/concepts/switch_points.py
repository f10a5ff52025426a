"""Tasks switch only at await: code between two awaits is never interrupted."""

import asyncio


async def visit(table: str) -> None:
    for step in ("take the order", "serve", "bring the bill"):
        print(f"table {table}: {step}")
        await asyncio.sleep(0)  # (1)!


async def linger(table: str) -> None:
    for step in ("take the order", "serve", "bring the bill"):
        print(f"table {table}: {step}")  # (2)!


async def main() -> None:
    async with asyncio.TaskGroup() as tg:  # (3)!
        tg.create_task(visit("A"))
        tg.create_task(linger("B"))
        tg.create_task(visit("C"))


asyncio.run(main())
