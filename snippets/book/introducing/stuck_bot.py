"""A ThreadBot that gets stuck: nothing outside its thread can make it stop."""

import threading
import time


def serve(table: int, guests_gone: threading.Event) -> None:
    time.sleep(0.2)  # serve the meal
    guests_gone.wait()  # (1)!
    print(f"table {table}: guests gone, table cleared")


guests_gone = {1: threading.Event(), 2: threading.Event()}
bots = [
    threading.Thread(target=serve, args=(table, gone), name=f"bot-{table}", daemon=True)  # (2)!
    for table, gone in guests_gone.items()
]
for bot in bots:
    bot.start()
guests_gone[1].set()  # the guests at table 2 never leave
for bot in bots:
    bot.join(timeout=0.5)  # (3)!
    print(f"{bot.name} still busy after the manager waited: {bot.is_alive()}")
print("threads can be cancelled:", hasattr(threading.Thread, "cancel"))  # (4)!
print("closing time: the interpreter exits and takes bot-2 down with it")
