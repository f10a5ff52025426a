"""Replay the cache race step by step against the database in `DATABASE_URL`.

Each miss path reads station 2 through a pool whose `fetchrow()` stops at a gate once the
SELECT has returned. While it waits, another connection commits an UPDATE of the station,
and the listener evicts it on the notification, as the API does. Then the gate opens, the
miss stores what it read, and a second read shows what the cache keeps: the first miss
path (`cache_racy.py`) keeps the stale row, the fixed one (`cache_api.py`) does not.
"""

import asyncio
import json

import asyncpg
import cache_api
import cache_db
import cache_racy
from cache_lru import LRUCache


class GatedPool:
    """Runs each `fetchrow()` on the real pool, then holds its result until `opened`."""

    def __init__(self, pool: asyncpg.Pool) -> None:
        self.pool = pool
        self.selected = asyncio.Event()
        self.opened = asyncio.Event()

    async def fetchrow(self, query: str, *args):
        row = await self.pool.fetchrow(query, *args)
        self.selected.set()
        await self.opened.wait()  # (1)!
        return row


async def replay(load, pool: asyncpg.Pool, listener, writer) -> dict:
    """Run one miss path through the race; what each step saw, as a dict."""
    await cache_db.setup(writer)  # station 2, Hilltop, is online again
    cache = LRUCache()
    evictions = asyncio.Queue()

    def on_change(connection, pid, channel, payload):  # (2)!
        evictions.put_nowait(cache.evict(json.loads(payload)["id"]))

    await listener.add_listener(cache_db.CHANNEL, on_change)
    gated = GatedPool(pool)
    try:
        miss = asyncio.create_task(load(cache, gated, 2))
        await gated.selected.wait()  # (3)!
        await writer.execute("UPDATE station SET status = 'maintenance' WHERE id = 2")
        evicted = await asyncio.wait_for(evictions.get(), 5)  # (4)!
        gated.opened.set()
        served, _ = await miss
        stored = 2 in cache.keys()
        again, cached = await load(cache, pool, 2)  # (5)!
    finally:
        await listener.remove_listener(cache_db.CHANNEL, on_change)
    return {
        "miss read": served["status"],
        "evicted": evicted,
        "stored": stored,
        "next read": again["status"],
        "from cache": cached,
    }


async def main() -> None:
    writer = await asyncpg.connect(cache_db.DATABASE_URL)
    listener = await asyncpg.connect(cache_db.DATABASE_URL)
    async with asyncpg.create_pool(cache_db.DATABASE_URL, min_size=1, max_size=2) as pool:
        for name, load in [
            ("cache_racy.py", cache_racy.load_station),
            ("cache_api.py", cache_api.load_station),
        ]:
            seen = await replay(load, pool, listener, writer)
            print(f"{name}:")
            print(f"  the miss read station 2 as {seen['miss read']!r}, then waited at the gate")
            print(f"  UPDATE committed, notification handled: evict(2) returned {seen['evicted']}")
            print(f"  the miss went on; the cache stored its row: {seen['stored']}")
            source = "cache hit" if seen["from cache"] else "cache miss"
            print(f"  next read: {seen['next read']!r} ({source})")
    await listener.close()
    await writer.close()


if __name__ == "__main__":
    asyncio.run(main())
