"""Volunteers at a food bank shelve donated boxes of tins; one shared tally counts them."""

import asyncio

tally: dict[str, int] = {}  # tins on the shelves, per item
ledger: list[str] = []  # one line per box, for the donors' records
tally_lock = asyncio.Lock()

ROTA = {  # volunteer -> the boxes they shelve, in order: (item, tins)
    "Ada": [("beans", 12), ("soup", 6), ("rice", 4)],
    "Bo": [("beans", 6), ("soup", 12), ("beans", 6)],
    "Cy": [("soup", 6), ("rice", 8), ("beans", 12)],
}


async def carry(item: str) -> None:
    await asyncio.sleep(0.2)  # from the van to the shelf


async def write_ledger(line: str) -> None:
    await asyncio.sleep(0.02)  # the ledger is a shared spreadsheet: a short wait
    ledger.append(line)


async def shelve(volunteer: str, item: str, tins: int) -> None:
    await carry(item)
    async with tally_lock:  # one volunteer at a time at the tally
        before = tally.get(item, 0)
        await write_ledger(f"{volunteer}: {tins} tins of {item}")
        tally[item] = before + tins


async def volunteer(name: str, boxes: list[tuple[str, int]]) -> None:
    for item, tins in boxes:
        await shelve(name, item, tins)


async def sort_donations(rota: dict[str, list[tuple[str, int]]]) -> dict[str, int]:
    """Every volunteer shelves their boxes, all at the same time; returns the tally."""
    tally.clear()
    ledger.clear()
    await asyncio.gather(*(volunteer(name, boxes) for name, boxes in rota.items()))
    return dict(tally)


async def main() -> None:
    shelves = await sort_donations(ROTA)
    for item in sorted(shelves):
        print(f"{item}: {shelves[item]} tins")


if __name__ == "__main__":
    asyncio.run(main())
