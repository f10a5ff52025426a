import anyio

MIRRORS = {"alpha": 0.3, "beta": 0.1, "gamma": 0.5}


async def fastest_mirror():
    winner, cancelled = None, []

    async def probe(name, delay, tg):
        nonlocal winner
        try:
            await anyio.sleep(delay)  # stands in for a real request
        except anyio.get_cancelled_exc_class():  # (1)!
            cancelled.append(name)
            raise
        winner = name
        tg.cancel_scope.cancel()  # (2)!

    async with anyio.create_task_group() as tg:  # (3)!
        for name, delay in MIRRORS.items():
            tg.start_soon(probe, name, delay, tg)
    return winner, sorted(cancelled)


async def main(backend):
    start = anyio.current_time()
    winner, cancelled = await fastest_mirror()
    print(
        f"[{backend}] {anyio.current_time() - start:.2f} s  winner {winner}, cancelled {cancelled}"
    )

    with anyio.move_on_after(0.2) as scope:  # (4)!
        await anyio.sleep(1)
    print(f"[{backend}] {anyio.current_time() - start:.2f} s  moved on: {scope.cancelled_caught}")

    try:
        with anyio.fail_after(0.2):  # (5)!
            await anyio.sleep(1)
    except TimeoutError:
        print(f"[{backend}] {anyio.current_time() - start:.2f} s  fail_after raised TimeoutError")


for backend in ["asyncio", "trio"]:
    anyio.run(main, backend, backend=backend)  # (6)!
