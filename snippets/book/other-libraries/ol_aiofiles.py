import asyncio
import random

import aiofiles
import aiofiles.os

FOLDER = "ol_exports"
METERS = ["north", "east", "west"]


async def export(meter):
    rng = random.Random(meter)  # one seeded generator per coroutine
    path = f"{FOLDER}/{meter}.csv"
    async with aiofiles.open(path, "w") as f:  # (1)!
        for hour in range(24):
            await f.write(f"{hour},{rng.randint(10, 99)}\n")  # (2)!
    return path


async def total(path):
    kwh = 0
    async with aiofiles.open(path) as f:
        async for line in f:  # (3)!
            kwh += int(line.split(",")[1])
    size = await aiofiles.os.path.getsize(path)
    return kwh, size


async def main():
    await aiofiles.os.makedirs(FOLDER, exist_ok=True)
    paths = await asyncio.gather(*(export(m) for m in METERS))  # (4)!
    print("written:", sorted(await aiofiles.os.listdir(FOLDER)))
    totals = await asyncio.gather(*(total(p) for p in paths))
    for path, (kwh, size) in zip(paths, totals, strict=True):
        print(f"{path}: {kwh} kWh in {size} bytes")
    for path in paths:
        await aiofiles.os.remove(path)  # (5)!
    await aiofiles.os.rmdir(FOLDER)
    print("cleaned up:", not await aiofiles.os.path.exists(FOLDER))


asyncio.run(main())
