"""Three players roll dice at once; each keeps rolling until it reaches its target."""

import asyncio
import random
import time

TURN = 0.12  # seconds a player waits between two rolls


async def roll_until(player: int, target: int) -> int:
    dice = random.Random(player)  # (1)!
    await asyncio.sleep(player * TURN / 3)  # (2)!
    rolls = 0
    while True:
        rolls += 1
        value = dice.randint(1, 6)
        print(f"{'    ' * player}player {player} rolls {value}")  # (3)!
        if value >= target:
            return rolls
        await asyncio.sleep(TURN)


async def main() -> None:
    targets = (5, 5, 6)
    start = time.perf_counter()
    rolls = await asyncio.gather(*(roll_until(p, t) for p, t in enumerate(targets)))
    for player, (target, count) in enumerate(zip(targets, rolls, strict=True)):
        print(f"player {player} reached {target} after {count} rolls")
    print(f"all done in {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    asyncio.run(main())
