from twisted.internet import defer, task

READINGS = {"soil": 31.5, "air": 22.4, "light": 870.0}
DELAYS = {"soil": 0.3, "air": 0.2, "light": 0.1}


def wake(reactor, name):
    # The same Twisted-style API as before: it returns a Deferred.
    return task.deferLater(reactor, 0.1, lambda: name)


async def read_sensor(reactor, name, start):
    await wake(reactor, name)  # (1)!
    value = await task.deferLater(reactor, DELAYS[name], READINGS.get, name)
    print(f"{reactor.seconds() - start:.2f} s  {name:<5} = {value}")
    return value


async def main(reactor):
    start = reactor.seconds()
    readings = [
        defer.ensureDeferred(read_sensor(reactor, name, start)) for name in READINGS
    ]  # (2)!
    values = await defer.gatherResults(readings)
    print(f"{reactor.seconds() - start:.2f} s  all done: {values}")


task.react(main)  # (3)!
