"""A box office sells seats: each sale asks for the price and writes a journal entry."""

import asyncio
import time

PRICES = {"stalls": 30, "circle": 22, "balcony": 15}
journal: list[str] = []


def price_of(seat: str) -> int:
    time.sleep(0.1)  # the price list lives on another computer
    return PRICES[seat]


def write_journal(entry: str) -> None:
    time.sleep(0.1)  # so does the journal
    journal.append(entry)


async def sell(seat: str) -> int:
    """Sell one seat: note the sale in the journal and return its price."""
    price = price_of(seat)  # plain functions now: no await needed
    write_journal(f"sold {seat}")
    return price


async def main() -> None:
    for seat in ["stalls", "balcony", "circle"]:
        price = await sell(seat)
        print(f"{seat}: {price} €")
    print("journal:", "; ".join(journal) or "(empty)")


if __name__ == "__main__":
    asyncio.run(main())
