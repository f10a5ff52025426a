"""Three counters, one after another: every pause blocks the whole program."""

import time


def count(name: str) -> None:
    print(f"{name}: one")
    time.sleep(0.5)  # (1)!
    print(f"{name}: two")


def main() -> None:
    for name in ("a", "b", "c"):
        count(name)


if __name__ == "__main__":
    start = time.perf_counter()
    main()
    print(f"finished in {time.perf_counter() - start:.2f} s")
