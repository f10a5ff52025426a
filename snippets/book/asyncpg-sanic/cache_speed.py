"""What the cache buys: hits and misses of `cache_api.load_station`, timed by the Profiler.

It reads station 1 from the database in `DATABASE_URL` 100 times through an empty cache
(misses) and 100 times through a cache that holds it (hits), profiling each kind of call
with `cache_timing.Profiler`, and compares their median durations: unlike the mean, the
median does not move when a busy machine pauses the program during a few calls.
"""

import asyncio
import statistics

import asyncpg
import cache_db
from cache_api import load_station
from cache_lru import LRUCache
from cache_timing import Profiler

ROUNDS = 100


async def main() -> None:
    profiler = Profiler()
    cache = LRUCache()

    @profiler.profile
    async def miss(pool, station_id):
        return await load_station(cache, pool, station_id)

    @profiler.profile
    async def hit(pool, station_id):
        return await load_station(cache, pool, station_id)

    async with asyncpg.create_pool(cache_db.DATABASE_URL, min_size=1, max_size=1) as pool:
        async with pool.acquire() as conn:
            await cache_db.setup(conn)
        for _ in range(ROUNDS):
            cache.evict(1)  # (1)!
            _, cached = await miss(pool, 1)
            assert not cached
            _, cached = await hit(pool, 1)
            assert cached
    summary = profiler.summary()
    for name in ("miss", "hit"):
        print(f"{name}: {summary[name]['calls']} calls")
    median = {name: statistics.median(profiler.durations[name]) for name in ("miss", "hit")}
    ratio = median["miss"] / median["hit"]  # (2)!
    print("a hit is faster than a miss:", ratio > 1)
    print("a miss takes more than 10 times as long as a hit:", ratio > 10)


if __name__ == "__main__":
    asyncio.run(main())
