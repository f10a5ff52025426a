"""Futures, tasks and cancellation on a toy loop that runs callbacks."""

import heapq
import time
from collections import deque


class Cancelled(Exception):
    """Thrown into a coroutine whose wait was cancelled."""


class Loop:
    def __init__(self):
        self.ready = deque()  # callbacks to run at the next turn
        self.timers = []  # a heap of (deadline, number, callback, args)
        self.numbers = 0

    def call_soon(self, callback, *args):  # (1)!
        self.ready.append((callback, args))

    def call_later(self, delay, callback, *args):
        self.numbers += 1
        heapq.heappush(self.timers, (time.monotonic() + delay, self.numbers, callback, args))

    def run_once(self):
        if not self.ready:
            time.sleep(max(0.0, self.timers[0][0] - time.monotonic()))
        now = time.monotonic()
        while self.timers and self.timers[0][0] <= now:
            _, _, callback, args = heapq.heappop(self.timers)
            self.ready.append((callback, args))
        for _ in range(len(self.ready)):
            callback, args = self.ready.popleft()
            callback(*args)

    def run(self, coro):
        main = Task(coro)
        while main.state == "pending":
            self.run_once()
        return main.result()


loop = Loop()


class Future:
    def __init__(self):
        self.state = "pending"  # then "done" or "cancelled"
        self.value = None
        self.callbacks = []

    def add_done_callback(self, callback):
        if self.state == "pending":
            self.callbacks.append(callback)
        else:
            loop.call_soon(callback, self)

    def set_result(self, value):
        if self.state == "pending":  # (2)!
            self.state, self.value = "done", value
            self._wake_up()

    def cancel(self):
        if self.state != "pending":
            return False
        self.state = "cancelled"
        self._wake_up()
        return True

    def _wake_up(self):
        for callback in self.callbacks:
            loop.call_soon(callback, self)  # (3)!
        self.callbacks.clear()

    def result(self):
        if self.state == "cancelled":
            raise Cancelled()
        return self.value

    def __await__(self):
        if self.state == "pending":
            yield self  # (4)!
        return self.result()


class Task(Future):
    """A future whose result is a coroutine's return value."""

    def __init__(self, coro):
        super().__init__()
        self.coro = coro
        self.waiting_for = None
        loop.call_soon(self.step)

    def step(self, error=None):  # (5)!
        self.waiting_for = None
        try:
            if error is None:
                awaited = self.coro.send(None)
            else:
                awaited = self.coro.throw(error)  # (6)!
        except StopIteration as finished:
            self.set_result(finished.value)
        except Cancelled:
            super().cancel()
        else:
            self.waiting_for = awaited
            awaited.add_done_callback(self.wake_up)

    def wake_up(self, future):
        if future.state == "cancelled":
            self.step(Cancelled())
        else:
            self.step()

    def cancel(self):
        if self.waiting_for is None:
            return False
        return self.waiting_for.cancel()  # (7)!


def sleep(delay, value=None):
    future = Future()
    loop.call_later(delay, future.set_result, value)  # (8)!
    return future


START = time.monotonic()


def say(text):
    print(f"{time.monotonic() - START:.2f} s  {text}")


async def bake(dish, seconds):
    oven = Future()
    loop.call_later(seconds, oven.set_result, f"{dish}, golden brown")  # (9)!
    say(f"oven: {dish} in")
    return await oven


async def simmer(dish):
    say(f"stove: {dish} simmering")
    try:
        await sleep(5.0)
    except Cancelled:
        say(f"stove: {dish} taken off the heat")
        raise
    return f"{dish}, served"


async def main():
    pie = Task(bake("pie", 0.3))
    soup = Task(simmer("soup"))
    say(f"main: got {await pie}")  # (10)!
    soup.cancel()
    try:
        await soup
    except Cancelled:
        say("main: no soup today")
    return "kitchen closed"


print(loop.run(main()))
