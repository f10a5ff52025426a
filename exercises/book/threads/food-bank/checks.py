"""Checks for the food bank (book/threads): a shared tally, updated with no await inside."""

from checking import Fail, check

EXPECTED = ["beans: 36 tins", "rice: 12 tins", "soup: 24 tins"]
LOCKS = [
    f"{module}.{name}"
    for module in ("asyncio", "threading")
    for name in ("Lock", "RLock", "Semaphore", "BoundedSemaphore", "Condition")
]


@check(
    "output",
    en="main() prints the right number of tins on each shelf",
    zh="main() 打印出每个货架上正确的罐头数",
)
async def prints_the_shelves(program):
    printed = await program.main_output()
    if printed.splitlines() != EXPECTED:
        raise Fail(
            en="The rota brings 36 tins of beans, 12 of rice and 24 of soup, so main() "
            "should print:\n" + "\n".join(EXPECTED) + f"\nbut it printed:\n"
            f"{printed or '(nothing)'}\nUpdates are lost: a volunteer reads the tally, "
            "then reaches an `await`, and while it waits the others read the same old "
            "count. Read and write the tally with no `await` in between.",
            zh="按这份排班，送来的有 36 罐豆子、12 罐米和 24 罐汤，所以 main() 应该打印：\n"
            + "\n".join(EXPECTED)
            + f"\n但它打印的是：\n{printed or '（什么也没有）'}\n有更新丢失了："
            "志愿者读取库存计数之后遇到了一个 `await`，在它等待的时候，其他志愿者读到了同一个旧数。"
            "请让读取和写回计数之间没有任何 `await`。",
        )


@check(
    "behaviour",
    en="Every box is in the ledger when sort_donations() returns",
    zh="sort_donations() 返回时，每一箱都已记进台账",
)
async def ledger_is_complete(program):
    sort_donations = program.function("sort_donations")
    rota = {"Dee": [("pasta", 5)], "Eli": [("pasta", 7), ("tea", 3)]}
    want = sorted(["Dee: 5 tins of pasta", "Eli: 7 tins of pasta", "Eli: 3 tins of tea"])
    await program.output(sort_donations(rota))
    got = sorted(program.module.ledger)
    if got != want:
        raise Fail(
            en=f"Right after sort_donations({rota}) returned, the ledger held {got!r}; "
            f"expected {want!r}. Await `write_ledger(...)` inside `shelve`, after the tally "
            "is updated: a task created and not awaited writes its line some time later, "
            "or never.",
            zh=f"sort_donations({rota}) 刚一返回，台账里是 {got!r}，应该是 {want!r}。"
            "请在 `shelve` 里、更新计数之后 await `write_ledger(...)`："
            "创建了却不 await 的任务，要过一阵才写下那一行，也可能永远不写。",
        )


@check(
    "timing",
    en="The volunteers still work at the same time",
    zh="志愿者们仍然同时干活",
)
async def volunteers_work_together(program):
    sort_donations = program.function("sort_donations")
    boxes = [("flour", 2), ("sugar", 3)]
    _, alone = await program.timed(sort_donations({"Fay": boxes}))
    rota = {"Fay": boxes, "Gus": list(reversed(boxes)), "Hal": boxes}
    _, together = await program.timed(sort_donations(rota))
    if together > 1.5 * alone:
        raise Fail(
            en=f"Three volunteers with two boxes each took {together:.2f} s, "
            f"{together / alone:.1f} times as long as one volunteer alone ({alone:.2f} s): "
            "they take turns instead of working side by side. Keep the `gather` that runs "
            "them all at once; the race goes away by moving the `await`, not by making "
            "the volunteers queue.",
            zh=f"三位志愿者各搬两箱，用了 {together:.2f} 秒，是一位志愿者单独干活"
            f"（{alone:.2f} 秒）的 {together / alone:.1f} 倍：他们是轮流干的，而不是一起干。"
            "请保留同时运行所有志愿者的 `gather`；要消除竞态，该挪的是 `await` 的位置，"
            "而不是让志愿者排队。",
        )


@check(
    "structure",
    en="No lock: with no await inside the update, none is needed",
    zh="不用锁：更新中间没有 await，就用不着锁",
)
async def no_lock(program):
    used = [name for name in LOCKS if program.uses(name)]
    if used:
        raise Fail(
            en=f"The program uses {', '.join(used)}. A lock works, but here it is not "
            "needed: a coroutine can only be interrupted at an `await`, so an update with "
            "no `await` between reading and writing the tally cannot lose anything. Move "
            "the ledger's `await` out of the update and drop the lock.",
            zh=f"程序用到了 {', '.join(used)}。锁能解决问题，但这里用不着："
            "协程只会在 `await` 处被切换，所以在读取和写回计数之间没有 `await` 的更新，"
            "什么也不会丢。请把台账的 `await` 移出更新操作，去掉这把锁。",
        )
