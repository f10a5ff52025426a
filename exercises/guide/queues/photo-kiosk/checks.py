"""Checks for the photo kiosk exercise (guide/queues)."""

import asyncio

from checking import Fail, check

PHOTOS = [f"IMG_{n:04}.jpg" for n in range(1, 10)]


@check("timing", en="Three printers share the work", zh="三台打印机分担工作")
async def shares_the_work(program):
    print_photo = program.function("print_photo")
    print_all = program.function("print_all")
    # one photo alone, the better of two tries: a slow machine makes both sides slower
    one = min([(await program.timed(print_photo("IMG_0000.jpg")))[1] for _ in range(2)])
    photos = [f"IMG_{n:04}.jpg" for n in range(1, 13)]
    printed, together = await program.timed(print_all(photos, 3))
    if sorted(printed) != photos:
        raise Fail(
            en=f"print_all() of twelve photos returned {printed!r}: every photo should come out "
            "exactly once.",
            zh=f"print_all() 打印十二张照片，返回的却是 {printed!r}：每张照片都应该恰好打印一次。",
        )
    if together > 8 * one:
        raise Fail(
            en=f"Twelve photos on three printers took {together:.2f} s, {together / one:.1f} "
            f"times one photo ({one:.2f} s): about four would be right. The printers did "
            "not work at the same time. Start all `printers` printer tasks before you wait "
            "for the queue.",
            zh=f"三台打印机打印十二张照片用了 {together:.2f} 秒，是一张照片（{one:.2f} 秒）的 "
            f"{together / one:.1f} 倍，正确的话大约是四倍：这些打印机并没有同时工作。"
            "请先把 `printers` 个打印机任务全部启动，再等待队列。",
        )


@check(
    "behaviour",
    en="Never more photos at once than there are printers",
    zh="同时打印的照片从不超过打印机的数量",
)
async def at_most_n_printers(program):
    module = program.module
    original = program.function("print_photo")
    print_all = program.function("print_all")
    now = peak = 0

    async def gauged(photo):
        nonlocal now, peak
        now += 1
        peak = max(peak, now)
        try:
            return await original(photo)
        finally:
            now -= 1

    module.print_photo = gauged
    try:
        await program.timed(print_all(PHOTOS[:5], 2))  # timed() discards what it prints
    finally:
        module.print_photo = original
    if peak > 2:
        raise Fail(
            en=f"print_all(five photos, printers=2) printed {peak} photos at the same time. "
            "The kiosk has only `printers` printers: start exactly that many printer tasks, "
            "and let them take the photos from the queue one after another.",
            zh=f"print_all(五张照片, printers=2) 同时打印了 {peak} 张照片。照相亭只有 `printers` "
            "台打印机：就启动这么多个打印机任务，让它们从队列里一张接一张地取照片。",
        )


@check(
    "behaviour",
    en="No printer task is left waiting when print_all() returns",
    zh="print_all() 返回时，没有打印机任务还在等待",
)
async def nothing_left_running(program):
    module = program.module
    original = program.function("print_photo")
    print_all = program.function("print_all")
    printers = set()  # the tasks that printed: held here, so none can be collected unseen

    async def recorded(photo):
        printers.add(asyncio.current_task())
        return await original(photo)

    module.print_photo = recorded
    try:
        await program.timed(print_all(PHOTOS[:3], 2))  # timed() discards what it prints
    finally:
        module.print_photo = original
    await asyncio.sleep(0)  # let cancellations that were asked for run
    await asyncio.sleep(0)
    left = [task for task in printers if not task.done()]
    if left:
        raise Fail(
            en=f"After print_all() returned, {len(left)} of its tasks were still running: the "
            "printers wait at `queue.get()` for a photo that will never come. Once "
            "`queue.join()` has returned, cancel the printer tasks (and wait for them).",
            zh=f"print_all() 返回之后，它的任务还有 {len(left)} 个在运行：这些打印机停在 "
            "`queue.get()` 上，等一张永远不会来的照片。`queue.join()` 返回之后，"
            "请取消这些打印机任务（并等它们结束）。",
        )


@check(
    "structure",
    en="The printers take the photos from an asyncio.Queue",
    zh="打印机从 asyncio.Queue 里取照片",
)
async def uses_a_queue(program):
    if not (program.uses("Queue") and program.awaits("get")):
        raise Fail(
            en="The program does not hand the photos out through a queue (no `asyncio.Queue` "
            "whose `get()` is awaited). This exercise is about a pool of workers: a few "
            "printer tasks that each take the next photo from one shared queue as soon as "
            "they are free. Keep the starter's queue and its `printer` tasks.",
            zh="程序没有通过队列分发照片（没有哪个 `asyncio.Queue` 的 `get()` 被 `await`）。"
            "这道练习讲的是工作者池：几个打印机任务共用一个队列，谁空下来谁就取下一张照片。"
            "请保留初始代码里的队列和 `printer` 任务。",
        )
