"""A box office sells seats: each sale asks for the price and writes a journal entry."""

import asyncio

PRICES = {"stalls": 30, "circle": 22, "balcony": 15}
journal: list[str] = []


async def price_of(seat: str) -> int:
    await asyncio.sleep(0.1)  # the price list lives on another computer
    return PRICES[seat]


async def write_journal(entry: str) -> None:
    await asyncio.sleep(0.1)  # so does the journal
    journal.append(entry)


async def sell(seat: str) -> int:
    """Sell one seat: note the sale in the journal and return its price."""
    return await price_of(seat)


async def main() -> None:
    for seat in ["stalls", "balcony", "circle"]:
        price = await sell(seat)
        await write_journal(f"sold {seat}")  # moved out of sell()
        print(f"{seat}: {price} €")
    print("journal:", "; ".join(journal) or "(empty)")


if __name__ == "__main__":
    asyncio.run(main())
