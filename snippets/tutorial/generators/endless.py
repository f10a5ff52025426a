"""An endless generator, paused between values for as long as we like."""

import itertools
import time


def heartbeat():
    for beat in itertools.count(1):
        yield f"beat {beat} at {time.perf_counter() - start:.1f} s"


start = time.perf_counter()
pulse = heartbeat()
print(next(pulse))
time.sleep(0.5)  # (1)!
print(next(pulse))
print(next(pulse))
later = list(itertools.islice(pulse, 5))  # (2)!
print(f"five more: {later[0]} ... {later[-1]}")
