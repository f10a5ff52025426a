"""Deadlock: a task takes an asyncio.Lock it already holds."""

import asyncio

ledger = {"float": 100}
ledger_lock = asyncio.Lock()


async def pay_in(amount: int) -> None:
    async with ledger_lock:  # (1)!
        ledger["float"] += amount


async def close_till(takings: int) -> None:
    async with ledger_lock:
        print("closing the till: lock taken")
        await pay_in(takings)  # (2)!
        print("never printed")


async def main() -> None:
    async with asyncio.timeout(1.0):  # (3)!
        await close_till(40)


asyncio.run(main())
