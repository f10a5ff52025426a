"""Three dishes share one cook: generators as tasks, a ready queue, round-robin."""

from collections import deque


def dish(name, steps):
    for step in steps:
        print(f"{name:6} {step}")
        yield  # (1)!
    print(f"{name:6} ready")


def run(tasks):
    ready = deque(tasks)  # (2)!
    while ready:
        task = ready.popleft()
        try:
            next(task)  # (3)!
        except StopIteration:
            continue  # (4)!
        ready.append(task)  # (5)!


run(
    [
        dish("soup", ["chop onions", "fry onions", "pour stock"]),
        dish("salad", ["wash lettuce", "toss with oil"]),
        dish("tea", ["fill kettle"]),
    ]
)
