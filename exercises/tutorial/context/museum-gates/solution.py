"""Four gates let groups into a museum; the hall keeps one count of its visitors."""

import asyncio

SCAN_TIME = 0.2  # seconds to scan one group's tickets


class Hall:
    def __init__(self) -> None:
        self.visitors = 0


async def admit(hall: Hall, group: int) -> None:
    """Scan the tickets of a group of `group` people, then count them in."""
    await asyncio.sleep(SCAN_TIME)  # scanning the tickets
    hall.visitors += group  # no await between reading and writing the count


async def main() -> None:
    hall = Hall()
    async with asyncio.TaskGroup() as tg:
        for group in (5, 8, 3, 7):  # one gate each, all open at once
            tg.create_task(admit(hall, group))
    print("visitors:", hall.visitors)


if __name__ == "__main__":
    asyncio.run(main())
