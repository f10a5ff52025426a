"""Ask hotels for tonight's price: show each answer as it comes in, pick the cheapest."""

import asyncio

HOTELS = {  # seconds the hotel takes to answer, price in euros (None: its line is down)
    "Harbour Inn": (0.2, 95),
    "Grand Hotel": (0.6, 140),
    "Station Lodge": (0.4, None),
    "Old Mill": (0.8, 80),
}


class NoAnswer(Exception):
    """A hotel that could not be reached."""

    def __init__(self, hotel: str):
        super().__init__(f"{hotel} did not answer")
        self.hotel = hotel


async def ask(hotel: str) -> tuple[str, int]:
    seconds, price = HOTELS[hotel]
    await asyncio.sleep(seconds)
    if price is None:
        raise NoAnswer(hotel)
    return hotel, price


async def cheapest(hotels: list[str]) -> tuple[str, int] | None:
    """Ask every hotel at once and print each answer the moment it comes in; return
    the cheapest (hotel, price), or None when no hotel answered."""
    answers = await asyncio.gather(*(ask(hotel) for hotel in hotels))
    for hotel, price in answers:
        print(f"{hotel}: {price} €")
    return min(answers, key=lambda answer: answer[1])


async def main() -> None:
    best = await cheapest(list(HOTELS))
    if best is None:
        print("no room tonight")
    else:
        print(f"cheapest: {best[0]} at {best[1]} €")


if __name__ == "__main__":
    asyncio.run(main())
