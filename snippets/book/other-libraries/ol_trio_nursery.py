import trio


async def upload(name, seconds, start, fail=False):
    try:
        await trio.sleep(seconds)
    except trio.Cancelled:  # (1)!
        print(f"{trio.current_time() - start:.2f} s  {name}: cancelled")
        raise
    if fail:
        raise ConnectionError(f"{name}: connection reset")
    print(f"{trio.current_time() - start:.2f} s  {name}: uploaded")


async def main():
    start = trio.current_time()
    try:
        async with trio.open_nursery() as nursery:  # (2)!
            nursery.start_soon(upload, "photo", 0.1, start)
            nursery.start_soon(upload, "video", 0.5, start)
            nursery.start_soon(upload, "notes", 0.2, start, True)
    except* ConnectionError as group:  # (3)!
        print(f"{trio.current_time() - start:.2f} s  nursery closed: {group.exceptions}")

    try:
        with trio.fail_after(0.3):  # (4)!
            await upload("backup", 1.0, start)
    except trio.TooSlowError:
        print(f"{trio.current_time() - start:.2f} s  backup: too slow")


trio.run(main)
