"""The race in the book's cache case study (snippets/book/asyncpg-sanic), replayed
deterministically against a real, fresh PostgreSQL server.

A cache miss reads station 2; its SELECT has returned the old row, but the miss path has
not stored it yet. Then an UPDATE of that row commits, and the API's notification
callback evicts the key. Only then does the miss path go on and store what it read. The
first miss path (`cache_racy.py`, the one the case study shipped first) keeps the stale
row; the fixed one (`cache_api.load_station`) refuses it. Both run, so the claim "the test
fails on the old miss path" is itself tested. The interleaving is forced by
`cache_race.GatedPool`, which holds the real query's result at a gate, not by sleeps."""

from __future__ import annotations

import asyncio
import sys

import pytest
from conftest import SNIPPETS, need_debian, run_async

from asyncdocs import backends

FOLDER = SNIPPETS / "book" / "asyncpg-sanic"


@pytest.fixture(scope="module")
def modules():
    """The case study's modules, imported from the snippet folder as a reader runs them."""
    sys.path.insert(0, str(FOLDER))
    try:
        import cache_api
        import cache_race
        import cache_racy
    finally:
        sys.path.remove(str(FOLDER))
    return cache_race, cache_racy.load_station, cache_api.load_station


async def connect_when_started(asyncpg, url: str, limit: float = 20.0):
    """The backend counts as started once its port accepts connections, but PostgreSQL
    refuses sessions until it has finished starting up: retry until it accepts one."""
    async with asyncio.timeout(limit):
        while True:
            try:
                return await asyncpg.connect(url)
            except asyncpg.CannotConnectNowError:
                await asyncio.sleep(0.05)


@pytest.fixture(scope="module")
def replays(modules) -> dict[str, dict]:
    """Both miss paths through the race, on one throwaway PostgreSQL cluster."""
    need_debian(backends.POSTGRESQL.binary, backends.POSTGRESQL.package)
    cache_race, racy, fixed = modules
    import asyncpg

    async def both() -> dict[str, dict]:
        async with backends.started(("postgresql",)) as env:
            url = env["DATABASE_URL"]
            writer = await connect_when_started(asyncpg, url)
            listener = await asyncpg.connect(url)
            try:
                async with asyncpg.create_pool(url, min_size=1, max_size=2) as pool:
                    return {
                        "racy": await cache_race.replay(racy, pool, listener, writer),
                        "fixed": await cache_race.replay(fixed, pool, listener, writer),
                    }
            finally:
                await listener.close()
                await writer.close()

    return run_async(both())


def assert_interleaved(seen: dict) -> None:
    """The race really happened: the miss read the old row, and the eviction came while
    the key was not cached yet (so `evict()` had nothing to remove)."""
    assert seen["miss read"] == "online", seen
    assert seen["evicted"] is False, seen


def assert_fresh(seen: dict) -> None:
    """After the UPDATE committed and its notification was handled, reads are fresh."""
    assert seen["next read"] == "maintenance", (
        f"stale cache: the UPDATE to 'maintenance' committed and its notification was "
        f"handled, yet the next read returned {seen['next read']!r} "
        f"(from the cache: {seen['from cache']}); the miss stored its old row: {seen['stored']}"
    )


def test_fixed_miss_path_refuses_the_row_read_before_the_change(replays):
    seen = replays["fixed"]
    assert_interleaved(seen)
    assert_fresh(seen)
    assert seen["stored"] is False and seen["from cache"] is False


def test_old_miss_path_keeps_the_stale_row(replays):
    seen = replays["racy"]
    assert_interleaved(seen)
    with pytest.raises(AssertionError, match="stale cache") as failure:
        assert_fresh(seen)
    assert seen["stored"] is True and seen["from cache"] is True
    print(failure.value)


def test_lru_refuses_a_value_fetched_before_an_eviction(modules):
    sys.path.insert(0, str(FOLDER))
    try:
        from cache_lru import LRUCache
    finally:
        sys.path.remove(str(FOLDER))
    cache = LRUCache()
    seen = cache.generation("k")
    assert cache.evict("k") is False  # nothing cached, but the generation moves on
    assert cache.put("k", "old", generation=seen) is False
    assert cache.keys() == [] and cache.refused == 1
    assert cache.put("k", "new", generation=cache.generation("k")) is True
    assert cache.get("k") == "new"
    assert cache.put("k", "newer") is True  # without a generation, as before
