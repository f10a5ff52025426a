"""Threads done well: a pool runs blocking calls, results come back, nothing is shared."""

import time
from concurrent.futures import ThreadPoolExecutor

SUPPLIERS = {"baker": 0.3, "dairy": 0.2, "grocer": 0.4, "fishmonger": 0.3, "butcher": 0.2}
STOCK = {"baker": 12, "dairy": 30, "grocer": 25, "fishmonger": 8, "butcher": 14}


def ask_supplier(name: str) -> tuple[str, int]:
    time.sleep(SUPPLIERS[name])  # (1)!
    return name, STOCK[name]  # (2)!


start = time.perf_counter()
with ThreadPoolExecutor(max_workers=3) as pool:  # (3)!
    answers = list(pool.map(ask_supplier, SUPPLIERS))  # (4)!
for name, crates in answers:
    print(f"{name:>10}: {crates} crates")
print(f"total: {sum(crates for _, crates in answers)} crates")
print(f"one call after another: {sum(SUPPLIERS.values()):.2f} s")
print(f"three threads: {time.perf_counter() - start:.2f} s")
