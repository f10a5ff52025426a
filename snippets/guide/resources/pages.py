"""An async iterator class: fetch a paginated listing one page at a time."""

import asyncio

CATALOGUE = [f"item-{n:02}" for n in range(1, 8)]


class Pages:
    def __init__(self, per_page: int) -> None:
        self.per_page = per_page
        self.offset = 0

    def __aiter__(self) -> "Pages":  # (1)!
        return self

    async def __anext__(self) -> list[str]:  # (2)!
        if self.offset >= len(CATALOGUE):
            raise StopAsyncIteration  # (3)!
        await asyncio.sleep(0.05)  # one request per page
        page = CATALOGUE[self.offset : self.offset + self.per_page]
        self.offset += self.per_page
        return page


async def main() -> None:
    async for page in Pages(per_page=3):
        print(f"got a page: {page}")
    names = [item async for page in Pages(per_page=5) for item in page]  # (4)!
    print(f"{len(names)} items, the last one {names[-1]}")


asyncio.run(main())
