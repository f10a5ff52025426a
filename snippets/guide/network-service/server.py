# --8<-- [start:setup]
"""A line-based temperature-conversion service on 127.0.0.1:8802, built to stay up.

Requests are lines such as "C2F 21.5" or "F2C 98.6"; each gets one answer line.
Stop it with Ctrl-C or SIGTERM: it finishes the requests in progress, then exits.
"""

import asyncio
import signal

HOST, PORT = "127.0.0.1", 8802
MAX_LINE = 256  # longest request line, in bytes (1)
IDLE_TIMEOUT = 1.0  # seconds a client may stay silent (2)
WRITE_TIMEOUT = 5.0  # seconds a client may take to read an answer (3)
GRACE = 5.0  # seconds that requests in flight get at shutdown (4)


def convert(request):
    match request.split():
        case ["C2F", value]:
            return f"{float(value) * 9 / 5 + 32:.1f} F"
        case ["F2C", value]:
            return f"{(float(value) - 32) * 5 / 9:.1f} C"
    raise ValueError(f"cannot understand {request!r}")


class Service:
    def __init__(self):
        self.stats = dict(clients=0, answered=0, timed_out=0, too_long=0, errors=0)
        self.waiting = set()  # handlers waiting for a client's next request
        self.handlers = set()  # every handler still running
        self.stopping = False

    # --8<-- [end:setup]
    # --8<-- [start:handler]
    async def handle(self, reader, writer):
        me = asyncio.current_task()
        self.handlers.add(me)
        self.stats["clients"] += 1
        try:
            while not self.stopping:
                self.waiting.add(me)  # (1)!
                try:
                    async with asyncio.timeout(IDLE_TIMEOUT):  # (2)!
                        line = await reader.readline()
                finally:
                    self.waiting.discard(me)
                if not line:  # the client closed the connection
                    break
                await asyncio.sleep(0.01)  # stands in for a database lookup
                try:
                    answer = convert(line.decode())
                except ValueError as error:
                    answer = f"ERR {error}"
                writer.write(f"{answer}\n".encode())
                async with asyncio.timeout(WRITE_TIMEOUT):
                    await writer.drain()  # (3)!
                self.stats["answered"] += 1
        except TimeoutError:
            self.stats["timed_out"] += 1
            writer.write(b"ERR timed out, bye\n")
        except ValueError:  # (4)!
            self.stats["too_long"] += 1
            writer.write(b"ERR line too long, bye\n")
        except asyncio.CancelledError:  # (5)!
            writer.write(b"ERR server shutting down, bye\n")
        except OSError:
            self.stats["errors"] += 1  # the client vanished mid-answer
        finally:
            writer.close()  # (6)!
            self.handlers.discard(me)

    # --8<-- [end:handler]

    # --8<-- [start:shutdown]
    async def serve(self):
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        server = await asyncio.start_server(self.handle, HOST, PORT, limit=MAX_LINE)  # (1)!
        print(f"listening on {HOST}:{PORT}", flush=True)
        await stop.wait()

        server.close()  # (2)!
        self.stopping = True
        busy = len(self.handlers) - len(self.waiting)
        print(f"stopping: no new connections; in flight: {busy}, idle: {len(self.waiting)}")
        for task in list(self.waiting):  # (3)!
            task.cancel()
        if self.handlers:
            _, late = await asyncio.wait(self.handlers, timeout=GRACE)  # (4)!
            for task in late:
                task.cancel()
        await server.wait_closed()
        stats = self.stats
        print(f"clients served: {stats['clients']}, requests answered: {stats['answered']}")
        print(f"clients timed out: {stats['timed_out']}, long lines refused: {stats['too_long']}")
        print(f"client errors: {stats['errors']}; shut down cleanly")


asyncio.run(Service().serve())
# --8<-- [end:shutdown]
