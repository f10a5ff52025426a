"""An async context manager class: its enter and exit steps are coroutines."""

import asyncio


class Reservation:
    def __init__(self, table: int) -> None:
        self.table = table

    async def __aenter__(self) -> "Reservation":
        await asyncio.sleep(0.1)  # (1)!
        print(f"  table {self.table} booked")
        return self  # (2)!

    async def __aexit__(self, exc_type, exc, tb) -> bool:
        await asyncio.sleep(0.1)
        how = "normally" if exc_type is None else f"after {exc_type.__name__}"
        print(f"  table {self.table} released {how}")
        return False  # (3)!


async def main() -> None:
    async with Reservation(4) as booking:  # (4)!
        print(f"dinner at table {booking.table}")

    try:
        async with Reservation(9):
            raise LookupError("the kitchen ran out of soup")
    except LookupError as error:
        print("main() still sees the error:", error)


asyncio.run(main())
