"""The same drawer with a lock: one bot at a time reads and writes the count."""

import threading
import time

BOTS = 4
drawer = {"knives": 100, "forks": 100}
bell = threading.Barrier(BOTS)
drawer_lock = threading.Lock()


def change(delta: int) -> None:
    with drawer_lock:  # (1)!
        knives, forks = drawer["knives"], drawer["forks"]
        time.sleep(0.05)  # the same window as before, but nobody else can get in
        drawer["knives"], drawer["forks"] = knives + delta, forks + delta


def bot(number: int) -> None:
    for _service in ("lunch", "dinner"):
        bell.wait()
        change(-1)
        time.sleep(0.15 * (number + 1))
        change(+1)


bots = [threading.Thread(target=bot, args=(n,)) for n in range(BOTS)]
for thread in bots:
    thread.start()
for thread in bots:
    thread.join()
print(f"{BOTS} bots each took and returned 2 sets of cutlery")
print(f"drawer: {drawer['knives']} knives, {drawer['forks']} forks (expected 100 of each)")
