"""The same timers, waited for by spinning and by sleeping: what each costs in CPU."""

import heapq
import time


class Sleep:
    def __init__(self, seconds):
        self.seconds = seconds

    def __await__(self):
        yield self


async def timer(seconds):
    await Sleep(seconds)


def run(coroutines, spin):
    """Run coroutines that only sleep; return how many turns the loop made."""
    timers = [(time.monotonic(), n, coro) for n, coro in enumerate(coroutines)]
    heapq.heapify(timers)
    turns = 0
    while timers:
        turns += 1
        if not spin:
            time.sleep(max(0.0, timers[0][0] - time.monotonic()))  # (1)!
        while timers and timers[0][0] <= time.monotonic():
            _, n, coro = heapq.heappop(timers)
            try:
                request = coro.send(None)
            except StopIteration:
                continue
            heapq.heappush(timers, (time.monotonic() + request.seconds, n, coro))
    return turns


def how_often(turns):
    if turns < 10:
        return "fewer than 10 times"
    if turns > 10_000:
        return "more than 10,000 times"
    return f"{turns:,} times"


cpu = {}
for spin in (False, True):
    name = "spinning" if spin else "sleeping"
    started, wall = time.process_time(), time.monotonic()  # (2)!
    turns = run([timer(0.2), timer(0.3), timer(0.5)], spin)
    cpu[name] = time.process_time() - started
    print(f"{name} loop: done in {time.monotonic() - wall:.2f} s, went round {how_often(turns)}")

if cpu["spinning"] > 10 * cpu["sleeping"]:  # (3)!
    print("spinning used more than 10 times the CPU time of sleeping")
else:
    print("spinning used about as much CPU time as sleeping")
