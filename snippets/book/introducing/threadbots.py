"""The Restaurant of ThreadBots: one robot, one thread, per table."""

import threading
import time

COOKING = {"soup": 0.6, "curry": 0.8}  # seconds the kitchen needs per dish
TABLES = {1: (0.0, 0.7), 2: (0.2, 1.0), 3: (0.4, 0.6)}  # table: (arrives at, eats for)


class ThreadBot(threading.Thread):
    def __init__(self, table: int) -> None:
        super().__init__(name=f"bot-{table}")
        self.table = table
        self.chores = 0
        self.idle = 0.0
        self.shift = 0.0

    def wait(self, seconds: float) -> None:
        started = time.perf_counter()
        time.sleep(seconds)  # (1)!
        self.idle += time.perf_counter() - started

    def chore(self) -> None:
        self.chores += 1  # (2)!

    def run(self) -> None:
        started = time.perf_counter()
        arrives, eats = TABLES[self.table]
        self.wait(arrives)
        self.chore()  # seat the guests, take the order for soup
        self.wait(COOKING["soup"])  # stand at the pass until it is cooked
        self.chore()  # serve the soup
        self.wait(eats)  # stand by while the guests eat
        self.chore()  # clear the bowls, take the order for curry
        self.wait(COOKING["curry"])
        self.chore()  # serve the curry
        self.wait(eats)
        self.chore()  # clear the table, bring the bill
        self.shift = time.perf_counter() - started


bots = [ThreadBot(table) for table in TABLES]
for bot in bots:
    bot.start()
print(f"threads running: {threading.active_count()} (main + {len(bots)} bots)")
for bot in bots:
    bot.join()  # (3)!
for bot in bots:
    print(
        f"table {bot.table}: {bot.name} did {bot.chores} chores"
        f" and stood idle for {bot.idle:.2f} s of its {bot.shift:.2f} s shift"
    )
