"""The toy loop of futures.py, plus sockets: it blocks in select() until a socket is
ready or the next timer is due. Imported by echo_server.py and echo_client.py."""

import errno
import heapq
import selectors
import socket
import time
from collections import deque


class Cancelled(Exception):
    """Thrown into a coroutine whose wait was cancelled."""


class Loop:
    def __init__(self):
        self.ready = deque()  # callbacks to run at the next turn
        self.timers = []  # a heap of (deadline, number, callback, args)
        self.numbers = 0
        self.selector = selectors.DefaultSelector()  # (1)!

    def call_soon(self, callback, *args):
        self.ready.append((callback, args))

    def call_later(self, delay, callback, *args):
        self.numbers += 1
        heapq.heappush(self.timers, (time.monotonic() + delay, self.numbers, callback, args))

    def wait_for(self, sock, event):
        """A future that is done when the socket is ready to read or to write."""
        future = Future()
        self.selector.register(sock, event, future)  # (2)!
        return future

    def run_once(self):
        if self.ready:
            timeout = 0  # callbacks are waiting: only look
        elif self.timers:
            timeout = max(0.0, self.timers[0][0] - time.monotonic())
        else:
            timeout = None  # no timer: wait for a socket as long as it takes
        if self.selector.get_map():
            events = self.selector.select(timeout)  # (3)!
        else:  # no socket to watch (and Windows' select() refuses to wait on none)
            time.sleep(timeout or 0)
            events = []
        for key, _ in events:
            self.selector.unregister(key.fileobj)
            key.data.set_result(None)  # (4)!
        now = time.monotonic()
        while self.timers and self.timers[0][0] <= now:
            _, _, callback, args = heapq.heappop(self.timers)
            self.ready.append((callback, args))
        for _ in range(len(self.ready)):
            callback, args = self.ready.popleft()
            callback(*args)

    def run(self, coro):
        main = Task(coro)
        while main.state == "pending":
            self.run_once()
        return main.result()


loop = Loop()


class Future:
    def __init__(self):
        self.state = "pending"  # then "done" or "cancelled"
        self.value = None
        self.callbacks = []

    def add_done_callback(self, callback):
        if self.state == "pending":
            self.callbacks.append(callback)
        else:
            loop.call_soon(callback, self)

    def set_result(self, value):
        if self.state == "pending":
            self.state, self.value = "done", value
            self._wake_up()

    def cancel(self):
        if self.state != "pending":
            return False
        self.state = "cancelled"
        self._wake_up()
        return True

    def _wake_up(self):
        for callback in self.callbacks:
            loop.call_soon(callback, self)
        self.callbacks.clear()

    def result(self):
        if self.state == "cancelled":
            raise Cancelled()
        return self.value

    def __await__(self):
        if self.state == "pending":
            yield self
        return self.result()


class Task(Future):
    """A future whose result is a coroutine's return value."""

    def __init__(self, coro):
        super().__init__()
        self.coro = coro
        self.waiting_for = None
        loop.call_soon(self.step)

    def step(self, error=None):
        self.waiting_for = None
        try:
            if error is None:
                awaited = self.coro.send(None)
            else:
                awaited = self.coro.throw(error)
        except StopIteration as finished:
            self.set_result(finished.value)
        except Cancelled:
            super().cancel()
        else:
            self.waiting_for = awaited
            awaited.add_done_callback(self.wake_up)

    def wake_up(self, future):
        if future.state == "cancelled":
            self.step(Cancelled())
        else:
            self.step()

    def cancel(self):
        if self.waiting_for is None:
            return False
        return self.waiting_for.cancel()


def sleep(delay, value=None):
    future = Future()
    loop.call_later(delay, future.set_result, value)
    return future


# Coroutines for non-blocking sockets: try, and if the socket is not ready, wait for it.


async def accept(server):
    await loop.wait_for(server, selectors.EVENT_READ)
    client, address = server.accept()
    client.setblocking(False)
    return client, address


async def connect(address):
    sock = socket.socket()
    sock.setblocking(False)
    if sock.connect_ex(address) not in (0, errno.EINPROGRESS, errno.EWOULDBLOCK):  # (5)!
        raise ConnectionError(f"cannot connect to {address}")
    await loop.wait_for(sock, selectors.EVENT_WRITE)
    if error := sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR):
        raise OSError(error, f"cannot connect to {address}")
    return sock


async def recv(sock, size):
    await loop.wait_for(sock, selectors.EVENT_READ)
    return sock.recv(size)


async def send_all(sock, data):
    while data:
        try:
            data = data[sock.send(data) :]
        except BlockingIOError:  # (6)!
            await loop.wait_for(sock, selectors.EVENT_WRITE)
