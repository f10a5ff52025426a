"""The improved message broker: a queue and a writer task for every listener.

Same protocol and port as `mq_broker`, but publishing never waits for a listener: each
frame is put into every listener's own bounded queue, and a task per listener writes its
queue to the socket. A listener whose queue is full has fallen too far behind: the broker
tells it so and disconnects it, so that it cannot hold up anyone else.

Run it with `python mq_broker_v2.py`; stop it with Ctrl+C or SIGTERM.
"""

import asyncio

from mq_broker import Broker, serve
from mq_protocol import encode, read_frame, write_frame

QUEUE_SIZE = 10  # frames a listener may fall behind before it is cut off


class Listener:
    """One listener: its connection, its queue of frames and the task that sends them."""

    def __init__(self, name: str, writer: asyncio.StreamWriter) -> None:
        self.name = name
        self.writer = writer
        self.queue: asyncio.Queue[bytes] = asyncio.Queue(maxsize=QUEUE_SIZE)  # (1)!
        self.pump = asyncio.create_task(self.send_queued())
        self.too_slow = False

    async def send_queued(self) -> None:
        """Write queued frames to the socket; only this task waits for this listener."""
        while True:
            payload = await self.queue.get()
            write_frame(self.writer, payload)
            await self.writer.drain()  # (2)!

    def offer(self, payload: bytes) -> None:
        """Queue a frame without waiting; cut the listener off if its queue is full."""
        try:
            self.queue.put_nowait(payload)
        except asyncio.QueueFull:  # (3)!
            if not self.too_slow:
                self.too_slow = True
                print(f"{self.name} is too slow, cutting it off")
                self.pump.cancel()


class QueueingBroker(Broker):
    """A `Broker` whose publishers hand frames to per-listener queues."""

    version = "v2"

    async def listen(
        self, name: str, channel: str, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        """Register a listener with its queue and writer task until it leaves or lags."""
        listener = Listener(name, writer)
        listener.offer(encode({"listening": channel}))  # (4)!
        listeners = self.channels.setdefault(channel, [])
        listeners.append(listener)
        print(f"{name} listens on {channel}")
        gone = asyncio.create_task(self.until_closed(reader))
        try:
            await asyncio.wait({listener.pump, gone}, return_when=asyncio.FIRST_COMPLETED)  # (5)!
        finally:
            listeners.remove(listener)  # (6)!
            listener.pump.cancel()
            gone.cancel()
            await asyncio.gather(listener.pump, gone, return_exceptions=True)
        if listener.too_slow:
            write_frame(writer, encode({"error": "cut us off: we fell too far behind"}))  # (7)!

    async def publish(self, name: str, channel: str, reader: asyncio.StreamReader) -> None:
        """Hand each frame of a publisher to the queues of the channel's listeners."""
        print(f"{name} publishes on {channel}")
        while (payload := await read_frame(reader)) is not None:
            for listener in list(self.channels.get(channel, [])):
                listener.offer(payload)  # (8)!
            self.forwarded += 1


if __name__ == "__main__":
    asyncio.run(serve(QueueingBroker()))
