"""A bakery worker that reads two ØMQ sockets with one classic `zmq.Poller` loop.

It pulls orders from a PULL socket and follows the oven on a SUB socket. Messages that
arrive before the oven announces the start of a round are skipped, so every run shows
exactly one round. Start `zmq_services.py` first, then run `python zmq_poller.py`.
"""

import zmq

ORDERS = "tcp://127.0.0.1:25201"
OVEN = "tcp://127.0.0.1:25202"
WANTED_ORDERS = 3
WANTED_READINGS = 2


def main() -> None:
    """Handle one round: three orders and two oven readings, in arrival order."""
    ctx = zmq.Context()
    orders = ctx.socket(zmq.PULL)
    oven = ctx.socket(zmq.SUB)
    orders.connect(ORDERS)
    oven.connect(OVEN)
    oven.subscribe("oven")  # (1)!
    poller = zmq.Poller()
    poller.register(orders, zmq.POLLIN)
    poller.register(oven, zmq.POLLIN)

    print("poller: waiting for the oven to start a round")
    started = False
    handled = readings = 0
    while handled < WANTED_ORDERS or readings < WANTED_READINGS:
        ready = dict(poller.poll())  # (2)!
        if orders in ready:
            text = orders.recv_string()
            if started:
                handled += 1
                print(f"order: {text}")
        if oven in ready:
            text = oven.recv_string().removeprefix("oven ")
            if text == "start":
                started = True  # (3)!
                print("oven:  start of a round")
            elif started:
                readings += 1
                print(f"oven:  {text}")
    print(f"poller: {handled} orders, {readings} readings, one loop for both sockets")
    orders.close(linger=0)
    oven.close(linger=0)
    ctx.term()


if __name__ == "__main__":
    main()
