"""throw() raises an exception inside a suspended coroutine, right at its await."""

import asyncio


async def pack(item: str) -> str:
    print(f"  packing the {item}")
    try:
        await asyncio.sleep(0)  # (1)!
        return f"{item} shipped"
    except LookupError as error:
        print(f"  {error!r} arrived at the await")
        return f"{item} back-ordered"
    finally:
        print(f"  clearing the bench after the {item}")


order = pack("lamp")
order.send(None)  # run up to the first await
try:
    order.throw(LookupError("out of stock"))  # (2)!
except StopIteration as stop:
    print("result:", stop.value)

order = pack("desk")
order.send(None)
try:
    order.throw(asyncio.CancelledError)  # (3)!
except asyncio.CancelledError:
    print("CancelledError came back out: the coroutine let it through")
