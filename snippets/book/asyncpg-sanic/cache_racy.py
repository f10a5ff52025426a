"""The cache API's first miss path, kept to show its race: do not use it.

It reads the row while nothing protects the gap between the SELECT and `put()`. If the
row changes in that gap, the notification's `evict()` finds nothing to evict, and `put()`
then stores the old row, which stays in the cache until the row changes again.
`cache_race.py` replays that step by step; `cache_api.load_station` is the fixed version.
"""

from cache_lru import LRUCache


async def load_station(cache: LRUCache, pool, station_id: int) -> tuple[dict | None, bool]:
    """One station and whether the cache answered; (None, False) if there is no such row."""
    station = cache.get(station_id)
    if station is not None:
        return station, True
    row = await pool.fetchrow("SELECT * FROM station WHERE id = $1", station_id)  # (1)!
    if row is None:
        return None, False
    cache.put(station_id, dict(row))  # (2)!
    return dict(row), False
