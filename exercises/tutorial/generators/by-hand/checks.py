"""Checks for driving a coroutine by hand: send(), and the value inside StopIteration."""

import contextlib
import io
import types

from checking import Fail, check

EXPECTED = ["stops: Leeds, York, Durham", "arrived in Newcastle"]


@types.coroutine
def pause(label):
    yield label


async def leg(start, end):
    await pause(start)
    await pause(end)
    return end


async def tour():  # a chain: tour awaits leg, which awaits pause
    first = await leg("Bonn", "Ulm")
    second = await leg("Graz", "Linz")
    return [first, second]


async def no_stop():  # finishes at once, without pausing
    return 7


async def breaks_down():
    await pause("Crewe")
    raise ValueError("the engine failed")


@check(
    "output",
    en="main() prints the stops and the end of the journey",
    zh="main() 打印沿途各站和旅程的终点",
)
async def prints_journey(program):
    printed = await program.main_output()
    if printed.splitlines() != EXPECTED:
        raise Fail(
            en=f"Expected these two lines:\n{chr(10).join(EXPECTED)}\nbut main() printed:\n"
            f"{printed or '(nothing)'}\n`drive` must give back the value `journey()` returned.",
            zh=f"应该打印这两行：\n{chr(10).join(EXPECTED)}\n但 main() 打印的是：\n"
            f"{printed or '（什么也没有）'}\n`drive` 要把 `journey()` 的返回值交回来。",
        )


@check(
    "behaviour",
    en="drive() runs any coroutine: a chain, or one that never pauses",
    zh="drive() 能运行任意协程：一串协程，或者从不暂停的协程",
)
async def other_coroutines(program):
    drive = program.function("drive")
    for make, want in (
        (tour, (["Bonn", "Ulm", "Graz", "Linz"], ["Ulm", "Linz"])),
        (no_stop, ([], 7)),
    ):
        coro = make()
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                got = drive(coro)
        except StopIteration:
            raise Fail(
                en=f"drive({make.__name__}()) let StopIteration escape: {make.__name__}() "
                "finished at the first send(). Every send(), the first one included, can "
                "end the coroutine: keep them all inside the `try`.",
                zh=f"drive({make.__name__}()) 让 StopIteration 漏了出来：{make.__name__}() "
                "在第一次 send() 时就结束了。每一次 send()，包括第一次，都可能让协程结束："
                "把它们都放在 `try` 里面。",
            ) from None
        finally:
            coro.close()
        if tuple(got) != want:
            name = make.__name__
            if list(got[0]) == want[0]:
                en = (
                    f"It yielded the right values, but its return value came back as "
                    f"{got[1]!r} instead of {want[1]!r}: read it from the StopIteration."
                )
                zh = (
                    f"yield 出来的值都对，但返回值得到的是 {got[1]!r}，而不是 {want[1]!r}："
                    "请从 StopIteration 里取出它。"
                )
            else:
                en = (
                    "Collect whatever each send() gives until the coroutine finishes, "
                    "however many times it pauses, even none."
                )
                zh = (
                    "把每次 send() 得到的值收集起来，直到协程结束；"
                    "不管它暂停几次，哪怕一次也不暂停。"
                )
            raise Fail(
                en=f"drive({name}()) returned {got!r}, expected {want!r}. {en}",
                zh=f"drive({name}()) 返回了 {got!r}，应该是 {want!r}。{zh}",
            )


@check(
    "behaviour",
    en="An exception raised by the coroutine comes out of drive()",
    zh="协程抛出的异常会从 drive() 里传出来",
)
async def errors_propagate(program):
    drive = program.function("drive")
    coro = breaks_down()
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            got = drive(coro)
    except ValueError:
        return
    finally:
        coro.close()
    raise Fail(
        en=f"The coroutine raised ValueError at its second step, but drive() returned "
        f"{got!r}. Catch only StopIteration, which means the coroutine has finished; any "
        "other exception is the coroutine's error and must reach the caller, as `await` "
        "passes it on.",
        zh=f"协程在第二步抛出了 ValueError，drive() 却返回了 {got!r}。只捕获 StopIteration，"
        "它表示协程已经结束；其他异常都是协程自己的错误，必须传给调用者，"
        "就像 `await` 会把它传下去一样。",
    )
