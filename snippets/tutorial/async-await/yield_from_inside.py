"""`yield from` is not allowed inside `async def`, not even in an async generator."""


async def relay(source):
    yield from source


print("never printed: compiling the file already fails")
