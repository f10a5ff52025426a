"""Three weather stations answer after different delays: collect all their readings."""

import asyncio

DELAYS = {"harbour": 0.3, "hill": 0.5, "airport": 0.4}  # seconds each station takes
TEMPERATURES = {"harbour": 14, "hill": 9, "airport": 12}


async def read_station(name: str) -> str:
    await asyncio.sleep(DELAYS[name])
    return f"{name}: {TEMPERATURES[name]} °C"


async def read_all(names: list[str]) -> list[str]:
    """The readings of `names`, in the order of `names`."""
    readings = []
    for name in names:
        readings.append(await read_station(name))  # one station after another
    return readings


async def main() -> None:
    for reading in await read_all(["harbour", "hill", "airport"]):
        print(reading)


if __name__ == "__main__":
    asyncio.run(main())
