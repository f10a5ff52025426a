"""Three slow downloads, one after another: each wait blocks the whole program."""

import time

PAGES = {"/news": 0.3, "/shop": 0.5, "/maps": 0.4}  # seconds each page takes
started = time.perf_counter()


def clock() -> str:
    return f"{time.perf_counter() - started:4.2f} s"


def download(path: str, seconds: float) -> str:
    print(f"{clock()}  asking for {path}")
    time.sleep(seconds)  # (1)!
    print(f"{clock()}  got {path}")
    return path


def main() -> None:
    pages = [download(path, seconds) for path, seconds in PAGES.items()]
    print(f"{clock()}  {len(pages)} pages, one after another: {pages}")


main()
