from twisted.internet import defer, task

READINGS = {"soil": 31.5, "air": 22.4, "light": 870.0}
DELAYS = {"soil": 0.3, "air": 0.2, "light": 0.1}


def wake(reactor, name):
    # A Twisted-style API: it returns a Deferred that fires later.
    return task.deferLater(reactor, 0.1, lambda: name)


@defer.inlineCallbacks
def read_sensor(reactor, name, start):
    yield wake(reactor, name)  # (1)!
    value = yield task.deferLater(reactor, DELAYS[name], READINGS.get, name)  # (2)!
    print(f"{reactor.seconds() - start:.2f} s  {name:<5} = {value}")
    return value  # (3)!


@defer.inlineCallbacks
def main(reactor):
    start = reactor.seconds()
    readings = [read_sensor(reactor, name, start) for name in READINGS]  # (4)!
    values = yield defer.gatherResults(readings)
    print(f"{reactor.seconds() - start:.2f} s  all done: {values}")


task.react(main)  # (5)!
