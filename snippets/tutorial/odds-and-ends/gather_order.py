"""gather returns results in the order you passed the awaitables, not the order they finish."""

import asyncio


async def after(seconds: float, label: str) -> str:
    await asyncio.sleep(seconds)
    print(f"  {label} finished")
    return label


async def main() -> None:
    results = await asyncio.gather(after(0.3, "slow"), after(0.1, "fast"), after(0.2, "medium"))
    print("gather returned:", results)


asyncio.run(main())
