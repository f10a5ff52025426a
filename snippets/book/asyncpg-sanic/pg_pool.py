"""A connection pool: eight slow queries share four connections."""

import asyncio
import os
import time

import asyncpg

DATABASE_URL = os.environ.get("DATABASE_URL", "postgresql://postgres@localhost:5432/postgres")


async def slow_report(pool, number, started):
    async with pool.acquire() as conn:  # (1)!
        backend = await conn.fetchval("SELECT pg_backend_pid() FROM pg_sleep(0.3)")
    return number, backend, time.perf_counter() - started


async def main():
    async with asyncpg.create_pool(DATABASE_URL, min_size=4, max_size=4) as pool:  # (2)!
        started = time.perf_counter()
        results = await asyncio.gather(*(slow_report(pool, n, started) for n in range(1, 9)))
        backends = {backend for _, backend, _ in results}
        for number, _, finished in results:
            print(f"report {number} done after {finished:.2f} s")
        print(f"{len(results)} reports over {len(backends)} connections")  # (3)!
        print(f"pool: {pool.get_size()} connections, {pool.get_idle_size()} idle")


asyncio.run(main())
