"""The fix: async code awaits the coroutine; only synchronous entry points call asyncio.run()."""

import asyncio


async def load_settings() -> dict:
    await asyncio.sleep(0.01)
    return {"theme": "dark"}


async def main() -> None:
    print("main is running on the loop")
    print(await load_settings())  # (1)!


if __name__ == "__main__":
    print(asyncio.run(load_settings()))  # (2)!
    asyncio.run(main())
