"""A print shop: the printer warms up while the document is being typeset."""

import asyncio


async def warm_up() -> None:
    print("printer warming up")
    await asyncio.sleep(0.4)
    print("printer ready")


async def typeset(title: str) -> str:
    print(f"typesetting {title}")
    await asyncio.sleep(0.6)
    print(f"{title} typeset")
    return f"{title}.pdf"


async def print_job(title: str) -> str:
    """Typeset `title` and print it, warming the printer up in the meantime."""
    printer = asyncio.create_task(warm_up())  # scheduled: runs when print_job next waits
    document = await typeset(title)
    await printer  # the printer must be ready before anything is printed
    return f"printed {document}"


async def main() -> None:
    print(await print_job("poster"))


if __name__ == "__main__":
    asyncio.run(main())
