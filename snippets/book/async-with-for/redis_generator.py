"""The same walk over Redis as an async generator, with SCAN instead of KEYS."""

import asyncio
import os

import redis.asyncio as redis

REDIS_URL = os.environ.get("REDIS_URL", "redis://localhost:6379/0")
PREFIX = "asyncdocs:stock:"
STOCK = {"pears": 12, "apples": 40, "figs": 3, "plums": 27}


async def stock_levels(client: redis.Redis):
    keys = set()
    async for key in client.scan_iter(match=PREFIX + "*"):  # (1)!
        keys.add(key)
    for key in sorted(keys):  # (2)!
        yield key.removeprefix(PREFIX), int(await client.get(key))  # (3)!


async def main() -> None:
    async with redis.from_url(REDIS_URL, decode_responses=True) as client:
        await client.mset({PREFIX + fruit: count for fruit, count in STOCK.items()})
        try:
            async for fruit, count in stock_levels(client):
                print(f"{fruit:>6}: {count:3d} crates")
        finally:
            await client.delete(*(PREFIX + fruit for fruit in STOCK))


asyncio.run(main())
