"""A small least-recently-used (LRU) cache that counts its hits and misses.

The cache API (`cache_api.py`) keeps recently read stations in one of these, and calls
`evict()` when the database announces that a row changed. Every key has a *generation*
that `evict()` bumps, so a reader that fetched a value before an eviction cannot store it
after: see `put()`. Run `python cache_lru.py` for a short demonstration.
"""

from collections import OrderedDict
from collections.abc import Hashable
from typing import Any


class LRUCache:
    """A mapping with a maximum size that forgets the least recently used entry first.

    Args:
        maxsize: how many entries it holds; storing one more drops the oldest.
    """

    def __init__(self, maxsize: int = 128) -> None:
        self.maxsize = maxsize
        self.hits = self.misses = self.evicted = self.dropped = self.refused = 0
        self._entries: OrderedDict[Hashable, Any] = OrderedDict()
        self._generations: dict[Hashable, int] = {}

    def get(self, key: Hashable, default: Any = None) -> Any:
        """Return the entry for `key` (a hit) or `default` (a miss)."""
        if key in self._entries:
            self._entries.move_to_end(key)  # (1)!
            self.hits += 1
            return self._entries[key]
        self.misses += 1
        return default

    def generation(self, key: Hashable) -> int:
        """How many times `key` has been evicted: read it before fetching a value."""
        return self._generations.get(key, 0)

    def put(self, key: Hashable, value: Any, generation: int | None = None) -> bool:
        """Store `value` under `key`, dropping the least recently used entry if full.

        With `generation` (what `generation(key)` said before the value was fetched),
        refuse to store it if `key` was evicted since: the value may be out of date.
        Returns whether it was stored.
        """
        if generation is not None and generation != self.generation(key):
            self.refused += 1  # (2)!
            return False
        self._entries[key] = value
        self._entries.move_to_end(key)
        if len(self._entries) > self.maxsize:
            self._entries.popitem(last=False)  # (3)!
            self.dropped += 1
        return True

    def evict(self, key: Hashable) -> bool:
        """Forget `key` because its data changed; True if it was cached.

        It also bumps the key's generation, cached or not, so that a value fetched before
        the change is refused by `put()`.
        """
        self._generations[key] = self.generation(key) + 1  # (4)!
        if key not in self._entries:
            return False
        del self._entries[key]
        self.evicted += 1
        return True

    def keys(self) -> list[Hashable]:
        """The cached keys, from the least to the most recently used."""
        return list(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def stats(self) -> dict[str, int]:
        """The counters, and how many entries the cache holds now."""
        return {
            "size": len(self),
            "hits": self.hits,
            "misses": self.misses,
            "evicted": self.evicted,
            "dropped": self.dropped,
            "refused": self.refused,
        }


if __name__ == "__main__":
    cache = LRUCache(maxsize=2)
    cache.put("Harbour", "11.5 °C")
    cache.put("Hilltop", "7.3 °C")
    print("Harbour:", cache.get("Harbour"))  # (5)!
    cache.put("Airfield", "9.8 °C")  # (6)!
    print("Hilltop:", cache.get("Hilltop"))
    print("evict Harbour:", cache.evict("Harbour"), "| again:", cache.evict("Harbour"))
    print("cached now:", cache.keys())
    seen = cache.generation("Lighthouse")  # (7)!
    cache.evict("Lighthouse")  # (8)!
    print("store Lighthouse fetched before its change:", cache.put("Lighthouse", "6.1 °C", seen))
    print("cached now:", cache.keys())
    print(cache.stats())
