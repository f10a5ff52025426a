"""Ask the city's libraries, all at once, how many copies of a book they have."""

import asyncio

ANSWER_TIMES = {"central": 0.3, "riverside": 0.5, "old-town": 0.2, "airport": 0.4}
ON_SHELF = {"central": 3, "riverside": 0, "airport": 1}  # old-town's catalogue is down
LIBRARIES = ["central", "riverside", "old-town", "airport"]


async def search(library: str, title: str) -> int:
    """Copies of `title` on `library`'s shelves; ConnectionError when it cannot be reached."""
    await asyncio.sleep(ANSWER_TIMES[library])
    if library not in ON_SHELF:
        raise ConnectionError(f"{library} does not answer")
    return ON_SHELF[library]


async def find_copies(libraries: list[str], title: str) -> dict[str, int | None]:
    """{library: copies, or None when it cannot be reached}, in the order of `libraries`."""
    results = await asyncio.gather(
        *(search(library, title) for library in libraries), return_exceptions=True
    )
    copies = {}
    for library, result in zip(libraries, results, strict=True):
        if isinstance(result, ConnectionError):
            copies[library] = None
        elif isinstance(result, BaseException):
            raise result  # any other error is a bug: let it out
        else:
            copies[library] = result
    return copies


async def main() -> None:
    copies = await find_copies(LIBRARIES, "The Tide Clock")
    for library, count in copies.items():
        if count is None:
            print(f"{library}: offline")
        else:
            print(f"{library}: {count} on the shelf")


if __name__ == "__main__":
    asyncio.run(main())
