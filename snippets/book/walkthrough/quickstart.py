"""The smallest useful asyncio program: coroutines, started by one asyncio.run() call."""

import asyncio
import time


async def water(bed: str, seconds: float) -> str:
    print(f"  opening the valve for the {bed}")
    await asyncio.sleep(seconds)  # (1)!
    return f"{bed}: {seconds:.1f} s of water"


async def main() -> None:
    start = time.perf_counter()
    done = await asyncio.gather(water("tomatoes", 0.3), water("beans", 0.2))  # (2)!
    print(done)
    print(f"both beds in {time.perf_counter() - start:.2f} s")


asyncio.run(main())  # (3)!
