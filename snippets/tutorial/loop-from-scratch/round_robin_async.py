"""The same scheduler, driving `async def` coroutines with send(None)."""

from collections import deque


class Pause:
    """An awaitable that suspends whoever awaits it, once."""

    def __await__(self):
        yield  # (1)!


async def stir(pot, times):
    for turn in range(1, times + 1):
        print(f"{pot}: stir {turn}")
        await Pause()  # (2)!
    return f"{pot} stirred {times} times"


def run(coroutines):
    ready = deque(coroutines)
    while ready:
        coro = ready.popleft()
        try:
            coro.send(None)  # (3)!
        except StopIteration as finished:
            print(f"  -> {finished.value}")  # (4)!
        else:
            ready.append(coro)


run([stir("porridge", 3), stir("sauce", 2)])
