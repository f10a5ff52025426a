"""Checks for the newsletter exercise (guide/pitfalls)."""

import ast

from checking import Fail, check

ADDRESSES = [f"reader{n}@example.org" for n in range(1, 13)]


@check("output", en="main() reports twelve newsletters sent", zh="main() 报告发出了十二封简报")
async def prints_total(program):
    printed = await program.main_output()
    if printed.strip() != "newsletter sent to 12 readers":
        raise Fail(
            en="Expected `newsletter sent to 12 readers`, but main() printed "
            f"`{printed.strip() or '(nothing)'}`. Keep main() as the starter has it.",
            zh="应该打印 `newsletter sent to 12 readers`，但 main() 打印的是 "
            f"`{printed.strip() or '（什么也没有）'}`。main() 请保持初始代码的样子。",
        )


@check(
    "behaviour",
    en="The relay never refuses a connection",
    zh="中继服务器从不拒绝连接",
)
async def never_refused(program):
    module = program.module
    original = program.function("send")
    send_all = program.function("send_all")
    refused = 0

    async def counted(address):
        nonlocal refused
        try:
            return await original(address)
        except ConnectionRefusedError:
            refused += 1
            raise

    module.send = counted
    try:
        sent, _ = await program.timed(send_all(ADDRESSES[:9]))  # timed() discards prints
    finally:
        module.send = original
    if list(sent) != ADDRESSES[:9]:
        raise Fail(
            en=f"send_all() of nine addresses returned {sent!r}: it should return the nine "
            "addresses, in the order they were given.",
            zh=f"send_all() 发送九个地址，返回的却是 {sent!r}：应该按传入的顺序返回这九个地址。",
        )
    if refused:
        raise Fail(
            en=f"Sending to nine readers, the relay refused {refused} connections: the program "
            "knocked again and again until it got in. That load is what the limit is there to "
            "prevent. Do not open a fifth connection at all: let each send wait for a free "
            "slot, with an `asyncio.Semaphore(MAX_CONNECTIONS)` around `send()`.",
            zh=f"给九位读者发简报时，中继服务器拒绝了 {refused} 次连接：程序一次又一次地敲门，"
            "直到挤进去为止。设上限正是为了避免这样的负担。根本不要去开第五个连接："
            "在 `send()` 外面套一个 `asyncio.Semaphore(MAX_CONNECTIONS)`，让每次发送先等到空位。",
        )


@check(
    "timing",
    en="Four newsletters go out at a time",
    zh="每次同时发出四封简报",
)
async def uses_every_connection(program):
    send = program.function("send")
    send_all = program.function("send_all")
    # one newsletter alone, the better of two tries: a slow machine makes both sides slower
    one = min([(await program.timed(send(f"test{n}@example.org")))[1] for n in (1, 2)])
    _, together = await program.timed(send_all(ADDRESSES))
    if together > 8 * one:
        raise Fail(
            en=f"Twelve newsletters took {together:.2f} s, {together / one:.1f} times one "
            f"newsletter ({one:.2f} s); with four connections, about three would be right. "
            "The relay takes four at once: keep four sends running whenever there are four "
            "left to do.",
            zh=f"十二封简报用了 {together:.2f} 秒，是一封（{one:.2f} 秒）的 {together / one:.1f} "
            "倍；有四个连接可用，大约三倍才对。中继服务器一次接受四个连接："
            "只要还剩四封以上，就让四个发送同时进行。",
        )


@check(
    "structure",
    en="No gather() in a loop of batches",
    zh="不在分批的循环里调用 gather()",
)
async def no_batches(program):
    in_loop = [
        call.lineno
        for loop in ast.walk(program.tree)
        if isinstance(loop, (ast.For, ast.AsyncFor, ast.While))
        for statement in loop.body
        for call in ast.walk(statement)
        if isinstance(call, ast.Call) and ast.unparse(call.func).split(".")[-1] == "gather"
    ]
    if in_loop:
        raise Fail(
            en=f"gather() runs inside a loop (line {in_loop[0]}): the newsletters go out in "
            "batches, and each batch waits for its slowest send before the next one starts, "
            "while the relay has free connections. Here every send takes the same time, so "
            "it does not show; with real mail servers it would. Start every send at once "
            "and let an `asyncio.Semaphore` hold each one back until a connection is free.",
            zh=f"gather() 在循环里调用（第 {in_loop[0]} 行）：简报分批发出，每一批都要等最慢的"
            "那封发完，下一批才开始，而这时中继服务器其实已经有空闲的连接了。这里每封简报"
            "耗时相同，所以看不出来；换成真实的邮件服务器就会暴露。请一次性启动所有发送，"
            "用 `asyncio.Semaphore` 让每个发送等到有空闲连接再进行。",
        )
