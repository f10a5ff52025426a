"""Pitfall: calling asyncio.run() where a loop is already running."""

import asyncio


async def load_settings() -> dict:
    await asyncio.sleep(0.01)
    return {"theme": "dark"}


def settings() -> dict:
    """A synchronous helper that someone wrote for scripts."""
    return asyncio.run(load_settings())  # (1)!


async def main() -> None:
    print("main is running on the loop")
    try:
        print(settings())  # (2)!
    except RuntimeError as error:
        print(f"RuntimeError: {error}")  # (3)!


asyncio.run(main())
