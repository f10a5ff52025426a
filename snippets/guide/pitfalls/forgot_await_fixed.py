"""The fix: await every coroutine you call (or wrap it in a task)."""

import asyncio

saved: list[int] = []


async def save_order(number: int) -> None:
    await asyncio.sleep(0.1)
    saved.append(number)


async def list_orders() -> list[int]:
    await asyncio.sleep(0.1)
    return list(saved)


async def main() -> None:
    await save_order(17)
    print("orders saved:", saved)
    print("order count:", len(await list_orders()))


asyncio.run(main())
