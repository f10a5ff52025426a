"""The fix: one function takes the lock; a helper that assumes it is held does the work."""

import asyncio

ledger = {"float": 100}
ledger_lock = asyncio.Lock()


def _add(amount: int) -> None:  # (1)!
    assert ledger_lock.locked(), "call with ledger_lock held"
    ledger["float"] += amount


async def pay_in(amount: int) -> None:
    async with ledger_lock:
        _add(amount)


async def close_till(takings: int) -> None:
    async with ledger_lock:
        print("closing the till: lock taken")
        _add(takings)  # (2)!
        print(f"till closed, float is {ledger['float']}")


async def main() -> None:
    async with asyncio.timeout(1.0):
        await close_till(40)
        await pay_in(5)
    print(f"after one more payment: {ledger['float']}")


asyncio.run(main())
