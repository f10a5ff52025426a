"""Listen on a channel of the broker and print each message that arrives.

Example: `python mq_listener.py --channel weather --count 5 --delay 0.3`. The first line
it prints, `<name>: listening on <channel>`, comes once the broker has registered it. It
leaves after `--count` messages, or when the broker hangs up.
"""

import argparse
import asyncio

from mq_protocol import HOST, PORT, receive, send, small_buffers


def parse_args() -> argparse.Namespace:
    """Read the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--name", default="listener", help="name shown by the broker")
    parser.add_argument("--channel", default="news", help="channel to listen on")
    parser.add_argument("--count", type=int, default=5, help="leave after this many messages")
    parser.add_argument("--delay", type=float, default=0.0, help="seconds spent on each message")
    parser.add_argument("--port", type=int, default=PORT, help="broker port")
    return parser.parse_args()


def span(numbers: list[int]) -> str:
    """Describe message numbers briefly: `#1-#8` when they run without gaps."""
    if numbers and numbers == list(range(numbers[0], numbers[-1] + 1)):
        return f"#{numbers[0]}-#{numbers[-1]}"
    return " ".join(f"#{n}" for n in numbers) or "no messages"


async def listen(args: argparse.Namespace) -> None:
    """Subscribe to `args.channel` and print messages until `args.count` have arrived."""
    reader, writer = await asyncio.open_connection(HOST, args.port)
    small_buffers(writer)
    await send(writer, {"role": "listen", "channel": args.channel, "name": args.name})
    await receive(reader)  # (1)!
    print(f"{args.name}: listening on {args.channel}")
    received, first = [], None
    while len(received) < args.count:
        message = await receive(reader)
        first = first or asyncio.get_running_loop().time()
        if message is None or "error" in message:  # (2)!
            reason = "closed the connection" if message is None else message["error"]
            print(f"{args.name}: the broker {reason}")
            break
        received.append(message["seq"])
        print(f"{args.name}: got #{message['seq']} {message['body']!r}")
        await asyncio.sleep(args.delay)  # (3)!
    took = asyncio.get_running_loop().time() - first if received else 0.0
    writer.write_eof()  # (4)!
    while await reader.read(64 * 1024):
        pass
    writer.close()
    await writer.wait_closed()
    when = f", {took:.2f} s after the first message" if received else ""
    print(f"{args.name}: leaving with {span(received)}{when}")


if __name__ == "__main__":
    asyncio.run(listen(parse_args()))
