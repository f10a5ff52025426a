"""`await` needs an awaitable object; anything else fails when the line runs."""

import asyncio


async def main() -> None:
    print("about to await a number")
    await 42


asyncio.run(main())
