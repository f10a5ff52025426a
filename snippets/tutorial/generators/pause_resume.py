"""A generator runs until `yield`, pauses there, and resumes when asked for the next value."""


def ticket_machine(first: int):
    print("  machine: switched on")
    number = first
    while True:
        print(f"  machine: handing out {number}")
        yield number  # (1)!
        print("  machine: resumed")
        number += 1


machine = ticket_machine(41)  # (2)!
print("created the generator; nothing has run yet")
print("got", next(machine))
print("doing something else in between")
print("got", next(machine))
machine.close()  # (3)!
