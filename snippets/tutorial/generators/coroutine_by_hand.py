"""A coroutine is driven like a generator: `send(None)` runs it to its next pause."""

import types


@types.coroutine
def pause(label: str):
    received = yield label  # (1)!
    return received


async def recipe() -> str:
    first = await pause("step 1")  # (2)!
    second = await pause("step 2")
    return f"done with {first} and {second}"


coro = recipe()
print("paused at:", coro.send(None))  # (3)!
print("paused at:", coro.send("flour"))
try:
    coro.send("eggs")
except StopIteration as finished:  # (4)!
    print("result:", finished.value)
