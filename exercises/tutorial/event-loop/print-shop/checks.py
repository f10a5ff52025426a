"""Checks for the print shop: a task runs while its creator waits; a bare coroutine does
not run until it is awaited."""

import ast
import asyncio

from checking import Fail, check

EXPECTED = [
    "typesetting poster",
    "printer warming up",
    "printer ready",
    "poster typeset",
    "printed poster.pdf",
]


@check(
    "output",
    en="The printer warms up while the poster is typeset",
    zh="排版海报的同时，打印机在预热",
)
async def prints_in_order(program):
    printed = await program.main_output()
    lines = printed.splitlines()
    if lines != EXPECTED:
        if lines[:2] == EXPECTED[1::-1]:
            nudge_en = (
                "The printer started before typesetting did: a task starts only when "
                "`print_job` first waits, so nothing is needed between creating it and "
                "awaiting `typeset`."
            )
            nudge_zh = (
                "打印机比排版先开始了：任务要等到 `print_job` 第一次等待时才开始运行，"
                "所以在创建任务和 await `typeset` 之间什么也不需要加。"
            )
        else:
            nudge_en = (
                "A coroutine object does nothing until it is awaited: the printer only "
                "started warming up once typesetting was over. Make it a task, which runs "
                "as soon as `print_job` waits."
            )
            nudge_zh = (
                "协程对象在被 await 之前什么也不做：排版结束以后，打印机才开始预热。"
                "把它包装成任务，任务在 `print_job` 一开始等待时就会运行。"
            )
        raise Fail(
            en=f"Expected these lines:\n{chr(10).join(EXPECTED)}\nbut main() printed:\n"
            f"{printed or '(nothing)'}\n{nudge_en}",
            zh=f"应该打印这几行：\n{chr(10).join(EXPECTED)}\n但 main() 打印的是：\n"
            f"{printed or '（什么也没有）'}\n{nudge_zh}",
        )


@check(
    "behaviour",
    en="print_job() returns only when the printer is ready",
    zh="打印机就绪之后，print_job() 才返回",
)
async def waits_for_printer(program):
    module = program.module
    print_job = program.function("print_job")
    ready = []

    async def slow_warm_up():  # a printer slower than typesetting
        await asyncio.sleep(0.3)
        ready.append(True)

    async def quick_typeset(title):
        await asyncio.sleep(0.05)
        return f"{title}.pdf"

    saved = module.warm_up, module.typeset
    module.warm_up, module.typeset = slow_warm_up, quick_typeset
    try:
        await program.output(print_job("memo"))
    finally:
        module.warm_up, module.typeset = saved
    if not ready:
        raise Fail(
            en="With a printer that takes 0.3 s to warm up and a document typeset in "
            "0.05 s, print_job() returned before the printer was ready. Starting a task "
            "is not waiting for it: await the task before printing.",
            zh="打印机预热要 0.3 秒、文档排版只要 0.05 秒时，print_job() 在打印机就绪之前就返回了。"
            "启动任务不等于等待任务：打印之前要 await 这个任务。",
        )


@check(
    "structure",
    en="print_job() starts the warm-up as a task",
    zh="print_job() 把预热作为任务启动",
)
async def starts_a_task(program):
    jobs = [
        node
        for node in program.tree.body
        if isinstance(node, ast.AsyncFunctionDef) and node.name == "print_job"
    ]
    tasks = [
        node
        for job in jobs
        for node in ast.walk(job)
        if isinstance(node, ast.Call) and ast.unparse(node.func).endswith("create_task")
    ]
    if not tasks:
        raise Fail(
            en="print_job() creates no task. `asyncio.gather` would also overlap the two "
            "steps, but this exercise practises tasks: start the warm-up with "
            "`asyncio.create_task(warm_up())` and await the task later.",
            zh="print_job() 没有创建任务。用 `asyncio.gather` 也能让两步重叠，"
            "但这个练习练的是任务：用 `asyncio.create_task(warm_up())` 启动预热，"
            "稍后再 await 这个任务。",
        )
