"""shield() keeps an inner task running when the code waiting for it gives up."""

import asyncio
import time

start = time.perf_counter()


def log(message: str) -> None:
    print(f"{time.perf_counter() - start:.2f} s  {message}")


async def save_order(order: int) -> str:
    log(f"writing order {order} to the ledger")
    await asyncio.sleep(0.5)
    log(f"order {order} saved")
    return f"receipt-{order}"


async def main() -> None:
    saving = asyncio.create_task(save_order(42))  # (1)!
    try:
        async with asyncio.timeout(0.2):
            await asyncio.shield(saving)  # (2)!
    except TimeoutError:
        log("no answer within 0.2 s; telling the customer we will email the receipt")
    log(f"the save is still running: {not saving.done()}")
    receipt = await saving  # (3)!
    log(f"emailing {receipt}")


asyncio.run(main())
