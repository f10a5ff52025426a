"""A departure board asks the signalling system which platform each train leaves from."""

import asyncio

ANSWER_TIMES = {"IC 512": 0.1, "RE 7": 2.0, "S 3": 0.2}  # seconds until the system answers
PLATFORMS = {"IC 512": 4, "RE 7": 11, "S 3": 2}


async def query_platform(train: str) -> int:
    await asyncio.sleep(ANSWER_TIMES[train])  # connected to the signalling system
    return PLATFORMS[train]


async def board_line(train: str, limit: float = 0.8) -> str:
    """The board's line for `train`; "not yet known" if no answer comes within `limit` s."""
    try:
        async with asyncio.timeout(limit):
            platform = await query_platform(train)
    except TimeoutError:
        return f"{train}: platform not yet known"
    return f"{train}: platform {platform}"


async def main() -> None:
    for train in ["IC 512", "RE 7", "S 3"]:
        print(await board_line(train))


if __name__ == "__main__":
    asyncio.run(main())
