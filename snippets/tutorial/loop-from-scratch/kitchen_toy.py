"""Breakfast on the toy loop of futures.py (without cancellation), which notes each step
of each task in the layout of asynctimeline's recordings: its timeline can be drawn the
same way as that of kitchen_asyncio.py."""

import heapq
import time
from collections import deque

START = time.perf_counter()


def now():
    return round(time.perf_counter() - START, 6)


class Loop:
    def __init__(self):
        self.ready = deque()
        self.timers = []
        self.numbers = 0
        self.tasks = []  # every task's record, in the order they were created
        self.running = None  # the task whose step is running, if any
        self.prints = []

    def call_soon(self, callback, *args):
        self.ready.append((callback, args))

    def call_later(self, delay, callback, *args):
        self.numbers += 1
        heapq.heappush(self.timers, (time.monotonic() + delay, self.numbers, callback, args))

    def run_once(self):
        if not self.ready:
            time.sleep(max(0.0, self.timers[0][0] - time.monotonic()))
        moment = time.monotonic()
        while self.timers and self.timers[0][0] <= moment:
            _, _, callback, args = heapq.heappop(self.timers)
            self.ready.append((callback, args))
        for _ in range(len(self.ready)):
            callback, args = self.ready.popleft()
            callback(*args)

    def run(self, coro):
        main = Task(coro)
        while not main.done:
            self.run_once()
        return main.value


loop = Loop()


class Future:
    def __init__(self):
        self.done, self.value, self.callbacks = False, None, []
        self.kind, self.detail = "future", ""  # what a task waiting for it waits for

    def add_done_callback(self, callback):
        if self.done:
            loop.call_soon(callback, self)
        else:
            self.callbacks.append(callback)

    def set_result(self, value):
        self.done, self.value = True, value
        for callback in self.callbacks:
            loop.call_soon(callback, self)

    def __await__(self):
        if not self.done:
            yield self
        return self.value


class Task(Future):
    def __init__(self, coro, name=None):
        super().__init__()
        self.coro = coro
        number = len(loop.tasks) + 1
        parent = loop.running.record["id"] if loop.running else None
        self.record = {  # (1)!
            "id": number,
            "name": name or f"Task-{number}",
            "parent": parent,
            "created": now(),
            "slices": [],
            "waits": [],
            "ended": None,
            "outcome": "pending",
            "detail": "",
        }
        self.kind, self.detail = "task", str(number)
        loop.tasks.append(self.record)
        loop.call_soon(self.step)

    def step(self, _=None):
        began = now()
        if self.record["waits"]:
            self.record["waits"][-1][1] = began  # (2)!
        loop.running = self
        try:
            awaited = self.coro.send(None)
        except StopIteration as finished:
            awaited = None
            self.set_result(finished.value)
        finally:
            loop.running = None
            ended = now()
            self.record["slices"].append([began, ended])  # (3)!
        if awaited is None:
            self.record.update(ended=ended, outcome="result", detail=repr(self.value))
        else:
            self.record["waits"].append([ended, None, awaited.kind, awaited.detail])  # (4)!
            awaited.add_done_callback(self.step)


def sleep(delay):
    future = Future()
    future.kind, future.detail = "sleep", f"{delay:.3g}"
    loop.call_later(delay, future.set_result, None)
    return future


def say(text):
    task = loop.running.record["id"] if loop.running else None
    moment = now()
    line = f"{moment:.2f} s  {text}"
    loop.prints.append([moment, task, "stdout", line])  # (5)!
    print(line)


async def kettle():
    say("kettle: on")
    await sleep(0.3)
    say("kettle: boiled")
    return "tea"


async def toaster():
    for side in ("first", "second"):
        say(f"toaster: {side} side")
        await sleep(0.2)
    say("toaster: up")
    return "toast"


async def main():
    drink = Task(kettle(), name="kettle")
    food = Task(toaster(), name="toaster")
    say("main: waiting")
    return f"{await drink} and {await food}"


say(f"breakfast: {loop.run(main())}")

__timeline__ = {  # (6)!
    "format": 1,
    "duration": now(),
    "tasks": loop.tasks,
    "prints": loop.prints,
}
