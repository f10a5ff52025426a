"""The first message broker: a small publish/subscribe server on 127.0.0.1:25000.

A client opens with a hello message, `{"role": "listen" | "publish", "channel": ...,
"name": ...}`. Every frame a publisher sends afterwards is forwarded, unchanged, to each
listener of its channel, straight from the publisher's handler. That is simple, and it
has a flaw: one slow listener holds up the publisher and every other listener
(`mq_broker_v2` fixes it).

Run it with `python mq_broker.py`; stop it with Ctrl+C or SIGTERM.
"""

import asyncio
import signal

from mq_protocol import HOST, PORT, read_frame, receive, send, small_buffers, write_frame

GRACE = 2.0  # seconds open connections get to finish at shutdown


class Broker:
    """Keeps the listeners of every channel and forwards each published frame to them."""

    version = "v1"

    def __init__(self) -> None:
        self.channels: dict[str, list] = {}  # channel -> its listeners
        self.writers: set[asyncio.StreamWriter] = set()  # every open connection
        self.handlers: set[asyncio.Task] = set()
        self.forwarded = 0

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        """Serve one connection; `asyncio.start_server` runs this in a task of its own."""
        self.handlers.add(asyncio.current_task())
        self.writers.add(writer)
        small_buffers(writer)
        try:
            hello = await receive(reader)
            if hello is None:
                return
            if hello["role"] == "listen":
                await self.listen(hello["name"], hello["channel"], reader, writer)
            else:
                await self.publish(hello["name"], hello["channel"], reader)
        except ConnectionError:
            pass  # the client vanished without saying goodbye: it has left all the same
        except (asyncio.IncompleteReadError, ValueError, KeyError) as exc:
            print(f"dropped a client that broke the protocol: {exc!r}")
        except asyncio.CancelledError:  # (1)!
            pass
        finally:
            self.handlers.discard(asyncio.current_task())
            self.writers.discard(writer)
            writer.close()

    async def listen(
        self, name: str, channel: str, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        """Register a listener until it disconnects."""
        listeners = self.channels.setdefault(channel, [])
        listeners.append(writer)
        print(f"{name} listens on {channel}")
        try:
            await send(writer, {"listening": channel})  # (2)!
            await self.until_closed(reader)
        finally:
            listeners.remove(writer)

    @staticmethod
    async def until_closed(reader: asyncio.StreamReader) -> None:
        """Wait until a listener disconnects; it sends nothing after its hello."""
        while await reader.read(4096):  # (3)!
            pass

    async def publish(self, name: str, channel: str, reader: asyncio.StreamReader) -> None:
        """Forward each frame of a publisher to the channel's listeners."""
        print(f"{name} publishes on {channel}")
        while (payload := await read_frame(reader)) is not None:
            for writer in list(self.channels.get(channel, [])):
                write_frame(writer, payload)  # (4)!
                try:
                    await writer.drain()  # (5)!
                except ConnectionError:
                    pass  # that listener has gone; its own handler cleans up
            self.forwarded += 1


async def serve(broker: Broker) -> None:
    """Run `broker` on HOST:PORT until SIGINT or SIGTERM, then shut down cleanly."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    server = await asyncio.start_server(broker.handle, HOST, PORT)
    print(f"broker {broker.version} on {HOST}:{PORT}, Ctrl-C to stop")  # (6)!
    await stop.wait()

    server.close()  # (7)!
    print(f"stopping: closing {len(broker.writers)} open connections")
    for writer in list(broker.writers):
        writer.close()  # (8)!
    if broker.handlers:
        _, late = await asyncio.wait(broker.handlers, timeout=GRACE)
        for task in late:
            task.cancel()
        await asyncio.gather(*late, return_exceptions=True)
    await server.wait_closed()
    print(f"broker {broker.version} stopped after forwarding {broker.forwarded} messages")


if __name__ == "__main__":
    asyncio.run(serve(Broker()))
