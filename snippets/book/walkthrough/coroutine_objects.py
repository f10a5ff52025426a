"""async def makes coroutine functions; their coroutine objects can be driven by hand."""

import inspect


class Pause:
    """An awaitable that suspends its coroutine once and hands `request` to the driver."""

    def __init__(self, request: str) -> None:
        self.request = request

    def __await__(self):
        answer = yield self.request  # (1)!
        return answer


async def brew(cups: int) -> str:
    return f"{cups} cups of tea"


async def bake(loaves: int) -> str:
    oven = await Pause("preheat the oven")
    timer = await Pause("set a timer")
    return f"{loaves} loaves ({oven}, {timer})"


async def kitchen() -> list[str]:
    return [await brew(3), await bake(2)]  # (2)!


print("brew is a coroutine function:", inspect.iscoroutinefunction(brew))
coro = brew(3)  # (3)!
print("brew(3) gave a coroutine object:", inspect.iscoroutine(coro))
try:
    coro.send(None)  # (4)!
except StopIteration as stop:
    print("it finished at once, returning", repr(stop.value))  # (5)!

coro = kitchen()
print("kitchen asks:", coro.send(None))  # (6)!
print("kitchen asks:", coro.send("oven hot"))
try:
    coro.send("timer set")
except StopIteration as stop:
    print("kitchen returned", stop.value)
