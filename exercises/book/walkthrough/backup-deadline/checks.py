"""Checks for the backup exercise: a cancelled coroutine cleans up and lets the
cancellation go on."""

import asyncio

from checking import Fail, check


@check(
    "timing",
    en="asyncio.timeout() stops the backup at its deadline",
    zh="asyncio.timeout() 能在截止时间让备份停下",
)
async def timeout_stops_it(program):
    printed = (await program.main_output()).splitlines()
    if printed[-1:] != ["the office opens: backup stopped"]:
        raise Fail(
            en="When the office opens, main() should end with 'the office opens: backup "
            f"stopped', but it printed:\n{chr(10).join(printed) or '(nothing)'}\nThe timeout "
            "cancelled back_up(), and back_up() kept that to itself. Re-raise the "
            "CancelledError after deleting the half-copied file.",
            zh="办公室开门时，main() 的最后一行应该是 'the office opens: backup stopped'，"
            f"但它打印的是：\n{chr(10).join(printed) or '（什么也没有）'}\n"
            "超时取消了 back_up()，back_up() 却把这件事瞒了下来。"
            "删除复制了一半的文件之后，请重新抛出 CancelledError。",
        )
    back_up = program.function("back_up")
    files = {"a.db": 0.2, "b.db": 0.2, "c.db": 0.2, "d.db": 0.2, "e.db": 0.2}

    async def under_timeout():
        async with asyncio.timeout(0.3):
            await back_up(files, [])

    # the deadline itself and the backup under it, side by side, under the same load
    # (one program.timed() at a time: each one swaps sys.stdout while it runs)
    (_, deadline), (stopped, took) = await asyncio.gather(
        seconds(asyncio.sleep(0.3)), program.timed(raises_timeout(under_timeout()))
    )
    if took > 1.5 * deadline:
        raise Fail(
            en=f"With a 0.3 s timeout around back_up() of five 0.2 s files, the backup ran "
            f"for {took:.2f} s, {took / deadline:.1f} times the deadline: it went on copying "
            "after it was cancelled. After deleting the half-copied file, re-raise the "
            "CancelledError (a bare `raise`).",
            zh=f"给 back_up() 套上 0.3 秒的超时，备份五个各需 0.2 秒的文件，结果它运行了 "
            f"{took:.2f} 秒，是截止时间的 {took / deadline:.1f} 倍：被取消之后它还在继续复制。"
            "删掉复制了一半的文件之后，请重新抛出 CancelledError（单独写一个 `raise`）。",
        )
    if not stopped:
        raise Fail(
            en="The 0.3 s timeout ran out, but no TimeoutError came out of "
            "`async with asyncio.timeout(0.3)`: back_up() returned as if it had finished. "
            "asyncio.timeout() cancels the task and turns the CancelledError into a "
            "TimeoutError, so back_up() must let the CancelledError out: re-raise it "
            "instead of stopping quietly.",
            zh="0.3 秒的超时已经到了，`async with asyncio.timeout(0.3)` 却没有抛出 "
            "TimeoutError：back_up() 像正常完成一样返回了。asyncio.timeout() 是靠取消任务来实现的，"
            "它会把 CancelledError 变成 TimeoutError，所以 back_up() 必须让 CancelledError "
            "传出去：请重新抛出它，而不是悄悄地停下。",
        )


async def seconds(coro):
    """The result of `coro` and the seconds it took."""
    loop = asyncio.get_running_loop()
    start = loop.time()
    result = await coro
    return result, loop.time() - start


async def raises_timeout(coro) -> bool:
    """True when `coro` ends with TimeoutError, False when it returns."""
    try:
        await coro
    except TimeoutError:
        return True
    return False


@check(
    "behaviour",
    en="A cancelled backup deletes its half-copied file",
    zh="被取消的备份会删除复制了一半的文件",
)
async def cleans_up_when_cancelled(program):
    back_up = program.function("back_up")
    log: list[str] = []
    task = asyncio.create_task(back_up({"x.log": 0.1, "y.log": 5.0, "z.log": 0.1}, log))
    await asyncio.sleep(0.3)  # x.log is copied, y.log half-way
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        pass
    if "y.log: half-copied, deleted" not in log:
        raise Fail(
            en=f"back_up() was cancelled while copying y.log, and its log is {log!r}: the "
            "half-copied y.log was left behind. Catch asyncio.CancelledError around the "
            "copy, append 'y.log: half-copied, deleted' there, then re-raise.",
            zh=f"back_up() 在复制 y.log 时被取消，它的日志是 {log!r}：复制了一半的 y.log "
            "被留了下来。请在复制操作外面捕获 asyncio.CancelledError，在那里记下 "
            "'y.log: half-copied, deleted'，然后重新抛出。",
        )


@check(
    "behaviour",
    en="A backup that is not cancelled deletes nothing",
    zh="没有被取消的备份不删除任何文件",
)
async def copied_files_kept(program):
    back_up = program.function("back_up")
    log: list[str] = []
    await back_up({"p.txt": 0.1, "q.txt": 0.1}, log)
    want = ["p.txt: copied", "q.txt: copied"]
    if log != want:
        raise Fail(
            en=f"back_up() of two files, not cancelled, logged {log!r}; expected {want!r}. "
            "Deleting a file only makes sense after a cancellation: put it in an "
            "`except asyncio.CancelledError:` block, not in `finally`, which also runs "
            "when the copy succeeds.",
            zh=f"不取消的情况下备份两个文件，back_up() 的日志是 {log!r}，应该是 {want!r}。"
            "只有被取消之后删除文件才有意义：请把删除放在 `except asyncio.CancelledError:` "
            "块里，而不是放在 `finally` 里，因为复制成功时 `finally` 也会执行。",
        )
