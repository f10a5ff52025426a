"""A chess engine weighs its candidate moves while the game clock on screen keeps ticking."""

import asyncio
import time

TICK = 0.05  # the clock redraws itself every 0.05 s
WORK_PER_MOVE = 0.01  # seconds of computation to weigh one candidate move
CANDIDATES = [piece + file + rank for piece in "NBRQK" for file in "abcdefgh" for rank in "36"]


def evaluate(move: str) -> int:
    """Weigh one move: 10 ms of pure computation (a busy loop: no I/O, nothing to await)."""
    end = time.perf_counter() + WORK_PER_MOVE
    while time.perf_counter() < end:
        pass
    return sum((position + 1) * ord(char) for position, char in enumerate(move)) % 97


async def think(moves: list[str]) -> str:
    """The move of `moves` that `evaluate` weighs highest (the first one, on a tie)."""
    best, best_score = "", -1
    for move in moves:
        score = evaluate(move)
        if score > best_score:
            best, best_score = move, score
        await asyncio.sleep(0)  # let the clock (and every other task) have a turn
    return best


async def clock(pauses: list[float]) -> None:
    """Redraw the clock every TICK seconds, for ever; note each pause between two redraws."""
    last = time.perf_counter()
    while True:
        await asyncio.sleep(TICK)
        now = time.perf_counter()
        pauses.append(now - last)
        last = now


async def main() -> None:
    pauses: list[float] = []
    ticking = asyncio.create_task(clock(pauses))
    await asyncio.sleep(0)  # the clock starts
    best = await think(CANDIDATES)
    await asyncio.sleep(TICK)  # one more redraw
    ticking.cancel()
    print(f"the engine plays {best}")
    print(f"the clock froze for at most {max(pauses):.2f} s")


if __name__ == "__main__":
    asyncio.run(main())
