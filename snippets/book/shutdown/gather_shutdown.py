"""Cancelling workers at shutdown, then collecting them with gather()."""

import asyncio


async def flush(name, fails):
    if fails:
        await asyncio.sleep(0.05)  # a slow disk, and then...
        raise OSError(f"{name} could not flush its buffer")


async def worker(name, flush_fails=False):
    try:
        await asyncio.sleep(60)  # waiting for work that never comes
    except asyncio.CancelledError:
        await flush(name, flush_fails)  # (1)!
        raise


async def shut_down(return_exceptions):
    names = ["printer", "mailer", "indexer"]
    workers = [asyncio.create_task(worker(n, flush_fails=n == "mailer")) for n in names]
    await asyncio.sleep(0.1)
    for task in workers:
        task.cancel()
    try:
        results = await asyncio.gather(*workers, return_exceptions=return_exceptions)  # (2)!
    except asyncio.CancelledError:  # (3)!
        busy = [name for name, task in zip(names, workers, strict=True) if not task.done()]
        print(f"  gather raised CancelledError; still running: {busy}")
        print("  the rest of the shutdown was skipped")
        return
    for name, result in zip(names, results, strict=True):  # (4)!
        detail = f": {result}" if str(result) else ""
        print(f"  {name:<8} {type(result).__name__}{detail}")
    print("  every worker is accounted for; closing the database")


async def main():
    for flag in (False, True):
        print(f"gather(..., return_exceptions={flag}):")
        await shut_down(flag)


asyncio.run(main())
