"""A photo kiosk prints a batch of photos on its printers."""

import asyncio

PRINT_TIME = 0.2  # seconds per photo


async def print_photo(photo: str) -> str:
    await asyncio.sleep(PRINT_TIME)
    return photo


async def print_all(photos: list[str], printers: int = 3) -> list[str]:
    """Print every photo on `printers` printers; returns them in the order they came out."""
    free_printers = asyncio.Semaphore(printers)

    async def print_when_free(photo: str) -> str:
        async with free_printers:
            return await print_photo(photo)

    return list(await asyncio.gather(*(print_when_free(photo) for photo in photos)))


async def main() -> None:
    loop = asyncio.get_running_loop()
    started = loop.time()
    printed = await print_all([f"IMG_{n:04}.jpg" for n in range(1, 10)])
    print(f"{len(printed)} photos printed in {loop.time() - started:.1f} s:")
    print(", ".join(sorted(printed)))


if __name__ == "__main__":
    asyncio.run(main())
