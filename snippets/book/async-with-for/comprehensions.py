"""List, set and dict comprehensions over an async generator."""

import asyncio

CRATES = [("A-1", "apples", 12), ("B-2", "pears", 7), ("C-3", "apples", 5), ("D-4", "figs", 2)]


async def unload():
    for crate in CRATES:
        await asyncio.sleep(0.02)  # each crate takes a moment to come off the lorry
        yield crate


async def main() -> None:
    labels = [label async for label, _, _ in unload()]  # (1)!
    print("list:", labels)
    fruits = {fruit async for _, fruit, _ in unload()}  # (2)!
    print("set:", sorted(fruits))
    heavy = {label: kg async for label, _, kg in unload() if kg > 4}  # (3)!
    print("dict:", heavy)


asyncio.run(main())
