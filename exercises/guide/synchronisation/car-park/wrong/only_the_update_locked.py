"""Cars reach a car park's gate together; the gate keeps count of the free spaces."""

import asyncio

free_spaces = 40
gate_lock = asyncio.Lock()


async def drive_to_gate(car: str) -> None:
    await asyncio.sleep(0.2)  # on the access road: nothing shared yet


async def print_ticket(car: str) -> None:
    await asyncio.sleep(0.05)  # the ticket machine at the gate


async def enter(car: str) -> None:
    global free_spaces
    async with gate_lock:
        await drive_to_gate(car)
        free = free_spaces  # read the counter...
        await print_ticket(car)  # ...other cars run while the ticket prints...
        free_spaces = free - 1  # ...and write it back


async def enter_all(cars: list[str]) -> int:
    """Let all `cars` drive in at once; returns the free spaces left."""
    await asyncio.gather(*(enter(car) for car in cars))
    return free_spaces


async def main() -> None:
    left = await enter_all([f"car {n}" for n in range(1, 9)])
    print(f"free spaces: {left}")


if __name__ == "__main__":
    asyncio.run(main())
