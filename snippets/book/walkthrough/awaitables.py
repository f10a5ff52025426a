"""What `await` accepts (coroutines, Futures and Tasks, objects with `__await__`), and
where the compiler accepts `await` at all."""

import ast
import asyncio
import inspect


class Doorbell:
    """Not a coroutine, yet awaitable: it has an `__await__` method."""

    def __init__(self, visitor: str) -> None:
        self.visitor = visitor

    def __await__(self):
        yield from asyncio.sleep(0.05).__await__()  # (1)!
        return f"{self.visitor} at the door"


async def kettle() -> str:
    await asyncio.sleep(0.1)
    return "kettle boiled"


async def main() -> None:
    loop = asyncio.get_running_loop()
    parcel = loop.create_future()  # (2)!
    loop.call_later(0.05, parcel.set_result, "parcel delivered")
    print("a coroutine:", await kettle())
    print("a Future:", await parcel)
    print("a Task:", await asyncio.create_task(kettle()))
    print("an object with __await__:", await Doorbell("Ada"))
    things = {
        "kettle()": kettle(),
        "parcel": parcel,
        'Doorbell("Ada")': Doorbell("Ada"),
        "kettle": kettle,
        "42": 42,
    }
    for name, thing in things.items():  # (3)!
        print(f"  {name}: awaitable {inspect.isawaitable(thing)}")
    things["kettle()"].close()  # never awaited: close it to avoid a warning


PLACES = {
    "in an async def": "async def f():\n    await g()",
    "in an async def's comprehension": "async def f():\n    return [await g(x) for x in xs]",
    "in a def nested in an async def": "async def f():\n    def h():\n        await g()",
    "in a lambda in an async def": "async def f():\n    return lambda: await g()",
    "at module level": "await g()",
}

asyncio.run(main())
print("where `await` compiles:")
for place, source in PLACES.items():
    try:
        compile(source, "<place>", "exec", dont_inherit=True)
        print(f"  {place}: yes")
    except SyntaxError:
        print(f"  {place}: SyntaxError")
top_level = ast.PyCF_ALLOW_TOP_LEVEL_AWAIT  # (4)!
compile("await g()", "<repl>", "exec", flags=top_level, dont_inherit=True)
print("  at module level, compiled the way `python -m asyncio` does: yes")
