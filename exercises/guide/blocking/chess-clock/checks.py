"""Checks for the chess clock exercise (guide/blocking)."""

import ast
import asyncio
import time

from checking import Fail, check

MOVES = [piece + file + rank for piece in "KQRBN" for file in "hgfedcba" for rank in "63"]


@check(
    "timing",
    en="The clock keeps ticking while the engine thinks",
    zh="引擎思考的时候，棋钟照常走动",
)
async def clock_keeps_ticking(program):
    think = program.function("think")
    gaps = []

    async def heartbeat():
        last = time.perf_counter()
        while True:
            await asyncio.sleep(0.05)
            now = time.perf_counter()
            gaps.append(now - last)
            last = now

    beating = asyncio.create_task(heartbeat())
    try:
        await asyncio.sleep(0)  # the heartbeat starts
        _, took = await program.timed(think(MOVES))
        await asyncio.sleep(0.06)  # a beat held up until think() returned is noted now
    finally:
        beating.cancel()
    longest = max(gaps, default=0.0)
    if longest > took / 2:
        raise Fail(
            en=f"Weighing {len(MOVES)} moves took {took:.2f} s, and a task that should run every "
            f"0.05 s waited {longest:.2f} s for its turn, {longest / took:.0%} of that time: "
            "the loop could not run anything else while `think` computed. Tasks never "
            "interrupt each other, not even tasks of your own; only an `await` that really "
            "suspends gives the loop back. Give it back after each move with "
            "`await asyncio.sleep(0)` inside the loop of `think`.",
            zh=f"权衡 {len(MOVES)} 步棋用了 {took:.2f} 秒，而一个每 0.05 秒就该运行一次的"
            f"任务等了 {longest:.2f} 秒才轮到，占了这段时间的 {longest / took:.0%}："
            "`think` 计算的时候，"
            "事件循环什么别的也运行不了。任务之间从不互相打断，你自己创建的任务也一样；"
            "只有真正挂起的 `await` 才会把控制权交还给事件循环。请在 `think` 的循环里，"
            "每权衡完一步棋就用 `await asyncio.sleep(0)` 交还一次。",
        )


@check(
    "behaviour",
    en="think() picks the best of the moves it is given",
    zh="think() 从传给它的棋步中选出最好的一步",
)
async def weighs_the_given_moves(program):
    think = program.function("think")
    evaluate = program.function("evaluate")
    for moves in (["Qd1", "Nf3", "Bc4"], ["Ra1", "Kg1"], ["Nc3"]):
        want = max(moves, key=evaluate)  # the first of the best, like the starter
        got = await think(moves)
        if got != want:
            raise Fail(
                en=f"think({moves}) returned {got!r}, expected {want!r}: the move of the list it "
                "is given that `evaluate` weighs highest. Cutting the work into steps must not "
                "change the answer.",
                zh=f"think({moves}) 返回了 {got!r}，应该是 {want!r}：在传给它的列表里，"
                "`evaluate` 评分最高的那一步。把计算切成小段，不应该改变结果。",
            )


def _naps(function: ast.AST) -> list[ast.Call]:
    """`asyncio.sleep` calls inside the loops of `function` with anything but 0."""
    found = []
    for loop in ast.walk(function):
        if isinstance(loop, (ast.For, ast.AsyncFor, ast.While)):
            for node in ast.walk(loop):
                if (
                    isinstance(node, ast.Call)
                    and node.func is not None
                    and ast.unparse(node.func).split(".")[-1] == "sleep"
                    and not (
                        len(node.args) == 1
                        and isinstance(node.args[0], ast.Constant)
                        and node.args[0].value == 0
                    )
                ):
                    found.append(node)
    return found


@check(
    "structure",
    en="think() gives the loop back without waiting: asyncio.sleep(0)",
    zh="think() 交还控制权而不白白等待：asyncio.sleep(0)",
)
async def yields_without_waiting(program):
    thinks = [
        node
        for node in ast.walk(program.tree)
        if isinstance(node, ast.AsyncFunctionDef) and node.name == "think"
    ]
    naps = [call for function in thinks for call in _naps(function)]
    if naps:
        raise Fail(
            en=f"`think` sleeps for real inside its loop (line {naps[0].lineno}: "
            f"`{ast.unparse(naps[0])}`). Every move now costs the computation plus the nap: "
            "the engine needs much longer than its work takes, to give the loop a turn it "
            "needs only for an instant. `await asyncio.sleep(0)` gives the loop its turn "
            "and comes back as soon as the other ready tasks have run.",
            zh=f"`think` 在循环里真的睡了一觉（第 {naps[0].lineno} 行：`{ast.unparse(naps[0])}`）。"
            "这样每一步棋都要花计算时间再加上这一觉：为了让事件循环运行一瞬间，引擎多花了"
            "远远超过计算本身的时间。`await asyncio.sleep(0)` 同样能让事件循环轮转一次，"
            "而且其他就绪的任务一运行完，它就马上回来。",
        )
