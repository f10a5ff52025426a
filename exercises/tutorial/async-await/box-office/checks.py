"""Checks for the box office exercise: a coroutine runs only when it is awaited."""

import ast
import inspect

from checking import Fail, check

SEATS = ["stalls", "balcony", "circle"]
PRICES = {"stalls": 30, "circle": 22, "balcony": 15}
EXPECTED = [
    "stalls: 30 €",
    "balcony: 15 €",
    "circle: 22 €",
    "journal: sold stalls; sold balcony; sold circle",
]


def _fresh_journal(program) -> list:
    journal = getattr(program.module, "journal", None)
    if not isinstance(journal, list):
        raise Fail(
            en="Keep the module-level list `journal`: the checks read it.",
            zh="请保留模块级的列表 `journal`：检查要读取它。",
        )
    journal.clear()
    return journal


@check(
    "output",
    en="main() prints each price, then the journal",
    zh="main() 打印每个价格，然后打印日志",
)
async def prints_sales(program):
    journal = getattr(program.module, "journal", None)
    if isinstance(journal, list):  # start from an empty journal, whatever ran before
        journal.clear()
    printed = await program.main_output()
    if printed.splitlines() != EXPECTED:
        raise Fail(
            en=f"Expected these lines:\n{chr(10).join(EXPECTED)}\nbut main() printed:\n"
            f"{printed or '(nothing)'}\nA line showing `<coroutine object …>` means a coroutine "
            "was called but not awaited.",
            zh=f"应该打印这几行：\n{chr(10).join(EXPECTED)}\n但 main() 打印的是：\n"
            f"{printed or '（什么也没有）'}\n如果某一行出现 `<coroutine object …>`，"
            "说明有个协程被调用了，却没有被 await。",
        )


@check("behaviour", en="sell() returns the seat's price", zh="sell() 返回座位的价格")
async def returns_price(program):
    sell = program.function("sell")
    for seat in ("circle", "stalls"):
        got, _ = await program.timed(sell(seat))  # prints discarded
        if inspect.iscoroutine(got):
            got.close()  # never awaited: close it quietly
            raise Fail(
                en=f"await sell({seat!r}) gave a coroutine object, not a price: inside "
                "`sell`, the call of `price_of` is not awaited. Write `await` before it.",
                zh=f"await sell({seat!r}) 得到的是一个协程对象，而不是价格："
                "`sell` 里对 `price_of` 的调用没有被 await。在调用前面加上 `await`。",
            )
        if got != PRICES[seat]:
            raise Fail(
                en=f"await sell({seat!r}) returned {got!r}, expected {PRICES[seat]}. `sell` "
                "must return the price, not print it: `main()` prints it.",
                zh=f"await sell({seat!r}) 返回了 {got!r}，应该是 {PRICES[seat]}。"
                "`sell` 要把价格返回出去，而不是自己打印：打印由 `main()` 负责。",
            )


@check(
    "behaviour",
    en="The sale is in the journal when sell() returns",
    zh="sell() 返回时，这笔销售已经写进日志",
)
async def writes_journal(program):
    sell = program.function("sell")
    journal = _fresh_journal(program)
    result, _ = await program.timed(sell("balcony"))
    if inspect.iscoroutine(result):
        result.close()
    if journal != ["sold balcony"]:
        raise Fail(
            en=f"After `await sell('balcony')` the journal was {journal!r}, expected "
            "['sold balcony']. `sell` itself must write the entry, and wait until it is "
            "written: await `write_journal(...)` inside `sell`.",
            zh=f"`await sell('balcony')` 之后，日志是 {journal!r}，应该是 ['sold balcony']。"
            "日志要由 `sell` 自己写，并且要等它写完：在 `sell` 里 await `write_journal(...)`。",
        )


@check(
    "structure",
    en="price_of, write_journal and sell stay coroutines, without time.sleep()",
    zh="price_of、write_journal 和 sell 仍然是协程，没有 time.sleep()",
)
async def still_coroutines(program):
    defined = {n.name for n in program.tree.body if isinstance(n, ast.AsyncFunctionDef)}
    plain = [name for name in ("price_of", "write_journal", "sell") if name not in defined]
    if plain or program.calls("time.sleep"):
        what_en = f"`{'`, `'.join(plain)}` no longer `async def`" if plain else "time.sleep()"
        what_zh = f"`{'`、`'.join(plain)}` 不再是 `async def`" if plain else "用了 time.sleep()"
        raise Fail(
            en=f"Found: {what_en}. A plain function that waits with time.sleep() needs no "
            "await, but it blocks the event loop, and every other coroutine with it, while "
            "it waits. Keep the three coroutines as they are and await their calls.",
            zh=f"发现：{what_zh}。用 time.sleep() 等待的普通函数固然不需要 await，"
            "但它等待的时候会阻塞事件循环，其他协程也都跟着停下。"
            "请保持这三个协程不变，并 await 对它们的调用。",
        )
