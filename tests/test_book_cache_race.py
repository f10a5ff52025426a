"""The race in the book's cache case study (snippets/book/asyncpg-sanic), replayed
deterministically against a real, fresh PostgreSQL server.

A cache miss reads station 2; its SELECT has returned the old row, but the miss path has
not stored it yet. Then an UPDATE of that row commits, and the API's notification
callback evicts the key. Only then does the miss path go on and store what it read. The
first miss path (`cache_racy.py`, the one the case study shipped first) keeps the stale
row; the fixed one (`cache_api.load_station`) refuses it. Both run, so the claim "the test
fails on the old miss path" is itself tested. The interleaving is forced by
`cache_race.GatedPool`, which holds the real query's result at a gate, not by sleeps.

Two more interleavings check the rest of what the page claims: a notification handled
only after the miss stored its row leaves stale data until then and no longer, and of two
misses for the same key, the older one cannot overwrite the newer one's row."""

from __future__ import annotations

import asyncio
import json
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


UPDATE = "UPDATE station SET status = 'maintenance' WHERE id = 2"


async def late_notice(cache_race, load, pool, listener, writer) -> dict:
    """The miss reads the old row, the UPDATE commits, and the miss stores its row *before*
    the notification is handled (a slow notification, held back by the test). No miss
    path can refuse that row: the page's claim is only that it stays stale until the
    notification is handled, not longer."""
    await cache_race.cache_db.setup(writer)
    cache = cache_race.LRUCache()
    notices = asyncio.Queue()

    def on_change(connection, pid, channel, payload):
        notices.put_nowait(json.loads(payload)["id"])

    await listener.add_listener(cache_race.cache_db.CHANNEL, on_change)
    gated = cache_race.GatedPool(pool)
    try:
        miss = asyncio.create_task(load(cache, gated, 2))
        await gated.selected.wait()
        await writer.execute(UPDATE)
        station_id = await asyncio.wait_for(notices.get(), 5)  # arrived, not handled yet
        gated.opened.set()
        await miss
        before, before_cached = await load(cache, pool, 2)
        evicted = cache.evict(station_id)  # the notification is handled only now
        after, after_cached = await load(cache, pool, 2)
    finally:
        await listener.remove_listener(cache_race.cache_db.CHANNEL, on_change)
    return {
        "before notice": (before["status"], before_cached),
        "evicted": evicted,
        "after notice": (after["status"], after_cached),
    }


async def two_misses(cache_race, load, pool, listener, writer) -> dict:
    """Two misses of the same key: the first reads the old row and waits at the gate; the
    UPDATE commits and its notification is handled; the second miss reads and stores the
    new row. Then the first one goes on: it must not overwrite the newer row."""
    await cache_race.cache_db.setup(writer)
    cache = cache_race.LRUCache()
    evictions = asyncio.Queue()

    def on_change(connection, pid, channel, payload):
        evictions.put_nowait(cache.evict(json.loads(payload)["id"]))

    await listener.add_listener(cache_race.cache_db.CHANNEL, on_change)
    gated = cache_race.GatedPool(pool)
    try:
        first = asyncio.create_task(load(cache, gated, 2))
        await gated.selected.wait()
        await writer.execute(UPDATE)
        await asyncio.wait_for(evictions.get(), 5)
        second, second_cached = await load(cache, pool, 2)
        gated.opened.set()
        first_read, _ = await first
        then, then_cached = await load(cache, pool, 2)
    finally:
        await listener.remove_listener(cache_race.cache_db.CHANNEL, on_change)
    return {
        "first read": first_read["status"],
        "second read": (second["status"], second_cached),
        "next read": (then["status"], then_cached),
    }


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
                    seen = {}
                    for name, load in [("racy", racy), ("fixed", fixed)]:
                        seen[name] = await cache_race.replay(load, pool, listener, writer)
                        seen[f"{name}, late notice"] = await late_notice(
                            cache_race, load, pool, listener, writer
                        )
                        seen[f"{name}, two misses"] = await two_misses(
                            cache_race, load, pool, listener, writer
                        )
                    return seen
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


def test_a_late_notification_leaves_stale_data_only_until_it_is_handled(replays):
    for name in ("racy", "fixed"):
        seen = replays[f"{name}, late notice"]
        assert seen["before notice"] == ("online", True), (name, seen)  # stale, from the cache
        assert seen["evicted"] is True, (name, seen)
        assert seen["after notice"] == ("maintenance", False), (name, seen)


def test_an_older_miss_cannot_overwrite_a_newer_one(replays):
    fixed, racy = replays["fixed, two misses"], replays["racy, two misses"]
    for seen in (fixed, racy):
        assert seen["first read"] == "online", seen
        assert seen["second read"] == ("maintenance", False), seen
    assert fixed["next read"] == ("maintenance", True), fixed
    assert racy["next read"] == ("online", True), racy  # the old path lets it overwrite


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
