"""A toy loop with timers: it sleeps until the next deadline instead of spinning."""

import heapq
import time
from collections import deque


class Sleep:
    """`await Sleep(0.2)` hands the loop a request: wake me in 0.2 s."""

    def __init__(self, seconds):
        self.seconds = seconds

    def __await__(self):
        yield self  # (1)!


class Loop:
    def __init__(self):
        self.ready = deque()
        self.timers = []  # a heap of (deadline, number, coroutine)
        self.numbers = 0  # (2)!

    def spawn(self, coro):
        self.ready.append(coro)

    def run(self):
        while self.ready or self.timers:
            if not self.ready:  # (3)!
                time.sleep(max(0.0, self.timers[0][0] - time.monotonic()))
            now = time.monotonic()
            while self.timers and self.timers[0][0] <= now:  # (4)!
                self.ready.append(heapq.heappop(self.timers)[2])
            for _ in range(len(self.ready)):  # (5)!
                coro = self.ready.popleft()
                try:
                    request = coro.send(None)
                except StopIteration:
                    continue
                if isinstance(request, Sleep):
                    self.numbers += 1
                    deadline = time.monotonic() + request.seconds
                    heapq.heappush(self.timers, (deadline, self.numbers, coro))
                else:
                    self.ready.append(coro)


START = time.monotonic()


def say(text):
    print(f"{time.monotonic() - START:.2f} s  {text}")


async def kettle():
    say("kettle: on")
    await Sleep(0.3)
    say("kettle: boiled")


async def toaster():
    for side in ("first", "second"):
        say(f"toaster: {side} side")
        await Sleep(0.2)
    say("toaster: toast up")


loop = Loop()
loop.spawn(kettle())
loop.spawn(toaster())
loop.run()
say("breakfast is ready")
