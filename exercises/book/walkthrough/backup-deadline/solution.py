"""A night-time backup that has to stop when the office opens."""

import asyncio

FILES = {"photos.zip": 0.3, "thesis.docx": 0.2, "music.tar": 0.5, "notes.md": 0.2}
OPENING = 0.7  # seconds until the office opens


async def back_up(files: dict[str, float], log: list[str]) -> None:
    """Copy `files` (name -> seconds it takes) one after another. Cancelled half-way
    through a file, delete that half-copied file and stop."""
    for name, seconds in files.items():
        try:
            await asyncio.sleep(seconds)  # copying
        except asyncio.CancelledError:
            log.append(f"{name}: half-copied, deleted")
            raise  # and let the cancellation go on
        log.append(f"{name}: copied")


async def main() -> None:
    log: list[str] = []
    try:
        async with asyncio.timeout(OPENING):
            await back_up(FILES, log)
    except TimeoutError:
        log.append("the office opens: backup stopped")
    else:
        log.append("backup complete")
    print("\n".join(log))


if __name__ == "__main__":
    asyncio.run(main())
