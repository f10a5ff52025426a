"""An async context manager written as a class: a pretend connection to a print server."""

import asyncio


class PrinterSession:
    def __init__(self, printer: str) -> None:
        self.printer = printer

    async def __aenter__(self) -> "PrinterSession":  # (1)!
        await asyncio.sleep(0.1)  # connecting takes a while
        print(f"connected to {self.printer}")
        return self  # (2)!

    async def __aexit__(self, exc_type, exc, tb) -> bool:  # (3)!
        await asyncio.sleep(0.1)  # so does hanging up politely
        outcome = "cleanly" if exc_type is None else f"after {exc_type.__name__}"
        print(f"disconnected from {self.printer} {outcome}")
        return False  # (4)!

    async def print_page(self, text: str) -> None:
        if not text:
            raise ValueError("empty page")
        await asyncio.sleep(0.1)
        print(f"  printed {text!r}")


async def main() -> None:
    async with PrinterSession("floor-2") as session:
        await session.print_page("agenda")
    try:
        async with PrinterSession("floor-3") as session:
            await session.print_page("minutes")
            await session.print_page("")
    except ValueError as error:
        print(f"main caught: {error}")


asyncio.run(main())
