"""Publish numbered messages on a channel of the broker.

Example: `python mq_sender.py --channel weather --count 5 --interval 0.5`. Each message
is `{"seq": n, "body": "...", "attachment": "..."}`; `--size` pads the attachment to make
messages large (think of a photo), which fills network buffers quickly.
"""

import argparse
import asyncio

from mq_protocol import HOST, PORT, send, small_buffers


def parse_args() -> argparse.Namespace:
    """Read the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--name", default="sender", help="name shown by the broker")
    parser.add_argument("--channel", default="news", help="channel to publish on")
    parser.add_argument("--count", type=int, default=5, help="number of messages")
    parser.add_argument("--interval", type=float, default=0.5, help="seconds between messages")
    parser.add_argument("--size", type=int, default=0, help="bytes of attachment per message")
    parser.add_argument("--port", type=int, default=PORT, help="broker port")
    return parser.parse_args()


async def publish(args: argparse.Namespace) -> None:
    """Connect, say hello as a publisher, send `args.count` messages and leave."""
    reader, writer = await asyncio.open_connection(HOST, args.port)
    small_buffers(writer)
    start = asyncio.get_running_loop().time()
    await send(writer, {"role": "publish", "channel": args.channel, "name": args.name})
    for seq in range(1, args.count + 1):
        if seq > 1:
            await asyncio.sleep(args.interval)
        body = f"{args.name} message {seq}"
        await send(writer, {"seq": seq, "body": body, "attachment": "#" * args.size})  # (1)!
    writer.close()
    await writer.wait_closed()  # (2)!
    elapsed = asyncio.get_running_loop().time() - start
    print(f"{args.name}: sent {args.count} messages on {args.channel} in {elapsed:.2f} s")


if __name__ == "__main__":
    asyncio.run(publish(parse_args()))
