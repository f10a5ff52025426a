"""Wire format shared by the broker and its clients: length-prefixed frames of JSON.

Every frame is a 4-byte big-endian length followed by exactly that many bytes of payload.
A payload is a UTF-8 JSON object. This module is imported by `mq_broker`, `mq_broker_v2`,
`mq_sender` and `mq_listener`; it is not run by itself.
"""

import asyncio
import json
import socket
import struct

HOST = "127.0.0.1"
PORT = 25000
HEADER = struct.Struct(">I")  # (1)!
MAX_FRAME = 8 * 1024 * 1024  # refuse frames announcing more than 8 MiB


async def read_frame(reader: asyncio.StreamReader) -> bytes | None:
    """Read one frame and return its payload.

    Returns None when the stream ends cleanly between two frames. Raises
    `asyncio.IncompleteReadError` when it ends inside a frame, and `ValueError` when the
    header announces more than `MAX_FRAME` bytes.
    """
    try:
        header = await reader.readexactly(HEADER.size)  # (2)!
    except asyncio.IncompleteReadError as exc:
        if exc.partial:  # (3)!
            raise
        return None
    (size,) = HEADER.unpack(header)
    if size > MAX_FRAME:
        raise ValueError(f"frame of {size} bytes is too large")
    return await reader.readexactly(size)  # (4)!


def write_frame(writer: asyncio.StreamWriter, payload: bytes) -> None:
    """Append one frame to the writer's buffer. Await `writer.drain()` afterwards."""
    writer.write(HEADER.pack(len(payload)) + payload)  # (5)!


def encode(message: dict) -> bytes:
    """Turn a message (a JSON-compatible dict) into a frame payload."""
    return json.dumps(message, separators=(",", ":")).encode()


def decode(payload: bytes) -> dict:
    """Turn a frame payload back into a message."""
    return json.loads(payload)


async def send(writer: asyncio.StreamWriter, message: dict) -> None:
    """Write one message as a frame and wait until the writer's buffer has room again."""
    write_frame(writer, encode(message))
    await writer.drain()


async def receive(reader: asyncio.StreamReader) -> dict | None:
    """Read one message; None at a clean end of stream."""
    payload = await read_frame(reader)
    return None if payload is None else decode(payload)


def small_buffers(writer: asyncio.StreamWriter, size: int = 32 * 1024) -> None:
    """Shrink the operating system's send and receive buffers of one connection.

    The broker and the clients call it on every connection so that a slow reader makes
    itself felt after a few messages instead of a few megabytes.
    """
    sock = writer.get_extra_info("socket")
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, size)  # (6)!
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, size)
