"""Non-blocking sockets and select(): what an event loop asks the operating system."""

import select
import selectors
import socket
import time

listener = socket.create_server(("127.0.0.1", 0))  # port 0: any free port
address = listener.getsockname()
alice = socket.create_connection(address)
bob = socket.create_connection(address)
from_alice, _ = listener.accept()
from_bob, _ = listener.accept()
names = {from_alice: "alice", from_bob: "bob"}

for conn in names:
    conn.setblocking(False)  # (1)!

start = time.perf_counter()
try:
    from_alice.recv(1024)
except BlockingIOError:  # (2)!
    print(f"recv with nothing to read: BlockingIOError after {time.perf_counter() - start:.2f} s")

bob.sendall(b"hello from bob")
ready, _, _ = select.select(list(names), [], [], 1.0)  # (3)!
for conn in ready:
    print(f"select: {names[conn]} is readable -> {conn.recv(1024)!r}")

start = time.perf_counter()
ready, _, _ = select.select(list(names), [], [], 0.2)  # (4)!
print(f"select with nothing to read: {len(ready)} ready after {time.perf_counter() - start:.2f} s")

print(f"this system's best selector: {type(selectors.DefaultSelector()).__name__}")  # (5)!

for sock in (alice, bob, from_alice, from_bob, listener):
    sock.close()
