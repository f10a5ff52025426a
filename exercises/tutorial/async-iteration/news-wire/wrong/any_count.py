"""A news wire sends headlines one at a time: show each one as soon as it comes in."""

import asyncio

HEADLINES = [
    "Bridge reopens after repairs",
    "Ferry timetable changes on Monday",
    "Market hall turns 100",
    "Lighthouse lamp replaced",
]
GAP = 0.2  # seconds between two headlines on the wire


async def wire(count: int):
    """The first `count` headlines, each handed over as soon as it arrives."""
    for headline in HEADLINES:
        await asyncio.sleep(GAP)  # waiting for the next headline
        yield headline


async def main() -> None:
    async for headline in wire(4):
        print("NEWS:", headline)


if __name__ == "__main__":
    asyncio.run(main())
