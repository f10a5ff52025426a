"""An async iterator class over values stored in Redis: one await per item."""

import asyncio
import os

import redis.asyncio as redis

REDIS_URL = os.environ.get("REDIS_URL", "redis://localhost:6379/0")
PREFIX = "asyncdocs:stock:"
STOCK = {"pears": 12, "apples": 40, "figs": 3, "plums": 27}


class StockLevels:
    """Yields (fruit, count) for the given keys, fetching each value when asked."""

    def __init__(self, client: redis.Redis, keys: list[str]) -> None:
        self.client = client
        self.keys = iter(keys)

    def __aiter__(self) -> "StockLevels":
        return self

    async def __anext__(self) -> tuple[str, int]:
        try:
            key = next(self.keys)  # (1)!
        except StopIteration:
            raise StopAsyncIteration from None
        value = await self.client.get(key)  # (2)!
        return key.removeprefix(PREFIX), int(value)


async def main() -> None:
    async with redis.from_url(REDIS_URL, decode_responses=True) as client:  # (3)!
        await client.mset({PREFIX + fruit: count for fruit, count in STOCK.items()})
        try:
            keys = sorted(await client.keys(PREFIX + "*"))  # (4)!
            async for fruit, count in StockLevels(client, keys):
                print(f"{fruit:>6}: {count:3d} crates")
        finally:
            await client.delete(*(PREFIX + fruit for fruit in STOCK))  # (5)!


asyncio.run(main())
