"""Checks for the sprinkler timetable exercise (guide/scheduling)."""

import asyncio

from checking import Fail, check


def _times(starts):
    return ", ".join(f"{slot}: {t:.2f} s" for slot, t in starts)


@check("timing", en="Every run starts on the timetable", zh="每次运行都按时刻表开始")
async def on_the_grid(program):
    every = program.function("every")
    loop = asyncio.get_running_loop()
    starts, took = [], []

    async def job(slot):
        began = loop.time()
        starts.append((slot, began))
        await asyncio.sleep(0.2)
        took.append(loop.time() - began)  # 0.2 s of sleep, as this machine measures it

    await program.timed(every(0.4, 3, job))
    begin = starts[0][1] if starts else 0.0
    starts = [(slot, t - begin) for slot, t in starts]
    run = sorted(took)[len(took) // 2] if took else 0.2  # the median run, about 0.2 s
    # how late each later run started against its slot's time: on a busy machine a run
    # may start late by what a wake-up costs there, which makes the runs longer too; a
    # drifting loop starts every later run late by a whole run or more
    late = [t - slot * 0.4 for slot, t in starts[1:]]
    if len(starts) < 2 or starts[0][0] != 0 or min(late) > 0.75 * run:
        raise Fail(
            en="every(0.4, 3, job) with a job of 0.2 s should start slots 0, 1, 2 at 0.00, "
            f"0.40, 0.80 s, but they started at {_times(starts) or '(never)'}. Sleeping a "
            "whole interval after each run adds the run's own time to every gap. Compute "
            "when slot n is due from the first start on the loop's clock, "
            "`start + n * interval`, and sleep only until then.",
            zh="every(0.4, 3, job) 的每次作业要 0.2 秒，第 0、1、2 个时段应该分别在 "
            f"0.00、0.40、0.80 秒开始，实际开始时间却是 {_times(starts) or '（从未开始）'}。"
            "每次运行之后都睡满一个间隔，就会把运行本身的时间加进每一段间隔里。"
            "请按事件循环的时钟，从第一次开始的时刻算出第 n 个时段何时到期，"
            "即 `start + n * interval`，只睡到那个时刻为止。",
        )


@check(
    "behaviour",
    en="A run that overshoots skips the slots it missed",
    zh="某次运行超出间隔时，跳过错过的时段",
)
async def skips_missed_slots(program):
    every = program.function("every")
    ran = []

    async def job(slot):
        ran.append(slot)
        await asyncio.sleep(1.0 if slot == 0 else 0.05)  # slot 0 takes 2.5 intervals

    await program.timed(every(0.4, 5, job))
    # slots 1 and 2 (due at 0.4 and 0.8 s) go by while slot 0 runs; 3 and 4 come after
    if not ran or ran[0] != 0 or 1 in ran or 2 in ran or len(ran) < 2:
        raise Fail(
            en=f"every(0.4, 5, job) ran the slots {ran}, but slot 0 took 1.0 s: slots 1 and 2, "
            "due at 0.4 and 0.8 s, went by while it ran, so slots 3 and 4, at 1.2 and 1.6 s, "
            "should follow. Running missed slots late fires them back to back. After each run, "
            "work out the first slot whose time has not come yet and continue from there.",
            zh=f"every(0.4, 5, job) 运行了时段 {ran}，可第 0 个时段用了 1.0 秒：第 1、2 个时段"
            "（0.4 秒和 0.8 秒到期）在它运行期间就过去了，所以接下来应该运行的是 1.2 秒和 1.6 秒的"
            "第 3、4 个时段。把错过的时段补跑，它们就会一个紧挨一个地挤在一起。每次运行之后，"
            "先算出第一个还没到期的时段，再从那里继续。",
        )


@check(
    "structure",
    en="The loop is reached with get_running_loop()",
    zh="用 get_running_loop() 获取事件循环",
)
async def running_loop(program):
    found = program.calls("get_event_loop")
    if found:
        raise Fail(
            en=f"Line {found[0].lineno} calls `asyncio.get_event_loop()`. Inside a coroutine, "
            "use `asyncio.get_running_loop()`: it returns the loop that runs your code and "
            "never creates another one. `get_event_loop()` is a leftover from before "
            "`asyncio.run()`, and outside a running loop it is deprecated or an error, "
            "depending on the Python version.",
            zh=f"第 {found[0].lineno} 行调用了 `asyncio.get_event_loop()`。在协程里请用 "
            "`asyncio.get_running_loop()`：它返回正在运行你的代码的那个事件循环，"
            "而且绝不会另外创建一个。`get_event_loop()` 是 `asyncio.run()` 出现之前的遗留用法，"
            "在没有运行中的事件循环时调用它，视 Python 版本不同，会得到弃用警告或者直接报错。",
        )
