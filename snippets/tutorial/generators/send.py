"""`send()` resumes a generator and gives a value to the paused `yield` expression."""


def running_total():
    total = 0
    while True:
        amount = yield total  # (1)!
        total += amount


totals = running_total()
print(next(totals))  # (2)!
print(totals.send(5))
print(totals.send(10))
print(totals.send(-3))
