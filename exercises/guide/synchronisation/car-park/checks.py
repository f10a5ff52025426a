"""Checks for the car park exercise (guide/synchronisation)."""

import ast

from checking import Fail, check


@check("output", en="main() counts all eight cars", zh="main() 把八辆车都算上了")
async def counts_every_car(program):
    module = program.module
    if hasattr(module, "free_spaces"):
        module.free_spaces = 40  # as the program starts
    printed = await program.main_output()
    if printed.strip() != "free spaces: 32":
        raise Fail(
            en=f"Expected `free spaces: 32` (40 spaces, 8 cars), but main() printed "
            f"`{printed.strip() or '(nothing)'}`. Each car reads the counter, waits for its "
            "ticket, then writes back what it read minus one: a car that read the counter "
            "before another one wrote it undoes that car's update. Make the whole "
            "read-ticket-write sequence exclusive.",
            zh=f"应该打印 `free spaces: 32`（40 个车位，8 辆车），但 main() 打印的是 "
            f"`{printed.strip() or '（什么也没有）'}`。每辆车先读计数器，等打印停车票，"
            "再把读到的值减一写回去：如果一辆车在另一辆车写回之前就读了计数器，"
            "就会把那辆车的更新覆盖掉。请让“读取—出票—写回”整个过程变成独占的。",
        )


@check(
    "timing",
    en="Cars drive up together; only the counter is taken in turn",
    zh="车辆同时开到入口，只有计数器需要轮流使用",
)
async def only_the_update_locked(program):
    enter = program.function("enter")
    enter_all = program.function("enter_all")
    # one car alone, the better of two tries: a slow machine makes both sides slower
    one = min([(await program.timed(enter(f"car {n}")))[1] for n in (0, 9)])
    _, together = await program.timed(enter_all([f"car {n}" for n in range(10, 22)]))
    if together > 7 * one:
        raise Fail(
            en=f"Twelve cars took {together:.2f} s to get in, {together / one:.1f} times as long "
            f"as one car alone ({one:.2f} s): they also drove to the gate one at a time. The "
            "drive shares nothing; lock only the read-ticket-write of the counter, and keep "
            "`drive_to_gate()` outside the locked block.",
            zh=f"十二辆车用了 {together:.2f} 秒才全部进场，是一辆车单独进场（{one:.2f} 秒）的 "
            f"{together / one:.1f} 倍：连开到入口这一段也是一辆一辆地走。开车不涉及任何共享状态；"
            "只锁住计数器的“读取—出票—写回”，`drive_to_gate()` 放在加锁的代码块外面。",
        )


def _in_finally(tree: ast.AST) -> bool:
    """True when some `finally` block calls a `release()`."""
    return any(
        isinstance(node, ast.Try)
        and any(
            isinstance(call, ast.Call)
            and isinstance(call.func, ast.Attribute)
            and call.func.attr == "release"
            for statement in node.finalbody
            for call in ast.walk(statement)
        )
        for node in ast.walk(tree)
    )


@check(
    "structure",
    en="The lock is released even when something fails",
    zh="即使出错，锁也会被释放",
)
async def releases_safely(program):
    if program.awaits("acquire") and not _in_finally(program.tree):
        raise Fail(
            en="The program awaits `acquire()` and calls `release()` later, but not in a "
            "`finally` block: if the ticket machine raised in between, the lock would stay "
            "taken and every later car would wait at the gate for ever. Take the lock with "
            "`async with gate_lock:`, which releases it however the block ends.",
            zh="程序 `await` 了 `acquire()`，后面再调用 `release()`，却不在 `finally` 块里："
            "要是出票机在这中间抛出异常，锁就一直被占着，后面的车都会在入口永远等下去。"
            "请用 `async with gate_lock:` 获取锁，不管代码块怎样结束，它都会释放锁。",
        )
