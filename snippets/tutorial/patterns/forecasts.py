"""Chained coroutines: find a city, then fetch the forecast for the place found."""

import asyncio
import time

# What two slow web services would answer, and how long each takes to answer.
PLACES = {
    "Lisbon": ((38.7, -9.1), 0.3),
    "Oslo": ((59.9, 10.8), 0.6),
    "Quito": ((-0.2, -78.5), 0.1),
}
WEATHER = {
    (38.7, -9.1): ("sunny, 21 °C", 0.5),
    (59.9, 10.8): ("snow, -4 °C", 0.6),
    (-0.2, -78.5): ("showers, 14 °C", 0.4),
}
started = time.perf_counter()


def note(city: str, event: str) -> None:
    print(f"{time.perf_counter() - started:4.2f} s  {city:<7} {event}")


async def locate(city: str) -> tuple[float, float]:
    position, delay = PLACES[city]
    await asyncio.sleep(delay)
    note(city, f"is at {position}")
    return position


async def forecast(position: tuple[float, float]) -> str:
    weather, delay = WEATHER[position]
    await asyncio.sleep(delay)
    return weather


async def weather_in(city: str) -> str:
    position = await locate(city)  # (1)!
    weather = await forecast(position)  # (2)!
    note(city, f"forecast: {weather}")
    return f"{city}: {weather}"


async def main() -> None:
    report = await asyncio.gather(*(weather_in(city) for city in PLACES))  # (3)!
    note("all", "done; the report, in the order asked:")
    for line in report:
        print("  ", line)


asyncio.run(main())
