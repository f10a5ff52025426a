"""Python 3.11: asyncio.Runner keeps one loop, and one context, across several calls."""

import asyncio
import contextvars

user = contextvars.ContextVar("user", default="nobody")


async def log_in(name: str) -> str:
    user.set(name)
    return f"logged in as {name}"


async def whoami() -> str:
    return f"current user: {user.get()}"


with asyncio.Runner() as runner:
    print(runner.run(log_in("mei")))
    print(runner.run(whoami()))  # (1)!

print(asyncio.run(whoami()))  # (2)!
