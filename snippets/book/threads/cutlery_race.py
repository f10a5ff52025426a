"""Robots and cutlery: ThreadBots share the kitchen's drawer, and the count drifts."""

import threading
import time

BOTS = 4
drawer = {"knives": 100, "forks": 100}
bell = threading.Barrier(BOTS)  # (1)!


def change(delta: int) -> None:
    knives, forks = drawer["knives"], drawer["forks"]  # read
    time.sleep(0.05)  # (2)!
    drawer["knives"], drawer["forks"] = knives + delta, forks + delta  # write


def bot(number: int) -> None:
    for _service in ("lunch", "dinner"):
        bell.wait()  # every bot goes to the drawer at the same moment
        change(-1)  # take a knife and a fork
        time.sleep(0.15 * (number + 1))  # (3)!
        change(+1)  # put them back


bots = [threading.Thread(target=bot, args=(n,)) for n in range(BOTS)]
for thread in bots:
    thread.start()
for thread in bots:
    thread.join()
print(f"{BOTS} bots each took and returned 2 sets of cutlery")
print(f"drawer: {drawer['knives']} knives, {drawer['forks']} forks (expected 100 of each)")
