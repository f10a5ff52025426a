"""How coroutines were written in Python 3.4: the decorator is gone since 3.11."""

import asyncio


@asyncio.coroutine
def countdown(n):
    while n > 0:
        print(n)
        yield from asyncio.sleep(0.1)
        n -= 1


asyncio.run(countdown(3))
