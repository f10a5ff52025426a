"""Checks for the museum gates: a task can be interrupted only at an await, so no await
may sit between reading a shared value and writing it back."""

import ast
import asyncio

from checking import Fail, check

GROUPS = list(range(1, 11))  # ten gates at once: 55 visitors


@check("output", en="main() prints the number of visitors", zh="main() 打印参观人数")
async def prints_total(program):
    printed = await program.main_output()
    if printed.splitlines() != ["visitors: 23"]:
        raise Fail(
            en=f"Expected `visitors: 23` (5 + 8 + 3 + 7), but main() printed:\n"
            f"{printed or '(nothing)'}\nPrint the count once every gate has finished, after "
            "the `async with` block.",
            zh=f"应该打印 `visitors: 23`（5 + 8 + 3 + 7），但 main() 打印的是：\n"
            f"{printed or '（什么也没有）'}\n"
            "等所有入口都处理完，也就是在 `async with` 块之后，再打印人数。",
        )


@check(
    "behaviour",
    en="Ten groups admitted at once are all counted",
    zh="同时放行的十批游客全都计入人数",
)
async def no_lost_visitors(program):
    hall = program.function("Hall")()
    admit = program.function("admit")
    await program.timed(asyncio.gather(*(admit(hall, group) for group in GROUPS)))
    if hall.visitors != sum(GROUPS):
        raise Fail(
            en=f"Ten gates admitted groups of 1 to 10 people at the same time, {sum(GROUPS)} in "
            f"all, but the hall counted {hall.visitors}. Each gate read the count, waited "
            "at an await while the others read the same old count, then wrote its own sum "
            "over theirs. Do the waiting first; then read and update the count with no "
            "await in between.",
            zh=f"十个入口同时放行了 1 到 10 人不等的十批游客，一共 {sum(GROUPS)} 人，"
            f"展厅却只记了 {hall.visitors} 人。每个入口先读取人数，在 await 处等待时，"
            "其他入口读到的也是同一个旧数；随后各自写回的和互相覆盖了。"
            "先把需要等待的事做完，再读取并更新人数，中间不要有 await。",
        )


@check(
    "timing",
    en="The gates still scan tickets at the same time",
    zh="各个入口仍然同时检票",
)
async def gates_scan_together(program):
    hall = program.function("Hall")()
    admit = program.function("admit")
    # One gate alone, the shorter of two runs: a stall on a busy machine only lengthens.
    one = min([(await program.timed(admit(hall, 1)))[1] for _ in range(2)])
    _, five = await program.timed(asyncio.gather(*(admit(hall, 2) for _ in range(5))))
    if five > 3 * one:  # right: about 1; one gate after another: 5
        raise Fail(
            en=f"One gate takes {one:.2f} s, but five gates together took {five:.2f} s "
            f"({five / one:.1f} times as long): they scan one after another. A lock around "
            "the whole of `admit` makes the count right by giving up concurrency; only the "
            "update of the count needs protecting, and without an await inside it needs "
            "no lock at all.",
            zh=f"一个入口要 {one:.2f} 秒，五个入口一起却用了 {five:.2f} 秒"
            f"（是前者的 {five / one:.1f} 倍）："
            "它们是一个接一个检票的。用一把锁罩住整个 `admit`，人数是对了，代价却是放弃了并发；"
            "需要保护的只是更新人数那一步，而只要其中没有 await，连锁都不需要。",
        )


@check(
    "structure",
    en="main() still opens all the gates at once",
    zh="main() 仍然同时打开所有入口",
)
async def main_admits_together(program):
    mains = [
        node
        for node in program.tree.body
        if isinstance(node, ast.AsyncFunctionDef) and node.name == "main"
    ]
    names = {
        ast.unparse(node).split(".")[-1]
        for main in mains
        for node in ast.walk(main)
        if isinstance(node, (ast.Name, ast.Attribute))
    }
    if not names & {"TaskGroup", "gather", "create_task", "wait", "as_completed"}:
        raise Fail(
            en="main() no longer runs the gates concurrently (no TaskGroup, no gather). "
            "Admitting one group after another avoids the race only by giving up "
            "concurrency: fix `admit` instead, and keep the task group in main().",
            zh="main() 不再并发地运行各个入口了（既没有 TaskGroup，也没有 gather）。"
            "一批接一批地放行游客，只是靠放弃并发来躲开竞争：请修改 `admit`，"
            "并在 main() 里保留任务组。",
        )
