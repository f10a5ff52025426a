"""An async generator yields values it has to wait for; `async for` consumes them."""

import asyncio


async def sensor_readings(count: int):
    for n in range(count):
        await asyncio.sleep(0.1)  # (1)!
        yield 20 + n / 2


async def main() -> None:
    async for celsius in sensor_readings(4):  # (2)!
        print(f"{celsius:.1f} °C")


asyncio.run(main())
