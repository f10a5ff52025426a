"""A simultaneous chess exhibition: the arithmetic, then a simulation at 2,000 times real speed.

One champion plays 24 opponents. Her moves take her time (she is the one thread);
while an opponent thinks, she is free to move on another board (that is waiting).
"""

import asyncio
import time

OPPONENTS = 24
MOVE_PAIRS = 30
HER_MOVE = 5  # seconds
THEIR_MOVE = 55  # seconds
SIMULATED_PAIRS = 3  # the simulation plays the first 3 move pairs of every game
SPEED_UP = 2_000  # one simulated hour lasts 1.8 s


def think(seconds: float) -> None:
    time.sleep(seconds / SPEED_UP)  # (1)!


def game_one_at_a_time(board: int) -> None:
    for _ in range(SIMULATED_PAIRS):
        think(HER_MOVE)
        think(THEIR_MOVE)  # she stands at the board and waits


async def game_on_all_boards(board: int) -> None:
    for _ in range(SIMULATED_PAIRS):
        think(HER_MOVE)  # (2)!
        await asyncio.sleep(THEIR_MOVE / SPEED_UP)  # (3)!


async def all_boards() -> None:
    await asyncio.gather(*(game_on_all_boards(b) for b in range(OPPONENTS)))


def hours(seconds: float) -> str:
    return f"{seconds / 3600:.1f} hours"


print(f"{OPPONENTS} opponents, {MOVE_PAIRS} move pairs, {HER_MOVE} s vs {THEIR_MOVE} s a move")
print("one board at a time, on paper:", hours(OPPONENTS * MOVE_PAIRS * (HER_MOVE + THEIR_MOVE)))
print("all boards at once, on paper: ", hours(MOVE_PAIRS * OPPONENTS * HER_MOVE))

start = time.perf_counter()
for board in range(OPPONENTS):
    game_one_at_a_time(board)
print(f"first {SIMULATED_PAIRS} move pairs, one at a time: {time.perf_counter() - start:.2f} s")

start = time.perf_counter()
asyncio.run(all_boards())
print(f"first {SIMULATED_PAIRS} move pairs, all at once:   {time.perf_counter() - start:.2f} s")
