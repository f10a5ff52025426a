"""Checks for the courier exercise: a callback API turned into an awaitable with a Future."""

import asyncio

from checking import Fail, check


async def company_answer(program, parcel, weight_kg):
    """(courier, error) as the company's library gives them, straight from its callback,
    and the seconds the answer took: the baseline `collect` is measured against."""
    loop = asyncio.get_running_loop()
    answer = loop.create_future()
    start = loop.time()
    program.function("book_courier")(
        parcel, weight_kg, lambda courier, error: answer.set_result((courier, error))
    )
    courier, error = await answer
    return courier, error, loop.time() - start


@check(
    "behaviour",
    en="collect() returns the courier, or raises the company's error",
    zh="collect() 返回快递员，或者抛出快递公司给出的错误",
)
async def answers_and_refusals(program):
    printed = (await program.main_output()).splitlines()
    want = ["books: Omar", "lamp: Mei", "piano: no courier carries 250 kg"]
    if printed[:3] != want:
        raise Fail(
            en=f"main() should begin with these lines:\n{chr(10).join(want)}\nbut it "
            f"printed:\n{chr(10).join(printed) or '(nothing)'}\nSet the courier as the "
            "future's result, and an error as its exception.",
            zh=f"main() 的输出应该以这几行开头：\n{chr(10).join(want)}\n但它打印的是：\n"
            f"{chr(10).join(printed) or '（什么也没有）'}\n"
            "请把快递员设为 Future 的结果，把错误设为它的异常。",
        )
    collect = program.function("collect")
    for parcel, kg in (("vase", 1.0), ("skis", 8.0)):
        (courier, _, _), got = await asyncio.gather(
            company_answer(program, parcel, kg), collect(parcel, kg)
        )
        if got != courier:
            raise Fail(
                en=f"collect({parcel!r}, {kg}) returned {got!r}, but the company named "
                f"{courier!r}. Set the future's result to the courier the callback receives.",
                zh=f"collect({parcel!r}, {kg}) 返回了 {got!r}，但快递公司给出的是 {courier!r}。"
                "请把回调收到的快递员设为 Future 的结果。",
            )
    no_courier = program.module.NoCourier
    try:
        got = await collect("fridge", 90.0)
    except no_courier:
        return
    raise Fail(
        en=f"collect('fridge', 90.0) returned {got!r}: the company answered with a "
        "NoCourier error, and collect() should raise it. When the callback receives an "
        "error, put it into the future with set_exception().",
        zh=f"collect('fridge', 90.0) 返回了 {got!r}：快递公司的回答是一个 NoCourier 错误，"
        "collect() 应该把它抛出来。回调收到错误时，用 set_exception() 把它放进 Future。",
    )


@check(
    "timing",
    en="collect() returns as soon as the company answers",
    zh="快递公司一回答，collect() 就返回",
)
async def answers_at_once(program):
    collect = program.function("collect")
    # the company's own answer and collect(), side by side, under the same load
    (_, _, direct), (_, took) = await asyncio.gather(
        company_answer(program, "tent", 5.0), program.timed(collect("tent", 5.0))
    )
    if took > 1.5 * direct:
        raise Fail(
            en=f"The company answered after {direct:.2f} s, but collect() returned only after "
            f"{took:.2f} s ({took / direct:.1f} times as long): it keeps looking at a result "
            "instead of waiting for it. Await the future itself: `await` wakes your "
            "coroutine the moment the callback sets the result.",
            zh=f"快递公司在 {direct:.2f} 秒后就回答了，collect() 却到 {took:.2f} 秒才返回"
            f"（是前者的 {took / direct:.1f} 倍）：它在反复查看结果，而不是等待结果。"
            "请直接 await 这个 Future：回调一设置结果，`await` 就会唤醒你的协程。",
        )


@check(
    "structure",
    en="The loop comes from get_running_loop(), not get_event_loop()",
    zh="事件循环用 get_running_loop() 获取，而不是 get_event_loop()",
)
async def running_loop(program):
    found = program.calls("get_event_loop")
    if found:
        lines = ", ".join(str(call.lineno) for call in found)
        raise Fail(
            en=f"Line {lines} calls get_event_loop(), the way 2020-era code did. Its meaning "
            "has changed from version to version, and since Python 3.14 it raises when no "
            "loop is set. Inside a coroutine, ask for the loop that is running it: "
            "`asyncio.get_running_loop()`.",
            zh=f"第 {lines} 行调用了 get_event_loop()，这是 2020 年前后代码的写法。"
            "它的含义随版本几经变化，从 Python 3.14 起，没有设置事件循环时它会直接报错。"
            "在协程内部，请获取正在运行它的那个事件循环：`asyncio.get_running_loop()`。",
        )
