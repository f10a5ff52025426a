"""Book a flight, a hotel and a car for a trip, all at once, or nothing."""

import asyncio

ANSWER_TIME = {"flight": 0.3, "hotel": 0.1, "car": 0.5}  # seconds each agency takes
SLOW_AGENCIES = {"Bergen": 2.0}  # Bergen's agencies take this much longer
FULLY_BOOKED = {"Porto": "hotel"}  # Porto has no hotel room left

confirmed: list[str] = []  # every booking an agency has confirmed (and charged for)


class Unavailable(Exception):
    """An agency has nothing left for this trip."""


async def book(item: str, city: str) -> str:
    """Ask the agency for `item` in `city`; returns the confirmation."""
    await asyncio.sleep(ANSWER_TIME[item] + SLOW_AGENCIES.get(city, 0))
    if FULLY_BOOKED.get(city) == item:
        raise Unavailable(f"no {item} left in {city}")
    confirmed.append(f"{item} in {city}")
    return f"{item} in {city}"


async def plan_trip(city: str, limit: float) -> list[str]:
    """Book a flight, a hotel and a car in `city` at the same time, within `limit` seconds.
    Returns the three confirmations; when one booking fails or time runs out, nothing may
    be booked: the other bookings are cancelled."""
    async with asyncio.timeout(limit):
        return await asyncio.gather(book("flight", city), book("hotel", city), book("car", city))


async def main() -> None:
    for city in ("Lisbon", "Porto", "Bergen"):
        try:
            print(f"{city}: {', '.join(await plan_trip(city, limit=1.0))}")
        except* Unavailable as failed:
            print(f"{city}: cancelled, {failed.exceptions[0]}")
        except* TimeoutError:
            print(f"{city}: cancelled, no answer within 1.0 s")
    await asyncio.sleep(0.6)  # the agencies' last answers come in
    print(f"charged for: {', '.join(confirmed)}")


if __name__ == "__main__":
    asyncio.run(main())
