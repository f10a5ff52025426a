"""A TaskGroup cancels the rest when a task fails and raises every failure in an ExceptionGroup."""

import asyncio

CATALOGUE = {"flour", "sugar", "yeast"}


async def order(supplier: str, item: str, crates: int) -> str:
    if crates <= 0:
        raise ValueError(f"{supplier}: cannot order {crates} crates")
    if item not in CATALOGUE:
        raise LookupError(f"{supplier}: no such item {item!r}")
    try:
        await asyncio.sleep(0.2)
    except asyncio.CancelledError:
        print(f"{supplier}: order for {item} cancelled")  # (1)!
        raise
    return f"{supplier}: {crates} crates of {item}"


async def main() -> None:
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(order("north", "flour", 5))
            tg.create_task(order("east", "sugar", 0))
            tg.create_task(order("south", "saffron", 2))
            tg.create_task(order("west", "yeast", -1))
    except* ValueError as group:  # (2)!
        for exc in group.exceptions:
            print("bad quantity:", exc)
    except* LookupError as group:
        print(f"{group.message!r} holds {len(group.exceptions)} LookupError")  # (3)!
        for exc in group.exceptions:
            print("bad item:", exc)
    print("main goes on")


asyncio.run(main())
