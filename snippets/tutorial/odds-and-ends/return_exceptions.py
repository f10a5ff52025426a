"""What happens to the other awaitables when one of them fails inside gather."""

import asyncio


async def job(name: str, seconds: float, fail: bool = False) -> str:
    await asyncio.sleep(seconds)
    if fail:
        raise ValueError(f"{name} failed")
    print(f"  {name} finished")
    return f"{name} ok"


async def main() -> None:
    results = await asyncio.gather(  # (1)!
        job("a", 0.1), job("b", 0.2, fail=True), job("c", 0.3), return_exceptions=True
    )
    print("results:", results)

    try:
        await asyncio.gather(job("d", 0.1, fail=True), job("e", 0.4))  # (2)!
    except ValueError as error:
        print("without return_exceptions the first error propagates:", error)
    await asyncio.sleep(0.5)  # (3)!
    print("main returns")


asyncio.run(main())
