"""A Future is a placeholder for a result that something else will provide."""

import asyncio


def announce(fut: asyncio.Future) -> None:
    print(f"  done callback: result is {fut.result()!r}")


async def main() -> None:
    loop = asyncio.get_running_loop()
    parcel = loop.create_future()  # (1)!
    print("done():", parcel.done())
    try:
        parcel.result()
    except asyncio.InvalidStateError as error:
        print("result() too early:", error)  # (2)!
    parcel.add_done_callback(announce)  # (3)!
    loop.call_later(0.2, parcel.set_result, "parcel 42 in locker 7")  # (4)!
    print("awaiting the parcel...")
    print("await gave:", await parcel)  # (5)!
    print("done():", parcel.done())

    lost = loop.create_future()
    lost.set_exception(LookupError("no such locker"))  # (6)!
    print("exception():", repr(lost.exception()))
    try:
        await lost
    except LookupError as error:
        print("await raised:", repr(error))


asyncio.run(main())
