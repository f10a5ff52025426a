"""Four threads doing pure Python work keep one core busy, not four: the GIL runs one at a time."""

import time
from concurrent.futures import ThreadPoolExecutor

JOBS = 4
SPOONS = 1_000_000


def polish(spoons: int) -> int:
    shine = 0
    for spoon in range(spoons):  # (1)!
        shine += spoon % 7
    return shine


wall_start, cpu_start = time.perf_counter(), time.process_time()  # (2)!
with ThreadPoolExecutor(max_workers=JOBS) as pool:
    shine = sum(pool.map(polish, [SPOONS] * JOBS))
wall = time.perf_counter() - wall_start
cpu = time.process_time() - cpu_start
print(f"{JOBS} threads polished {JOBS * SPOONS:,} spoons to a shine of {shine:,}")
print("more than one core busy at a time:", cpu / wall > 1.5)  # (3)!
