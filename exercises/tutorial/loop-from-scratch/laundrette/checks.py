"""Checks for the laundrette's toy event loop (tutorial/loop-from-scratch): timers on a heap."""

import contextlib
import io
import time

from checking import Fail, check

EXPECTED = [
    "washer: on",
    "spin dryer: on",
    "big washer: on",
    "dryer: on",
    "spin dryer: off",
    "dryer: off",
    "washer: off",
    "big washer: off",
    "every machine is off",
]
CLOCKS = {"monotonic", "monotonic_ns", "perf_counter", "perf_counter_ns", "time", "time_ns"}


async def sleeper(sleep_class, seconds, woke, label):
    """A coroutine for the reader's loop: sleep once, note when it woke."""
    await sleep_class(seconds)
    woke[label] = time.perf_counter()


def run_loop(program, *jobs):
    """Run `jobs` (seconds, label) as sleepers on a new loop of the reader's; returns
    the start and the wake-up times by label."""
    module = program.module
    loop = program.function("Loop")()
    woke = {}
    for seconds, label in jobs:
        loop.spawn(sleeper(module.Sleep, seconds, woke, label))
    start = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()):
        loop.run()
    return start, woke


class CountingClock:
    """Stands in for the `time` module in the reader's program: counts clock reads."""

    def __init__(self, real):
        self.real = real
        self.reads = 0

    def __getattr__(self, name):
        found = getattr(self.real, name)
        if name not in CLOCKS:
            return found

        def read(*args):
            self.reads += 1
            return found(*args)

        return read


@check(
    "output",
    en="main() reports the machines going off in the order their time is up",
    zh="main() 按时间到点的先后报告各台机器关机",
)
async def prints_in_order(program):
    printed = await program.main_output()
    events = [line.split("  ", 1)[-1] for line in printed.splitlines()]
    if events != EXPECTED:
        raise Fail(
            en="Leaving out the times, main() should print:\n"
            + "\n".join(EXPECTED)
            + f"\nbut it printed:\n{printed or '(nothing)'}\nAll four machines start at "
            "once, and each goes off when its own time is up: 0.2, 0.4, 0.6 then 0.8 s. "
            "Take the timers off the heap with `heapq.heappop`, which always gives the "
            "earliest; `self.timers[0]` is the earliest only while the list is a heap.",
            zh="不看时间的话，main() 应该打印：\n"
            + "\n".join(EXPECTED)
            + f"\n但它打印的是：\n{printed or '（什么也没有）'}\n四台机器同时开机，"
            "每台在自己的时间到点时关机：依次是 0.2、0.4、0.6 和 0.8 秒。"
            "请用 `heapq.heappop` 从堆里取出定时器，它总是给出最早的那个；"
            "只有当这个列表还是一个堆时，`self.timers[0]` 才是最早的定时器。",
        )


@check(
    "timing",
    en="Each coroutine wakes up when its own time is up",
    zh="每个协程都在自己的时间到点时醒来",
)
async def wakes_on_time(program):
    start, woke = run_loop(program, (0.6, "long"), (0.2, "short"), (0.4, "middle"))
    if set(woke) != {"long", "short", "middle"}:
        raise Fail(
            en=f"Three coroutines slept 0.6, 0.2 and 0.4 s, but only {sorted(woke)} woke up "
            "before run() returned. run() must go on while timers are left, not only while "
            "coroutines are ready.",
            zh=f"三个协程分别睡 0.6、0.2 和 0.4 秒，可是 run() 返回之前只有 {sorted(woke)} "
            "醒了过来。只要还有定时器，run() 就要继续运行，而不只是在有协程就绪的时候。",
        )
    short = woke["short"] - start
    last = max(woke.values()) - start
    if last < 0.55:
        raise Fail(
            en=f"The coroutine that sleeps 0.6 s woke after {last:.2f} s: the loop did not "
            "wait. Sleep until the earliest deadline, not less.",
            zh=f"睡 0.6 秒的协程在 {last:.2f} 秒后就醒了：事件循环根本没有等待。"
            "请一直睡到最早的截止时间，不能更早。",
        )
    if short > 0.6 * last:
        raise Fail(
            en=f"Three coroutines slept 0.6, 0.2 and 0.4 s, spawned together. The one that "
            f"sleeps 0.2 s woke after {short:.2f} s and the last one after {last:.2f} s; it "
            "should wake at about a third of that. Waiting for one timer must not hold up "
            "the others: when nothing is ready, sleep only until the earliest deadline, "
            "`self.timers[0][0]`, then run what is due and wait again.",
            zh=f"三个协程同时启动，分别睡 0.6、0.2 和 0.4 秒。睡 0.2 秒的那个过了 {short:.2f} 秒"
            f"才醒，最后一个用了 {last:.2f} 秒；它应该在后者的三分之一左右醒来。"
            "等一个定时器不能耽误别的定时器：没有协程就绪时，只睡到最早的截止时间 "
            "`self.timers[0][0]`，然后运行到期的协程，再接着等。",
        )


@check(
    "behaviour",
    en="While it waits, the loop sleeps instead of spinning",
    zh="等待期间，事件循环睡眠而不是空转",
)
async def no_spinning(program):
    module = program.module
    real = getattr(module, "time", time)
    clock = CountingClock(real)
    module.time = clock
    try:
        run_loop(program, (0.3, "a"), (0.3, "b"))
    finally:
        module.time = real
    if clock.reads > 30:  # the solution reads it 7 times; a 5 ms poll about 60
        raise Fail(
            en=f"Two coroutines sleeping 0.3 s made the loop read the clock {clock.reads} "
            "times, where a loop that sleeps once per wait reads it about ten times: it goes "
            "round and round while nothing is ready (with or without short naps) and looks "
            "at the time again and again for nothing. When no coroutine is ready, call "
            "`time.sleep()` once, until the earliest deadline.",
            zh=f"两个协程各睡 0.3 秒，事件循环却读了 {clock.reads} 次时钟，而每次等待只睡一次的"
            "事件循环只读十次左右：没有协程就绪时，它在一圈圈地空转（不管中间有没有小睡），"
            "一遍遍地白白查看时间。没有协程就绪时，调用一次 `time.sleep()`，"
            "睡到最早的截止时间。",
        )


@check(
    "structure",
    en="The timers are kept in a heap (heapq)",
    zh="定时器放在堆里（heapq）",
)
async def uses_a_heap(program):
    if not program.calls("heapq.heappush"):
        raise Fail(
            en="`wake_me` does not push the timer with `heapq.heappush`. A sorted list "
            "works, but sorting it again for every timer costs more and more as timers add "
            "up; a heap keeps the earliest deadline at index 0 for the price of a push. "
            "Use `heapq.heappush(self.timers, (deadline, number, coro))` and "
            "`heapq.heappop(self.timers)`.",
            zh="`wake_me` 没有用 `heapq.heappush` 放入定时器。排好序的列表也能用，"
            "但每加一个定时器就重新排一次序，定时器越多代价越大；堆只需一次 push，"
            "就能让最早的截止时间始终在下标 0 处。请使用 "
            "`heapq.heappush(self.timers, (deadline, number, coro))` 和 "
            "`heapq.heappop(self.timers)`。",
        )
