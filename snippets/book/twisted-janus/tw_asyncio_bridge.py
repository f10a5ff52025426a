import asyncio

from twisted.internet import asyncioreactor

loop = asyncio.new_event_loop()
asyncioreactor.install(loop)  # (1)!

from twisted.internet import defer, task  # noqa: E402

PRICES = {"kettle": 39.9, "teapot": 24.5}
STOCK = {"kettle": 12, "teapot": 3}


def twisted_price(reactor, item):
    # Twisted-style code: returns a Deferred.
    return task.deferLater(reactor, 0.3, PRICES.get, item)


async def asyncio_stock(item):
    # asyncio-style code: a coroutine that awaits asyncio things.
    await asyncio.sleep(0.2)
    return STOCK[item]


async def asyncio_report(reactor, item):
    price = await twisted_price(reactor, item).asFuture(loop)  # (2)!
    stock = await asyncio_stock(item)
    return f"{item}: {stock} in stock at {price:.2f}"


async def main(reactor):
    print(f"reactor {type(reactor).__name__} on loop {type(loop).__name__}")  # (3)!
    start = loop.time()

    stock = await defer.Deferred.fromFuture(loop.create_task(asyncio_stock("kettle")))  # (4)!
    print(f"{loop.time() - start:.2f} s  Twisted awaited asyncio: stock = {stock}")

    report = await defer.Deferred.fromFuture(loop.create_task(asyncio_report(reactor, "teapot")))
    print(f"{loop.time() - start:.2f} s  asyncio task awaited Twisted: {report}")  # (5)!

    both = await defer.gatherResults(  # (6)!
        [
            twisted_price(reactor, "kettle"),
            defer.Deferred.fromFuture(loop.create_task(asyncio_stock("teapot"))),
        ]
    )
    print(f"{loop.time() - start:.2f} s  side by side: {both}")


task.react(main)
