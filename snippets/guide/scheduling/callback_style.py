"""Three steps that depend on each other, written with callbacks only."""

import asyncio

READINGS = {"attic": 14.5, "cellar": 11.0}
TARGETS = {"attic": 19.0}


def read_sensor(loop, room, on_done, on_error):  # (1)!
    def finish():
        if room in READINGS:
            on_done(READINGS[room])
        else:
            on_error(LookupError(f"no sensor in the {room}"))

    loop.call_later(0.05, finish)


def look_up_target(loop, room, on_done, on_error):
    def finish():
        if room in TARGETS:
            on_done(TARGETS[room])
        else:
            on_error(LookupError(f"no target for the {room}"))

    loop.call_later(0.05, finish)


def set_heater(loop, room, watts, on_done):
    loop.call_later(0.05, on_done, f"{room} heater at {watts} W")


def adjust(loop, room, when_finished):
    def failed(error):  # (2)!
        when_finished(f"{room}: {error}")

    def got_reading(celsius):
        def got_target(target):
            watts = max(0, round((target - celsius) * 200))
            set_heater(loop, room, watts, when_finished)  # (3)!

        look_up_target(loop, room, got_target, failed)

    read_sensor(loop, room, got_reading, failed)


async def main():
    loop = asyncio.get_running_loop()
    done = asyncio.Event()
    pending = {"attic", "cellar"}

    def report(line, room):
        print(line)
        pending.discard(room)
        if not pending:
            done.set()  # (4)!

    for room in ("attic", "cellar"):
        adjust(loop, room, lambda line, room=room: report(line, room))
    await done.wait()


asyncio.run(main())
