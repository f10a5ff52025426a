"""When an async generator's clean-up runs: at `aclose()`, at the end of an `aclosing()`
block, or, for one nobody closed, when `asyncio.run()` shuts down."""

import asyncio
from contextlib import aclosing

left_open = []


async def readings(sensor):
    try:
        for n in range(1, 100):
            await asyncio.sleep(0.01)
            yield f"{sensor} #{n}"
    finally:
        print(f"  {sensor}: connection closed")  # (1)!


async def first_two(source) -> None:
    async for reading in source:
        print(" ", reading)
        if reading.endswith("#2"):
            break  # (2)!


async def main() -> None:
    print("break, then aclose():")
    gauge = readings("barometer")
    await first_two(gauge)
    print("  after the loop: the generator is suspended, not closed")
    await gauge.aclose()  # (3)!

    print("aclosing():")
    async with aclosing(readings("anemometer")) as gauge:  # (4)!
        await first_two(gauge)
    print("  after the block")

    print("break, and no close:")
    left_open.append(readings("rain gauge"))
    await first_two(left_open[0])
    print("main() returns")


asyncio.run(main())  # (5)!
print("asyncio.run() returned")
