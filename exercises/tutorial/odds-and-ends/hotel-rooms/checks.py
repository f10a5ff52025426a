"""Checks for the hotel rooms exercise (tutorial/odds-and-ends): as_completed, one failure."""

import contextlib
import io
import time

from checking import Fail, check

EXPECTED = [
    "Harbour Inn: 95 €",
    "Station Lodge: no answer",
    "Grand Hotel: 140 €",
    "Old Mill: 80 €",
    "cheapest: Old Mill at 80 €",
]
OTHERS = {  # hotels of the checks' own: seconds to answer, price (None: no answer)
    "Lakeside": (0.05, 120),
    "Pier House": (0.15, 70),
    "Castle": (0.1, None),
    "Bell Inn": (0.02, None),
    "Quayside": (0.1, 60),
    "Mill Race": (0.5, 90),
    "Ferry Rest": (0.3, 110),
}


class Stamped(io.StringIO):
    """stdout that notes when each line was printed."""

    def __init__(self):
        super().__init__()
        self.times = []

    def write(self, text):
        self.times += [time.perf_counter()] * text.count("\n")
        return super().write(text)


@contextlib.contextmanager
def other_hotels(program):
    """The reader's `ask` answers for the hotels in OTHERS while the block runs."""
    module = program.module
    real = module.HOTELS
    module.HOTELS = OTHERS
    try:
        yield
    finally:
        module.HOTELS = real


@check(
    "output",
    en="main() reports every hotel, in the order the answers come in",
    zh="main() 按回复到达的顺序报告每一家旅馆",
)
async def reports_every_hotel(program):
    try:
        printed = await program.main_output()
    except Fail:
        raise
    except Exception as error:
        raise Fail(
            en=f"main() raised {type(error).__name__}: one hotel that does not answer sinks "
            "the whole search. Catch `NoAnswer` for that hotel alone, print "
            "`<hotel>: no answer`, and go on with the others.",
            zh=f"main() 抛出了 {type(error).__name__}：一家旅馆没有回复，整个查询就失败了。"
            "请只为这一家旅馆捕获 `NoAnswer`，打印 `<旅馆>: no answer`，然后继续处理其他旅馆。",
        ) from None
    if printed.splitlines() != EXPECTED:
        raise Fail(
            en="main() should print:\n" + "\n".join(EXPECTED) + "\nbut it printed:\n"
            f"{printed or '(nothing)'}\nOne line per hotel, in the order the answers come "
            "in; a hotel that could not be reached gets the line `<hotel>: no answer` "
            "(`NoAnswer` has the hotel's name in its `hotel` attribute).",
            zh="main() 应该打印：\n" + "\n".join(EXPECTED) + "\n但它打印的是：\n"
            f"{printed or '（什么也没有）'}\n每家旅馆一行，按回复到达的顺序；联系不上的旅馆"
            "打印 `<旅馆>: no answer` 这一行（`NoAnswer` 的 `hotel` 属性就是旅馆的名字）。",
        )


@check(
    "behaviour",
    en="cheapest() picks the cheapest hotel that answered, or None",
    zh="cheapest() 选出回复了的旅馆中最便宜的一家，或者返回 None",
)
async def picks_the_cheapest(program):
    cheapest = program.function("cheapest")
    cases = [
        (["Lakeside", "Castle", "Pier House"], ("Pier House", 70)),
        (["Castle", "Bell Inn"], None),
        (["Lakeside"], ("Lakeside", 120)),
    ]
    with other_hotels(program):
        for hotels, want in cases:
            try:
                with contextlib.redirect_stdout(io.StringIO()):  # prints are checked elsewhere
                    got = await cheapest(hotels)
                got = None if got is None else tuple(got)
            except Fail:
                raise
            except Exception as error:
                raise Fail(
                    en=f"cheapest({hotels}) raised {type(error).__name__}; it should return "
                    f"{want!r}. A hotel that does not answer has no price: leave it out, "
                    "and when no hotel answered at all, return None (`min()` of nothing "
                    "raises, unless you give it a `default`).",
                    zh=f"cheapest({hotels}) 抛出了 {type(error).__name__}，它应该返回 {want!r}。"
                    "没有回复的旅馆没有价格，把它排除在外；一家旅馆都没有回复时，返回 None"
                    "（对空序列调用 `min()` 会抛出异常，除非给它一个 `default`）。",
                ) from None
            if got != want:
                raise Fail(
                    en=f"cheapest({hotels}) returned {got!r}, expected {want!r}: the hotel "
                    "with the lowest price among those that answered, as (hotel, price).",
                    zh=f"cheapest({hotels}) 返回了 {got!r}，应该是 {want!r}："
                    "在回复了的旅馆中价格最低的那一家，形式是 (旅馆, 价格)。",
                )


@check(
    "timing",
    en="Each answer is printed the moment it comes in",
    zh="每个回复一到就立刻打印出来",
)
async def prints_as_they_come(program):
    cheapest = program.function("cheapest")
    out = Stamped()
    start = time.perf_counter()
    with other_hotels(program), contextlib.redirect_stdout(out):
        try:
            await cheapest(["Mill Race", "Quayside", "Ferry Rest"])
        except Exception:
            pass  # whether it returns the right hotel is checked elsewhere
    if len(out.times) < 3:
        raise Fail(
            en=f"cheapest() asked three hotels and printed {len(out.times)} lines: print one "
            "line per hotel.",
            zh=f"cheapest() 询问了三家旅馆，却只打印了 {len(out.times)} 行：每家旅馆打印一行。",
        )
    first, last = out.times[0] - start, out.times[-1] - start
    if first > 0.5 * last:
        raise Fail(
            en=f"Three hotels answer after 0.1, 0.3 and 0.5 s. The first line was printed "
            f"after {first:.2f} s and the last after {last:.2f} s: the answers are printed "
            "together at the end. Print each one inside the loop over "
            "`asyncio.as_completed()`, as soon as you have it.",
            zh=f"三家旅馆分别在 0.1、0.3 和 0.5 秒后回复。第一行在 {first:.2f} 秒后才打印，"
            f"最后一行在 {last:.2f} 秒后：这些回复是在最后一起打印的。请在遍历 "
            "`asyncio.as_completed()` 的循环里，拿到一个回复就立刻打印它。",
        )


@check(
    "structure",
    en="The answers are taken with asyncio.as_completed()",
    zh="用 asyncio.as_completed() 获取回复",
)
async def uses_as_completed(program):
    if not program.uses("asyncio.as_completed"):
        raise Fail(
            en="The program does not use `asyncio.as_completed()`. A loop of "
            "`asyncio.wait(..., return_when=FIRST_COMPLETED)` works too, but it is the "
            "bookkeeping that `as_completed` does for you: `for next_answer in "
            "asyncio.as_completed(...)` gives the answers in the order they finish.",
            zh="程序没有使用 `asyncio.as_completed()`。用 "
            "`asyncio.wait(..., return_when=FIRST_COMPLETED)` 写循环也行，"
            "但这些账正是 `as_completed` 替你记的：`for next_answer in "
            "asyncio.as_completed(...)` 按完成的先后给出各个回复。",
        )
