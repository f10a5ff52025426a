"""Pitfall: calling a coroutine function without await."""

import asyncio

saved: list[int] = []


async def save_order(number: int) -> None:
    await asyncio.sleep(0.1)  # stands in for a database write
    saved.append(number)


async def list_orders() -> list[int]:
    await asyncio.sleep(0.1)
    return list(saved)


async def main() -> None:
    save_order(17)
    print("orders saved:", saved)
    print("order count:", len(list_orders()))


asyncio.run(main())
