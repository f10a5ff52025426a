"""The fix: a lock makes read-await-write one step for everyone else."""

import asyncio

seats = {"free": 100}
seats_lock = asyncio.Lock()


async def book(guest: str, count: int) -> None:
    async with seats_lock:  # (1)!
        free = seats["free"]
        await asyncio.sleep(0.1)
        seats["free"] = free - count
    print(f"{guest} booked {count}, free seats now {seats['free']}")


async def main() -> None:
    guests = ["Ana", "Bo", "Chen", "Dara", "Eli"]
    await asyncio.gather(*(book(guest, 10) for guest in guests))
    print(f"free seats at the end: {seats['free']} (50 were booked, so 50 should be left)")


asyncio.run(main())
