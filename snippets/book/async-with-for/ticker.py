"""An async iterator class and an async generator that produce the same beats."""

import asyncio
import time

START = time.perf_counter()


def elapsed() -> str:
    return f"{time.perf_counter() - START:.2f} s"


class Metronome:
    """Async iterator: beat numbers 1..beats, one every `interval` seconds."""

    def __init__(self, beats: int, interval: float) -> None:
        self.beats = beats
        self.interval = interval
        self.count = 0

    def __aiter__(self) -> "Metronome":  # (1)!
        return self

    async def __anext__(self) -> int:  # (2)!
        if self.count == self.beats:
            raise StopAsyncIteration  # (3)!
        await asyncio.sleep(self.interval)
        self.count += 1
        return self.count


async def metronome(beats: int, interval: float):  # (4)!
    for count in range(1, beats + 1):
        await asyncio.sleep(interval)
        yield count


async def main() -> None:
    async for beat in Metronome(3, 0.1):
        print(f"{elapsed()} class beat {beat}")
    async for beat in metronome(3, 0.1):
        print(f"{elapsed()} generator beat {beat}")


asyncio.run(main())
