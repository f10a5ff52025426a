"""The same three counters as coroutines: their pauses overlap."""

import asyncio
import time


async def count(name: str) -> None:  # (1)!
    print(f"{name}: one")
    await asyncio.sleep(0.5)  # (2)!
    print(f"{name}: two")


async def main() -> None:
    await asyncio.gather(count("a"), count("b"), count("c"))  # (3)!


if __name__ == "__main__":
    start = time.perf_counter()
    asyncio.run(main())  # (4)!
    print(f"finished in {time.perf_counter() - start:.2f} s")
