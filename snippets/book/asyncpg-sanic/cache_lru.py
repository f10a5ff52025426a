"""A small least-recently-used (LRU) cache that counts its hits and misses.

The cache API (`cache_api.py`) keeps recently read stations in one of these, and calls
`evict()` when the database announces that a row changed. Run `python cache_lru.py` for
a short demonstration.
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
        self.hits = self.misses = self.evicted = self.dropped = 0
        self._entries: OrderedDict[Hashable, Any] = OrderedDict()

    def get(self, key: Hashable, default: Any = None) -> Any:
        """Return the entry for `key` (a hit) or `default` (a miss)."""
        if key in self._entries:
            self._entries.move_to_end(key)  # (1)!
            self.hits += 1
            return self._entries[key]
        self.misses += 1
        return default

    def put(self, key: Hashable, value: Any) -> None:
        """Store `value` under `key`, dropping the least recently used entry if full."""
        self._entries[key] = value
        self._entries.move_to_end(key)
        if len(self._entries) > self.maxsize:
            self._entries.popitem(last=False)  # (2)!
            self.dropped += 1

    def evict(self, key: Hashable) -> bool:
        """Forget `key` because its data changed; True if it was cached."""
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
        }


if __name__ == "__main__":
    cache = LRUCache(maxsize=2)
    cache.put("Harbour", "11.5 °C")
    cache.put("Hilltop", "7.3 °C")
    print("Harbour:", cache.get("Harbour"))  # (3)!
    cache.put("Airfield", "9.8 °C")  # (4)!
    print("Hilltop:", cache.get("Hilltop"))
    print("evict Harbour:", cache.evict("Harbour"), "| again:", cache.evict("Harbour"))
    print("cached now:", cache.keys())
    print(cache.stats())
