"""Checks for the library search exercise (guide/running-many)."""

from checking import Fail, check

LIBRARIES = ["central", "riverside", "old-town", "airport"]
EXPECTED = [
    "central: 3 on the shelf",
    "riverside: 0 on the shelf",
    "old-town: offline",
    "airport: 1 on the shelf",
]
TITLE = "The Tide Clock"


@check("output", en="main() prints one line per library", zh="main() 为每个图书馆打印一行")
async def prints_report(program):
    printed = await program.main_output()
    if printed.splitlines() != EXPECTED:
        raise Fail(
            en=f"Expected these four lines:\n{chr(10).join(EXPECTED)}\nbut main() printed:\n"
            f"{printed or '(nothing)'}\nKeep main() as the starter has it: it prints "
            "`offline` for a library whose count is None.",
            zh=f"应该打印这四行：\n{chr(10).join(EXPECTED)}\n但 main() 打印的是：\n"
            f"{printed or '（什么也没有）'}\nmain() 请保持初始代码的样子："
            "馆藏数为 None 的图书馆，它会打印 `offline`。",
        )


@check(
    "behaviour",
    en="find_copies() answers for any libraries, in the order asked",
    zh="find_copies() 对任意几个图书馆都能作答，并按请求的顺序排列",
)
async def other_libraries(program):
    find_copies = program.function("find_copies")
    cases = [
        (["airport", "old-town", "riverside"], {"airport": 1, "old-town": None, "riverside": 0}),
        ([], {}),
    ]
    for names, want in cases:
        got, _ = await program.timed(find_copies(names, TITLE))  # its prints discarded
        if not isinstance(got, dict) or list(got.items()) != list(want.items()):
            raise Fail(
                en=f"find_copies({names}, ...) returned {got!r}, expected {want!r}. Pair each "
                "result with the library at the same place in `libraries`, the argument.",
                zh=f"find_copies({names}, ...) 返回了 {got!r}，应该是 {want!r}。"
                "每个结果都要和参数 `libraries` 中同一位置的图书馆配对。",
            )


@check(
    "behaviour",
    en="Only a ConnectionError means offline: other errors still propagate",
    zh="只有 ConnectionError 表示离线：其他错误照样向外传播",
)
async def bugs_propagate(program):
    find_copies = program.function("find_copies")
    try:
        # no such library: KeyError (timed() discards what the program prints)
        got, _ = await program.timed(find_copies(["old-town", "atlantis"], TITLE))
    except BaseException as error:  # noqa: BLE001 - we look at what came out
        group = isinstance(error, BaseExceptionGroup) and error.subgroup(KeyError)
        if isinstance(error, KeyError) or group:
            return
        raise
    raise Fail(
        en=f"find_copies(['old-town', 'atlantis'], ...) returned {got!r}. There is no library "
        "called atlantis, so search() raised KeyError: that is a bug in the caller, not a "
        "library that is down, and it must not be hidden as None. Turn only "
        "`ConnectionError` into None and raise any other exception.",
        zh=f"find_copies(['old-town', 'atlantis'], ...) 返回了 {got!r}。根本没有叫 atlantis "
        "的图书馆，所以 search() 抛出了 KeyError：这是调用方的 bug，不是图书馆连不上，"
        "不能当作 None 藏起来。只把 `ConnectionError` 变成 None，其他异常照样抛出。",
    )


@check("timing", en="The libraries are asked at the same time", zh="同时询问各个图书馆")
async def all_at_once(program):
    search = program.function("search")
    find_copies = program.function("find_copies")
    # the slowest library alone, the better of two tries
    one = min([(await program.timed(search("riverside", TITLE)))[1] for _ in range(2)])
    _, together = await program.timed(find_copies(LIBRARIES + ["riverside", "central"], TITLE))
    if together > 2.5 * one:  # right: about 1; one after another: 4.4
        raise Fail(
            en=f"Asking six libraries took {together:.2f} s, {together / one:.1f} times "
            f"as long as the slowest one alone ({one:.2f} s): they were asked one after "
            "another. Start every search before awaiting any, for example with "
            "`asyncio.gather()`.",
            zh=f"询问六个图书馆用了 {together:.2f} 秒，是最慢的那个单独询问（{one:.2f} 秒）的 "
            f"{together / one:.1f} 倍：它们是一个接一个问的。先把所有查询都启动，再等待结果，"
            "比如用 `asyncio.gather()`。",
        )
