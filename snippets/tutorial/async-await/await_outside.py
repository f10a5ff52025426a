"""`await` is only allowed inside `async def`: this file does not even compile."""

import asyncio


def fetch_greeting() -> str:
    await asyncio.sleep(0.1)
    return "hello"


print(fetch_greeting())
