"""Drive a coroutine by hand, the way a task does: call send(None) until it finishes."""

import asyncio
import types


@types.coroutine
def halt(town: str):
    """The bottom of the chain: every coroutine that awaits this pauses at its yield."""
    yield town


async def journey() -> str:
    await halt("Leeds")
    await halt("York")
    await halt("Durham")
    return "Newcastle"


def drive(coro) -> tuple[list, object]:
    """Run `coro` to the end by calling its send(): return what it yielded at each
    pause, in order, and the value it returned."""
    pauses = []
    try:
        while True:
            pauses.append(coro.send(None))
    except StopIteration as finished:
        return pauses, finished.value


async def main() -> None:
    towns, end = drive(journey())
    print("stops:", towns)
    print("arrived in", end)


if __name__ == "__main__":
    asyncio.run(main())
