"""What 200 idle threads cost: a big reservation of address space, little real memory."""

import resource
import threading

THREADS = 200


def status_kib(field: str) -> int:
    with open("/proc/self/status") as status:  # (1)!
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise LookupError(field)


def magnitude(kib: float) -> str:
    for limit, words in ((10, "a few KiB"), (100, "tens of KiB"), (1024, "hundreds of KiB")):
        if kib < limit:
            return words
    return "MiB or more"


stack_kib = resource.getrlimit(resource.RLIMIT_STACK)[0] // 1024  # (2)!
print(f"threading.stack_size(): {threading.stack_size()} (0 means the platform default)")
print(f"default stack per thread (ulimit -s): {stack_kib} KiB")

closing_time = threading.Event()
rss, virtual = status_kib("VmRSS"), status_kib("VmSize")
bots = [threading.Thread(target=closing_time.wait) for _ in range(THREADS)]
for bot in bots:
    bot.start()
grown_rss = status_kib("VmRSS") - rss
grown_virtual = status_kib("VmSize") - virtual
closing_time.set()
for bot in bots:
    bot.join()

reserved = THREADS * stack_kib // 1024
print(f"{THREADS} threads reserve {reserved} MiB for stacks alone")
print("address space grew by at least that much:", grown_virtual >= THREADS * stack_kib)  # (3)!
print(f"resident memory grew by {magnitude(grown_rss / THREADS)} per thread")  # (4)!
