"""Checks for the sorting office: wait for a queue with join(), then stop its consumers."""

import asyncio

from checking import Fail, check

PARCELS = ["Deal", "Ayr", "Eye", "Bath", "Cork", "Ely"]
EXPECTED = "6 parcels sorted: Ayr, Bath, Cork, Deal, Ely, Eye"


@check("output", en="main() prints how many parcels were sorted", zh="main() 打印分拣了多少件包裹")
async def prints_summary(program):
    printed = await program.main_output()
    if printed.splitlines() != [EXPECTED]:
        raise Fail(
            en=f"Expected this line:\n{EXPECTED}\nbut main() printed:\n{printed or '(nothing)'}\n"
            "Every parcel must be sorted before `sort_all` returns; `main()` prints them in "
            "alphabetical order, joined by commas.",
            zh=f"应该打印这一行：\n{EXPECTED}\n但 main() 打印的是：\n"
            f"{printed or '（什么也没有）'}\n`sort_all` 返回之前，每件包裹都必须已经分拣完；"
            "`main()` 按字母顺序、用逗号连起来打印它们。",
        )


@check(
    "timing",
    en="sort_all() returns as soon as the last parcel is sorted",
    zh="最后一件包裹分拣完，sort_all() 就立即返回",
)
async def no_time_wasted(program):
    sort_all = program.function("sort_all")
    sort_time = getattr(program.module, "SORT_TIME", 0.2)
    # One parcel's work, the shorter of two runs: a stall on a busy machine only lengthens.
    one = min([(await program.timed(asyncio.sleep(sort_time)))[1] for _ in range(2)])
    done, took = await program.timed(sort_all(["Hull", "Looe", "Rye", "Wick"], 4))
    if took > 3 * one:  # right: about 1; a second too long: 6
        raise Fail(
            en=f"Four sorters with four parcels need {one:.2f} s, one parcel each, but "
            f"sort_all() took {took:.2f} s ({took / one:.1f} times as long). A fixed pause "
            "is either too short or too long: wait exactly until the tray's work is done.",
            zh=f"四个分拣员分拣四件包裹，每人一件，只需要 {one:.2f} 秒，sort_all() 却用了 "
            f"{took:.2f} 秒（是前者的 {took / one:.1f} 倍）。固定的等待时间不是太短就是太长："
            "应该正好等到托盘里的活儿全部干完。",
        )
    if sorted(done) != ["Hull", "Looe", "Rye", "Wick"]:
        raise Fail(
            en=f"sort_all() returned {done!r} for four parcels: some were not sorted yet.",
            zh=f"对四件包裹，sort_all() 返回了 {done!r}：有的包裹还没有分拣完。",
        )


@check(
    "behaviour",
    en="No sorter is left running after sort_all() returns",
    zh="sort_all() 返回之后，没有分拣员还在运行",
)
async def sorters_stopped(program):
    sort_all = program.function("sort_all")
    before = asyncio.all_tasks()
    await program.timed(sort_all(["Oban", "Ross"], 2))  # prints discarded
    await asyncio.sleep(0.01)  # let cancelled tasks finish
    left = [t for t in asyncio.all_tasks() - before if not t.done()]
    for task in left:
        task.cancel()
    if left:
        raise Fail(
            en=f"After sort_all() returned, {len(left)} of its tasks were still running: the "
            "sorters loop for ever, waiting on an empty tray. Once the tray's work is done, "
            "cancel them.",
            zh=f"sort_all() 返回之后，它创建的任务还有 {len(left)} 个在运行："
            "分拣员在无限循环，守着一个空托盘等下去。托盘里的活儿干完以后，要取消它们。",
        )


@check(
    "structure",
    en="sort_all() awaits the tray's join(); sorters call task_done()",
    zh="sort_all() await 托盘的 join()；分拣员调用 task_done()",
)
async def waits_with_join(program):
    joins = program.awaits("join")
    dones = program.calls("task_done")
    if not (joins and dones):
        missing_en = [] if joins else ["`await tray.join()`"]
        missing_en += [] if dones else ["`tray.task_done()`"]
        missing_zh = [] if joins else ["`await tray.join()`"]
        missing_zh += [] if dones else ["`tray.task_done()`"]
        raise Fail(
            en=f"The program has no {' and no '.join(missing_en)}. The queue itself knows "
            "when every parcel put in it has been handled: each `task_done()` marks one "
            "parcel finished, and `join()` waits until all are, with no pause to guess "
            "and nothing to poll.",
            zh=f"程序里没有 {'，也没有 '.join(missing_zh)}。队列自己就知道放进去的包裹"
            "是否都已处理完：每次 `task_done()` 标记一件包裹完成，`join()` 一直等到全部完成，"
            "既不用猜等待时间，也不用反复查看。",
        )
