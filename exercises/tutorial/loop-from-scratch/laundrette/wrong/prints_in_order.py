"""A toy event loop runs a laundrette: each machine sleeps while it washes or dries."""

import asyncio
import heapq
import time
from collections import deque

opened = 0.0  # when the laundrette opened (time.monotonic())


class Sleep:
    """`await Sleep(0.4)` hands the loop a request: resume me in 0.4 s."""

    def __init__(self, seconds: float):
        self.seconds = seconds

    def __await__(self):
        yield self


class Loop:
    def __init__(self):
        self.ready = deque()  # coroutines that can run now
        self.timers = []  # a heap of (deadline, number, coroutine)
        self.numbers = 0  # settles ties between equal deadlines

    def spawn(self, coro) -> None:
        self.ready.append(coro)

    def wake_me(self, coro, seconds: float) -> None:
        """Put `coro` back in the ready queue once `seconds` have passed."""
        self.numbers += 1
        heapq.heappush(self.timers, (time.monotonic() + seconds, self.numbers, coro))

    def run(self) -> None:
        """Run the spawned coroutines until every one of them has finished."""
        while self.ready or self.timers:
            if not self.ready:  # nothing to do: sleep until the earliest deadline
                time.sleep(max(0.0, self.timers[0][0] - time.monotonic()))
            now = time.monotonic()
            while self.timers and self.timers[0][0] <= now:  # every timer that is due
                _, _, due = self.timers.pop(0)  # the first timer on the list
                self.ready.append(due)
            if not self.ready:
                continue
            coro = self.ready.popleft()
            try:
                request = coro.send(None)
            except StopIteration:
                continue
            if isinstance(request, Sleep):
                self.wake_me(coro, request.seconds)
            else:
                self.ready.append(coro)


def say(text: str) -> None:
    print(f"{time.monotonic() - opened:.1f} s  {text}")


async def machine(name: str, seconds: float) -> None:
    say(f"{name}: on")
    await Sleep(seconds)
    say(f"{name}: off")


async def main() -> None:
    # The toy loop needs nothing from asyncio: main() is a coroutine only so that the
    # program runs the way every exercise on this site does.
    global opened
    opened = time.monotonic()
    loop = Loop()
    for name, seconds in [
        ("washer", 0.6),
        ("spin dryer", 0.2),
        ("big washer", 0.8),
        ("dryer", 0.4),
    ]:
        loop.spawn(machine(name, seconds))
    loop.run()
    say("every machine is off")


if __name__ == "__main__":
    asyncio.run(main())
