"""`yield from` hands control to another generator and receives its return value."""


def read_header():
    name = yield "name?"
    size = yield "size?"
    return f"{name} ({size} bytes)"  # (1)!


def read_file():
    header = yield from read_header()  # (2)!
    print("header read:", header)
    body = yield "body?"
    return header, body


reader = read_file()
print(next(reader))
print(reader.send("notes.txt"))
print(reader.send(120))
try:
    reader.send("Dear diary")
except StopIteration as done:  # (3)!
    print("finished with", done.value)
