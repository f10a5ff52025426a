"""One bot for the whole restaurant: an event loop switching tables at every await."""

import asyncio
import threading
import time

COOKING = {"soup": 0.6, "curry": 0.8}  # seconds the kitchen needs per dish
TABLES = {1: (0.0, 0.7), 2: (0.2, 1.0), 3: (0.4, 0.6)}  # table: (arrives at, eats for)

start = time.perf_counter()
chores = 0


def chore(table: int, what: str) -> None:
    global chores
    chores += 1  # (1)!
    print(f"{time.perf_counter() - start:4.2f} s  table {table}: {what}")


async def serve(table: int) -> None:
    arrives, eats = TABLES[table]
    await asyncio.sleep(arrives)
    chore(table, "seat the guests, take the order for soup")
    await asyncio.sleep(COOKING["soup"])  # (2)!
    chore(table, "serve the soup")
    await asyncio.sleep(eats)
    chore(table, "clear the bowls, take the order for curry")
    await asyncio.sleep(COOKING["curry"])
    chore(table, "serve the curry")
    await asyncio.sleep(eats)
    chore(table, "clear the table, bring the bill")


async def main() -> None:
    await asyncio.gather(*(serve(table) for table in TABLES))  # (3)!
    bot = threading.current_thread().name
    print(f"one bot ({bot}, the only thread) did all {chores} chores at {len(TABLES)} tables")


asyncio.run(main())
