"""Pitfall: read shared state, await, then write it back."""

import asyncio

seats = {"free": 100}


async def book(guest: str, count: int) -> None:
    free = seats["free"]  # (1)!
    await asyncio.sleep(0.1)  # check the payment
    seats["free"] = free - count  # (2)!
    print(f"{guest} booked {count}, free seats now {seats['free']}")


async def main() -> None:
    guests = ["Ana", "Bo", "Chen", "Dara", "Eli"]
    await asyncio.gather(*(book(guest, 10) for guest in guests))
    print(f"free seats at the end: {seats['free']} (50 were booked, so 50 should be left)")


asyncio.run(main())
