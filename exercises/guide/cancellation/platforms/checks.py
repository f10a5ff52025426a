"""Checks for the departure board exercise (guide/cancellation)."""

import ast
import asyncio

from checking import Fail, check

EXPECTED = ["IC 512: platform 4", "RE 7: platform not yet known", "S 3: platform 2"]


async def guarded(coro):
    """Await `coro`; a TimeoutError that comes out of it (the reader's, not the check's
    own time limit, which reaches the check as a cancellation), or a CancelledError
    although nobody cancelled the check, fails with a nudge."""
    try:
        return await coro
    except TimeoutError:
        raise Fail(
            en="board_line() let a TimeoutError out: when the limit runs out, the board "
            'should show the train\'s line with "platform not yet known", not fail. Catch '
            "`TimeoutError` around the `async with asyncio.timeout(limit):` block and return "
            "that line.",
            zh="board_line() 让 TimeoutError 传了出来：时限一到，出发信息屏应该显示这趟列车"
            "“platform not yet known”的那一行，而不是出错。请在 "
            "`async with asyncio.timeout(limit):` 块外面捕获 `TimeoutError`，返回那一行。",
        ) from None
    except asyncio.CancelledError:
        if asyncio.current_task().cancelling():
            raise  # the check's own time limit: let it through
        raise Fail(
            en="board_line() raised CancelledError, although nobody cancelled it: awaiting a "
            "task that you have cancelled raises its CancelledError in your coroutine. Let "
            "`asyncio.timeout(limit)` cancel the query and wait for it: it turns that "
            "cancellation into a `TimeoutError` after the block.",
            zh="board_line() 抛出了 CancelledError，可并没有谁取消它：await 一个你自己取消了的"
            "任务，它的 CancelledError 会在你的协程里抛出来。让 `asyncio.timeout(limit)` "
            "去取消查询并等它结束：它会在块外把这次取消变成 `TimeoutError`。",
        ) from None


@check("output", en="main() prints the board", zh="main() 打印出发信息屏")
async def prints_board(program):
    printed = await guarded(program.main_output())
    if printed.splitlines() != EXPECTED:
        raise Fail(
            en=f"Expected these three lines:\n{chr(10).join(EXPECTED)}\nbut main() printed:\n"
            f"{printed or '(nothing)'}\nRE 7's platform takes 2 s to come; with the default "
            "limit of 0.8 s, the board should say it is not yet known.",
            zh=f"应该打印这三行：\n{chr(10).join(EXPECTED)}\n但 main() 打印的是：\n"
            f"{printed or '（什么也没有）'}\nRE 7 的站台要 2 秒才有答复；"
            "默认时限是 0.8 秒，所以屏幕上应该显示站台尚未确定。",
        )


@check(
    "behaviour",
    en="A query that runs out of time is cancelled, not left running",
    zh="超时的查询会被取消，而不是留在后台继续运行",
)
async def closes_the_query(program):
    module = program.module
    board_line = program.function("board_line")
    original = program.function("query_platform")
    running = []

    async def tracked(train):
        running.append(train)
        try:
            return await original(train)
        finally:
            running.remove(train)

    module.query_platform = tracked
    try:
        await guarded(program.timed(board_line("RE 7", 0.3)))  # prints discarded
    finally:
        module.query_platform = original
    if running:
        raise Fail(
            en="board_line('RE 7', 0.3) returned, but its query_platform('RE 7') was still "
            "running: nobody cancelled it, so it keeps its connection to the signalling system "
            "open until its answer comes. A timeout should cancel the work it limits, and wait "
            "until the cancellation is done: `asyncio.timeout()` and `asyncio.wait_for()` do "
            "both; `asyncio.wait()` does neither.",
            zh="board_line('RE 7', 0.3) 已经返回了，可它发起的 query_platform('RE 7') 还在运行："
            "没有人取消它，于是它会一直占着与信号系统的连接，直到答复到来。超时应该取消它所限制的工作，"
            "并等到取消完成：`asyncio.timeout()` 和 `asyncio.wait_for()` 两样都做，"
            "`asyncio.wait()` 两样都不做。",
        )


@check(
    "timing",
    en="board_line() waits no longer than it must",
    zh="board_line() 不做多余的等待",
)
async def gives_up_in_time(program):
    board_line = program.function("board_line")
    query_platform = program.function("query_platform")
    # 0.3 s of sleep on this machine, the better of two tries
    baseline = min([(await program.timed(asyncio.sleep(0.3)))[1] for _ in range(2)])
    _, slow = await guarded(program.timed(board_line("RE 7", 0.3)))
    if slow > 4 * baseline:
        raise Fail(
            en=f"board_line('RE 7', 0.3) took {slow:.2f} s, {slow / baseline:.1f} times its "
            f"limit of 0.3 s: it waited for the answer however long it took. Put the query "
            "under a timeout, for example `async with asyncio.timeout(limit):`, and catch "
            "`TimeoutError` outside that block.",
            zh=f"board_line('RE 7', 0.3) 用了 {slow:.2f} 秒，是 0.3 秒时限的 "
            f"{slow / baseline:.1f} 倍：不管答复要多久它都在等。给查询加上超时，比如 "
            "`async with asyncio.timeout(limit):`，并在这个块外面捕获 `TimeoutError`。",
        )
    alone = min([(await program.timed(query_platform("IC 512")))[1] for _ in range(2)])
    _, fast = await guarded(program.timed(board_line("IC 512", 2.0)))
    if fast > 8 * alone:
        raise Fail(
            en=f"board_line('IC 512', 2.0) took {fast:.2f} s, although the platform was known "
            f"after {alone:.2f} s: it waited out the whole limit. A limit is the longest you "
            "wait, not how long: return as soon as the answer comes.",
            zh=f"board_line('IC 512', 2.0) 用了 {fast:.2f} 秒，而站台 {alone:.2f} 秒后就知道了："
            "它把整个时限都等完了。时限是最多等多久，不是要等多久：答复一到就应该返回。",
        )


def _catches_cancellation(handler: ast.ExceptHandler) -> bool:
    if handler.type is None:
        return True
    names = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
    return any(
        ast.unparse(name).split(".")[-1] in ("CancelledError", "BaseException") for name in names
    )


@check(
    "structure",
    en="No handler swallows CancelledError",
    zh="没有哪个 except 吞掉 CancelledError",
)
async def lets_cancel_through(program):
    swallowed = [
        node.lineno
        for node in ast.walk(program.tree)
        if isinstance(node, ast.ExceptHandler)
        and _catches_cancellation(node)
        and not any(isinstance(inner, ast.Raise) for inner in ast.walk(node))
    ]
    if swallowed:
        lines = ", ".join(map(str, swallowed))
        raise Fail(
            en=f"The handler at line {lines} catches CancelledError and does not raise it "
            "again. The timeout's own cancellation reaches you as `TimeoutError` outside the "
            "`async with` block, so you never need to catch CancelledError here; catching it "
            "also swallows a cancel from whoever called board_line(), who then cannot stop it. "
            "Catch only `TimeoutError`.",
            zh=f"第 {lines} 行的 except 捕获了 CancelledError，却没有再抛出。超时自己引发的取消，"
            "在 `async with` 块外面会变成 `TimeoutError` 交给你，所以这里根本不用捕获 "
            "CancelledError；捕获它还会把调用 board_line() 的那一方发出的取消也吞掉，"
            "对方就再也停不下它了。只捕获 `TimeoutError` 就够了。",
        )
