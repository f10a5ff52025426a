"""The generator era: coroutines are generators, and a small scheduler drives them."""

import heapq
import itertools

# station: (seconds to connect, seconds to read, reading in °C)
STATIONS = {"harbour": (0.1, 0.2, 11.5), "summit": (0.2, 0.3, -2.0)}
clock = 0.0  # a pretend clock: the scheduler jumps straight to the next wake-up time


def log(message: str) -> None:
    print(f"{clock:.2f} s  {message}")


def sleep(delay):
    yield delay  # (1)!


def poll(station):
    connect, read, value = STATIONS[station]
    yield from sleep(connect)  # (2)!
    log(f"{station}: connected")
    yield from sleep(read)
    log(f"{station}: {value} °C")
    return value  # (3)!


def run(coroutines):
    global clock
    results = {}
    order = itertools.count()  # breaks ties between equal wake-up times
    timers = [(0.0, next(order), name, coro) for name, coro in coroutines.items()]
    while timers:
        clock, _, name, coro = heapq.heappop(timers)  # (4)!
        try:
            delay = coro.send(None)  # (5)!
        except StopIteration as finished:
            results[name] = finished.value
        else:
            heapq.heappush(timers, (clock + delay, next(order), name, coro))
    return results


print("all readings:", run({station: poll(station) for station in STATIONS}))
